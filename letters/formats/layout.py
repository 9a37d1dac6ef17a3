"""Words placed on a page to the plain-text layout of the .txt letters.

The parser reads the conventions of the .txt letters (seeds/, tests/fixtures/letters/): a
paragraph on one line, a blank line between paragraphs, address lines, headings, list items and
table rows each on their own line, pages apart by blank lines. A PDF (or a scan read by OCR)
gives words with their boxes instead; this module turns them into that text:

- words whose boxes share a baseline band are one printed line, left to right; a gap much
  wider than a space (table columns, a tab stop) becomes a tab, which the parser reads as a
  column separator, except after a list marker ("1.", "•"), where it is the marker's own gap;
- more space above a line than the page's usual line spacing starts a paragraph (a blank line);
- a printed line that ends where the next line's first word would not have fitted was wrapped
  by the word processor (a soft break), so the two are joined with a space (or nothing after a
  hyphen): the paragraph is one line again, as in the .txt letters. A line that stops short of
  the margin ended where its author ended it (an address line, a heading, a signature) and
  stays a line. A list item or a table row always starts a line.

The geometry comes from the extractor (pdfplumber's words, Tesseract's word boxes); all this
module decides is where the line breaks and blank lines go.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

PAGE_BREAK = "\n\n\n\n"  # three blank lines between pages, as in the seed letters

# "1." "2)" "(a)" "a." "i." "•" "-" "–" "*" "AFI 1": the start of a list item.
_LIST_MARKER = re.compile(
    r"^(?:[•\-–*▪●◦■]|\(?\d{1,3}[.)]|\(?[a-hA-H][.)]|\(?[ivxIVX]{1,4}[.)]|AFI\s*\d+\b|"
    r"Recommendation\s+\d+\b|Cause\s+of\s+concern\s+\d+\b)",
)
_MARKER_ONLY = re.compile(r"^(?:[•\-–*▪●◦■]|\(?\d{1,3}[.)]|\(?[a-hA-H][.)]|\(?[ivxIVX]{1,4}[.)])$")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Line:
    """One printed line: its text (tabs between columns) and its box."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_word_width: float
    space_width: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


def group_lines(words: Iterable[Word]) -> list[Line]:
    """Words to printed lines, top to bottom, each left to right.

    A word belongs to the line whose vertical band it overlaps by half its height or the band's,
    so a superscript or a word in a larger font stays on its line.
    """
    rows: list[list[Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if rows:
            overlap = min(bottom, word.bottom) - max(top, word.top)
            if overlap > 0.5 * min(bottom - top, word.bottom - word.top):
                rows[-1].append(word)
                top, bottom = min(top, word.top), max(bottom, word.bottom)
                continue
        rows.append([word])
        top, bottom = word.top, word.bottom
    return [make_line(row) for row in rows]


def make_line(words: Sequence[Word]) -> Line:
    """One printed line from its words (in any order)."""
    words = sorted(words, key=lambda w: w.x0)
    height = statistics.median(w.bottom - w.top for w in words)
    # A space is about a quarter of the font size; a gap over a font size is a column gap.
    space = max(height * 0.25, 0.1)
    parts = [words[0].text]
    for previous, word in zip(words, words[1:], strict=False):
        gap = word.x0 - previous.x1
        after_marker = len(parts) == 1 and _MARKER_ONLY.match(parts[0])
        if gap > height * 1.2 and not after_marker:
            parts.append("\t")
        elif gap > space * 0.4 or after_marker:
            parts.append(" ")
        parts.append(word.text)
    return Line(
        text="".join(parts),
        x0=words[0].x0,
        x1=words[-1].x1,
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        first_word_width=words[0].x1 - words[0].x0,
        space_width=space,
    )


def page_text(lines: Sequence[Line], *, right: float | None = None) -> str:
    """One page's lines as text: paragraphs apart by blank lines, soft wraps joined.

    ``right`` is the right edge of the text column; by default the right end of the page's
    longest line (a page of short lines then joins nothing, as it should).
    """
    lines = [line for line in lines if line.text.strip()]
    if not lines:
        return ""
    right = max(line.x1 for line in lines) if right is None else right
    left = min(line.x0 for line in lines)
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
    usual = _usual_gap(gaps)
    out = [lines[0].text.strip()]
    for previous, line, gap in zip(lines, lines[1:], gaps, strict=False):
        height = max(min(previous.height, line.height), 1.0)
        if gap > usual + height * 0.45:
            out.append("\n\n")
        elif _soft_wrap(previous, line, left=left, right=right):
            out.append("" if _hyphenated(previous.text) else " ")
        else:
            out.append("\n")
        out.append(line.text.strip())
    return "".join(out)


def join_pages(pages: Iterable[str]) -> str:
    return PAGE_BREAK.join(page for page in pages if page.strip())


def _usual_gap(gaps: Sequence[float]) -> float:
    """The space between two lines of one paragraph on this page (the smaller gaps)."""
    if not gaps:
        return 0.0
    ordered = sorted(gaps)
    return max(ordered[len(ordered) // 5], 0.0)


def _soft_wrap(previous: Line, line: Line, *, left: float, right: float) -> bool:
    if "\t" in previous.text or "\t" in line.text or _LIST_MARKER.match(line.text.strip()):
        return False
    # Short lines are lines their author ended (a line must reach past half the column).
    if previous.x1 - left < (right - left) * 0.5:
        return False
    room = right - previous.x1
    return room < line.first_word_width + previous.space_width * 2


def _hyphenated(text: str) -> bool:
    """A line ending in a word's own hyphen ("anti-"), which joins without a space."""
    return len(text) >= 2 and text.endswith("-") and text[-2].isalpha()
