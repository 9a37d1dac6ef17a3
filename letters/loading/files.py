"""What the loader reads, and what it refuses: finding files, reading them, decoding and parsing.

Files and folders are walked in sorted order (folders recursively, ``*.txt``, names starting
with "." skipped), each file once however it is named.

What is refused, and why (the file is named with the reason; nothing stored changes):
- no such file, a folder symlink loop, not a regular file (a FIFO, a device), permission denied;
- larger than ``MAX_FILE_BYTES``: letters are a few pages (the largest real ones are well under
  1 MB), so a file this big is a mistake, a scan or an export, and parsing it would only slow
  the batch and put megabytes of noise on a page;
- empty, whitespace only, binary (PDF, images, archives, NUL bytes), undecodable text (the
  parser's decoder says which; text decoded as Windows-1252 loads with a warning).

No Django here: this module knows files and the parser, not the database.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from letters.parsing import LetterParseError, ParsedLetter, decode_letter, parse_letter

MB = 1024 * 1024
# See the module docstring: letters are a few pages of text.
MAX_FILE_BYTES = 5 * MB


@dataclass(frozen=True)
class LetterFile:
    """A file to load, by the path as given (joined under the folder given), or why not."""

    path: str
    error: str | None = None


@dataclass
class Pending:
    """A file read and hashed: what the rest of a load knows about it, filled in as it goes."""

    path: str
    source: str
    data: bytes
    sha256: str
    letter_id: int | None = None
    text: str = ""
    parsed: ParsedLetter | None = None
    decode_warnings: tuple[str, ...] = ()
    # (sha256, parser_version) of the stored letter when this load looked, to tell a letter
    # another load rewrote meanwhile from one that still needs writing.
    stored: tuple[str, str] | None = None


def iter_letter_files(paths: Iterable[str | os.PathLike]) -> Iterator[LetterFile]:
    """Every file named, and every ``*.txt`` under every folder named, sorted, each once."""
    seen: set[str] = set()
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            found = _walk(path, frozenset({os.path.realpath(path)}))
        elif os.path.lexists(path):
            found = iter([LetterFile(path)])
        else:
            found = iter([LetterFile(path, error="no such file or folder")])
        for letter_file in found:
            real = os.path.realpath(letter_file.path)
            if letter_file.error is None and real in seen:
                continue
            seen.add(real)
            yield letter_file


def _walk(folder: str, ancestors: frozenset[str]) -> Iterator[LetterFile]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield LetterFile(folder, error=f"cannot read the folder: {exc.strerror or exc}")
        return
    entries = [entry for entry in entries if not entry.name.startswith(".")]
    folders = [entry for entry in entries if _is_dir(entry)]
    for entry in entries:
        if not _is_dir(entry) and entry.name.lower().endswith(".txt"):
            yield LetterFile(entry.path)
    for entry in folders:
        real = os.path.realpath(entry.path)
        if real in ancestors:
            yield LetterFile(entry.path, error=f"folder symlink loop (leads back to {real})")
            continue
        yield from _walk(entry.path, ancestors | {real})


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether an entry is a folder; a symlink that loops on itself is not (reading it fails)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_letter_file(path: str) -> bytes:
    """The file's bytes, or a LetterParseError saying why it cannot be read."""
    try:
        # Non-blocking, so a FIFO named *.txt is refused instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LetterParseError(f"cannot read the file: {exc.strerror or exc}", source=path) from exc
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _NOT_REGULAR if test(mode)), "not a file")
            raise LetterParseError(f"not a regular file: {what}", source=path)
        try:
            # One byte over the limit is enough to know; a file growing meanwhile is caught too.
            data = handle.read(MAX_FILE_BYTES + 1)
            size = max(len(data), os.fstat(fd).st_size)
        except OSError as exc:
            raise LetterParseError(
                f"cannot read the file: {exc.strerror or exc}", source=path
            ) from exc
    if size > MAX_FILE_BYTES:
        raise LetterParseError(
            f"too large: {size / MB:.1f} MB, the limit is {MAX_FILE_BYTES // MB} MB", source=path
        )
    return data


def normalise_source(path: str) -> str:
    """The path stored as Letter.source: relative to the working directory when under it.

    So ``seeds/x.txt``, ``./seeds/x.txt`` and its absolute path are one letter.
    """
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if os.path.commonpath([absolute, cwd]) == cwd:
        return os.path.relpath(absolute, cwd).replace(os.sep, "/")
    return absolute.replace(os.sep, "/")


def parse_bytes(data: bytes, *, source: str) -> tuple[str, ParsedLetter, tuple[str, ...]]:
    """Decode and parse a file's bytes: (text, parsed letter, decoding warnings)."""
    text, decode_warnings = decode_letter(data, source=source)
    try:
        parsed = parse_letter(text, source=source)
    except LetterParseError:
        raise
    except Exception as exc:
        # A parser bug on one odd letter must not stop a batch of thousands: report it as
        # that file's failure and go on.
        raise LetterParseError(
            f"the parser failed: {type(exc).__name__}: {exc}", source=source
        ) from exc
    return text, parsed, decode_warnings


def reason(exc: LetterParseError) -> str:
    """Why a file was refused, as reported beside its name."""
    return exc.reason if exc.line is None else f"line {exc.line}: {exc.reason}"


def value_of(spanned):
    """A parsed value without its span (None when the letter does not state it)."""
    return None if spanned is None else spanned.value
