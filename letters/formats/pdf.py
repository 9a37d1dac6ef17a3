"""PDF letters: the text layer read by pdfplumber (pdfminer.six), scans read by Tesseract.

Why pdfplumber: measured on PDFs built from the seed and fixture letters (see the README's
"Formats and OCR" and tests/letters/formats/measure_pdf_extractors.py), its words with their
boxes keep reading order, table rows and list items on their lines, and feed the layout that
rejoins wrapped lines (letters.formats.layout). PDFium (pypdfium2, which pdfplumber depends on)
opens the file first: it is fast and strict, so it counts the pages before anything is
extracted, tells a password-protected file from a corrupt one, and renders scans for OCR.

Refused, by name, with the reason: not a PDF, truncated (no end-of-file marker), corrupt
(PDFium cannot open it), needs a password, more than ``MAX_PDF_PAGES`` pages, a page with more
than ``MAX_PAGE_CHARS`` characters, no text at all, a scan when Tesseract is missing, more than
``MAX_OCR_PAGES`` pages to OCR, or more than ``MAX_SECONDS`` spent extracting.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time

from letters.parsing import LetterParseError

from . import ocr
from .layout import Word, group_lines, join_pages, page_text
from .types import Document

# Letters are a few pages; a 300-page PDF is the inspection report itself, not a response.
MAX_PDF_PAGES = 100
# A dense A4 page of text holds about 5,000 characters.
MAX_PAGE_CHARS = 30_000
# Time spent extracting one file's text layer, checked between pages.
MAX_SECONDS = 60.0
# A page with fewer characters than this and an image on it is a scan.
SCAN_MAX_CHARS = 10
# Where the end-of-file marker must be: PDF readers look for it in the last 1,024 bytes.
_EOF_WINDOW = 1024
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, *, name: str) -> Document:
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        raise LetterParseError("not a PDF: no %PDF- header", source=name)
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise LetterParseError(
            "truncated or corrupt PDF: no end-of-file marker (%%EOF) at the end", source=name
        )
    page_count, metadata = _check_with_pdfium(data, name=name)

    pages: list[str] = []
    scans: list[int] = []
    deadline = time.monotonic() + MAX_SECONDS
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                if time.monotonic() > deadline:
                    raise LetterParseError(
                        f"extracting the text took over {MAX_SECONDS:.0f} s (stopped at page "
                        f"{number} of {page_count})",
                        source=name,
                    )
                chars = page.chars
                if len(chars) > MAX_PAGE_CHARS:
                    raise LetterParseError(
                        f"page {number} has {len(chars):,} characters, over the limit of "
                        f"{MAX_PAGE_CHARS:,} for a page of a letter",
                        source=name,
                    )
                printed = sum(1 for c in chars if c["text"].strip())
                if printed < SCAN_MAX_CHARS and page.images:
                    scans.append(number)
                    pages.append("")
                    continue
                pages.append(_page_text(page))
    except PdfminerException as exc:
        raise LetterParseError(f"corrupt PDF: {_cause(exc)}", source=name) from exc

    warnings: list[str] = []
    confidence = None
    if scans:
        confidence = _ocr_pages(data, scans, pages, name=name)
        if confidence < ocr.LOW_CONFIDENCE:
            warnings.append(
                f"read by OCR with low confidence: {confidence:.0f}% (below "
                f"{ocr.LOW_CONFIDENCE:.0f}%): check the facts against the original"
            )
    text = join_pages(pages)
    if not text.strip():
        raise LetterParseError(
            "no text in the PDF: no text layer and no scanned page to read", source=name
        )
    return Document(
        text=text,
        format="pdf",
        warnings=tuple(warnings),
        ocr=bool(scans),
        ocr_confidence=confidence,
        pages=page_count,
        title=(metadata.get("Title") or "").strip() or None,
        created=_pdf_date(metadata.get("CreationDate")),
        modified=_pdf_date(metadata.get("ModDate")),
    )


def _check_with_pdfium(data: bytes, *, name: str) -> tuple[int, dict]:
    """Open with PDFium: the page count and metadata, or why the file cannot be opened."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        message = str(exc)
        if "password" in message.lower():
            raise LetterParseError(
                "encrypted PDF: it needs a password to open", source=name
            ) from exc
        raise LetterParseError(f"corrupt PDF: {message}", source=name) from exc
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            raise LetterParseError(
                f"{count} pages, over the limit of {MAX_PDF_PAGES}: a letter is a few pages "
                "(is this the inspection report itself?)",
                source=name,
            )
        if count == 0:
            raise LetterParseError("corrupt PDF: it has no pages", source=name)
        return count, document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()


def _page_text(page) -> str:
    words = [
        Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"])
        for w in page.extract_words(
            x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False, use_text_flow=False
        )
        if w.get("upright", True)
    ]
    return page_text(group_lines(words))


def _ocr_pages(data: bytes, scans: list[int], pages: list[str], *, name: str) -> float:
    """OCR the scanned pages into ``pages``; returns the mean word confidence."""
    import pypdfium2

    if problem := ocr.tesseract_problem():
        listed = ", ".join(map(str, scans))
        which = f"page {listed} has" if len(scans) == 1 else f"pages {listed} have"
        raise LetterParseError(f"a scan ({which} no text layer) and {problem}", source=name)
    if len(scans) > ocr.MAX_OCR_PAGES:
        raise LetterParseError(
            f"{len(scans)} scanned pages to read by OCR, over the limit of {ocr.MAX_OCR_PAGES}",
            source=name,
        )
    weighted = 0.0
    weight = 0
    document = pypdfium2.PdfDocument(data)
    try:
        for number in scans:
            page = document[number - 1]
            try:
                text, page_weighted, page_weight = ocr.ocr_page(page, name=name, number=number)
            finally:
                page.close()
            pages[number - 1] = text
            weighted += page_weighted
            weight += page_weight
    finally:
        document.close()
    return round(weighted / weight, 1) if weight else 0.0


def _cause(exc: Exception) -> str:
    inner = exc.args[0] if exc.args else exc
    text = str(inner) or type(inner).__name__
    return f"{type(inner).__name__}: {text}" if text != type(inner).__name__ else text


def _pdf_date(value) -> dt.date | None:
    """A PDF date string ("D:20230411093000+01'00'") to its date; None when unreadable."""
    match = _PDF_DATE.match(str(value or "").strip())
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return None
