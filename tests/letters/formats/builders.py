"""Documents built from a letter's .txt with the real tools that make such documents.

Each builder reads the .txt's layout the way a person typing the letter would have produced it:
a line is a paragraph (long ones wrap on the page), a blank line is space between paragraphs,
three or more blank lines are a page break, a line of columns (two or more spaces between
words) is a table row, "• x" and "- x" are bullet list items and "1. x" numbered list items.

- ``text_pdf``: reportlab, embedding the Bitstream Vera font that ships with reportlab (so the
  PDF carries a ToUnicode map as Word's PDFs do, and no system font is needed).
- ``image_pdf``: the text PDF rendered to greyscale images (pypdfium2) and saved as an
  image-only PDF with Pillow: a scan, no text layer.
- ``word_document``: python-docx, with Word's own list styles (the numbers and bullets come
  from numbering definitions, not the text), tables and page breaks.
- ``web_page``: the letter inside a page with a cookie banner, a navigation menu, a header and
  a footer, with the page's own title and dates in its metadata.
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from pathlib import Path

_BULLET = re.compile(r"^[•\-]\s+(?P<text>.+)$")
_NUMBERED = re.compile(r"^(?P<number>\d{1,2})\.\s+(?P<text>.+)$")
_COLUMNS = re.compile(r"\S {2,}\S")


@dataclass(frozen=True)
class Block:
    """A run of lines between blank lines, of one kind: prose, bullets, numbered or table."""

    kind: str  # "lines", "bullets", "numbered", "table"
    lines: tuple[str, ...]
    page_break_before: bool = False


def blocks(text: str) -> list[Block]:
    """The letter's blocks, each line classified as a typist would have entered it."""
    found: list[Block] = []
    current: list[str] = []
    kind = ""
    blank_run = 0
    page_break = False

    def close():
        nonlocal current, kind, page_break
        if current:
            found.append(Block(kind, tuple(current), page_break))
            page_break = False
        current, kind = [], ""

    for line in text.split("\n"):
        if not line.strip():
            blank_run += 1
            close()
            continue
        if blank_run >= 3 and found:
            page_break = True
        blank_run = 0
        line_kind = (
            "bullets"
            if _BULLET.match(line)
            else "numbered"
            if _NUMBERED.match(line)
            else "table"
            if _COLUMNS.search(line.strip())
            else "lines"
        )
        if current and line_kind != kind:
            close()
        kind = line_kind
        current.append(line.strip())
    close()
    return found


def _cells(line: str) -> list[str]:
    return re.split(r" {2,}", line.strip())


# --- PDF ------------------------------------------------------------------------------------


def _vera():
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    fonts = Path(reportlab.__file__).parent / "fonts"
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", str(fonts / "Vera.ttf")))
    return "Vera"


