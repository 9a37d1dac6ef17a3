"""letters.loading.identity: a reload finds the rows it wrote before (letters by source or by
bytes, inspections by their identity, commissioners by name and force)."""

import datetime as dt
import hashlib
import io
import os
import shutil

import pytest
from django.core.management import call_command

from inspections.models import Commissioner, Grade, Inspection
from letters.loading import load_letters
from letters.models import Letter
from letters.parsing import ParsedInspection, Spanned
from tests.builders import get_force, make_commissioner
from tests.letters.loading.examples import (
    AFI_SEED,
    parsed_letter,
    snapshot,
    store,
)

pytestmark = pytest.mark.django_db


def test_load_letters_twice_changes_nothing(letters_dir, django_assert_max_num_queries):
    load_letters(paths=[letters_dir])
    before = snapshot()

    with django_assert_max_num_queries(1):
        summary = load_letters(paths=[letters_dir])

    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 5)
    assert snapshot() == before


def test_load_letters_same_folder_by_another_path_is_the_same_letters(letters_dir, monkeypatch):
    monkeypatch.chdir(letters_dir.parent)
    load_letters(paths=["letters"])

    summary = load_letters(paths=["./letters/", letters_dir])

    assert summary.unchanged == 5
    assert Letter.objects.count() == 5
    # Outside the letters root (the project folder by default): the resolved absolute path.
    assert Letter.objects.filter(source=os.path.realpath(letters_dir / AFI_SEED)).exists()


# Issue 10, item 5: sources were stored relative to the working directory, so the same files
# loaded from another folder were all "updated", and one changed meanwhile became a second letter.
def test_load_letters_from_two_working_directories_is_the_same_letters(
    letters_dir, tmp_path, monkeypatch
):
    monkeypatch.chdir(letters_dir.parent)
    load_letters(paths=["letters"])
    grades = Grade.objects.count()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    changed = letters_dir / AFI_SEED
    changed.write_text(changed.read_text(encoding="utf-8") + "\nP.S. Thank you.\n")

    summary = load_letters(paths=[letters_dir])

    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 4)
    assert Letter.objects.count() == 5
    assert Grade.objects.count() == grades


def test_load_letters_stores_sources_relative_to_the_letters_root(
    letters_dir, tmp_path, monkeypatch, settings
):
    settings.LETTERS_ROOT = str(tmp_path)
    load_letters(paths=[letters_dir])
    monkeypatch.chdir(letters_dir)

    summary = load_letters(paths=["."])

    assert summary.unchanged == 5
    assert Letter.objects.get(file_name=AFI_SEED).source == f"letters/{AFI_SEED}"


def test_load_letters_a_file_moved_under_the_root_keeps_its_letter_from_any_directory(
    letters_dir, tmp_path, monkeypatch, settings
):
    settings.LETTERS_ROOT = str(tmp_path)
    load_letters(paths=[letters_dir])
    pk = Letter.objects.get(file_name=AFI_SEED).pk
    (tmp_path / "moved").mkdir()
    (letters_dir / AFI_SEED).rename(tmp_path / "moved" / AFI_SEED)
    monkeypatch.chdir(tmp_path / "moved")

    summary = load_letters(paths=[AFI_SEED])

    assert summary.updated == 1
    assert Letter.objects.get(pk=pk).source == f"moved/{AFI_SEED}"


def test_load_letters_a_moved_file_keeps_its_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    pk = Letter.objects.get(file_name=AFI_SEED).pk
    moved = tmp_path / "moved"
    moved.mkdir()
    (letters_dir / AFI_SEED).rename(moved / AFI_SEED)

    summary = load_letters(paths=[moved])

    assert summary.updated == 1
    assert Letter.objects.get(pk=pk).source == os.path.realpath(moved / AFI_SEED)
    assert Letter.objects.count() == 5


def test_load_letters_a_copy_of_a_loaded_file_is_not_a_second_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    copy = tmp_path / "copy.txt"
    shutil.copy(letters_dir / AFI_SEED, copy)

    summary = load_letters(paths=[copy])

    assert (summary.duplicate, summary.unchanged, summary.created) == (1, 0, 0)
    assert Letter.objects.count() == 5


