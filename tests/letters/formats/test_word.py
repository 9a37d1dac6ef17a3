"""Word documents: numbering worked out, spacing as Word lays it out, headers, tables, dates."""

import datetime as dt
import io

import docx
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from letters.formats import read_document


def _read(document) -> str:
    buffer = io.BytesIO()
    document.save(buffer)
    return read_document(buffer.getvalue(), name="letter.docx").text


def _set_level_format(document, style: str, fmt: str, text: str) -> None:
    """Change the first level of a list style's numbering to ``fmt`` ("%1)" and the like)."""
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    num_id = document.styles[style].element.pPr.numPr.numId.val
    abstract_id = numbering.num_having_numId(num_id).abstractNumId.val
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(abstract_id)
    )
    level = next(lvl for lvl in abstract.findall(qn("w:lvl")) if lvl.get(qn("w:ilvl")) == "0")
    level.find(qn("w:numFmt")).set(qn("w:val"), fmt)
    level.find(qn("w:lvlText")).set(qn("w:val"), text)


def test_list_numbers_and_bullets_come_from_the_numbering_definitions():
    document = docx.Document()
    document.add_paragraph("The report made three recommendations:")
    for text in ("Answer calls promptly.", "Improve investigations.", "Support victims."):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Grades:")
    document.add_paragraph("Investigating crime – adequate", style="List Bullet")

    text = _read(document)

    assert "1. Answer calls promptly.\n2. Improve investigations.\n3. Support victims." in text
    assert "• Investigating crime – adequate" in text


def test_letter_and_roman_numbering():
    document = docx.Document()
    _set_level_format(document, "List Number", "lowerLetter", "(%1)")
    _set_level_format(document, "List Bullet", "upperRoman", "%1.")
    document.add_paragraph("first", style="List Number")
    document.add_paragraph("second", style="List Number")
    for text in ("one", "two", "three", "four"):
        document.add_paragraph(text, style="List Bullet")

    lines = _read(document).split("\n")

    assert [line for line in lines if line] == [
        "(a) first",
        "(b) second",
        "I. one",
        "II. two",
        "III. three",
        "IV. four",
    ]


def test_spacing_after_a_paragraph_is_a_blank_line_and_none_is_none():
    document = docx.Document()  # the default style leaves 10 pt after each paragraph
    address = document.add_paragraph("Globe House")
    address.paragraph_format.space_after = Pt(0)
    document.add_paragraph("London SW1V 1PN")
    document.add_paragraph("Dear Mr Wilsher,")
    document.add_paragraph("")  # an empty paragraph is a blank line too, but only one
    document.add_paragraph("")
    document.add_paragraph("I write in response.")

    assert _read(document) == (
        "Globe House\nLondon SW1V 1PN\n\nDear Mr Wilsher,\n\nI write in response.\n"
    )


def test_line_breaks_tables_and_page_breaks():
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("Roy Wilsher OBE QFSM").add_break()
    paragraph.add_run("HM Inspector of Constabulary")
    table = document.add_table(rows=2, cols=2)
    for row, (area, grade) in zip(
        table.rows, [("Preventing crime", "Good"), ("Investigating crime", "Adequate")], strict=True
    ):
        row.cells[0].text, row.cells[1].text = area, grade
    document.add_paragraph("Page one ends.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("Page two.")

    assert _read(document) == (
        "Roy Wilsher OBE QFSM\nHM Inspector of Constabulary\n\n"
        "Preventing crime\tGood\nInvestigating crime\tAdequate\n\n"
        "Page one ends.\n\n\n\nPage two.\n"
    )


def test_the_letterhead_in_the_header_and_the_address_in_the_footer_are_read():
    document = docx.Document()
    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Office of the Police and Crime Commissioner for Kent"
    section.footer.is_linked_to_previous = False
    section.footer.paragraphs[0].text = "Sutton Road, Maidstone, Kent ME15 9BZ"
    document.add_paragraph("Dear Mr Wilsher,")

    assert _read(document) == (
        "Office of the Police and Crime Commissioner for Kent\n\n"
        "Dear Mr Wilsher,\n\nSutton Road, Maidstone, Kent ME15 9BZ\n"
    )


def test_the_documents_own_title_and_dates():
    document = docx.Document()
    document.core_properties.title = "Response to PEEL 2021/22"
    document.core_properties.created = dt.datetime(2022, 6, 20, 9, 0)
    document.core_properties.modified = dt.datetime(2022, 6, 21, 17, 30)
    document.add_paragraph("Dear Mr Wilsher,")
    buffer = io.BytesIO()
    document.save(buffer)

    read = read_document(buffer.getvalue(), name="letter.docx")

    assert (read.title, read.created, read.modified) == (
        "Response to PEEL 2021/22",
        dt.date(2022, 6, 20),
        dt.date(2022, 6, 21),
    )
