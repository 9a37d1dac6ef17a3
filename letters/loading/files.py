"""What the loader reads, and what it refuses: finding files, reading them, and parsing them.

Files and folders are walked in sorted order (folders recursively: ``*.txt``, ``*.pdf``,
``*.docx``, ``*.html`` and ``*.htm``, names starting with "." skipped), each file once however
it is named. A file named on the command line is read whatever its name.

Reading a file's bytes to text is letters.formats' job (PDF text layers, scans by OCR, Word,
web pages, text); this module hands it the bytes and the parser its text.

What is refused, and why (the file is named with the reason; nothing stored changes):
- no such file, a folder symlink loop, not a regular file (a FIFO, a device), permission denied;
- a file name that is not valid UTF-8 (the database could not store it; the name is shown with
  its bytes escaped, ``caf\\xe9.txt``);
- a symbolic link in a folder being loaded that leads out of it (to a file or a folder), unless
  the load follows links (``follow_links``, ``--follow-links``): a letters folder should not
  reach whatever else the machine holds;
- larger than its format's limit (``MAX_BYTES``): a letter's text is a few pages (the largest
  real ones are well under 1 MB), so 5 MB of text is a mistake or an export; a web page carries
  its markup (10 MB), a Word document its images (20 MB), a PDF its fonts and, for a scan, a
  page image each (50 MB: twenty pages scanned at 300 dpi). The limit is the name's format's,
  or the larger one of the format the bytes turn out to be (a PDF saved as ``.txt``);
- what letters.formats refuses: empty, binary we do not read (images, old .doc), undecodable
  text, encrypted, truncated or corrupt PDFs, a PDF over 100 pages, a scan where Tesseract is
  missing, a .docx that is not a Word document, a web page with no main text ...

File names are printed through ``printable`` everywhere (command output, errors, conflicts,
Letter.file_name, the admin): control characters and undecodable bytes escaped, so a name can
neither break a line of the output nor forge one.

No Django here: this module knows files, the format readers and the parser, not the database.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from letters.formats import EXTENSIONS, Document, read_document, sniff_format
from letters.formats.sniffing import format_by_name
from letters.parsing import LetterParseError, ParsedLetter, parse_letter

MB = 1024 * 1024
# See the module docstring: per format, what a letter in it can reasonably weigh.
MAX_BYTES = {"txt": 5 * MB, "html": 10 * MB, "docx": 20 * MB, "pdf": 50 * MB}
MAX_FILE_BYTES = MAX_BYTES["txt"]


# C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides (they reorder
# what a terminal shows), and the lone surrogates that stand for bytes not valid UTF-8.
_UNPRINTABLE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match[0]
    code = ord(char)
    if char in _ESCAPES:
        return _ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` safe to print on one line: control characters and undecodable bytes escaped."""
    return _UNPRINTABLE.sub(_escape, text)