@pytest.mark.parametrize(
    ("inspection", "natural_key"),
    [
        # The period's cycle, when no publication date is stated.
        (ParsedInspection("peel", period=Spanned("2021/22", 10, 17)), "2021-22"),
        (
            ParsedInspection(
                "peel",
                period=Spanned("2021/22", -1, -1),
                published=Spanned(dt.date(2022, 4, 1), 1, 5),
            ),
            "2022-04-01",
        ),
        (ParsedInspection("state-of-policing"), "letter-2025-01"),
    ],
)
def test_store_letter_identifies_the_inspection(inspection, natural_key):
    store(parsed_letter(inspection=inspection))

    assert Inspection.objects.get().natural_key == natural_key


def test_store_letter_undated_letter_without_period_or_date_has_its_own_inspection():
    store(parsed_letter(date=None, inspection=ParsedInspection("thematic")), path="a/b c.txt")

    assert Inspection.objects.get().natural_key == "file-b-ctxt"


def test_store_letter_letters_about_one_report_share_its_inspection():
    store()
    second = ParsedInspection(
        "peel",
        title=Spanned("PEEL 2023/24", 0, 4),
        published=Spanned(dt.date(2024, 12, 5), 1, 5),
    )

    store(parsed_letter(inspection=second), path="letters/second.txt")

    inspection = Inspection.objects.get()
    assert inspection.letters.count() == 2
    assert inspection.title == "PEEL 2023/24"  # filled in where it was blank
    assert inspection.grades.count() == 4  # each letter keeps its own evidence


def test_store_letter_links_the_registered_person_of_the_letters_force():
    namesake = make_commissioner(
        name="Rupert Matthews", slug="kents-rupert", force=get_force("kent")
    )
    registered = Commissioner.objects.count()

    store()

    commissioner = Letter.objects.get().commissioner
    assert commissioner != namesake
    assert (commissioner.force.slug, commissioner.slug) == ("leicestershire", "rupert-matthews")
    assert Commissioner.objects.count() == registered


# -- which inspection: the publication date first, then the cycle ----------------------------


def peel(period="2023/24", published=None, *, stated=True):
    """A PEEL inspection as a letter names it (spans point anywhere: only the values count)."""
    return ParsedInspection(
        "peel",
        period=Spanned(period, 1, 5) if stated else Spanned(period, -1, -1),
        published=Spanned(published, 10, 15) if published else None,
    )


def store_about(inspection, path, date=dt.date(2025, 1, 28)):
    return store(
        parsed_letter(inspection=inspection, date=Spanned(date, 0, 4) if date else None),
        path=path,
    )


def test_letters_stating_publication_dates_months_apart_answer_two_inspections():
    store_about(peel(published=dt.date(2024, 3, 7)), "letters/march.txt", dt.date(2024, 4, 2))
    store_about(peel(published=dt.date(2024, 12, 5)), "letters/december.txt")

    rows = Inspection.objects.order_by("published")
    assert [(row.published, row.period, row.cycle) for row in rows] == [
        (dt.date(2024, 3, 7), "2023/24", "2023-25"),
        (dt.date(2024, 12, 5), "2023/24", "2023-25"),
    ]
    # Each keeps its own grades: one area is not graded twice in one inspection.
    assert [row.grades.filter(area="preventing-crime").count() for row in rows] == [1, 1]
    assert [row.letters.get().file_name for row in rows] == ["march.txt", "december.txt"]


def test_letters_naming_one_cycle_two_ways_answer_one_inspection():
    store_about(peel("2023/24"), "letters/a.txt", date=None)
    store_about(peel("2023/25"), "letters/b.txt", date=None)

    inspection = Inspection.objects.get()
    assert (inspection.period, inspection.cycle, inspection.letters.count()) == (
        "2023/24",  # the first letter's wording is kept
        "2023-25",
        2,
    )


def test_a_period_only_letter_then_dated_ones_fill_in_and_then_split():
    store_about(peel(), "letters/period-only.txt", dt.date(2024, 4, 2))
    store_about(peel(published=dt.date(2024, 3, 7)), "letters/march.txt", dt.date(2024, 4, 9))
    first = Inspection.objects.get()
    assert first.published == dt.date(2024, 3, 7)  # filled in: the same report

    store_about(peel(published=dt.date(2024, 12, 5)), "letters/december.txt")

    assert Inspection.objects.count() == 2
    assert first.letters.count() == 2


