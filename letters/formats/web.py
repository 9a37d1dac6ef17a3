"""Saved web pages (.html, .htm): the main content by trafilatura, the page's dates by htmldate.

trafilatura finds the article and drops what surrounds it (menus, cookie banners, headers,
footers, related links, share buttons); its XML output keeps the structure that matters to the
parser, which is written out in the .txt letters' layout:
- a heading or a paragraph is a line, a blank line apart; a <br> stays a line break;
- list items are lines of their own, "• " before an item of a bulleted list, "1. " before an
  item of a numbered one;
- a table row is a line with a tab between cells.
The page's own metadata (not the letter's) comes with it: the title (og:title, <title>, <h1>),
and the published and modified dates from the page's markup (meta tags, JSON-LD, <time>), by
htmldate without its guessing from the text, so a date in the letter is never taken for the
page's.

Refused: a page with less than ``MIN_MAIN_TEXT`` characters of main content (a menu, a cookie
banner and links only, or a page that loads its content with JavaScript).
"""

from __future__ import annotations

import datetime as dt

from letters.parsing import LetterParseError

from .types import Document

MIN_MAIN_TEXT = 200
_BLOCKS = {"p", "head", "list", "table", "quote", "code"}


def read_html(data: bytes, *, name: str) -> Document:
    import trafilatura
    from htmldate import find_date
    from lxml import etree

    xml = trafilatura.extract(
        data,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        include_links=False,
        # Precision: a page whose article cannot be found falls back to all of its text (menus,
        # banners) under recall; with precision it comes out (nearly) empty and is refused.
        favor_precision=True,
        deduplicate=False,
        with_metadata=False,
    )
    tree = etree.fromstring(xml.encode("utf-8")) if xml else None
    main = None if tree is None else tree.find("main")
    text = _render(main) if main is not None else ""
    if len(text.strip()) < MIN_MAIN_TEXT:
        raise LetterParseError(
            f"no main text in the web page ({len(text.strip())} characters found beside its "
            "menus and banners; the least a letter has is "
            f"{MIN_MAIN_TEXT}): is the letter loaded by JavaScript or only linked from here?",
            source=name,
        )
    metadata = trafilatura.extract_metadata(data)
    published = find_date(data, original_date=True, extensive_search=False)
    modified = find_date(data, original_date=False, extensive_search=False)
    return Document(
        text=text,
        format="html",
        title=(metadata.title if metadata and metadata.title else None),
        published=_date(published),
        modified=_date(modified) if modified != published else None,
    )


def _render(main) -> str:
    blocks: list[str] = []
    for element in main:
        block = _block(element)
        if block.strip():
            blocks.append(block.strip("\n"))
    return "\n\n".join(blocks)


def _block(element) -> str:
    tag = element.tag
    if tag == "list":
        return "\n".join(_list_items(element))
    if tag == "table":
        rows = []
        for row in element.iter("row"):
            cells = [" ".join(_inline(cell).split()) for cell in row.findall("cell")]
            rows.append("\t".join(cells).rstrip("\t"))
        return "\n".join(row for row in rows if row.strip())
    if tag == "quote" and any(child.tag in _BLOCKS for child in element):
        return "\n\n".join(_block(child).strip("\n") for child in element)
    return "\n".join(line.strip() for line in _inline(element).split("\n"))


def _list_items(element, depth: int = 0) -> list[str]:
    numbered = element.get("rend") == "ol"
    lines = []
    for number, item in enumerate(element.findall("item"), start=1):
        marker = f"{number}." if numbered else "•"
        text = " ".join(_inline(item, skip_lists=True).split())
        if text:
            lines.append(f"{marker} {text}")
        for sub in item.findall("list"):
            lines.extend(_list_items(sub, depth + 1))
    return lines


def _inline(element, *, skip_lists: bool = False) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif not (skip_lists and child.tag == "list"):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
