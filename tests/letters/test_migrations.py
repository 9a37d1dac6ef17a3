"""letters' data migrations, run on rows built as an earlier release stored them."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.utils.timezone import now

from inspections.models import Commissioner, Grade, Inspection
from letters.loading.files import text_fingerprint
from letters.models import Attribution, Letter
from tests.builders import get_force, make_commissioner, make_grade, make_inspection, make_letter
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

split = importlib.import_module("letters.migrations.0005_split_merged_inspections")
one_row = importlib.import_module("letters.migrations.0007_one_row_per_commissioner")


def _letter_stating(published_words, inspection, **kwargs):
    text = f"Re: PEEL 2023/24, an inspection of Leicestershire Police, published {published_words}."
    start = text.index(published_words)
    title = "PEEL 2023/24, an inspection of Leicestershire Police"
    return make_letter(
        text=text,
        inspection=inspection,
        spans={
            "inspection.published": [start, start + len(published_words)],
            "inspection.title": [4, 4 + len(title)],
        },
        **kwargs,
    )


def test_split_merged_inspections_moves_a_letter_stating_a_date_months_apart():
    # As the old loader stored them: one inspection (by period) for two reports.
    merged = make_inspection(period="2023/24", cycle="2023-25", published=dt.date(2024, 12, 5))
    december = _letter_stating("5th December 2024", merged)
    again = _letter_stating("5 December 2024", merged)
    march = _letter_stating("7 March 2024", merged)
    for letter in (december, again, march):
        make_grade(inspection=merged, letter=letter, area="preventing-crime")

    split.split_merged_inspections(apps, None)

    moved = Inspection.objects.get(published=dt.date(2024, 3, 7))
    assert (moved.force, moved.kind, moved.period, moved.cycle, moved.natural_key) == (
        merged.force,
        "peel",
        "2023/24",
        "2023-25",
        "2024-03-07",
    )
    assert moved.title == "PEEL 2023/24, an inspection of Leicestershire Police"
    assert list(moved.letters.all()) == [march]
    assert set(merged.letters.all()) == {december, again}
    assert Grade.objects.get(letter=march).inspection == moved
    assert Grade.objects.filter(inspection=merged).count() == 2


def test_split_merged_inspections_joins_an_existing_inspection_of_that_date():
    merged = make_inspection(period="2023/24", published=dt.date(2024, 12, 5))
    march_report = make_inspection(period="2023/24", published=dt.date(2024, 3, 7))
    _letter_stating("5th December 2024", merged)
    march = _letter_stating("7 March 2024", merged)

    split.split_merged_inspections(apps, None)

    assert list(march_report.letters.all()) == [march]
    assert Inspection.objects.count() == 2


def test_split_merged_inspections_leaves_letters_a_person_filed():
    merged = make_inspection(period="2023/24", published=dt.date(2024, 12, 5))
    _letter_stating("5th December 2024", merged)
    _letter_stating("7 March 2024", merged, edited_fields=["inspection"])

    split.split_merged_inspections(apps, None)

    assert Inspection.objects.count() == 1 and merged.letters.count() == 2


def test_one_person_is_one_row_keeping_letters_and_corrections():
    gmp, kent = get_force("greater-manchester"), get_force("kent")
    # As the loader made them before the registry: one row per spelling, no terms.
    andy = make_commissioner(name="Andy Hartley", slug="andy", force=gmp, registered=False)
    andrew = make_commissioner(
        name="Andrew M. Hartley", slug="andrew", force=gmp, registered=False, honorific="Mr"
    )
    andrew.mark_edited(["honorific"])
    andrew.save()
    zoe = make_commissioner(name="Zoe Smith", slug="zoe", force=gmp, registered=False)
    zoe_accent = make_commissioner(name="Zoë Smith", slug="zoe-2", force=gmp, registered=False)
    elsewhere = make_commissioner(
        name="Andy Hartley", slug="andy-kent", force=kent, registered=False
    )
    namesake = make_commissioner(name="Jane Hartley", slug="jane", force=gmp, registered=False)
    letters = [make_letter(commissioner=person, force=gmp) for person in (andy, andrew, andrew)]
    make_letter(commissioner=zoe_accent, force=gmp)

    one_row.forwards(apps, None)

    kept = Commissioner.objects.get(pk=andrew.pk)  # corrected by a person: kept
    assert not Commissioner.objects.filter(pk__in=[andy.pk, zoe.pk]).exists()
    assert (
        Commissioner.objects.filter(pk__in=[zoe_accent.pk, elsewhere.pk, namesake.pk]).count() == 3
    )
    assert kept.honorific == "Mr" and kept.edited_fields == ["honorific"]
    assert set(kept.letters.all()) == set(letters)
    names = Letter.objects.filter(pk__in=[letter.pk for letter in letters])
    assert sorted(names.values_list("commissioner_name_as_written", flat=True)) == [
        "Andrew M. Hartley",
        "Andrew M. Hartley",
        "Andy Hartley",
    ]
    assert set(names.values_list("commissioner_attribution", flat=True)) == {Attribution.NAMED}


printable_names = importlib.import_module("letters.migrations.0008_printable_file_names")


def test_printable_file_names_escapes_control_characters():
    forged = make_letter(file_name="a\nLoaded 9 files\x1b[2K.txt")
    plain = make_letter(file_name="plain.txt")

    printable_names.escape_file_names(apps, None)

    forged.refresh_from_db()
    plain.refresh_from_db()
    assert (forged.file_name, plain.file_name) == ("a\\nLoaded 9 files\\x1b[2K.txt", "plain.txt")


sources = importlib.import_module("letters.migrations.0010_sources_under_the_letters_root")


def test_sources_under_the_letters_root_and_doubles_withdrawn(settings):
    settings.LETTERS_ROOT = str(ROOT)
    # One file loaded from the project folder and, by absolute path, from another folder: the
    # second copy was corrected, so it is the one kept.
    relative = make_letter(source="seeds/x.txt")
    absolute = make_letter(source=f"{ROOT}/seeds/x.txt", edited_fields=["date"])
    untidy = make_letter(source=f"{ROOT}/seeds/../seeds/./z.txt")
    outside = make_letter(source="/srv/elsewhere/y.txt")

    sources.relocate_sources(apps, None)

    for row in (relative, absolute, untidy, outside):
        row.refresh_from_db()
    assert (absolute.source, absolute.withdrawn) == ("seeds/x.txt", False)
    assert relative.source == f"seeds/x.txt#duplicate-of-{absolute.pk}-{relative.pk}"
    assert relative.withdrawn
    assert f"the same file (seeds/x.txt) as letter {absolute.pk}" in relative.warnings[-1]
    assert (untidy.source, outside.source) == ("seeds/z.txt", "/srv/elsewhere/y.txt")


fingerprints = importlib.import_module("letters.migrations.0011_text_fingerprints")


def test_text_fingerprints_of_stored_letters_and_revisions_as_the_loader_computes_them():
    text = "Dear Sir,  \nThe café report.\n\n"
    letter = make_letter(text=text)
    revision = letter.revisions.create(
        sha256="1", text="Earlier.", created_at=now(), replaced_at=now()
    )

    fingerprints.fill_in(apps, None)

    letter.refresh_from_db()
    revision.refresh_from_db()
    assert letter.text_sha256 == text_fingerprint(text)
    assert revision.text_sha256 == text_fingerprint("Earlier.")


def test_postgresql_walks_an_index_for_the_newest_letters_first():
    """``ORDER BY date DESC NULLS LAST`` (every letter list) has an index of that order on
    PostgreSQL, where the model's ``-date`` indexes put undated letters first."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite's DESC already puts NULLs last; its indexes are the model's")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'letters_letter'"
        )
        found = dict(cursor.fetchall())
    for name in ("letter_latest", "letter_force_latest", "letter_commissioner_latest"):
        assert "date DESC NULLS LAST" in found[f"{name}_nulls_last"]