def test_a_period_only_letter_among_two_reports_of_its_cycle_says_where_it_went():
    march = store_about(peel(published=dt.date(2024, 3, 7)), "letters/m.txt", dt.date(2024, 4, 2))
    store_about(peel(published=dt.date(2024, 12, 5)), "letters/d.txt")
    assert march.warnings == ("a parser warning",)

    result = store_about(peel("2023-25"), "letters/period-only.txt", dt.date(2025, 2, 1))

    letter = Letter.objects.get(file_name="period-only.txt")
    assert letter.inspection.published == dt.date(2024, 12, 5)  # the latest before the letter
    note = (
        "Which inspection: the letter names the period 2023-25 but not when the report was "
        "published, and 2 inspections of that cycle are stored (published 7 March 2024, "
        "5 December 2024): filed under the one published 5 December 2024, the latest published "
        "before the letter"
    )
    assert note in result.warnings  # a load warning
    assert letter.filing_notes == [note]  # kept with the letter for the inspection page


def test_a_period_only_letter_before_both_reports_goes_to_the_earliest():
    store_about(peel(published=dt.date(2024, 3, 7)), "letters/m.txt", dt.date(2024, 4, 2))
    store_about(peel(published=dt.date(2024, 12, 5)), "letters/d.txt")

    store_about(peel(), "letters/early.txt", dt.date(2024, 1, 10))

    letter = Letter.objects.get(file_name="early.txt")
    assert letter.inspection.published == dt.date(2024, 3, 7)
    assert letter.filing_notes[0].endswith(
        "filed under the one published 7 March 2024, the earliest"
    )


def test_publication_dates_days_apart_are_two_reports_too():
    # A misquoted date is not guessed at: the inspection page shows both reports of the cycle.
    store_about(peel(published=dt.date(2024, 12, 5)), "letters/a.txt")

    store_about(peel("2023/25", published=dt.date(2024, 12, 4)), "letters/b.txt")

    assert sorted(Inspection.objects.values_list("published", "cycle")) == [
        (dt.date(2024, 12, 4), "2023-25"),
        (dt.date(2024, 12, 5), "2023-25"),
    ]


def test_publication_dates_days_apart_in_different_kinds_stay_apart():
    store_about(peel(published=dt.date(2024, 12, 5)), "letters/a.txt")
    thematic = ParsedInspection("thematic", published=Spanned(dt.date(2024, 12, 4), 10, 15))

    store_about(thematic, "letters/b.txt")

    assert Inspection.objects.count() == 2


def test_reloading_files_stating_dates_months_apart_keeps_two_inspections(letters_dir, tmp_path):
    # Real letters: seed 003 answers PEEL 2023/24 published 5 December 2024; a copy answers
    # one of that cycle published in March (a revisit), in a letter of April.
    folder = tmp_path / "two"
    folder.mkdir()
    text = (letters_dir / AFI_SEED).read_text(encoding="utf-8")
    (folder / "december.txt").write_text(text, encoding="utf-8")
    march = text.replace("5th December 2024", "7th March 2024").replace(
        "28th January 2025", "2nd April 2024"
    )
    (folder / "march.txt").write_text(march, encoding="utf-8")

    load_letters(paths=[folder])
    load_letters(paths=[folder])

    rows = Inspection.objects.order_by("published")
    assert [(row.published, row.cycle, row.letters.count()) for row in rows] == [
        (dt.date(2024, 3, 7), "2023-25", 1),
        (dt.date(2024, 12, 5), "2023-25", 1),
    ]


# Issue 10, item 6: the same letter in other bytes (a BOM, CRLF line ends, UTF-16, trailing
# spaces) or with one character changed was a new letter, and doubled its inspection's grades.
REENCODED = {
    "bom.txt": lambda text: text.encode("utf-8-sig"),
    "crlf.txt": lambda text: text.replace("\n", "\r\n").encode(),
    "utf16.txt": lambda text: text.encode("utf-16"),
    "spaces.txt": lambda text: text.replace("\n", "  \n").encode() + b"\n\n",
}


@pytest.mark.parametrize("name", REENCODED)
def test_load_letters_a_reencoded_copy_is_a_duplicate(letters_dir, tmp_path, name):
    load_letters(paths=[letters_dir])
    grades = Grade.objects.count()
    text = (letters_dir / AFI_SEED).read_text(encoding="utf-8")
    (tmp_path / name).write_bytes(REENCODED[name](text))

    results = []
    summary = load_letters(paths=[tmp_path / name], on_result=results.append)

    assert (summary.created, summary.duplicate) == (0, 1)
    assert "the same text as" in results[0].detail
    assert AFI_SEED in results[0].detail
    assert (Letter.objects.count(), Grade.objects.count()) == (5, grades)


