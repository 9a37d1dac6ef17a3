"""import_grades: the inspectorate's reference grades, from the real files in data/reference/
and broken or sample files in tests/fixtures/reference/."""

import csv
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from inspections import vocabulary as vocab
from inspections.models import OfficialGrade, OfficialGradeCount
from inspections.official import area_key, import_grades
from tests.admin_forms import form_data
from tests.conftest import FIXTURES_DIR, ROOT

pytestmark = pytest.mark.django_db

REFERENCE = sorted((ROOT / "data" / "reference").glob("peel_*.csv"))
PILLARS = ROOT / "data" / "reference" / "peel_pillar_grades_2015_2019.csv"
COUNTS = ROOT / "data" / "reference" / "peel_grade_counts_2021_2025.csv"
BROKEN = FIXTURES_DIR / "reference" / "peel_pillars_broken.csv"
SAMPLE = FIXTURES_DIR / "reference" / "peel_counts_sample.csv"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_reference_files_load_whole_covering_all_43_forces():
    summary = import_grades(REFERENCE)

    assert not summary.bad, summary
    pillar_rows, count_rows = _rows(PILLARS), _rows(COUNTS)
    assert summary.rows == len(pillar_rows) + len(count_rows)
    # A grade per pillar cell the file fills in, "not graded" included.
    pillar_cells = sum(1 for row in pillar_rows for p in vocab.PILLARS if row[p.key])
    assert OfficialGrade.objects.filter(cycle__in=["2015", "2016", "2017", "2018-19"]).count() == (
        pillar_cells
    )
    assert OfficialGradeCount.objects.count() == len(count_rows)
    forces = set(OfficialGrade.objects.values_list("force__slug", flat=True))
    forces |= set(OfficialGradeCount.objects.values_list("force__slug", flat=True))
    assert len(forces) == 43
    # GMP 2017: "not graded" after the Manchester Arena attack, kept as a row with no grade.
    gmp = OfficialGrade.objects.get(
        force__slug="greater-manchester", cycle="2017", area="efficiency"
    )
    assert gmp.grade == "" and gmp.grade_label == "Not graded"


def test_a_row_keeps_its_provenance():
    import_grades(REFERENCE)

    row = OfficialGrade.objects.get(force__slug="bedfordshire", cycle="2016", area="effectiveness")
    assert row.grade == "inadequate"
    assert row.source_url.endswith("/peel-2016/bedfordshire/")
    assert row.checked and row.verified
    assert row.page_version == "final"
    assert row.note == "final 2016 version of page"
    assert (row.source_file, row.source_line) == (PILLARS.name, 5)


def test_unchecked_rows_load_marked_unverified():
    summary = import_grades(REFERENCE)

    cheshire = OfficialGrade.objects.get(force__slug="cheshire", cycle="2015", area="efficiency")
    assert cheshire.grade == "outstanding" and not cheshire.verified
    unchecked = [row for row in (*_rows(PILLARS), *_rows(COUNTS)) if row["checked"] == "no"]
    assert summary.unverified == len(unchecked) == 16
    avon = OfficialGradeCount.objects.get(force__slug="avon-and-somerset", cycle="2021-22")
    assert not avon.verified and avon.source_url == ""


def test_a_second_import_changes_nothing():
    first = import_grades(REFERENCE)
    before = sorted(OfficialGrade.objects.values_list("pk", "grade", "updated_at"))

    second = import_grades(REFERENCE)

    assert (second.created, second.updated, second.removed) == (0, 0, 0)
    assert second.unchanged == first.created
    assert sorted(OfficialGrade.objects.values_list("pk", "grade", "updated_at")) == before


def test_bad_rows_are_refused_by_line_and_the_rest_load():
    summary = import_grades([BROKEN])

    refused = {item.line: item.reason for item in summary.refused}
    assert sorted(refused) == [3, 4, 5, 6, 7, 8, 9]
    assert "unknown force 'Narnia Constabulary'" in refused[3]
    assert "adequate" in refused[4] and "scale" in refused[4]
    assert "not a PEEL cycle" in refused[5]
    assert "neither yes nor no" in refused[6]
    assert "'brilliant' is not a grade" in refused[7]
    assert "no source_url" in refused[8]
    assert f"{BROKEN}:2" in refused[9]  # the same force and cycle as line 2
    assert all(str(item).startswith(f"{BROKEN}:{item.line}: ") for item in summary.refused)
    kent = OfficialGrade.objects.filter(force__slug="kent", cycle="2016")
    assert kent.count() == 3 and {row.source_line for row in kent} == {2}
    cheshire = {row.area: row for row in OfficialGrade.objects.filter(force__slug="cheshire")}
    assert set(cheshire) == {"effectiveness", "efficiency"}  # legitimacy not graded yet
    assert cheshire["efficiency"].grade == "" and not cheshire["efficiency"].verified


def test_the_command_names_each_refused_line_and_exits_1(capsys):
    with pytest.raises(CommandError) as raised:
        call_command("import_grades", str(BROKEN), str(SAMPLE))

    assert raised.value.returncode == 1
    message = str(raised.value)
    assert "8 rows and 0 files could not be loaded" in message
    assert f"{BROKEN}:3: unknown force" in message
    assert f"{SAMPLE}:4: good 'two' is not a whole number" in message
    assert "Reference grades: 12 rows in 2 files" in capsys.readouterr().out


def test_the_command_exits_0_on_the_reference_files(capsys):
    call_command("import_grades", *map(str, REFERENCE))

    out = capsys.readouterr().out
    assert "0 rows refused" in out and "0 files unreadable" in out


