"""letters.loading.batches: load_letters end to end on the real seed letters, batch by batch."""

import datetime as dt
import hashlib
import os

import pytest

from inspections.models import Commissioner, Grade, Inspection
from letters.loading import load_letters
from letters.models import Letter
from tests.letters.loading.examples import (
    AFI_SEED,
    SEED_DATES,
    TRUTH,
    snapshot,
)

pytestmark = pytest.mark.django_db


def test_load_letters_creates_one_letter_per_seed(letters_dir):
    summary = load_letters(paths=[letters_dir])

    assert (summary.created, summary.updated, summary.unchanged, summary.failed) == (5, 0, 0, 0)
    seed = letters_dir / AFI_SEED
    letter = Letter.objects.get(file_name=AFI_SEED)
    assert letter.sha256 == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert letter.text == seed.read_text(encoding="utf-8")
    assert letter.source == os.path.realpath(seed)  # outside the letters root: absolute


def test_load_letters_stores_what_the_seeds_say(letters_dir):
    registered = Commissioner.objects.count()

    load_letters(paths=[letters_dir])

    assert {letter.file_name: letter.date for letter in Letter.objects.all()} == SEED_DATES
    assert set(Letter.objects.values_list("force__name", flat=True)) == {"Leicestershire Police"}
    assert Grade.objects.count() == sum(len(want["grades"]) for want in TRUTH.values()) == 10
    afi_letter = Letter.objects.get(file_name=AFI_SEED)
    assert afi_letter.areas_for_improvement.filter(kind="afi").count() == 10
    assert afi_letter.areas_for_improvement_count == 10
    assert afi_letter.causes_of_concern_count == 0
    assert afi_letter.inspection.published == dt.date(2024, 12, 5)
    # Signers are the registry's people: the loader links letters to them, adding nobody.
    assert Commissioner.objects.count() == registered
    assert sorted(Commissioner.objects.signers().values_list("name", flat=True)) == [
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


def test_load_letters_dry_run_writes_nothing_and_counts_true(letters_dir):
    registered = Commissioner.objects.count()

    summary = load_letters(paths=[letters_dir], dry_run=True)

    assert summary.created == 5
    assert Letter.objects.count() == 0
    assert Commissioner.objects.count() == registered
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
        "image.txt": "not a format we read: looks like a PNG image (save a scanned letter as PDF)",
        "mangled.txt": "not a text file: invalid UTF-8 at byte 9",
        # Read as the PDF its bytes say it is, and this one is cut short.
        "scan.txt": "truncated or corrupt PDF: no end-of-file marker (%%EOF) at the end",
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


@pytest.mark.parametrize(
    ("name", "encoding", "warned"), [("utf16.txt", "utf-16", False), ("cp1252.txt", "cp1252", True)]
)
def test_load_letters_decodes_utf16_and_windows_1252(letters_dir, tmp_path, name, encoding, warned):
    text = (letters_dir / AFI_SEED).read_text(encoding="utf-8")
    (letters_dir / AFI_SEED).unlink()
    other = tmp_path / "encoded"
    other.mkdir()
    # The seed's curly quotes and en dash exist in Windows-1252.
    (other / name).write_bytes(text.encode(encoding))

    summary = load_letters(paths=[other])

    assert (summary.created, summary.failed) == (1, 0)
    letter = Letter.objects.get(file_name=name)
    assert letter.text == text
    assert any("decoded as Windows-1252" in warning for warning in letter.warnings) == warned
    assert letter.date == SEED_DATES[AFI_SEED]


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


# -- parsing in worker processes (jobs) ------------------------------------------------------


@pytest.fixture
def workers(monkeypatch):
    """Worker processes parse even a handful of files; counts the chunks handed to them."""
    from letters.loading import batches

    submitted = []

    class CountingPool(batches.ProcessPoolExecutor):
        def submit(self, fn, *args, **kwargs):
            submitted.append(len(args[0]))
            return super().submit(fn, *args, **kwargs)

    monkeypatch.setattr(batches, "PARALLEL_FROM", 1)
    monkeypatch.setattr(batches, "ProcessPoolExecutor", CountingPool)
    return submitted


def _outcomes(results):
    return [(result.source, result.outcome, result.detail, result.warnings) for result in results]


def test_files_parsed_by_workers_load_as_in_one_process(letters_dir, workers):
    (letters_dir / "empty.txt").write_bytes(b"")
    (letters_dir / "binary.txt").write_bytes(b"\x00\x01\x02 not a letter")
    one, two = [], []
    load_letters(paths=[letters_dir], dry_run=True, on_result=one.append, batch_size=3)
    assert not workers

    summary = load_letters(paths=[letters_dir], on_result=two.append, batch_size=3, jobs=2)

    assert sum(workers) == 7  # every file was parsed by a worker
    assert _outcomes(two) == _outcomes(one)
    assert (summary.created, summary.failed) == (5, 2)
    assert {result.source for result in two if result.outcome == "failed"} == {
        str(letters_dir / "binary.txt"),
        str(letters_dir / "empty.txt"),
    }
    assert {letter.file_name: letter.date for letter in Letter.objects.all()} == SEED_DATES
    assert Grade.objects.count() == 10


def test_unchanged_files_are_not_sent_to_the_workers(letters_dir, workers):
    load_letters(paths=[letters_dir], jobs=2)
    sent = sum(workers)

    summary = load_letters(paths=[letters_dir], jobs=2)

    assert summary.unchanged == 5
    assert sum(workers) == sent == 5


def test_a_file_the_batch_ahead_makes_need_parsing_is_parsed_in_the_load(
    letters_dir, tmp_path, workers, monkeypatch
):
    """The next batch starts parsing before the one ahead is written: a file found unchanged
    then (not sent) can need parsing once it is written, here because the letter followed a new
    version of itself to another file. It is parsed in the load's own process."""
    from letters.loading import batches

    load_letters(paths=[letters_dir])
    seed = letters_dir / AFI_SEED
    text = seed.read_text(encoding="utf-8")
    reissued = tmp_path / "a-reissued.txt"
    reissued.write_text(text.replace("welcome the findings", "welcome the finding"))
    in_the_load = []
    parse_file = batches.parse_file
    monkeypatch.setattr(
        batches, "parse_file", lambda data, path: in_the_load.append(path) or parse_file(data, path)
    )

    results = []
    load_letters(paths=[reissued, seed], on_result=results.append, batch_size=1, jobs=2)

    assert [result.outcome for result in results] == ["updated", "duplicate"]
    assert "a new version of" in results[0].detail
    assert "an earlier version of" in results[1].detail
    assert in_the_load == [str(seed)]  # the reissued file went to a worker
    assert workers == [1]
    assert Letter.objects.get(file_name="a-reissued.txt").revisions.count() == 1