def test_load_letters_a_file_reencoded_in_place_is_unchanged(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / AFI_SEED
    seed.write_bytes(seed.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8-sig"))

    results = []
    summary = load_letters(paths=[seed], on_result=results.append)
    again = load_letters(paths=[seed])

    assert summary.unchanged == again.unchanged == 1
    assert "re-encoded" in results[0].detail
    letter = Letter.objects.get(file_name=AFI_SEED)
    assert letter.revisions.count() == 0
    assert letter.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()


def _fixed_typo(text):
    """The text with one word corrected, as a publisher re-issuing a letter might."""
    assert text.count("welcome the findings") == 1
    return text.replace("welcome the findings", "welcome the finding")


def test_load_letters_a_near_identical_text_is_a_new_version_of_the_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    letter = Letter.objects.get(file_name=AFI_SEED)
    grades = Grade.objects.count()
    corrected = tmp_path / "reissued.txt"
    corrected.write_text(_fixed_typo((letters_dir / AFI_SEED).read_text(encoding="utf-8")))

    results = []
    summary = load_letters(paths=[letters_dir, corrected], on_result=results.append)

    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 5)
    [matched] = [result for result in results if result.outcome == "updated"]
    assert "a new version of" in matched.detail and AFI_SEED in matched.detail
    assert "% the same text" in matched.detail
    letter.refresh_from_db()
    assert "welcome the finding " in letter.text
    assert letter.revisions.count() == 1
    assert (Letter.objects.count(), Grade.objects.count()) == (5, grades)


def test_load_letters_the_earlier_version_beside_the_new_one_changes_nothing(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    corrected = tmp_path / "reissued.txt"
    corrected.write_text(_fixed_typo((letters_dir / AFI_SEED).read_text(encoding="utf-8")))
    load_letters(paths=[letters_dir, corrected])
    before = snapshot()

    results = []
    summary = load_letters(paths=[letters_dir, corrected], on_result=results.append)

    assert (summary.created, summary.updated, summary.duplicate) == (0, 0, 1)
    [earlier] = [result for result in results if result.outcome == "duplicate"]
    assert "an earlier version of" in earlier.detail
    assert snapshot() == before


def test_load_letters_two_versions_in_one_load_are_one_letter(letters_dir, tmp_path):
    text = (letters_dir / AFI_SEED).read_text(encoding="utf-8")
    (letters_dir / "zz-reissued.txt").write_text(_fixed_typo(text))

    summary = load_letters(paths=[letters_dir])

    assert (summary.created, summary.updated) == (5, 1)
    letter = Letter.objects.get(file_name="zz-reissued.txt")
    assert letter.revisions.get().text == text
    assert Letter.objects.count() == 5


def test_load_letters_near_identical_matches_only_the_same_inspection(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    letter = Letter.objects.get(file_name=AFI_SEED)
    # A person filed the letter under another inspection: a near copy of it answers the
    # inspection its text names, so it is a letter of its own.
    other = Inspection.objects.create(
        force=letter.force, kind="thematic", natural_key="elsewhere", title="Elsewhere"
    )
    Letter.objects.filter(pk=letter.pk).update(inspection=other, edited_fields=["inspection"])
    (tmp_path / "reissued.txt").write_text(_fixed_typo(letter.text))

    summary = load_letters(paths=[tmp_path / "reissued.txt"])

    assert summary.created == 1


def test_load_letters_command_lists_what_was_matched_by_text(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    text = (letters_dir / AFI_SEED).read_text(encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    (tmp_path / "reissued.txt").write_text(_fixed_typo(text))
    stdout = io.StringIO()

    call_command("load_letters", str(tmp_path), stdout=stdout)

    lines = stdout.getvalue().splitlines()[1:]  # after the summary line
    assert lines[0] == (
        "Matched 2 files to letters by their text (re-encoded copies, earlier and new versions):"
    )
    source = os.path.realpath(letters_dir / AFI_SEED)
    assert lines[1] == f"  {tmp_path / 'crlf.txt'}: the same text as {source}"
    assert lines[2].startswith(f"  {tmp_path / 'reissued.txt'}: a new version of {source} (99.")