def text_pdf(text: str, *, title: str = "", pagesize=None) -> bytes:
    """A PDF of the letter with a text layer, as a word processor would print it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        ListFlowable,
        ListItem,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
    )

    font = _vera()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=14)
    story = []
    for block in blocks(text):
        if block.page_break_before:
            story.append(PageBreak())
        elif story:
            story.append(Spacer(1, 14))
        if block.kind == "lines":
            story.extend(Paragraph(html.escape(line), body) for line in block.lines)
        elif block.kind == "table":
            rows = [[Paragraph(html.escape(c), body) for c in _cells(line)] for line in block.lines]
            width = max(len(row) for row in rows)
            rows = [row + [""] * (width - len(row)) for row in rows]
            story.append(Table(rows, hAlign="LEFT", style=[("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        else:
            pattern = _BULLET if block.kind == "bullets" else _NUMBERED
            items = [pattern.match(line) for line in block.lines]
            paragraphs = [ListItem(Paragraph(html.escape(m["text"]), body)) for m in items]
            if block.kind == "bullets":
                listing = ListFlowable(
                    paragraphs, bulletType="bullet", start="•", bulletFontName=font, leftIndent=18
                )
            else:
                listing = ListFlowable(
                    paragraphs,
                    bulletType="1",
                    bulletFormat="%s.",
                    start=int(items[0]["number"]),
                    bulletFontName=font,
                    bulletFontSize=11,
                    leftIndent=18,
                )
            story.append(listing)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize or A4,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=title,
        author="Office of the Police and Crime Commissioner",
    )
    document.build(story)
    return buffer.getvalue()


def image_pdf(text: str, *, dpi: int = 200) -> bytes:
    """A scan of the printed letter: each page an image, no text layer at all."""
    import pypdfium2

    document = pypdfium2.PdfDocument(text_pdf(text))
    try:
        images = [page.render(scale=dpi / 72, grayscale=True).to_pil() for page in document]
    finally:
        document.close()
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buffer.getvalue()


# --- Word -----------------------------------------------------------------------------------


def word_document(text: str, *, title: str = "") -> bytes:
    """A .docx of the letter: paragraphs, Word's list styles, tables, page breaks."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Pt

    document = docx.Document()
    document.core_properties.title = title
    previous = None
    for block in blocks(text):
        if previous is not None:
            previous.paragraph_format.space_after = Pt(10)
        if block.kind == "table":
            rows = [_cells(line) for line in block.lines]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for row, cells in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, cells, strict=False):
                    cell.text = value
            previous = None
            if block.page_break_before:
                table.rows[0].cells[0].paragraphs[0].runs[0].add_break(WD_BREAK.PAGE)
            continue
        if block.kind == "lines" and all(len(line) <= 60 for line in block.lines):
            # Short lines (an address, a signature) typed with line breaks in one paragraph.
            paragraph = document.add_paragraph()
            for index, line in enumerate(block.lines):
                run = paragraph.add_run(line)
                if index < len(block.lines) - 1:
                    run.add_break()
            paragraphs = [paragraph]
        elif block.kind == "lines":
            paragraphs = [document.add_paragraph(line) for line in block.lines]
        elif block.kind == "bullets":
            paragraphs = [
                document.add_paragraph(_BULLET.match(line)["text"], style="List Bullet")
                for line in block.lines
            ]
        else:
            items = [_NUMBERED.match(line) for line in block.lines]
            paragraphs = [document.add_paragraph(m["text"], style="List Number") for m in items]
            _restart_numbering(document, paragraphs, int(items[0]["number"]))
        for paragraph in paragraphs:
            paragraph.paragraph_format.space_after = Pt(0)
        if block.page_break_before:
            paragraphs[0].insert_paragraph_before().add_run().add_break(WD_BREAK.PAGE)
        previous = paragraphs[-1]
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _restart_numbering(document, paragraphs, start: int) -> None:
    """Give a numbered list its own numbering instance starting at ``start``, as Word does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    style = document.styles["List Number"].element
    style_num = style.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    num_id = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    abstract_ref = OxmlElement("w:abstractNumId")
    abstract_ref.set(qn("w:val"), str(abstract))
    num.append(abstract_ref)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_override = OxmlElement("w:startOverride")
    start_override.set(qn("w:val"), str(start))
    override.append(start_override)
    num.append(override)
    numbering.append(num)
    for paragraph in paragraphs:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


# --- web page -------------------------------------------------------------------------------


def _merged_lists(found: list[Block]) -> list[Block]:
    """Numbered items one blank line apart that count on are one list, as a CMS writes them."""
    merged: list[Block] = []
    for block in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and block.kind == last.kind == "numbered"
            and not block.page_break_before
            and int(_NUMBERED.match(block.lines[0])["number"])
            == int(_NUMBERED.match(last.lines[-1])["number"]) + 1
        ):
            merged[-1] = Block("numbered", last.lines + block.lines, last.page_break_before)
        else:
            merged.append(block)
    return merged


PAGE_TITLE = "Commissioner's response to the inspection"
PUBLISHED = "2022-10-12"
MODIFIED = "2022-10-14"


def web_page(text: str, *, title: str = PAGE_TITLE) -> bytes:
    """The letter as an office's web page: a cookie banner, a menu, the letter, a footer."""
    parts = []
    for block in _merged_lists(blocks(text)):
        escaped = [html.escape(line) for line in block.lines]
        if block.kind == "bullets":
            items = "".join(
                f"<li>{html.escape(_BULLET.match(line)['text'])}</li>" for line in block.lines
            )
            parts.append(f"<ul>{items}</ul>")
        elif block.kind == "numbered":
            items = [_NUMBERED.match(line) for line in block.lines]
            listed = "".join(f"<li>{html.escape(m['text'])}</li>" for m in items)
            parts.append(f'<ol start="{items[0]["number"]}">{listed}</ol>')
        elif block.kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in _cells(line)) + "</tr>"
                for line in block.lines
            )
            parts.append(f"<table>{rows}</table>")
        else:
            parts.append("<p>" + "<br>\n".join(escaped) + "</p>")
    article = "\n".join(parts)
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{html.escape(title)} | Office of the Police and Crime Commissioner</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{PUBLISHED}T09:30:00+01:00">
<meta property="article:modified_time" content="{MODIFIED}T16:05:00+01:00">
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-label="Cookies on this site">
<p>We use cookies to make this site work and to understand how you use it. You can accept all
cookies or choose which ones to allow.</p>
<button>Accept all cookies</button> <button>Reject optional cookies</button>
<a href="/cookies">Cookie settings</a>
</div>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
<a href="/" class="logo">Office of the Police and Crime Commissioner</a>
<nav class="main-menu" aria-label="Main menu"><ul>
<li><a href="/">Home</a></li><li><a href="/about">About the Commissioner</a></li>
<li><a href="/plan">Police and Crime Plan</a></li><li><a href="/news">News</a></li>
<li><a href="/transparency">Transparency</a></li><li><a href="/contact">Contact us</a></li>
</ul></nav>
<form role="search" action="/search"><input name="q" aria-label="Search">
<button>Search</button></form>
</header>
<nav class="breadcrumbs" aria-label="Breadcrumb">
<a href="/">Home</a> &gt; <a href="/news">News</a></nav>
<main id="main">
<article>
<h1>{html.escape(title)}</h1>
<p class="meta">Posted on <time datetime="{PUBLISHED}">12 October 2022</time></p>
{article}
</article>
<aside class="related"><h2>Related news</h2><ul>
<li><a href="/news/1">Commissioner visits new custody suite</a></li>
<li><a href="/news/2">Have your say on the policing budget</a></li>
</ul></aside>
</main>
<footer class="site-footer">
<ul><li><a href="/privacy">Privacy notice</a></li>
<li><a href="/accessibility">Accessibility</a></li>
<li><a href="/cookies">Cookies</a></li></ul>
<p>&copy; 2022 Office of the Police and Crime Commissioner. All rights reserved.</p>
</footer>
</body>
</html>
"""
    return page.encode("utf-8")
