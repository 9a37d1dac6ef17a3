"""Scans: image-only PDFs (the letter printed, rendered to greyscale images and saved as a PDF
with Pillow) read by Debian's Tesseract. `make test` installs it (make ocr-deps)."""

import io
import os

import pytest

from letters.formats import ocr, read_document
from letters.parsing import LetterParseError
from tests.letters.formats import builders
from tests.letters.formats.compare import LETTER_PATHS, contract, facts, letter_text


@pytest.fixture(autouse=True)
def _tesseract():
    """Skipped where Tesseract is missing, except in CI, where `make test` installs it."""
    if (problem := ocr.tesseract_problem()) is not None:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(problem)
        pytest.skip(f"{problem} (make test installs it)")


# The scanned fixture letter (three pages with page furniture) and a graded list in bullets.
SCANNED = [p for p in LETTER_PATHS if p.name.startswith(("pfcc-staffordshire", "pcc-kent"))]


@pytest.mark.slow
@pytest.mark.parametrize("path", SCANNED, ids=lambda p: p.name)
def test_a_scan_gives_the_same_force_date_and_grades_as_the_txt(path):
    text = letter_text(path)

    document = read_document(builders.image_pdf(text), name=f"{path.stem}.pdf")

    assert document.ocr is True
    assert document.ocr_confidence >= ocr.LOW_CONFIDENCE
    assert document.warnings == ()
    expected, got = contract(text, path.name), contract(document.text, path.name)
    assert facts(got) == facts(expected)
    assert got["inspection"]["kind"] == expected["inspection"]["kind"]
    assert len(got["areas_for_improvement"]) == len(expected["areas_for_improvement"])


@pytest.mark.slow
def test_a_poor_scan_loads_with_a_warning_naming_its_confidence():
    from PIL import Image, ImageFilter

    text = "\n".join(letter_text(SCANNED[0]).split("\n")[:30])
    clean = builders.image_pdf(text, dpi=60)
    import pypdfium2

    page = pypdfium2.PdfDocument(clean)[0].render(scale=60 / 72, grayscale=True).to_pil()
    blurred = page.filter(ImageFilter.GaussianBlur(1.2)).resize(
        (page.width * 2, page.height * 2), Image.Resampling.NEAREST
    )
    buffer = io.BytesIO()
    blurred.save(buffer, format="PDF", resolution=120)

    document = read_document(buffer.getvalue(), name="poor-scan.pdf")

    assert document.ocr_confidence < ocr.LOW_CONFIDENCE
    assert document.warnings == (
        f"read by OCR with low confidence: {document.ocr_confidence:.0f}% (below 80%): "
        "check the facts against the original",
    )


def test_a_scan_is_refused_with_the_reason_when_tesseract_is_missing(monkeypatch):
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    data = builders.image_pdf("Dear Mr Wilsher,\n\nI write in response to your report.")

    with pytest.raises(LetterParseError) as caught:
        read_document(data, name="scan.pdf")

    assert caught.value.reason == (
        "a scan (page 1 has no text layer) and Tesseract OCR is not installed: install "
        "Debian's tesseract-ocr and tesseract-ocr-eng (make ocr-deps)"
    )


def test_too_many_pages_to_read_by_ocr_are_refused_before_any_is_read(monkeypatch):
    monkeypatch.setattr(ocr, "MAX_OCR_PAGES", 1)
    read = []
    monkeypatch.setattr(ocr, "ocr_page", lambda *args, **kwargs: read.append(1))
    data = builders.image_pdf("First page.\n\n\n\nSecond page.")

    with pytest.raises(LetterParseError) as caught:
        read_document(data, name="scan.pdf")

    assert caught.value.reason == "2 scanned pages to read by OCR, over the limit of 1"
    assert read == []
