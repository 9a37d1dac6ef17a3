"""The whole-dataset download: what the ZIP and the SQLite file hold, that a build replaces
whole files or none, that a load notes itself and the data page says when the download predates
it, and how the files are served."""

import csv
import datetime as dt
import io
import json
import sqlite3
import zipfile

import pytest
from django.core.management import call_command
from django.urls import reverse

from inspections.models import Grade
from inspections.tables import GradeTable
from letters.loading import load_letters
from letters.models import Letter
from opendata import dataset
from opendata.dataset import MANIFEST_NAME, SQLITE_NAME, TABLES, ZIP_NAME, build_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(seeds_dir, settings):
    """Letters loaded, then the dataset built, as `make load` does."""
    load_letters(paths=[seeds_dir])
    build_dataset()
    return settings.DATASET_DIR


def _csv(archive, name):
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


def test_a_build_holds_what_was_loaded(loaded):
    manifest = json.loads((loaded / MANIFEST_NAME).read_text())

    assert (loaded / ZIP_NAME).exists() and (loaded / SQLITE_NAME).exists()
    assert manifest["tables"]["letters"] == Letter.objects.count() == 5
    assert manifest["tables"]["grades"] == Grade.objects.count()
    assert manifest["files"][ZIP_NAME]["bytes"] == (loaded / ZIP_NAME).stat().st_size
    assert not dataset.stale(manifest, dataset.read_load_note())


def test_a_load_does_not_build_but_notes_itself(seeds_dir, settings):
    load_letters(paths=[seeds_dir])

    assert not (settings.DATASET_DIR / ZIP_NAME).exists()
    assert not (settings.DATASET_DIR / MANIFEST_NAME).exists()
    note = dataset.read_load_note()
    assert (note["created"], note["updated"]) == (5, 0)


def test_a_load_after_the_build_makes_it_stale_and_the_page_says_so(client, loaded, seeds_dir):
    page = client.get(reverse("opendata:data")).content.decode()
    assert "after the latest load of letters" in page and "loaded after this build" not in page

    Letter.objects.order_by("pk").first().delete()
    load_letters(paths=[seeds_dir])  # stores the deleted letter again

    manifest = dataset.read_manifest()
    assert dataset.stale(manifest, dataset.read_load_note())
    page = client.get(reverse("opendata:data")).content.decode()
    assert "Letters were loaded after this build" in page
    assert "after the latest load of letters" not in page
    assert "manage.py build_dataset" in page
    # The files served are still the previous build's, whole, with its date.
    assert manifest["tables"]["letters"] == 5

    build_dataset()
    assert not dataset.stale(dataset.read_manifest(), dataset.read_load_note())
    assert "loaded after this build" not in client.get(reverse("opendata:data")).content.decode()


def test_a_load_that_overlaps_a_build_counts_as_after_it(loaded, monkeypatch):
    """The note is compared with when the build began reading, not when it finished."""
    manifest = dataset.read_manifest()
    read_at = dt.datetime.fromisoformat(manifest["read_at"])
    during = {"finished": (read_at + dt.timedelta(microseconds=1)).isoformat()}
    before = {"finished": (read_at - dt.timedelta(microseconds=1)).isoformat()}

    assert dataset.stale(manifest, during)
    assert not dataset.stale(manifest, before)
    assert dataset.stale(None, None)  # never built


def test_a_load_that_changes_nothing_notes_nothing(loaded, seeds_dir):
    before = (loaded / dataset.LOADED_NAME).read_text()

    load_letters(paths=[seeds_dir])

    assert (loaded / dataset.LOADED_NAME).read_text() == before
    assert not dataset.stale(dataset.read_manifest(), dataset.read_load_note())


def test_a_dry_run_notes_nothing(seeds_dir, settings):
    load_letters(paths=[seeds_dir], dry_run=True)

    assert not (settings.DATASET_DIR / dataset.LOADED_NAME).exists()
    assert not (settings.DATASET_DIR / MANIFEST_NAME).exists()


def test_build_if_stale_builds_only_after_a_load(seeds_dir, settings):
    def build_if_stale():
        out = io.StringIO()
        call_command("build_dataset", "--if-stale", stdout=out)
        return out.getvalue()

    assert "Built the dataset" in build_if_stale()  # never built
    assert "up to date" in build_if_stale()
    load_letters(paths=[seeds_dir])
    assert "Built the dataset" in build_if_stale()
    assert dataset.read_manifest()["tables"]["letters"] == 5
    assert "up to date" in build_if_stale()


def test_the_zip_holds_a_csv_per_table_a_dictionary_and_the_licence(loaded):
    with zipfile.ZipFile(loaded / ZIP_NAME) as archive:
        names = set(archive.namelist())
        grades = _csv(archive, "grades.csv")
        forces = _csv(archive, "forces.csv")
        dictionary = _csv(archive, "data-dictionary.csv")
        readme = archive.read("README.txt").decode()

    assert names == {f"{t.name}.csv" for t in TABLES} | {"data-dictionary.csv", "README.txt"}
    assert list(grades[0]) == [field.name for field in GradeTable.export_fields]
    assert len(grades) == Grade.objects.count()
    assert {row["ons_code"] for row in forces if row["slug"] == "leicestershire"} == {"E23000021"}
    described = {(row["table"], row["column"]) for row in dictionary}
    for table in TABLES:
        assert {(table.name, field.name) for field in table.fields} <= described
    assert all(row["description"] for row in dictionary)
    assert "Open Government Licence v3.0" in readme and "How to cite" in readme


