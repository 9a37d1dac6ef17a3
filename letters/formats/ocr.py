"""Pages with no text layer (a scan) read by Tesseract, through pytesseract.

A page is rendered by PDFium (pypdfium2, already there for pdfplumber: no poppler) to a
greyscale image at ``OCR_DPI``, the resolution Tesseract is trained for, and read with
Tesseract's English model. Tesseract's word boxes go through the same layout as a text layer's
words (letters.formats.layout), so a scanned letter comes out in the same layout as a typed one.

Confidence is the mean of Tesseract's word confidences (0-100, words it recognised), weighted
by word length so that a stray mark read as "." counts for little. Below
``LOW_CONFIDENCE`` the letter loads with a warning naming the confidence: on a clean scan
Tesseract's words average about 95 (see the README), and under 80 misread words become
common enough that a person should check the facts against the original.
"""

from __future__ import annotations

import dataclasses
import re
import shutil

from letters.parsing import LetterParseError

from .layout import Line, Word, group_lines, page_text

OCR_DPI = 300
# Pages read by OCR per file: a scanned letter is a few pages; each page takes seconds.
MAX_OCR_PAGES = 20
# Seconds Tesseract may take on one page before it is stopped (the file is then refused).
OCR_PAGE_TIMEOUT = 60
LOW_CONFIDENCE = 80.0
# Rendered pages are capped in pixels, so a page declared 5 m wide cannot exhaust memory.
MAX_PAGE_PIXELS = 40_000_000
LANGUAGE = "eng"
INSTALL_HINT = "install Debian's tesseract-ocr and tesseract-ocr-eng (make ocr-deps)"
# What Tesseract reads a list bullet as: a single mark before a gap wider than a word space
# (a bullet's indent) at the start of a line is the bullet, never a word.
_BULLET_MISREADS = frozenset("eo©°*«»¢+®•·")
# A dash between spaces read as two glyphs ("—-", "-—"): a wide dash Tesseract split in two.
_SPLIT_DASH = re.compile(r"(?<=\s)[-–—]{2,3}(?=\s)")


def tesseract_problem() -> str | None:
    """Why OCR cannot run here (Tesseract or its English model missing), or None."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return f"Tesseract OCR is not installed: {INSTALL_HINT}"
    try:
        languages = pytesseract.get_languages()
    except (pytesseract.TesseractError, OSError) as exc:
        return f"Tesseract OCR does not run: {exc}"
    if LANGUAGE not in languages:
        return f"Tesseract has no English model ({LANGUAGE}): {INSTALL_HINT}"
    return None


def ocr_page(page, *, name: str, number: int) -> tuple[str, float, int]:
    """One PDFium page read by OCR: (text, confidence weight sum, characters weighed)."""
    import pytesseract

    image = _render(page)
    try:
        data = pytesseract.image_to_data(
            image,
            lang=LANGUAGE,
            config="--psm 3",
            output_type=pytesseract.Output.DICT,
            timeout=OCR_PAGE_TIMEOUT,
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise LetterParseError(
            f"OCR of page {number} took over {OCR_PAGE_TIMEOUT} s: {exc}", source=name
        ) from exc
    except pytesseract.TesseractError as exc:
        raise LetterParseError(f"OCR of page {number} failed: {exc}", source=name) from exc
    finally:
        image.close()

    words = []
    weighted = 0.0
    weight = 0
    for text, conf, left, top, width, height in zip(
        data["text"],
        data["conf"],
        data["left"],
        data["top"],
        data["width"],
        data["height"],
        strict=True,
    ):
        text = text.strip()
        conf = float(conf)
        if not text or conf < 0:
            continue
        words.append(Word(text, left, left + width, top, top + height))
        weighted += conf * len(text)
        weight += len(text)
    text = page_text([_bullet(line) for line in group_lines(words)])
    return _SPLIT_DASH.sub("–", text), weighted, weight


def _bullet(line: Line) -> Line:
    if len(line.text) > 2 and line.text[1] == "\t" and line.text[0] in _BULLET_MISREADS:
        return dataclasses.replace(line, text="• " + line.text[2:])
    return line


def _render(page):
    width, height = page.get_size()  # in points (1/72 inch)
    scale = OCR_DPI / 72
    pixels = width * height * scale * scale
    if pixels > MAX_PAGE_PIXELS:
        scale *= (MAX_PAGE_PIXELS / pixels) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        return bitmap.to_pil()
    finally:
        bitmap.close()
