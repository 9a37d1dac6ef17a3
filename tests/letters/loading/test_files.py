"""letters.loading.files: how files are found, and bad input to `load_letters`: what is
refused, what loads with a warning, and what is kept.

Every bad-input case checks the file is named with its reason, what was stored, the exit status and
the summary line, and that the other files in the batch still load.
"""

import ctypes
import io
import os
import re
import shutil
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from inspections.models import Commissioner
from letters.loading import MAX_FILE_BYTES, iter_letter_files
from letters.models import Letter
from tests.conftest import ROOT
from tests.letters.loading.examples import snapshot

pytestmark = pytest.mark.django_db

SEED = "003_4ece3fc261db78a7.txt"
MB = 1024 * 1024


def load(*paths):
    """Run the command: (stdout, exit status, the error's message)."""
    stdout = io.StringIO()
    try:
        call_command("load_letters", *map(str, paths), stdout=stdout, stderr=io.StringIO())
    except CommandError as exc:
        return stdout.getvalue(), exc.returncode, str(exc)
    return stdout.getvalue(), 0, ""


def summary(created=0, updated=0, unchanged=0, duplicates=0, failed=0, *, warned=None):
    """The summary line; letters stored with warnings are counted from the database when new."""
    if warned is None:
        warned = Letter.objects.exclude(warnings=[]).count()
    total = created + updated + unchanged + duplicates + failed
    return (
        f"Loaded {total} files: {created} created, {updated} updated, {unchanged} unchanged, "
        f"{duplicates} duplicate{'' if duplicates == 1 else 's'}, {failed} failed, "
        f"0 conflicts, {warned} with warnings."
    )


def summary_line(stdout):
    """The summary line of load_letters' output (the files with warnings are named after it)."""
    return stdout.splitlines()[0]


@pytest.fixture
def seed_text(seeds_dir):
    return (seeds_dir / SEED).read_text(encoding="utf-8")


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


