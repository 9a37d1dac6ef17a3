"""What reading a file gives: the text the parser reads, and what the file itself states."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

FORMATS = ("txt", "pdf", "docx", "html")


@dataclass(frozen=True)
class Document:
    """A file read to plain text in the .txt letters' layout (see letters.formats.layout).

    ``text`` is what the parser reads and what is stored as Letter.text, so every span indexes
    it. ``ocr`` is set when any page was read by OCR; ``ocr_confidence`` is then the mean of
    Tesseract's word confidences (0-100) over the pages read that way. The metadata is what the
    file states about itself, not what the letter says: a web page's own title and published
    and modified dates, a PDF's or Word document's title and creation and modification dates.
    """

    text: str
    format: str
    warnings: tuple[str, ...] = ()
    ocr: bool = False
    ocr_confidence: float | None = None
    pages: int | None = None
    title: str | None = None
    published: dt.date | None = None
    created: dt.date | None = None
    modified: dt.date | None = None

    def to_contract(self) -> dict[str, Any]:
        """The fields added to a letter's entry in the extraction contract (additive)."""
        return {
            "format": self.format,
            "ocr": self.ocr,
            "ocr_confidence": self.ocr_confidence,
            "document": {
                "pages": self.pages,
                "title": self.title,
                "published": _iso(self.published),
                "created": _iso(self.created),
                "modified": _iso(self.modified),
            },
        }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
