"""The loader: the real seed letters end to end, and the writer fed ParsedLetters directly."""

import datetime as dt
import hashlib
import json
import shutil

import pytest

from inspections.models import AreaForImprovement, Commissioner, Grade, Inspection
from letters.loading import iter_letter_files, load_letters, store_letter
from letters.models import Letter
from letters.parsing import (
    ParsedCount,
    ParsedFinding,
    ParsedGrade,
    ParsedInspection,
    ParsedLetter,
    ParsedPerson,
    Spanned,
)
from tests.builders import get_force, make_commissioner
from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.django_db

TRUTH = json.loads((FIXTURES_DIR / "seeds-truth.json").read_text(encoding="utf-8"))

SEED_DATES = {
    "000_d820f821642f4c39.txt": dt.date(2023, 4, 11),
    "001_439538cb42c9acce.txt": dt.date(2022, 5, 18),
    "002_78ab8cd7de31d7ab.txt": dt.date(2018, 4, 9),
    "003_4ece3fc261db78a7.txt": dt.date(2025, 1, 28),
    "004_01382cee0f6da728.txt": dt.date(2024, 9, 13),
}
AFI_SEED = "003_4ece3fc261db78a7.txt"

TEXT = (
    "Date: 28th January 2025\n\nDear Andy Cooke QPM,\n\n"
    "Leicestershire Police PEEL 2023/24 published on the 5th December 2024.\n"
    'preventing crime ("outstanding" grade) and investigating crime ("adequate" grade).\n'
    "Three outstanding gradings.\n"
    "AFI 1 - The Force needs to attend calls. Response: we are.\n"
    "AFI 2 - The Force needs to record triage. Response: done.\n\n"
    "Yours sincerely\n\nRupert Matthews\nPolice and Crime Commissioner\n"
)


def span(value, words, text=TEXT):
    start = text.index(words)
    return Spanned(value, start, start + len(words))


def grade(area, value, words):
    start = TEXT.index(words)
    return ParsedGrade(area, value, words, start, start + len(words))


def afi(number, words, response=""):
    start = TEXT.index(words)
    return ParsedFinding("afi", number, words, start, start + len(words), response=response)


def parsed_letter(**overrides) -> ParsedLetter:
    values = {
        "date": span(dt.date(2025, 1, 28), "28th January 2025"),
        "force": span("Leicestershire Police", "Leicestershire Police"),
        "commissioner": ParsedPerson(
            "Rupert Matthews",
            TEXT.index("Rupert Matthews"),
            TEXT.index("Rupert Matthews") + 15,
            title="Police and Crime Commissioner",
            title_key="pcc",
        ),
        "recipient": ParsedPerson(
            "Andy Cooke", 33, 48, salutation="Dear Andy Cooke QPM,", honorific=""
        ),
        "inspection": ParsedInspection(
            "peel",
            period=span("2023/24", "2023/24"),
            published=span(dt.date(2024, 12, 5), "5th December 2024"),
        ),
        "grades": (
            grade("preventing-crime", "outstanding", 'preventing crime ("outstanding" grade)'),
            grade("investigating-crime", "adequate", 'investigating crime ("adequate" grade)'),
        ),
        "grade_summary": (ParsedCount("outstanding", 3, *_bounds("Three outstanding")),),
        "findings": (
            afi(1, "The Force needs to attend calls.", "we are."),
            afi(2, "The Force needs to record triage.", "done."),
        ),
        "warnings": ("a parser warning",),
    }
    values.update(overrides)
    return ParsedLetter(**values)


def _bounds(words):
    start = TEXT.index(words)
    return start, start + len(words)


def store(parsed=None, *, path="letters/example.txt", text=TEXT):
    return store_letter(path=path, text=text, parsed=parsed or parsed_letter())


@pytest.fixture
def letters_dir(tmp_path, seeds_dir):
    """A copy of the seeds, so a test can change a file and reload it."""
    folder = tmp_path / "letters"
    shutil.copytree(seeds_dir, folder)
    return folder


def snapshot():
    """Every loaded row's identity and last update, to prove a reload changed nothing."""
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (Letter, Commissioner, Inspection, Grade, AreaForImprovement)
    }


# --- finding files -------------------------------------------------------------------------


