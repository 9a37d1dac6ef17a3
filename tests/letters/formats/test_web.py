"""Web pages: the page's own metadata, numbered lists, and markup without an <html> around it."""

import datetime as dt
import re

from letters.formats import read_document
from tests.letters.formats import builders
from tests.letters.formats.compare import LETTER_PATHS, letter_text

KENT = next(p for p in LETTER_PATHS if p.name.startswith("pcc-kent"))


def test_the_pages_own_title_and_dates_not_the_letters():
    document = read_document(builders.web_page(letter_text(KENT)), name="kent.html")

    assert document.title == builders.PAGE_TITLE
    assert document.published == dt.date.fromisoformat(builders.PUBLISHED)
    assert document.modified == dt.date.fromisoformat(builders.MODIFIED)
    # The letter's own date (21st June 2022) is the parser's to read, not the page's.
    assert document.published != dt.date(2022, 6, 21)


def test_a_page_without_date_markup_has_no_dates():
    page = builders.web_page(letter_text(KENT))
    page = re.sub(rb'<meta property="article:[a-z_]+" content="[^"]+">', b"", page)
    page = re.sub(rb"<time [^>]+>[^<]+</time>", b"", page)
    assert builders.PUBLISHED.encode() not in page

    document = read_document(page, name="kent.html")

    assert (document.published, document.modified) == (None, None)


def test_numbered_and_bulleted_lists_and_tables():
    body = (
        "<p>" + "The report made these findings about the force and its work. " * 4 + "</p>"
        "<h2>Areas for improvement</h2>"
        "<ol><li>The force should answer calls promptly.</li>"
        "<li>The force should improve investigations.</li></ol>"
        "<ul><li>Investigating crime – adequate</li></ul>"
        "<table><tr><td>Preventing crime</td><td>Good</td></tr></table>"
    )
    page = f"<!doctype html><html><body><main><article>{body}</article></main></body></html>"

    text = read_document(page.encode(), name="page.html").text

    assert text.endswith(
        "\n\nAreas for improvement\n\n"
        "1. The force should answer calls promptly.\n"
        "2. The force should improve investigations.\n\n"
        "• Investigating crime – adequate\n\n"
        "Preventing crime\tGood\n"
    )


def test_a_fragment_named_html_is_read_as_markup():
    fragment = "<p>Dear Mr Wilsher,</p><p>" + "I write in response to your report. " * 8 + "</p>"

    document = read_document(fragment.encode(), name="snippet.htm")

    assert document.format == "html"
    assert document.text.startswith("Dear Mr Wilsher,\n\nI write in response")
