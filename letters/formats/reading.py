"""read_document: a file's bytes to a Document, whatever the format."""

from __future__ import annotations

import dataclasses
import re

from letters.parsing import LetterParseError, decode_letter

from .sniffing import LABELS, choose_format
from .types import Document

# pdfminer writes a glyph that has no Unicode mapping as "(cid:N)".
_UNMAPPED = re.compile(r"\(cid:\d+\)")
# Control characters other than tab and newline: PostgreSQL cannot store NUL, and none of them
# is text a person wrote.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def read_document(data: bytes, *, name: str) -> Document:
    """Read a letter file's bytes as the format its bytes (then its name) say.

    Raises LetterParseError(reason, source=name) for what cannot be read: the reason says which
    format it was read as and what was wrong.
    """
    if not data:
        raise LetterParseError("empty file", source=name)
    fmt, warnings = choose_format(data, name=name)
    if fmt == "txt":
        text, decode_warnings = decode_letter(data, source=name)
        return Document(text=text, format="txt", warnings=warnings + decode_warnings)
    reader = _readers()[fmt]
    try:
        document = reader(data, name=name)
    except LetterParseError:
        raise
    except Exception as exc:
        # A library failing on one odd file must not stop a batch: it is that file's failure.
        raise LetterParseError(
            f"cannot read the {LABELS[fmt]}: {type(exc).__name__}: {exc}", source=name
        ) from exc
    return _cleaned(document, warnings, name=name)


def _readers():
    from .pdf import read_pdf
    from .web import read_html
    from .word import read_docx

    return {"pdf": read_pdf, "docx": read_docx, "html": read_html}


def _cleaned(document: Document, warnings: tuple[str, ...], *, name: str) -> Document:
    text = document.text.replace("\r\n", "\n").replace("\r", "\n")
    unmapped = len(_UNMAPPED.findall(text))
    if unmapped:
        text = _UNMAPPED.sub("\ufffd", text)
        warnings += (
            f"{unmapped} character{'s' if unmapped != 1 else ''} in the {LABELS[document.format]} "
            "have no text mapping (shown as \ufffd)",
        )
    text = _CONTROL.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")
    if not text.strip():
        raise LetterParseError(f"no text in the {LABELS[document.format]}", source=name)
    return dataclasses.replace(document, text=text + "\n", warnings=warnings + document.warnings)