def test_iter_letter_files_walks_folders_sorted_and_recursively(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.TXT").write_text("a")
    (tmp_path / "b" / "notes.md").write_text("not a letter")
    (tmp_path / ".hidden.txt").write_text("skipped")
    (tmp_path / "a.txt").write_text("a")

    found = [f.path for f in iter_letter_files([tmp_path])]

    assert found == [str(tmp_path / "a.txt"), str(tmp_path / "b/a.TXT"), str(tmp_path / "b/z.txt")]


def test_iter_letter_files_reports_a_folder_symlink_loop(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("one")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)

    found = list(iter_letter_files([tmp_path]))

    assert [f.path for f in found if not f.error] == [str(tmp_path / "a/one.txt")]
    [loop] = [f for f in found if f.error]
    assert loop.path == str(tmp_path / "a/loop")
    assert "symlink loop" in loop.error


def test_iter_letter_files_lists_a_file_named_twice_once(seeds_dir):
    first = sorted(seeds_dir.glob("*.txt"))[0]

    found = list(iter_letter_files([seeds_dir, first]))

    assert len(found) == 5


# --- loading the seeds ---------------------------------------------------------------------


def test_load_letters_creates_one_letter_per_seed(letters_dir):
    summary = load_letters(paths=[letters_dir])

    assert (summary.created, summary.updated, summary.unchanged, summary.failed) == (5, 0, 0, 0)
    seed = letters_dir / AFI_SEED
    letter = Letter.objects.get(file_name=AFI_SEED)
    assert letter.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert letter.text == seed.read_text(encoding="utf-8")
    assert letter.source == str(seed)


def test_load_letters_stores_what_the_seeds_say(letters_dir):
    load_letters(paths=[letters_dir])

    assert {letter.file_name: letter.date for letter in Letter.objects.all()} == SEED_DATES
    assert set(Letter.objects.values_list("force__name", flat=True)) == {"Leicestershire Police"}
    assert Grade.objects.count() == sum(len(want["grades"]) for want in TRUTH.values()) == 10
    afi_letter = Letter.objects.get(file_name=AFI_SEED)
    assert afi_letter.areas_for_improvement.filter(kind="afi").count() == 10
    assert afi_letter.areas_for_improvement_count == 10
    assert afi_letter.causes_of_concern_count == 0
    assert afi_letter.inspection.published == dt.date(2024, 12, 5)
    assert sorted(Commissioner.objects.values_list("name", flat=True)) == [
        "Rupert Matthews",
        "Willy Bach",
    ]
    # Each seed answers a different report.
    assert Inspection.objects.count() == 5
    summary_letter = Letter.objects.get(file_name="001_439538cb42c9acce.txt")
    assert summary_letter.grade_summary == {"outstanding": 3, "good": 4}


def test_load_letters_spans_point_at_the_evidence(letters_dir):
    load_letters(paths=[letters_dir])

    letter = Letter.objects.get(file_name=AFI_SEED)
    start, end = letter.spans["date"]
    assert letter.text[start:end] == "28th January 2025"
    for row in letter.grades.all():
        assert letter.text[row.start : row.end] == row.quote


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
    assert Letter.objects.filter(source=f"letters/{AFI_SEED}").exists()


def test_load_letters_a_moved_file_keeps_its_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    pk = Letter.objects.get(file_name=AFI_SEED).pk
    moved = tmp_path / "moved"
    moved.mkdir()
    (letters_dir / AFI_SEED).rename(moved / AFI_SEED)

    summary = load_letters(paths=[moved])

    assert summary.updated == 1
    assert Letter.objects.get(pk=pk).source == str(moved / AFI_SEED)
    assert Letter.objects.count() == 5


def test_load_letters_a_copy_of_a_loaded_file_is_not_a_second_letter(letters_dir, tmp_path):
    load_letters(paths=[letters_dir])
    copy = tmp_path / "copy.txt"
    shutil.copy(letters_dir / AFI_SEED, copy)

    summary = load_letters(paths=[copy])

    assert (summary.duplicate, summary.unchanged, summary.created) == (1, 0, 0)
    assert Letter.objects.count() == 5


def test_load_letters_changed_file_updates_its_letter(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / AFI_SEED
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("28th January 2025", "29th January 2025"),
        encoding="utf-8",
    )
    others = {letter.pk: letter.updated_at for letter in Letter.objects.exclude(file_name=AFI_SEED)}

    summary = load_letters(paths=[letters_dir])

    assert (summary.updated, summary.unchanged) == (1, 4)
    letter = Letter.objects.get(file_name=AFI_SEED)
    assert letter.date == dt.date(2025, 1, 29)
    assert letter.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert letter.areas_for_improvement.count() == 10
    assert {
        letter.pk: letter.updated_at for letter in Letter.objects.exclude(file_name=AFI_SEED)
    } == others


def test_load_letters_removes_afis_the_changed_file_no_longer_states(letters_dir):
    load_letters(paths=[letters_dir])
    seed = letters_dir / AFI_SEED
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text[: text.index("AFI 10")] + "\nYours sincerely\n", encoding="utf-8")

    load_letters(paths=[letters_dir])

    letter = Letter.objects.get(file_name=AFI_SEED)
    numbers = letter.areas_for_improvement.values_list("number", flat=True)
    assert sorted(numbers) == list(range(1, 10))


