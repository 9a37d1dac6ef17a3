"""What cannot be read is refused by name with the reason; a mislabelled file is read right."""

import io
import zipfile

import pytest

from letters.formats import pdf as pdf_module
from letters.formats import read_document
from letters.parsing import LetterParseError
from tests.letters.formats import builders
from tests.letters.formats.compare import LETTER_PATHS, letter_text

KENT = next(p for p in LETTER_PATHS if p.name.startswith("pcc-kent"))


@pytest.fixture(scope="module")
def kent_text():
    return letter_text(KENT)


@pytest.fixture(scope="module")
def kent_pdf(kent_text):
    return builders.text_pdf(kent_text)


def _refused(data: bytes, name: str) -> str:
    with pytest.raises(LetterParseError) as caught:
        read_document(data, name=name)
    assert caught.value.source == name
    return caught.value.reason


def _encrypted_pdf(user_password: str) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = io.BytesIO()
    encryption = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner", canPrint=0)
    SimpleDocTemplate(buffer, encrypt=encryption).build(
        [
            Paragraph(
                "Dear Mr Wilsher, I write in response to your report.",
                getSampleStyleSheet()["Normal"],
            )
        ]
    )
    return buffer.getvalue()


def _pages_pdf(pages: int) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"State of Policing: the annual assessment, page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_an_encrypted_pdf_is_refused():
    reason = _refused(_encrypted_pdf("secret"), "locked.pdf")

    assert reason == "encrypted PDF: it needs a password to open"


def test_a_pdf_with_only_an_owner_password_opens_as_any_reader_opens_it():
    """Print or copy restrictions need no password to read: every PDF viewer shows the text."""
    document = read_document(_encrypted_pdf(""), name="restricted.pdf")

    assert "I write in response to your report" in document.text


@pytest.mark.parametrize("keep", [0.5, 0.98], ids=["half", "last-bytes-lost"])
def test_a_truncated_pdf_is_refused(kent_pdf, keep):
    reason = _refused(kent_pdf[: int(len(kent_pdf) * keep)], "cut.pdf")

    assert reason.startswith("truncated or corrupt PDF: no end-of-file marker")


def test_a_corrupt_pdf_is_refused():
    reason = _refused(b"%PDF-1.7\n" + b"\x00garbage" * 500 + b"\n%%EOF\n", "corrupt.pdf")

    assert reason.startswith("corrupt PDF: ")


def test_a_300_page_pdf_is_refused_before_its_text_is_read(monkeypatch):
    read = []
    monkeypatch.setattr(pdf_module, "_page_text", lambda page: read.append(page) or "")

    reason = _refused(_pages_pdf(300), "state-of-policing.pdf")

    assert reason == (
        "300 pages, over the limit of 100: a letter is a few pages "
        "(is this the inspection report itself?)"
    )
    assert read == []


def test_a_pdf_at_the_page_limit_is_read():
    document = read_document(_pages_pdf(100), name="long.pdf")

    assert document.pages == 100
    assert "page 100" in document.text


def test_extraction_stops_when_the_time_limit_is_spent(kent_pdf, monkeypatch):
    monkeypatch.setattr(pdf_module, "MAX_SECONDS", 0.0)

    reason = _refused(kent_pdf, "slow.pdf")

    assert reason == "extracting the text took over 0 s (stopped at page 1 of 2)"


def test_a_pdf_with_no_text_and_no_images_is_refused():
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(72, 72, 200, 200)
    canvas.showPage()
    canvas.save()

    reason = _refused(buffer.getvalue(), "blank.pdf")

    assert reason == "no text in the PDF: no text layer and no scanned page to read"


def test_a_docx_that_is_not_a_zip_is_refused():
    reason = _refused(b"PK\x03\x04 this is not really a zip archive", "letter.docx")

    assert reason.startswith(
        "not a Word document: a .docx is a ZIP archive, and this file is not a valid one"
    )


def test_text_named_docx_is_refused():
    reason = _refused(b"Dear Mr Wilsher,\n\nI write in response.\n", "letter.docx")

    assert reason == "named .docx but is not a ZIP archive: it looks like plain text"


def test_a_zip_without_a_word_document_inside_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", "<office:document/>")

    reason = _refused(buffer.getvalue(), "letter.docx")

    assert reason == (
        "not a Word document: a ZIP archive without word/document.xml "
        "(another Office format or an archive?)"
    )


def test_a_zip_bomb_is_refused_before_it_is_unpacked(kent_text, monkeypatch):
    from letters.formats import word

    monkeypatch.setattr(word, "MAX_UNPACKED_BYTES", 10_000)

    reason = _refused(builders.word_document(kent_text), "bomb.docx")

    assert reason.startswith("Word document too large unpacked: ")


def test_a_web_page_with_no_main_text_is_refused():
    page = builders.web_page("")

    reason = _refused(page, "menu-only.html")

    assert reason.startswith("no main text in the web page (")
    assert reason.endswith("is the letter loaded by JavaScript or only linked from here?")


def test_text_named_pdf_is_refused():
    reason = _refused(b"Dear Mr Wilsher,\n", "letter.pdf")

    assert reason == "named .pdf but is not a PDF (no %PDF- header): it looks like plain text"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "a PNG image (save a scanned letter as PDF)"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, "an old Word .doc file"),
    ],
    ids=["png", "doc"],
)
def test_formats_we_do_not_read_are_refused_with_what_they_look_like(data, what):
    reason = _refused(data, "letter.pdf")

    assert reason.startswith(f"not a format we read: looks like {what}")


def test_a_pdf_named_txt_is_read_as_a_pdf_with_a_warning(kent_pdf):
    document = read_document(kent_pdf, name="letter.txt")

    assert document.format == "pdf"
    assert document.warnings == ("named .txt but is a PDF: read as a PDF",)
    assert "Dear Mr Wilsher," in document.text


def test_a_word_document_named_pdf_is_read_as_word(kent_text):
    document = read_document(builders.word_document(kent_text), name="letter.pdf")

    assert document.format == "docx"
    assert document.warnings == ("named .pdf but is a Word document: read as a Word document",)


def test_a_web_page_named_txt_is_read_as_a_web_page(kent_text):
    document = read_document(builders.web_page(kent_text), name="saved.txt")

    assert document.format == "html"
    assert "Accept all cookies" not in document.text


def test_text_files_still_go_through_the_decoder():
    document = read_document("Dear Mr Wilsher,\r\nCaf\xe9\r\n".encode("cp1252"), name="x.txt")

    assert document.format == "txt"
    assert document.text == "Dear Mr Wilsher,\nCaf\xe9\n"
    assert document.warnings == ("decoded as Windows-1252 (invalid UTF-8 at byte 21)",)


def test_an_empty_file_is_refused():
    assert _refused(b"", "empty.pdf") == "empty file"