def _is_utf8(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


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
    # What letters.formats read: the format, OCR, what the file states about itself.
    document: Document | None = None
    # The original file's name in storage (letters.loading.originals), once it is kept.
    original: str = ""
    # (sha256, parser_version) of the stored letter when this load looked, to tell a letter
    # another load rewrote meanwhile from one that still needs writing.
    stored: tuple[str, str] | None = None
    # The text's fingerprint (text_fingerprint), and the stored letter's when found by source.
    text_sha256: str = ""
    stored_text_sha256: str = ""
    # (the stored letter's source, how alike the texts are in per cent) when this file is a new
    # version of a letter found by its text (identity.near_versions); ``version_of`` when that
    # letter is another file of this load, not yet stored.
    version: tuple[str, float] | None = None
    version_of: Pending | None = None


def iter_letter_files(
    paths: Iterable[str | os.PathLike], *, follow_links: bool = False
) -> Iterator[LetterFile]:
    """Every file named, and every letter file under every folder named, sorted, each once.

    Links inside a folder that lead out of it are refused unless ``follow_links``; a file named
    itself is read wherever its link leads (the person named it).
    """
    seen: set[str] = set()
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            root = os.path.realpath(path)
            found = _walk(path, frozenset({root}), None if follow_links else root)
        elif os.path.lexists(path):
            found = iter([LetterFile(path)])
        else:
            found = iter([LetterFile(path, error="no such file or folder")])
        for letter_file in found:
            if letter_file.error is None and not _is_utf8(letter_file.path):
                # The database stores text; this name is bytes. The rest of the load goes on.
                letter_file = LetterFile(
                    letter_file.path,
                    error="the file name is not valid UTF-8 (rename it to load it)",
                )
            real = os.path.realpath(letter_file.path)
            if letter_file.error is None and real in seen:
                continue
            seen.add(real)
            yield letter_file


def _walk(folder: str, ancestors: frozenset[str], root: str | None) -> Iterator[LetterFile]:
    """The folder's letters; links that leave ``root`` refused (any link when it is None)."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield LetterFile(folder, error=f"cannot read the folder: {exc.strerror or exc}")
        return
    entries = [entry for entry in entries if not entry.name.startswith(".")]
    folders = [entry for entry in entries if _is_dir(entry)]
    for entry in entries:
        if not _is_dir(entry) and os.path.splitext(entry.name)[1].lower() in EXTENSIONS:
            yield _outside(entry, root) or LetterFile(entry.path)
    for entry in folders:
        real = os.path.realpath(entry.path)
        if real in ancestors:
            yield LetterFile(entry.path, error=f"folder symlink loop (leads back to {real})")
            continue
        if refused := _outside(entry, root):
            yield refused
            continue
        yield from _walk(entry.path, ancestors | {real}, root)


def _outside(entry: os.DirEntry, root: str | None) -> LetterFile | None:
    """The refusal of a link that leads out of ``root``; None for anything else."""
    if root is None or not entry.is_symlink():
        return None
    real = os.path.realpath(entry.path)
    if os.path.commonpath([real, root]) == root:
        return None
    return LetterFile(
        entry.path,
        error=f"a symbolic link to {real}, outside the folder being loaded "
        "(--follow-links loads it)",
    )


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
        limit = MAX_BYTES.get(format_by_name(path) or "txt", MAX_FILE_BYTES)
        try:
            # One byte over the limit is enough to know; a file growing meanwhile is caught too.
            data = handle.read(limit + 1)
            if len(data) > limit and (larger := _limit_of_bytes(data)) > limit:
                data += handle.read(larger - len(data) + 1)
                limit = larger
            size = max(len(data), os.fstat(fd).st_size)
        except OSError as exc:
            raise LetterParseError(
                f"cannot read the file: {exc.strerror or exc}", source=path
            ) from exc
    if size > limit:
        raise LetterParseError(
            f"too large: {size / MB:.1f} MB, the limit is {limit // MB} MB", source=path
        )
    return data


def _limit_of_bytes(data: bytes) -> int:
    """The size limit of the format the bytes are (a PDF named .txt may be a PDF's size)."""
    try:
        return MAX_BYTES[sniff_format(data[:4096])]
    except LetterParseError:
        return 0


def normalise_source(path: str, root: str) -> str:
    """The path stored as Letter.source, the same whatever folder a load runs from.

    The resolved path (symbolic links followed, ``..`` and ``.`` gone), relative to the letters
    root (settings.LETTERS_ROOT) when it is under it, else absolute. So ``seeds/x.txt`` from the
    project folder, ``../seeds/x.txt`` from another one and the absolute path are one letter,
    and a letters folder moved with the root keeps its letters.
    """
    real = os.path.realpath(path)
    root = os.path.realpath(root)
    if os.path.commonpath([real, root]) == root:
        return os.path.relpath(real, root).replace(os.sep, "/")
    return real.replace(os.sep, "/")


def source_path(source: str, root: str) -> str:
    """Where a stored source is on disk (the inverse of ``normalise_source``)."""
    return source if os.path.isabs(source) else os.path.join(os.path.realpath(root), source)


def text_fingerprint(text: str) -> str:
    """sha256 of the text as a reader sees it, so a re-encoded copy of a letter is found.

    The format readers have already dropped a BOM, read UTF-16 and made every line end "\\n";
    this also drops what no reader sees: Unicode composition (NFC), trailing whitespace on each
    line and blank lines at either end.
    """
    lines = unicodedata.normalize("NFC", text).split("\n")
    normal = "\n".join(line.rstrip() for line in lines).strip()
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def read_and_parse(data: bytes, *, source: str) -> tuple[Document, ParsedLetter]:
    """Read a file's bytes as its format (letters.formats) and parse the text."""
    document = read_document(data, name=source)
    try:
        parsed = parse_letter(document.text, source=source)
    except LetterParseError:
        raise
    except Exception as exc:
        # A parser bug on one odd letter must not stop a batch of thousands: report it as
        # that file's failure and go on.
        raise LetterParseError(
            f"the parser failed: {type(exc).__name__}: {exc}", source=source
        ) from exc
    return document, parsed


def reason(exc: LetterParseError) -> str:
    """Why a file was refused, as reported beside its name."""
    return exc.reason if exc.line is None else f"line {exc.line}: {exc.reason}"


def value_of(spanned):
    """A parsed value without its span (None when the letter does not state it)."""
    return None if spanned is None else spanned.value