def test_the_sqlite_file_holds_the_same_tables_with_the_letters_text(loaded):
    database = sqlite3.connect(loaded / SQLITE_NAME)
    try:
        counts = {
            t.name: database.execute(f'SELECT COUNT(*) FROM "{t.name}"').fetchone()[0]
            for t in TABLES
        }
        text = database.execute("SELECT text FROM letters ORDER BY id LIMIT 1").fetchone()[0]
        joined = database.execute(
            "SELECT COUNT(*) FROM grades JOIN letters ON letters.id = grades.letter_id"
        ).fetchone()[0]
        metadata = dict(database.execute("SELECT key, value FROM metadata"))
    finally:
        database.close()

    assert counts["letters"] == 5 and counts["forces"] == 43
    assert counts["grades"] == joined == Grade.objects.count()
    assert text == Letter.objects.order_by("pk").first().text
    assert metadata["licence"] == "Open Government Licence v3.0"
    assert "data set" in metadata["citation"]


def test_a_failed_build_keeps_the_previous_files_whole(loaded, monkeypatch):
    names = (ZIP_NAME, SQLITE_NAME, MANIFEST_NAME, dataset.LOADED_NAME)
    before = {name: (loaded / name).read_bytes() for name in names}

    def broken(table, *args):
        if table.name == "grades":
            raise RuntimeError("the database went away halfway")
        return original(table, *args)

    original = dataset._write_table
    monkeypatch.setattr(dataset, "_write_table", broken)
    with pytest.raises(RuntimeError):
        build_dataset()

    after = {name: (loaded / name).read_bytes() for name in before}
    assert after == before
    assert sorted(path.name for path in loaded.iterdir()) == sorted(before)  # no leftovers


def test_the_files_are_swapped_in_by_rename(loaded, monkeypatch):
    """Each file is written elsewhere in the folder and renamed over the old one."""
    replaced = []
    real_replace = dataset.os.replace

    def spy(source, target):
        replaced.append((str(source), str(target)))
        real_replace(source, target)

    monkeypatch.setattr(dataset.os, "replace", spy)
    build_dataset()

    targets = [target.rsplit("/", 1)[-1] for _, target in replaced]
    assert targets == [ZIP_NAME, SQLITE_NAME, MANIFEST_NAME]
    assert all(source != target for source, target in replaced)
    assert all(source.startswith(str(loaded)) for source, _ in replaced)  # one filesystem


def test_the_command_builds_it(seeds_dir, settings):
    call_command("build_dataset", stdout=io.StringIO())

    manifest = json.loads((settings.DATASET_DIR / MANIFEST_NAME).read_text())
    assert manifest["tables"]["forces"] == 43


def test_downloads_are_served_as_attachments_with_their_date(client, loaded):
    response = client.get(reverse("opendata:download", args=[ZIP_NAME]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == f'attachment; filename="{ZIP_NAME}"'
    assert int(response["Content-Length"]) == (loaded / ZIP_NAME).stat().st_size
    assert b"".join(response.streaming_content) == (loaded / ZIP_NAME).read_bytes()
    again = client.get(
        reverse("opendata:download", args=[ZIP_NAME]),
        HTTP_IF_MODIFIED_SINCE=response["Last-Modified"],
    )
    assert again.status_code == 304
    sqlite = client.get(reverse("opendata:download", args=[SQLITE_NAME]))
    sqlite.close()
    assert sqlite["Content-Type"] == "application/vnd.sqlite3"


def test_only_the_datasets_files_are_served(client, loaded):
    assert client.get(reverse("opendata:download", args=[MANIFEST_NAME])).status_code == 404
    assert client.get("/data/..%2F..%2Fsettings.py").status_code == 404


def test_before_the_first_build_the_downloads_are_404_and_the_page_says_so(client):
    assert client.get(reverse("opendata:download", args=[ZIP_NAME])).status_code == 404
    assert "has not been built yet" in client.get(reverse("opendata:data")).content.decode()


def test_the_data_page_gives_licence_citation_codes_and_dictionary(client, loaded):
    html = client.get(reverse("opendata:data")).content.decode()

    assert "Open Government Licence v3.0" in html
    assert "How to cite" in html and "[data set], version of" in html
    assert "Police Force Areas (December 2023)" in html
    assert "E23000001" in html and "W15000004" in html
    assert reverse("opendata:download", args=[ZIP_NAME]) in html
    assert "/api/openapi.json" in html and "/feeds/letters/" in html
    assert "review_status" in html  # the data dictionary


def test_the_dataset_holds_the_inspectorates_grades_with_their_provenance(settings):
    from inspections.models import OfficialGrade
    from inspections.official import import_grades
    from tests.conftest import ROOT

    assert not import_grades(sorted((ROOT / "data" / "reference").glob("peel_*.csv"))).bad
    build_dataset()

    with zipfile.ZipFile(settings.DATASET_DIR / ZIP_NAME) as archive:
        grades = _csv(archive, "official_grades.csv")
        counts = _csv(archive, "official_grade_counts.csv")
    assert len(grades) == OfficialGrade.objects.count()
    bedfordshire = next(
        row
        for row in grades
        if (row["force_slug"], row["cycle"], row["area"])
        == ("bedfordshire", "2016", "effectiveness")
    )
    assert bedfordshire["grade"] == "inadequate" and bedfordshire["verified"] == "True"
    assert bedfordshire["source_file"] == "peel_pillar_grades_2015_2019.csv"
    assert bedfordshire["source_line"] == "5"
    assert any(row["verified"] == "False" and row["source_url"] == "" for row in counts)