def test_load_letters_dry_run_writes_nothing_and_counts_true(letters_dir):
    summary = load_letters(paths=[letters_dir], dry_run=True)

    assert summary.created == 5
    assert Letter.objects.count() == 0
    assert Commissioner.objects.count() == 0
    assert Inspection.objects.count() == 0


def test_load_letters_bad_files_fail_by_name_and_the_rest_load(letters_dir):
    (letters_dir / "empty.txt").write_bytes(b"")
    (letters_dir / "blank.txt").write_bytes(b"  \n\t\r\n  ")
    (letters_dir / "scan.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (letters_dir / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (letters_dir / "mangled.txt").write_bytes(b"Dear Sir \x81\x8d\x8f\x90 \xff\xfe\xfd")
    (letters_dir / "gone.txt").symlink_to(letters_dir / "nowhere.txt")

    summary = load_letters(paths=[letters_dir])

    errors = {error.source.rsplit("/", 1)[-1]: error.error for error in summary.errors}
    assert errors == {
        "blank.txt": "empty file (whitespace only)",
        "empty.txt": "empty file",
        "gone.txt": "cannot read the file: No such file or directory",
        "image.txt": "not a text file: looks like a PNG image",
        "mangled.txt": "not a text file: invalid UTF-8 at byte 9",
        "scan.txt": "not a text file: looks like a PDF file",
    }
    assert (summary.created, summary.failed) == (5, 6)
    assert Letter.objects.count() == 5


def test_load_letters_failures_lose_nothing_already_stored(letters_dir):
    load_letters(paths=[letters_dir])
    before = snapshot()
    (letters_dir / AFI_SEED).write_bytes(b"%PDF-1.4 replaced by a scan")

    summary = load_letters(paths=[letters_dir])

    assert summary.failed == 1
    assert snapshot() == before


def test_load_letters_decodes_utf16_and_windows_1252(letters_dir, tmp_path):
    text = (letters_dir / AFI_SEED).read_text(encoding="utf-8")
    (letters_dir / AFI_SEED).unlink()
    other = tmp_path / "encoded"
    other.mkdir()
    (other / "utf16.txt").write_bytes(text.encode("utf-16"))
    # The seed's curly quotes and en dash exist in Windows-1252.
    (other / "cp1252.txt").write_bytes(text.encode("cp1252"))

    summary = load_letters(paths=[other])

    assert (summary.created, summary.failed) == (2, 0)
    utf16 = Letter.objects.get(file_name="utf16.txt")
    cp1252 = Letter.objects.get(file_name="cp1252.txt")
    assert utf16.text == cp1252.text == text
    assert not any("Windows-1252" in warning for warning in utf16.warnings)
    assert any("decoded as Windows-1252" in warning for warning in cp1252.warnings)
    assert utf16.date == cp1252.date == SEED_DATES[AFI_SEED]


def test_load_letters_many_files_in_small_batches(letters_dir):
    summary = load_letters(paths=[letters_dir], batch_size=2)

    assert summary.created == 5
    assert Letter.objects.count() == 5


def test_load_letters_calls_on_result_per_file(letters_dir):
    seen = []

    load_letters(paths=[letters_dir], on_result=seen.append)

    assert [result.outcome for result in seen] == ["created"] * 5
    assert [result.source for result in seen] == [
        str(path) for path in sorted(letters_dir.glob("*.txt"))
    ]


# --- the writer, fed ParsedLetters directly ------------------------------------------------


def test_store_letter_writes_the_letter_and_what_it_says():
    result = store()

    assert result.outcome == "created"
    letter = Letter.objects.get()
    assert letter.date == dt.date(2025, 1, 28)
    assert letter.force == get_force()
    assert letter.commissioner.name == "Rupert Matthews"
    assert letter.commissioner.slug == "rupert-matthews"
    assert (letter.recipient_name, letter.recipient_salutation) == (
        "Andy Cooke",
        "Dear Andy Cooke QPM,",
    )
    assert letter.grade_summary == {"outstanding": 3}
    assert letter.warnings == ["a parser warning"]
    assert TEXT[slice(*letter.spans["inspection.published"])] == "5th December 2024"
    assert TEXT[slice(*letter.spans["grade_summary.outstanding"])] == "Three outstanding"
    inspection = letter.inspection
    assert (inspection.kind, inspection.period, inspection.natural_key) == (
        "peel",
        "2023/24",
        "2023/24",
    )
    assert sorted(letter.grades.values_list("area", "grade")) == [
        ("investigating-crime", "adequate"),
        ("preventing-crime", "outstanding"),
    ]
    first = letter.areas_for_improvement.get(number=1)
    assert (first.text, first.response, first.inspection) == (
        "The Force needs to attend calls.",
        "we are.",
        inspection,
    )
    assert TEXT[first.start : first.end] == first.text


def test_store_letter_again_unchanged_writes_no_rows():
    store()
    before = snapshot()

    result = store()

    assert result.outcome == "updated"
    assert snapshot() == before


def test_store_letter_without_a_force_stores_the_letter_with_a_warning():
    store(parsed_letter(force=None))

    letter = Letter.objects.get()
    assert (letter.force, letter.inspection, letter.commissioner) == (None, None, None)
    assert "no force recognised: no inspection can be recorded" in letter.warnings
    assert "2 grades and 2 findings not stored: no inspection to attach them to" in (
        letter.warnings
    )
    assert Grade.objects.count() == 0


@pytest.mark.parametrize(
    ("inspection", "natural_key"),
    [
        (ParsedInspection("peel", period=Spanned("2021/22", 10, 17)), "2021/22"),
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


def test_store_letter_commissioner_slug_collision_adds_the_force():
    make_commissioner(name="Rupert Matthews", slug="rupert-matthews", force=get_force("kent"))

    store()

    assert Letter.objects.get().commissioner.slug == "rupert-matthews-leicestershire"


def test_store_letter_removes_grades_the_letter_no_longer_states():
    store()

    store(parsed_letter(grades=parsed_letter().grades[:1]))

    assert list(Grade.objects.values_list("area", flat=True)) == ["preventing-crime"]


def test_store_letter_keeps_corrections_and_reports_conflicts():
    store()
    letter = Letter.objects.get()
    letter.date = dt.date(2025, 2, 1)
    letter.mark_edited(["date"])
    letter.save()
    corrected = Grade.objects.get(area="preventing-crime")
    corrected.grade = "good"
    corrected.mark_edited(["grade"])
    corrected.save()
    removed_but_edited = Grade.objects.get(area="investigating-crime")
    removed_but_edited.mark_edited(["quote"])
    removed_but_edited.save()

    result = store(parsed_letter(grades=parsed_letter().grades[:1]))

    letter.refresh_from_db()
    assert letter.date == dt.date(2025, 2, 1)
    assert Grade.objects.get(pk=corrected.pk).grade == "good"
    assert Grade.objects.filter(pk=removed_but_edited.pk).exists()
    conflicts = {(c.field, c.kept, c.parsed) for c in result.conflicts}
    assert conflicts == {
        ("date", "2025-02-01", "2025-01-28"),
        ("grade", "good", "outstanding"),
        ("(row)", "kept", "no longer in the letter"),
    }
    assert all(c.source == "letters/example.txt" for c in result.conflicts)


def test_store_letter_grade_whose_area_a_person_corrected_is_not_recreated():
    store()
    grade_row = Grade.objects.get(area="preventing-crime")
    grade_row.area = "treatment-of-the-public"
    grade_row.mark_edited(["area"])
    grade_row.save()

    store()

    assert sorted(Grade.objects.values_list("area", flat=True)) == [
        "investigating-crime",
        "treatment-of-the-public",
    ]


def test_store_letter_never_touches_afi_status():
    store()
    AreaForImprovement.objects.filter(number=1).update(status="closed")
    changed = parsed_letter(findings=(afi(1, "The Force needs to attend calls.", "new words"),))

    store(changed)

    finding = AreaForImprovement.objects.get()
    assert (finding.status, finding.response) == ("closed", "new words")


def test_store_letter_kept_inspection_choice_creates_no_orphan():
    store()
    letter = Letter.objects.get()
    other = Inspection.objects.create(
        force=letter.force, kind="peel", period="2021/22", natural_key="2021/22"
    )
    letter.inspection = other
    letter.mark_edited(["inspection"])
    letter.save()
    moved = parsed_letter(inspection=ParsedInspection("peel", period=Spanned("2025", 1, 5)))

    result = store(moved)

    assert Letter.objects.get().inspection == other
    assert Inspection.objects.filter(period="2025").count() == 0
    assert [c.field for c in result.conflicts] == ["inspection"]
    assert other.grades.count() == 2