def test_named_areas_map_to_the_frameworks_areas_or_stay_as_written():
    summary = import_grades([SAMPLE])

    kent = {row.area_as_written: row for row in OfficialGrade.objects.filter(force__slug="kent")}
    assert kent["investigating crime"].area == "investigating-crime"
    assert kent["managing suspects/offenders"].area == "managing-offenders"
    assert kent["managing suspects/offenders"].grade == "requires-improvement"
    # Not guessed: kept as written, on no area's column, with a warning naming the line.
    assert kent["other five areas"].area == ""
    assert any(f"{SAMPLE}:2: area 'other five areas'" in w for w in summary.warnings)
    assert any("(a remark, not a pair)" in w for w in summary.warnings)
    essex = OfficialGradeCount.objects.get(force__slug="essex")
    assert (essex.good, essex.adequate) == (2, None)  # a count not given stays empty
    assert essex.summary == "2 good of 8 areas"


@pytest.mark.parametrize(
    "written, cycle, key",
    [
        ("managing suspects/offenders", "2021-22", "managing-offenders"),
        ("preventing and deterring crime and ASB", "2023-25", "preventing-crime"),
        ("strategic planning/value for money", "2021-22", "use-of-resources"),
        ("leadership and force management", "2023-25", "use-of-resources"),
        ("police powers and treating the public fairly and respectfully", "2023-25", None),
        ("crime", "2023-25", ""),  # in many areas' names: not one of them
        ("call handling and deployment", "2021-22", ""),
        ("effectiveness", "2021-22", ""),  # a pillar, not an area of 2021/22
        ("effectiveness", "2016", "effectiveness"),
    ],
)
def test_area_key(written, cycle, key):
    expected = "treatment-of-the-public" if key is None else key
    assert area_key(written, vocab.framework_of_cycle(cycle)) == expected


def test_a_staff_correction_survives_a_reload():
    import_grades(REFERENCE)
    row = OfficialGrade.objects.get(force__slug="kent", cycle="2017", area="efficiency")
    said = row.grade
    row.grade = "inadequate" if said != "inadequate" else "good"
    row.mark_edited(["grade"])
    row.save()

    summary = import_grades(REFERENCE)

    row.refresh_from_db()
    assert row.grade != said and row.edited_fields == ["grade"]
    assert any("kept grade=" in c and f"the file says {said}" in c for c in summary.conflicts)


def test_a_row_the_file_drops_is_removed_unless_a_person_edited_it(tmp_path):
    copy = tmp_path / "peel_pillar_grades.csv"
    shutil.copy(PILLARS, copy)
    import_grades([copy])
    kept = OfficialGrade.objects.get(force__slug="kent", cycle="2017", area="legitimacy")
    kept.note = "checked by phone"
    kept.mark_edited(["note"])
    kept.save()
    lines = copy.read_text(encoding="utf-8").splitlines(keepends=True)
    copy.write_text(
        "".join(line for line in lines if not line.startswith("Kent Police,2017")),
        encoding="utf-8",
    )

    summary = import_grades([copy])

    assert summary.removed == 2  # effectiveness and efficiency; legitimacy was corrected
    assert list(
        OfficialGrade.objects.filter(force__slug="kent", cycle="2017").values_list(
            "area", flat=True
        )
    ) == ["legitimacy"]
    assert any("no longer lists it" in c for c in summary.conflicts)


def test_an_unreadable_file_is_named_and_the_others_load(tmp_path):
    wrong = tmp_path / "other.csv"
    wrong.write_text("name,value\nx,1\n", encoding="utf-8")

    summary = import_grades([tmp_path / "missing.csv", wrong, SAMPLE])

    assert len(summary.failed) == 2
    assert "missing.csv: cannot be read" in summary.failed[0]
    assert "neither pillar grades" in summary.failed[1]
    assert OfficialGradeCount.objects.filter(force__slug="kent").exists()


def test_a_correction_made_in_the_admin_survives_a_reload(admin_client):

    import_grades([SAMPLE])
    row = OfficialGrade.objects.get(force__slug="kent", area_as_written="other five areas")
    url = reverse("admin:inspections_officialgrade_change", args=[row.pk])
    data = form_data(admin_client.get(url), form_id="officialgrade_form")

    # A person reads the page and files the wording under the area it means.
    response = admin_client.post(url, {**data, "area": "responding-to-the-public"})

    assert response.status_code == 302
    row.refresh_from_db()
    assert row.area == "responding-to-the-public" and row.edited_fields == ["area"]
    summary = import_grades([SAMPLE])
    row.refresh_from_db()
    assert row.area == "responding-to-the-public"
    assert any("kept area=responding-to-the-public" in c for c in summary.conflicts)


def test_two_wordings_of_one_area_are_both_kept_and_the_first_shown(client):
    same = FIXTURES_DIR / "reference" / "peel_counts_same_area.csv"

    summary = import_grades([same])

    rows = OfficialGrade.objects.filter(force__slug="kent", area="preventing-crime")
    assert rows.count() == 2
    assert any("both name Preventing crime: pages show the first" in w for w in summary.warnings)
    page = client.get(reverse("inspections:peel_cycle", args=["2023-25"]))
    kent = next(r for r in page.context["table"].data.data if r.force.slug == "kent")
    assert kent.cell("preventing-crime").official_grade == "good"


def test_the_admin_offers_only_the_vocabularys_areas(admin_client):
    import_grades([SAMPLE])
    row = OfficialGrade.objects.get(force__slug="kent", area_as_written="other five areas")
    url = reverse("admin:inspections_officialgrade_change", args=[row.pk])
    data = form_data(admin_client.get(url), form_id="officialgrade_form")

    response = admin_client.post(url, {**data, "area": "made-up-area"})

    assert response.status_code == 200  # the form again, with the error
    row.refresh_from_db()
    assert row.area == "" and row.edited_fields == []
