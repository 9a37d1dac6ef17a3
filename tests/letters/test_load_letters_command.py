"""`manage.py load_letters`: output, exit status, --dry-run and the extraction contract's JSON."""

import hashlib
import io
import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from letters.models import Letter
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

CONTRACT_KEYS = {
    "source",
    "sha256",
    "date",
    "reference",
    "force",
    "commissioner",
    "recipient",
    "inspection",
    "grades",
    "grade_summary",
    "causes_of_concern_count",
    "areas_for_improvement_count",
    "areas_for_improvement",
    "warnings",
}


def run(*args, **kwargs):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command("load_letters", *map(str, args), stdout=stdout, stderr=stderr, **kwargs)
    return stdout.getvalue(), stderr.getvalue()


# A PDF saved as .txt is read as a PDF, and this one is cut short.
BAD_FILE_REASON = "truncated or corrupt PDF: no end-of-file marker (%%EOF) at the end"


@pytest.fixture
def bad_file(letters_dir):
    path = letters_dir / "scan.txt"
    path.write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n")
    return path


def test_load_letters_prints_a_summary_naming_the_files_with_warnings(letters_dir):
    stdout, stderr = run(letters_dir, no_dataset=True)

    assert stdout.splitlines() == [
        "Loaded 5 files: 5 created, 0 updated, 0 unchanged, 0 duplicates, 0 failed, "
        "0 conflicts, 2 with warnings.",
        "Files with warnings (the first warning of each; -v 2 lists all):",
        f"  {letters_dir / '001_439538cb42c9acce.txt'}: "
        "summary counts 4 'good' grades but names 3 (and 1 more warning)",
        f"  {letters_dir / '004_01382cee0f6da728.txt'}: "
        "period inferred: a State of Policing report assesses the year before its release",
    ]
    assert stderr == ""
    assert Letter.objects.count() == 5


def test_load_letters_jobs_parse_in_workers_and_report_the_same(letters_dir, bad_file, monkeypatch):
    from letters.loading import batches

    with pytest.raises(CommandError) as one:
        run(letters_dir, "--dry-run", "--jobs", "1")
    monkeypatch.setattr(batches, "PARALLEL_FROM", 1)  # workers for even these six files
    pools = []
    monkeypatch.setattr(
        batches, "ProcessPoolExecutor", lambda **kw: pools.append(kw) or ProcessPoolExecutor(**kw)
    )

    with pytest.raises(CommandError) as two:
        run(letters_dir, "--jobs", "2")

    assert [pool["max_workers"] for pool in pools] == [2]
    assert str(two.value) == str(one.value)
    assert BAD_FILE_REASON in str(two.value)
    assert Letter.objects.count() == 5