# Issue 10, item 10: a link in the folder being loaded reached files anywhere on the machine.
def test_iter_letter_files_refuses_links_that_leave_the_folder(tmp_path):
    folder, elsewhere = tmp_path / "letters", tmp_path / "elsewhere"
    (folder / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("not for loading")
    (folder / "a.txt").write_text("a")
    (folder / "inside.txt").symlink_to(folder / "sub" / "b.txt")
    (folder / "sub" / "b.txt").write_text("b")
    (folder / "out.txt").symlink_to(elsewhere / "secret.txt")
    (folder / "outdir").symlink_to(elsewhere, target_is_directory=True)

    found = {os.path.relpath(f.path, folder): f.error for f in iter_letter_files([folder])}

    assert found == {
        "a.txt": None,
        "inside.txt": None,
        "out.txt": (
            f"a symbolic link to {elsewhere / 'secret.txt'}, outside the folder being loaded "
            "(--follow-links loads it)"
        ),
        "outdir": (
            f"a symbolic link to {elsewhere}, outside the folder being loaded "
            "(--follow-links loads it)"
        ),
    }


def test_iter_letter_files_follows_links_when_asked(tmp_path):
    folder, elsewhere = tmp_path / "letters", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (elsewhere / "x.txt").write_text("x")
    (folder / "out.txt").symlink_to(elsewhere / "x.txt")
    (folder / "outdir").symlink_to(elsewhere, target_is_directory=True)

    found = [(f.path, f.error) for f in iter_letter_files([folder], follow_links=True)]

    # One file reached by two links is listed once.
    assert found == [(str(folder / "out.txt"), None)]


def test_bad_input_link_out_of_the_folder_is_refused_unless_followed(letters_dir, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / SEED
    (letters_dir / SEED).rename(moved)
    (letters_dir / "linked.txt").symlink_to(moved)

    stdout, status, message = load(letters_dir)
    assert (status, summary_line(stdout)) == (1, summary(created=4, failed=1))
    assert f"linked.txt: a symbolic link to {moved}, outside the folder being loaded" in message

    stdout = io.StringIO()
    call_command("load_letters", str(letters_dir), "--follow-links", stdout=stdout)
    # Stored by where the link leads (Letter.source is the resolved path).
    warned = int(bool(Letter.objects.get(source=str(moved)).warnings))
    assert summary_line(stdout.getvalue()) == summary(created=1, unchanged=4, warned=warned)


# --- refused: named with the reason, the rest loads, nothing stored changes -----------------


def _fifo(folder):
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path, "not a regular file: a named pipe (FIFO)"


def _late_nul(folder):
    # Past the first 4 KB the decoder looks at; PostgreSQL cannot store a NUL anywhere.
    text = (ROOT / "seeds" / SEED).read_text(encoding="utf-8")
    path = folder / "late-nul.txt"
    path.write_text(text[:6000] + "\x00" + text[6000:], encoding="utf-8")
    return path, "not a text file: contains NUL bytes (character 6,000)"


def _huge(folder):
    path = folder / "huge.txt"
    line = b"Dear Chief Inspector, this line repeats until the file is 20 MB.\n"
    path.write_bytes(line * (20 * MB // len(line)) + b"x" * (20 * MB % len(line)))
    assert path.stat().st_size == 20 * MB
    return path, f"too large: 20.0 MB, the limit is {MAX_FILE_BYTES // MB} MB"


def _self_link(folder):
    path = folder / "self.txt"
    path.symlink_to(path)
    return path, "cannot read the file: Too many levels of symbolic links"


def _folder_loop(folder):
    (folder / "sub").mkdir()
    path = folder / "sub" / "again"
    path.symlink_to(folder, target_is_directory=True)
    return path, f"folder symlink loop (leads back to {os.path.realpath(folder)})"


def _bytes(name, data, reason):
    def make(folder):
        (folder / name).write_bytes(data)
        return folder / name, reason

    make.__name__ = name
    return make


REFUSED = [
    _bytes("empty.txt", b"", "empty file"),
    _bytes("blank.txt", b"  \n\t\r\n  \n", "empty file (whitespace only)"),
    _bytes(
        "scan.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>",
        # Read as the PDF its bytes say it is, and this one is cut short.
        "truncated or corrupt PDF: no end-of-file marker (%%EOF) at the end",
    ),
    _bytes(
        "photo.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "not a format we read: looks like a PNG image (save a scanned letter as PDF)",
    ),
    _late_nul,
    _huge,
    _fifo,
    _self_link,
    _folder_loop,
]


@pytest.mark.parametrize("make", REFUSED, ids=lambda make: make.__name__.strip("_"))
def test_bad_input_refused_file_is_named_and_the_rest_load(letters_dir, make):
    bad, reason = make(letters_dir)

    stdout, status, error = load(letters_dir)

    assert status == 1
    assert error == f"1 of 6 files could not be loaded:\n  {bad}: {reason}"
    assert summary_line(stdout) == summary(created=5, failed=1)
    assert Letter.objects.count() == 5
    assert not Letter.objects.filter(file_name=bad.name).exists()


@pytest.mark.parametrize("make", REFUSED, ids=lambda make: make.__name__.strip("_"))
def test_bad_input_refused_file_changes_nothing_stored(letters_dir, make):
    load(letters_dir)
    before = snapshot()
    bad, reason = make(letters_dir)

    stdout, status, error = load(letters_dir)

    assert (status, error) == (1, f"1 of 6 files could not be loaded:\n  {bad}: {reason}")
    assert summary_line(stdout) == summary(unchanged=5, failed=1, warned=0)
    assert snapshot() == before


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (
            b"%PDF-1.4 replaced by a scan",
            "truncated or corrupt PDF: no end-of-file marker (%%EOF) at the end",
        ),
        (b"x" * (MAX_FILE_BYTES + 1), f"too large: 5.0 MB, the limit is {MAX_FILE_BYTES // MB} MB"),
    ],
    ids=["emptied", "pdf", "over-the-limit"],
)
def test_bad_input_stored_letter_overwritten_by_bad_bytes_is_kept(letters_dir, content, reason):
    load(letters_dir)
    stored = Letter.objects.values("sha256", "text", "date").get(file_name=SEED)
    before = snapshot()
    (letters_dir / SEED).write_bytes(content)

    stdout, status, error = load(letters_dir)

    assert (status, error) == (
        1,
        f"1 of 5 files could not be loaded:\n  {letters_dir / SEED}: {reason}",
    )
    assert summary_line(stdout) == summary(unchanged=4, failed=1, warned=0)
    assert Letter.objects.values("sha256", "text", "date").get(file_name=SEED) == stored
    assert snapshot() == before


def _without_root_powers():
    """Before exec: drop root's power to read and search whatever the permissions say.

    CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH leave the bounding set, so the program run
    afterwards meets file permissions as any user does (a real EACCES, not a mock).
    """
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


PR_CAPBSET_DROP = 24


def test_bad_input_unreadable_file_permission_denied(tmp_path, seeds_dir, letters_dir):
    """A real permission error, from a load run in a process that cannot override modes."""
    folder = letters_dir
    locked = folder / SEED
    locked.chmod(0)
    (folder / "closed").mkdir(mode=0)
    database = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CACHE_URL": "locmem://"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    finished = subprocess.run(
        [*manage, "load_letters", str(folder)],
        cwd=ROOT,
        env=env,
        preexec_fn=_without_root_powers if os.geteuid() == 0 else None,
        capture_output=True,
        text=True,
        check=False,
    )

    assert finished.returncode == 1, finished.stderr
    assert summary_line(finished.stdout) == (
        "Loaded 6 files: 4 created, 0 updated, 0 unchanged, 0 duplicates, 2 failed, "
        f"0 conflicts, {_warned(database)} with warnings."
    )
    assert finished.stderr.splitlines()[-3:] == [
        "CommandError: 2 of 6 files could not be loaded:",
        f"  {locked}: cannot read the file: Permission denied",
        f"  {folder / 'closed'}: cannot read the folder: Permission denied",
    ]
    assert _letters(database) == sorted(
        path.name for path in seeds_dir.glob("*.txt") if path.name != SEED
    )


def _letters(database):
    import sqlite3

    with sqlite3.connect(database) as connection:
        return sorted(row[0] for row in connection.execute("SELECT file_name FROM letters_letter"))


def _warned(database):
    import sqlite3

    with sqlite3.connect(database) as connection:
        query = "SELECT COUNT(*) FROM letters_letter WHERE warnings != '[]'"
        return connection.execute(query).fetchone()[0]


# --- loaded, with a warning where something is missing --------------------------------------


def test_bad_input_windows_1252_is_decoded_with_a_warning(letters_dir, tmp_path, seed_text):
    (letters_dir / SEED).rename(tmp_path / SEED)
    # The seed's curly quotes and en dash exist in Windows-1252, not in Latin-1.
    (letters_dir / "cp1252.txt").write_bytes(seed_text.encode("cp1252"))

    stdout, status, _ = load(letters_dir)

    assert (status, summary_line(stdout)) == (0, summary(created=5))
    letter = Letter.objects.get(file_name="cp1252.txt")
    assert letter.text == seed_text
    assert [w for w in letter.warnings if "Windows-1252" in w] == [
        f"decoded as Windows-1252 (invalid UTF-8 at byte {_first_non_ascii(seed_text)})"
    ]
    assert letter.grades.exists() or letter.areas_for_improvement.exists()


def _first_non_ascii(text):
    encoded = text.encode("cp1252")
    return next(i for i, byte in enumerate(encoded) if byte > 127)


def test_bad_input_utf8_with_a_stray_byte_keeps_its_utf8_text(letters_dir, tmp_path, seed_text):
    # Issue 10, item 10: one stray byte made the whole letter Windows-1252, every curly quote
    # and dash in it garbled ("â€™"); or refused it, when a quote's bytes are undefined there.
    (letters_dir / SEED).rename(tmp_path / SEED)
    data = seed_text.encode("utf-8")
    offset = data.index(b"\n\n") + 1
    (letters_dir / "stray.txt").write_bytes(data[:offset] + b"\x92" + data[offset:])

    stdout, status, _ = load(letters_dir)

    assert (status, summary_line(stdout)) == (0, summary(created=5))
    letter = Letter.objects.get(file_name="stray.txt")
    at = len(data[:offset].decode())
    assert letter.text == seed_text[:at] + "\ufffd" + seed_text[at:]
    assert f"decoded as UTF-8 with 1 invalid byte replaced (at byte {offset:,})" in letter.warnings


def test_bad_input_utf16_with_bom_is_decoded(letters_dir, tmp_path, seed_text):
    (letters_dir / SEED).rename(tmp_path / SEED)
    (letters_dir / "utf16.txt").write_bytes(seed_text.encode("utf-16"))
    (letters_dir / "utf16be.txt").write_bytes(b"\xfe\xff" + seed_text.encode("utf-16-be"))

    stdout, status, _ = load(letters_dir)

    # Both are the same letter's text in other bytes: the second is a duplicate of the first.
    assert (status, summary_line(stdout)) == (0, summary(created=5, duplicates=1))
    assert f"utf16be.txt: the same text as {letters_dir / 'utf16.txt'}" in stdout
    letter = Letter.objects.get(file_name="utf16.txt")
    assert letter.text == seed_text
    assert not any("decoded" in warning for warning in letter.warnings)
    assert not Letter.objects.filter(file_name="utf16be.txt").exists()


def test_bad_input_letter_without_a_date_loads_undated_with_a_warning(letters_dir, seed_text):
    undated = seed_text.replace("Date: 28th January 2025", "")
    (letters_dir / SEED).write_text(undated, encoding="utf-8")

    stdout, status, _ = load(letters_dir)

    assert (status, summary_line(stdout)) == (0, summary(created=5))
    letter = Letter.objects.get(file_name=SEED)
    assert letter.date is None
    assert "no date found: the letter is stored undated" in letter.warnings
    assert letter.inspection is not None  # the report it answers is still named


def test_bad_input_letter_without_a_force_loads_with_no_inspection(letters_dir, seed_text):
    nowhere = re.sub(r"Leicester(shire)?|Rutland|LLR", "Someplace", seed_text)
    (letters_dir / "nowhere.txt").write_text(nowhere, encoding="utf-8")

    stdout, status, _ = load(letters_dir)

    assert (status, summary_line(stdout)) == (0, summary(created=6))
    letter = Letter.objects.get(file_name="nowhere.txt")
    assert (letter.force, letter.inspection, letter.commissioner) == (None, None, None)
    assert "no force recognised: no inspection can be recorded" in letter.warnings
    assert "0 grades and 10 findings not stored: no inspection to attach them to" in (
        letter.warnings
    )
    assert not letter.grades.exists() and not letter.areas_for_improvement.exists()


def test_bad_input_same_content_under_another_name_is_a_duplicate(letters_dir, tmp_path):
    load(letters_dir)
    before = snapshot()
    elsewhere = tmp_path / "inbox"
    elsewhere.mkdir()
    shutil.copy(letters_dir / SEED, elsewhere / "renamed copy.txt")
    shutil.copy(letters_dir / SEED, elsewhere / "second copy.txt")

    stdout, status, _ = load(elsewhere)

    assert (status, summary_line(stdout)) == (0, summary(duplicates=2, warned=0))
    assert snapshot() == before
    detail = io.StringIO()
    call_command("load_letters", str(elsewhere), verbosity=2, stdout=detail)
    assert detail.getvalue().splitlines()[:2] == [
        f"duplicate: {elsewhere / 'renamed copy.txt'} (same content as {letters_dir / SEED})",
        f"duplicate: {elsewhere / 'second copy.txt'} (same content as {letters_dir / SEED})",
    ]


def test_bad_input_two_new_copies_in_one_load_store_one_letter(letters_dir, tmp_path):
    shutil.copy(letters_dir / SEED, letters_dir / "zz copy.txt")

    stdout, status, _ = load(letters_dir)

    assert (status, summary_line(stdout)) == (0, summary(created=5, duplicates=1))
    assert Letter.objects.count() == 5
    assert not Letter.objects.filter(file_name="zz copy.txt").exists()


TO_THE_COMMISSIONER = """HMICFRS
6th Floor, Globe House
89 Eccleston Square
London SW1V 1PN

14 March 2024

Rupert Matthews
Police and Crime Commissioner for Leicestershire
Force Headquarters
Enderby, Leicester LE19 2BX

Dear Mr Matthews,

PEEL 2023/25: Leicestershire Police

I am writing to let you know that our inspection report on Leicestershire Police will be
published on 5 December 2024. Under section 55 of the Police Act 1996 you must publish
comments on the report within 56 days of its publication.

Yours sincerely,

Andy Cooke QPM
His Majesty's Chief Inspector of Constabulary
"""

FROM_THE_CHIEF_CONSTABLE = """Kent Police
Chief Constable's Office
Police Headquarters, Sutton Road, Maidstone ME15 9BZ

2 February 2023

Matthew Scott
Kent Police and Crime Commissioner

Dear Matthew,

HMICFRS PEEL inspection 2021/22

Thank you for the opportunity to comment on the force's response to the inspection.

Yours sincerely,

Tim Smith
Chief Constable
"""


@pytest.mark.parametrize(
    ("text", "signer", "recipient"),
    [
        (TO_THE_COMMISSIONER, "Andy Cooke", "Rupert Matthews"),
        (FROM_THE_CHIEF_CONSTABLE, "Tim Smith", "Matthew Scott"),
    ],
    ids=["from-hmicfrs", "from-the-chief-constable"],
)
def test_bad_input_letter_to_a_commissioner_is_not_signed_by_one(
    letters_dir, text, signer, recipient
):
    (letters_dir / "to-the-pcc.txt").write_text(text, encoding="utf-8")

    stdout, status, _ = load(letters_dir)

    assert (status, summary_line(stdout)) == (0, summary(created=6))
    letter = Letter.objects.get(file_name="to-the-pcc.txt")
    # The signer is not taken for the commissioner, and the letter says it is not theirs.
    assert letter.commissioner is None
    assert not Commissioner.objects.filter(name=signer).exists()
    assert letter.recipient_name == recipient
    assert (
        f"not written by a commissioner: no commissioner signs it (addressed to {recipient})"
        in letter.warnings
    )
