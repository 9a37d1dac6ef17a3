"""Every seed and fixture letter built as a PDF, a Word document and a web page with real tools
(tests/letters/formats/builders.py) reads back to the same extraction as its .txt."""

import pytest

from letters.formats import read_document
from tests.letters.formats import builders
from tests.letters.formats.compare import LETTER_PATHS, contract, differences, letter_text

# A hard line break that falls exactly where the line is full cannot be told from a word
# processor's wrap in a PDF: the two lines are joined (see letters/formats/layout.py).
PDF_AMBIGUOUS = {
    "opcc-gwent-section55-form-peel-2023-25.txt": (
        "'...the duty superintendent.' ends a full line and the next line, 'PCC comment: ...', "
        "would not have fitted after it: read as one paragraph"
    ),
}

# The page builder titles every page "Commissioner's response to the inspection", which is
# evidence the parser reads (issue 9: is the text a commissioner's response at all?). A text
# that is not one is published under its own headline.
OWN_TITLE = {
    "cheshire-chief-constable-statement-peel-2023-25.txt": "Chief Constable's statement",
}


def _params(ambiguous=None):
    for path in LETTER_PATHS:
        marks = []
        if ambiguous and path.name in ambiguous:
            marks = [pytest.mark.xfail(reason=ambiguous[path.name], strict=True)]
        yield pytest.param(path, marks=marks, id=path.name)


def _assert_same(path, document):
    text = letter_text(path)
    assert differences(contract(text, path.name), contract(document.text, path.name)) == {}


@pytest.mark.parametrize("path", list(_params(PDF_AMBIGUOUS)))
def test_text_pdf_reads_as_the_txt(path):
    document = read_document(builders.text_pdf(letter_text(path)), name=f"{path.stem}.pdf")

    assert (document.format, document.ocr, document.warnings) == ("pdf", False, ())
    _assert_same(path, document)


@pytest.mark.parametrize("path", list(_params()))
def test_word_document_reads_as_the_txt(path):
    document = read_document(builders.word_document(letter_text(path)), name=f"{path.stem}.docx")

    assert (document.format, document.warnings) == ("docx", ())
    _assert_same(path, document)


@pytest.mark.parametrize("path", list(_params()))
def test_web_page_reads_as_the_txt_without_its_menus_and_banners(path):
    text = letter_text(path)

    title = OWN_TITLE.get(path.name, builders.PAGE_TITLE)
    document = read_document(builders.web_page(text, title=title), name=f"{path.stem}.html")

    assert (document.format, document.warnings) == ("html", ())
    for furniture in ("Accept all cookies", "Privacy notice", "Related news", "Contact us"):
        assert (furniture in document.text) == (furniture in text)
    _assert_same(path, document)


def test_spans_index_the_extracted_text():
    """The parser's spans point at the words in the text read from the PDF (what is stored)."""
    path = next(p for p in LETTER_PATHS if p.name.startswith("pcc-kent"))
    document = read_document(builders.text_pdf(letter_text(path)), name="kent.pdf")

    from letters.parsing import parse_letter

    parsed = parse_letter(document.text, source="kent.pdf")

    assert len(parsed.grades) == 8
    for grade in parsed.grades:
        assert document.text[grade.start : grade.end] == grade.quote
    assert document.text[parsed.date.start : parsed.date.end] == "21st June 2022"