def test_load_letters_names_ten_files_with_warnings_and_counts_the_rest(letters_dir, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    text = (letters_dir / "004_01382cee0f6da728.txt").read_text(encoding="utf-8")
    for n in range(13):
        # Each copy ends with 6 KB of its own, so none is a duplicate of another, nor a new
        # version of one (texts at least 95% alike are versions of one letter).
        postscript = " ".join(hashlib.sha256(f"{n}-{i}".encode()).hexdigest() for i in range(100))
        (folder / f"letter-{n:02}.txt").write_text(f"{text}\n{postscript}\n", encoding="utf-8")

    stdout, _ = run(folder, no_dataset=True)

    lines = stdout.splitlines()
    assert lines[0].endswith(", 13 with warnings.")
    named = [line for line in lines if line.startswith("  ") and "letter-" in line]
    assert [line.split(": ", 1)[0].strip() for line in named] == [
        str(folder / f"letter-{n:02}.txt") for n in range(10)
    ]
    assert all(line.endswith("assesses the year before its release") for line in named)
    assert lines[-1] == "  … and 3 more files with warnings."


def test_load_letters_dry_run_json_keeps_stdout_to_the_document(letters_dir):
    stdout, stderr = run(letters_dir, dry_run=True, json=True)

    document = json.loads(stdout)  # the files with warnings are not named on stdout
    assert len(document["letters"]) == 5 and document["errors"] == []
    assert "Files with warnings" not in stdout + stderr


def test_load_letters_again_reports_unchanged(letters_dir):
    run(letters_dir)

    stdout, _ = run(letters_dir)

    assert "0 created, 0 updated, 5 unchanged, 0 duplicates, 0 failed" in stdout


def test_load_letters_verbosity_2_lists_each_file(letters_dir):
    stdout, _ = run(letters_dir, verbosity=2)

    lines = stdout.splitlines()
    files = [line for line in lines if not line.startswith("  warning: ")]
    assert files[:5] == [f"created: {path}" for path in sorted(map(str, letters_dir.glob("*.txt")))]
    # Each letter's warnings follow its line.
    summary_seed = lines.index(f"created: {letters_dir / '001_439538cb42c9acce.txt'}")
    assert lines[summary_seed + 1] == "  warning: summary counts 4 'good' grades but names 3"
    assert "Files with warnings" not in stdout  # listed with each file already


def test_load_letters_rebuilds_the_dataset_once_the_load_has_stored_letters(letters_dir):
    from opendata import dataset

    stdout, _ = run(letters_dir)
    built = dataset.read_manifest()
    again, _ = run(letters_dir)  # nothing new: the download is up to date

    assert stdout.splitlines()[-1].startswith("Built the dataset in ")
    assert built["tables"]["letters"] == 5
    assert not dataset.stale(built, dataset.read_load_note())
    assert "Built the dataset" not in again
    assert dataset.read_manifest() == built


def test_load_letters_no_dataset_leaves_it_to_a_later_build(letters_dir):
    from opendata import dataset

    stdout, _ = run(letters_dir, no_dataset=True)

    assert "Built the dataset" not in stdout
    assert dataset.stale(dataset.read_manifest(), dataset.read_load_note())


def test_load_letters_verbosity_0_prints_nothing(letters_dir):
    stdout, _ = run(letters_dir, verbosity=0)  # the dataset's build after it included

    assert stdout == ""


def test_load_letters_bad_file_raises_with_its_name_and_the_rest_load(letters_dir, bad_file):
    with pytest.raises(CommandError) as raised:
        run(letters_dir)

    assert raised.value.returncode == 1
    assert str(raised.value) == (
        f"1 of 6 files could not be loaded:\n  {bad_file}: {BAD_FILE_REASON}"
    )
    assert Letter.objects.count() == 5


def test_load_letters_missing_path_is_a_failure(tmp_path):
    with pytest.raises(CommandError, match="no such file or folder"):
        run(tmp_path / "nowhere")


def test_load_letters_dry_run_writes_nothing(letters_dir):
    stdout, _ = run(letters_dir, dry_run=True)

    assert stdout.splitlines()[0] == (
        "Dry run, nothing stored: would load 5 files: "
        "5 created, 0 updated, 0 unchanged, 0 duplicates, 0 failed, 0 conflicts, 2 with warnings."
    )
    assert Letter.objects.count() == 0


def test_load_letters_dry_run_after_a_load_reports_the_change(letters_dir):
    run(letters_dir)
    seed = sorted(letters_dir.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA postscript.\n", encoding="utf-8")
    before = list(Letter.objects.values_list("sha256", "updated_at"))

    stdout, _ = run(letters_dir, dry_run=True)

    assert "1 updated, 4 unchanged" in stdout
    assert list(Letter.objects.values_list("sha256", "updated_at")) == before


def test_load_letters_json_needs_dry_run(letters_dir):
    with pytest.raises(CommandError, match="--json only goes with --dry-run"):
        run(letters_dir, json=True)


def test_load_letters_dry_run_json_prints_the_contract(letters_dir, django_assert_num_queries):
    # One query: the registry of office-holders, that signers are read against.
    with django_assert_num_queries(1):
        stdout, stderr = run(letters_dir, dry_run=True, json=True)

    document = json.loads(stdout)
    assert set(document) == {"letters", "errors"}
    assert document["errors"] == []
    seeds = sorted(letters_dir.glob("*.txt"))
    assert [letter["source"] for letter in document["letters"]] == list(map(str, seeds))
    for letter, seed in zip(document["letters"], seeds, strict=True):
        assert set(letter) >= CONTRACT_KEYS
        assert letter["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()
        assert letter["commissioner"]["registered"] == letter["commissioner"]["name"]
    assert stderr == ""
    assert Letter.objects.count() == 0


def test_load_letters_dry_run_json_lists_errors_and_raises(letters_dir, bad_file):
    stdout = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "load_letters",
            str(letters_dir),
            dry_run=True,
            json=True,
            stdout=stdout,
            stderr=io.StringIO(),
        )

    document = json.loads(stdout.getvalue())
    assert raised.value.returncode == 1
    assert len(document["letters"]) == 5
    assert document["errors"] == [{"source": str(bad_file), "error": BAD_FILE_REASON}]


def test_load_letters_dry_run_json_seeds_extract_as_the_truth_says(seeds_dir, monkeypatch):
    monkeypatch.chdir(ROOT)
    stdout, _ = run("seeds", dry_run=True, json=True)

    letters = {Path(letter["source"]).name: letter for letter in json.loads(stdout)["letters"]}
    afi_letter = letters["003_4ece3fc261db78a7.txt"]
    assert afi_letter["source"] == "seeds/003_4ece3fc261db78a7.txt"
    assert afi_letter["date"] == "2025-01-28"
    assert afi_letter["inspection"]["published"] == "2024-12-05"
    assert [afi["number"] for afi in afi_letter["areas_for_improvement"]] == list(range(1, 11))
    assert sum(len(letter["grades"]) for letter in letters.values()) == 10


def test_load_letters_dry_run_json_scores_100_percent_on_the_seeds(seeds_dir, monkeypatch):
    scoring = pytest.importorskip("tests.scoring", reason="the parser helper's scoring module")
    monkeypatch.chdir(ROOT)
    stdout, _ = run("seeds", dry_run=True, json=True)

    percent, mismatches = scoring.score(
        json.loads(stdout)["letters"], scoring.load_truth(seeds_dir)
    )

    assert (percent, mismatches) == (100.0, [])


def test_load_letters_cli_exits_1_with_only_json_on_stdout(letters_dir, bad_file, tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}"}

    finished = subprocess.run(
        [sys.executable, "manage.py", "load_letters", str(letters_dir), "--dry-run", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert finished.returncode == 1
    document = json.loads(finished.stdout)
    assert len(document["letters"]) == 5
    assert f"{bad_file}: {BAD_FILE_REASON}" in finished.stderr


class _Terminal(io.StringIO):
    """Stands in for a terminal: the command shows progress only when stderr is one."""

    def isatty(self):
        return True


def test_load_letters_shows_progress_on_a_terminal_for_a_large_batch(tmp_path, seeds_dir):
    seed = next(seeds_dir.glob("*.txt")).read_text(encoding="utf-8")
    for n in range(60):
        (tmp_path / f"{n:03}.txt").write_text(f"{seed}\nCopy {n}\n", encoding="utf-8")
    stderr = _Terminal()

    call_command("load_letters", str(tmp_path), stdout=io.StringIO(), stderr=stderr)

    assert stderr.getvalue() == "\r50 files…\r\x1b[K"


def test_load_letters_shows_no_progress_when_stderr_is_not_a_terminal(tmp_path, seeds_dir):
    seed = next(seeds_dir.glob("*.txt")).read_text(encoding="utf-8")
    for n in range(60):
        (tmp_path / f"{n:03}.txt").write_text(f"{seed}\nCopy {n}\n", encoding="utf-8")

    _, stderr = run(tmp_path)

    assert stderr == ""


def test_load_letters_dry_run_json_gives_the_registered_name_and_inferred_signers(tmp_path):
    unsigned = tmp_path / "unsigned.txt"
    unsigned.write_text(
        "28 January 2025\n\nDear Andy Cooke,\n\nLeicestershire Police PEEL 2023/25: the force "
        "was graded good at preventing crime.\n",
        encoding="utf-8",
    )
    misspelt = tmp_path / "misspelt.txt"
    misspelt.write_text(
        "28 January 2025\n\nDear Andy Cooke,\n\nLeicestershire Police PEEL 2023/25.\n\n"
        "Yours sincerely,\n\nRupert Mathews\nPolice and Crime Commissioner for Leicestershire\n",
        encoding="utf-8",
    )

    stdout, _ = run(tmp_path, dry_run=True, json=True)

    letters = {Path(entry["source"]).name: entry for entry in json.loads(stdout)["letters"]}
    assert letters["misspelt.txt"]["commissioner"] == {
        "name": "Rupert Mathews",
        "title": "Police and Crime Commissioner",
        "registered": "Rupert Matthews",
    }
    assert letters["unsigned.txt"]["commissioner"] == {
        "name": None,
        "title": "Police and Crime Commissioner",
        "registered": "Rupert Matthews",
        "inferred": True,
    }
    assert "(inferred from its date)" in letters["unsigned.txt"]["warnings"][-1]


# Issue 10, item 7: a file name that is not valid UTF-8 aborted the whole load with a traceback
# (nothing stored), and a name with a newline or an ANSI escape could forge lines of the output.
def _bad_name(folder: Path) -> str:
    """Rename one seed to b"caf\\xe9.txt" (Latin-1, not UTF-8); returns its escaped name."""
    first = sorted(folder.glob("*.txt"))[0]
    os.rename(bytes(first), os.path.join(bytes(folder), b"caf\xe9.txt"))
    return "caf\\xe9.txt"


def test_load_letters_refuses_a_name_that_is_not_utf8_and_loads_the_rest(letters_dir):
    escaped = _bad_name(letters_dir)

    with pytest.raises(CommandError) as raised:
        run(letters_dir)

    assert Letter.objects.count() == 4
    assert f"{letters_dir}/{escaped}: the file name is not valid UTF-8" in str(raised.value)
    assert "\udce9" not in str(raised.value)


def test_load_letters_cli_names_a_bad_file_name_escaped_without_a_traceback(letters_dir, tmp_path):
    escaped = _bad_name(letters_dir)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    loaded = subprocess.run(
        [*manage, "load_letters", str(letters_dir), "-v", "2"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    listed = subprocess.run(
        [*manage, "load_letters", str(letters_dir), "--dry-run", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert loaded.returncode == listed.returncode == 1
    assert "Traceback" not in loaded.stderr + listed.stderr
    assert f"failed: {letters_dir}/{escaped} (the file name is not valid UTF-8" in loaded.stdout
    assert "4 created" in loaded.stdout
    errors = json.loads(listed.stdout)["errors"]
    assert [error["source"] for error in errors] == [f"{letters_dir}/{escaped}"]


def test_load_letters_escapes_control_characters_in_names(letters_dir):
    forged = "x\nLoaded 99 files: 99 created.txt"
    ansi = "\x1b[2Kred.txt"
    seeds = sorted(letters_dir.glob("*.txt"))
    seeds[0].rename(letters_dir / forged)
    seeds[1].rename(letters_dir / ansi)

    stdout, _ = run(letters_dir, verbosity=2)

    assert "\x1b" not in stdout
    lines = stdout.splitlines()
    assert f"created: {letters_dir}/x\\nLoaded 99 files: 99 created.txt" in lines
    assert f"created: {letters_dir}/\\x1b[2Kred.txt" in lines
    assert sum(line.startswith("Loaded ") for line in lines) == 1
    names = set(Letter.objects.values_list("file_name", flat=True))
    assert {"x\\nLoaded 99 files: 99 created.txt", "\\x1b[2Kred.txt"} <= names
