"""Which format a file is: by its bytes first, then by its name.

A file named for one format whose bytes are another readable format is read as its bytes say,
with a warning (a PDF saved as ``letter.txt``, a web page saved as ``.pdf``). A name that
promises a binary format whose bytes are not that format is refused: guessing would read
garbage. Formats we cannot read (images, old ``.doc``, encrypted Office files, other archives)
are refused with what they look like.
"""

from __future__ import annotations

import codecs
import os
import re

from letters.parsing import LetterParseError

EXTENSIONS = {".txt": "txt", ".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
LABELS = {"txt": "text", "pdf": "PDF", "docx": "Word document", "html": "web page"}

# Binary formats that are not letters we read, by their magic numbers.
_UNREADABLE = {
    b"\x89PNG": "a PNG image (save a scanned letter as PDF)",
    b"\xff\xd8\xff": "a JPEG image (save a scanned letter as PDF)",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image (save a scanned letter as PDF)",
    b"MM\x00*": "a TIFF image (save a scanned letter as PDF)",
    b"\xd0\xcf\x11\xe0": (
        "an old Word .doc file or a password-protected Office document "
        "(save it as .docx or PDF without a password)"
    ),
    b"{\\rtf": "an RTF document (save it as .docx or PDF)",
    b"\x1f\x8b": "a gzip archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
}
_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)


def format_by_name(name: str) -> str | None:
    return EXTENSIONS.get(os.path.splitext(name)[1].lower())


def sniff_format(data: bytes) -> str:
    """The format the bytes are: txt, pdf, docx (any ZIP: checked when read) or html.

    Raises LetterParseError (without a source) for a format we do not read.
    """
    if data.find(b"%PDF-", 0, 1024) >= 0:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    for signature, what in _UNREADABLE.items():
        if data.startswith(signature):
            raise LetterParseError(f"not a format we read: looks like {what}")
    head = data[:4096]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    if _HTML.match(head.removeprefix(codecs.BOM_UTF8)):
        return "html"
    return "txt"


def choose_format(data: bytes, *, name: str) -> tuple[str, tuple[str, ...]]:
    """(format to read the file as, warnings), or LetterParseError saying why not."""
    try:
        sniffed = sniff_format(data)
    except LetterParseError as exc:
        raise LetterParseError(exc.reason, source=name) from None
    named = format_by_name(name)
    if named is None or named == sniffed:
        return sniffed, ()
    extension = os.path.splitext(name)[1].lower()
    if sniffed == "txt":
        if named == "html":
            return "html", ()  # a fragment of markup with no <html> around it
        what = "a ZIP archive" if named == "docx" else "a PDF (no %PDF- header)"
        raise LetterParseError(
            f"named {extension} but is not {what}: it looks like plain text", source=name
        )
    return sniffed, (f"named {extension} but is a {LABELS[sniffed]}: read as a {LABELS[sniffed]}",)
