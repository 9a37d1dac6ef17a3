"""Page structure: what a saved web page, news story, statement or set of minutes is made of.

Real responses are published as web pages as often as letters, and a saved page carries its
site's furniture: "Skip to content", menus, accessibility and text-size controls, cookie and
postcode boxes, newsletter sign-ups, "Hide Ad" and advertisement markers, share and "Read more"
links, logos and icons, image credits and captions printed twice (alt text, then caption).
Furniture is never a name, a date or a title, so it is blanked out of the folded copy with
spaces of the same length: every recogniser downstream reads only the page's own words while
every offset (span) still points at the original text.

Besides the clean copy, ``Page`` says which line is the headline (the first line of words that
is not furniture, a date or a label, when it reads as a title rather than prose) and which lines
are photo captions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Line

# Whole lines of site furniture, matched after leading bullets and spaces. Each alternative is
# a kind of furniture, written as sites write it, not the words of any one page.
_FURNITURE_LINE = re.compile(
    r"""^[\s\-*\u2022|>#\u00b7]*+(?:
        skip\s+(?:to\s+)?(?:the\s+)?(?:main\s+)?(?:content|navigation|menu)\b.*
      | text\s+only | accessibility(?:\s+(?:options|tools|statement))?
      | (?:default|large|larger|largest|normal)\s+text\s+size\b.* | text\s+size\b.*
      | (?:open|close|main|toggle)\s+(?:menu|navigation) | menu | search | home | settings
      | set\s+your\s+postcode\b.* | switch\s+to\s+(?:text\s+only|full\s+website)\b.*
      | (?:leave|exit)\s+(?:this\s+)?site(?:\s+(?:now|quickly))? | quick\s+exit
      | press\s+the\s+escape\s+key\b.*
      | .*\bcookies?\b.* | google\s+analytics | necessary\s+cookies
      | sorry,\s+something\s+went\s+wrong\b.* | thank\s+you\s+for\s+trying\s+our\s+new\b.*
      | you\s+are\s+viewing\s+(?:the\s+|an\s+)?archived?\b.*
      | (?:sign\s+up|subscribe|register)\b.{0,80}\b(?:newsletter|updates|alerts|emails?)\b.*
      | .*\bnewsletter\s+cut\s+through\b.* | subscribe(?:\s+to\s+\w+)?
      | hide\s+ad | -*\s*advert(?:isement)?\s*-* | sponsored(?:\s+content)?
      | read\s+more(?:\s+here)? | related(?:\s+(?:news|articles?|stories|content|links))?
      | (?:share|print|email)(?:\s+(?:this|on|via)\b.*)? | back\s+to\s+top
      | follow\b.{0,60}\bon\b.*\b(?:send\s+your\s+story|twitter|facebook|instagram)\b.*
      | got\s+a\s+story\b.* | view\s+on\s+(?:the\s+)?council\s+website
      | chat\s+with\s+this\s+meeting | subscribe\s+to\s+chat | ai\s+generated
      | take\s+out\s+our\b.{0,40}\bplan\b.*
      | facebook\s+pixel | (?:.{0,60}\s)?banner\s+image
      | (?:\{[\w\-]+\}\s*)?[^.\n]{0,80}?[\s\-](?:logos?|icon) | logos?\s*[-:].{0,80}
      | image\s+(?:source|caption|credit)\b.* | screenshot\s+\d.*
      | (?:picture|photo|image)\s*:\s*[^.\n]{0,60}
      | -?\d{1,2}(?:\.\d)?\s*\u00b0?\s*C
      | (?:tel(?:ephone)?|phone)\s*[:.]?\s*[\d\s()+]{7,}.*
      | [\d\s()+]{9,}
      | loading\.*
      | you\s+are\s+here\b.* | home\s*[>\u00bb\u203a/]\s.*                   # breadcrumbs
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
# A navigation bar: "Home | About us | News | Contact us" (short items, no grade in them, so a
# flattened table row of areas and grades is not one).
_NAVIGATION = re.compile(
    r"^(?![^\n]*\b(?:outstanding|good|adequate|improvement|inadequate)\b)"
    r"\s*(?:[^|\n]{1,30}\|){3,}[^|\n]{0,30}$",
    re.IGNORECASE,
)
# Within a line: an image credit after a caption ("... (Picture: PCC Office)").
_INLINE_CREDIT = re.compile(
    r"\((?:picture|photo|image)(?:\s+(?:credit|source))?\s*:[^()\n]{0,60}\)", re.IGNORECASE
)
# A heading over the site's other items, below a story.
_OTHERS_HEADING = re.compile(
    r"^[\s\-*\u2022|>#]*(?:related(?:\s+(?:news|articles?|stories|content|links|posts|pages))?"
    r"|more\s+(?:news|stories|articles|from\s+[\w ]{1,40})|(?:latest|recent|other)\s+"
    r"(?:news|stories|articles|posts|updates)|you\s+may\s+also\s+(?:like|be\s+interested\s+in)"
    r"|read\s+next|most\s+read|in\s+other\s+news)\s*:?\s*$",
    re.IGNORECASE,
)


def _is_prose(text: str) -> bool:
    """A line of the page's own story: a long line, or a sentence (a menu item or headline is
    short and does not end with a full stop)."""
    stripped = text.strip()
    return len(stripped) >= 100 or (len(stripped) >= 50 and stripped[-1] in '.!?"\u201d')


# Markup left in a saved page's text: a script or style element with its content, or one tag
# ("<a href=...>", "</b>"). Tags are not words; a "<" not followed by a letter ("< 5") stays.
_MARKUP = re.compile(
    r"<(script|style)\b[^<>\n]{0,300}>[^\n]{0,1000}?</\1\s*>"
    r"|</?[a-z][a-z0-9]{0,15}(?:\s[^<>\n]{0,300})?/?>",
    re.IGNORECASE,
)
# A caption names its picture: "Picture: Gary Wood", "(Image: Archant)", "Image caption".
_CAPTION_SIGNS = re.compile(
    r"\b(?:picture|photo|image)\s*:|\b(?:image|photo|picture)\s+(?:caption|source|credit)\b",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d",
    re.IGNORECASE,
)
_LABEL_LINE = re.compile(
    r"^\s*(?:published|posted|updated|last\s+updated|date|author|by|written\s+by|posted\s+by"
    r"|posted\s+on|category|categories|tags?|agenda\s+item|minutes)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Page:
    clean: str  # the folded text with furniture blanked out, offset for offset
    furniture: frozenset[int]  # indexes of lines blanked out
    captions: frozenset[int]  # indexes of lines that caption a picture
    headline: Line | None
    changed: frozenset[int] = frozenset()  # indexes of lines with something blanked out
    # Where a list of the site's other items starts ("Related news", "More stories") after the
    # page's own prose: dates and names below it belong to other stories.
    others_start: int | None = None


def _repeated_half(text: str) -> int | None:
    """Where the second copy starts in a line printed twice ("Matthew GroveMatthew Grove",
    "A caption.A caption. (Picture: X)"): alt text and caption run together."""
    stripped = text.rstrip()
    stripped = _INLINE_CREDIT.sub("", stripped).rstrip()
    length = len(stripped)
    if length < 8:
        return None
    start = len(text) - len(text.lstrip())
    body = stripped[start:]
    half = len(body) // 2
    for size in (half, half + 1, half - 1):
        if size < 4 or size >= len(body):
            continue
        first, second = body[:size].strip(), body[size:].strip()
        if (
            second.startswith(first)
            and len(second) - len(first) <= 2
            and len(_LETTERS.findall(first)) >= 4
        ):
            return start + size
    return None


_LETTERS = re.compile(r"[^\W\d_]")


def _is_headline(line: Line) -> bool:
    text = line.stripped.strip("*_#")
    if not text or len(text) > 200 or len(text.split()) < 3:
        return False
    if _LABEL_LINE.match(text) or (len(text) < 40 and _DATE_WORD.search(text)):
        return False
    # A title does not end like a sentence of prose; a quoted remark can.
    return text[-1:] not in ".:;," or (text.endswith(".") and len(text) < 100 and " - " in text)


# Furniture and captions are short: a longer line is a paragraph (or no page at all) and is only
# searched for markup and image credits.
_LONGEST_FURNITURE = 1000


def read_page(folded: str, lines: list[Line]) -> Page:
    """The page's furniture blanked out, its captions and its headline."""
    blanks: list[tuple[int, int]] = []  # spans to blank out, in order (never across a newline)
    furniture: set[int] = set()
    captions: set[int] = set()
    changed: set[int] = set()
    prose_seen = False
    others_start = None
    notices = _notice_paragraphs(lines)
    for line in lines:
        if line.blank:
            continue
        short = len(line.text) <= _LONGEST_FURNITURE
        if others_start is None and prose_seen and short and _OTHERS_HEADING.match(line.text):
            others_start = line.start
        if short and (line.index in notices or _is_furniture(line.text)):
            blanks.append((line.start, line.end))
            furniture.add(line.index)
            continue
        prose_seen = prose_seen or _is_prose(line.text)
        spans = []
        repeat = _repeated_half(line.text) if short else None
        if repeat is not None:
            spans.append((line.start + repeat, line.end))
            captions.add(line.index)
        for credit in _INLINE_CREDIT.finditer(line.text):
            spans.append((line.start + credit.start(), line.start + credit.end()))
            captions.add(line.index)
        if "<" in line.text:
            for tag in _MARKUP.finditer(line.text):
                spans.append((line.start + tag.start(), line.start + tag.end()))
        blanks.extend(_merged(spans))
        if spans:
            changed.add(line.index)
        if short and _CAPTION_SIGNS.search(line.text):
            captions.add(line.index)
    clean = _blanked(folded, blanks)
    headline = None
    for line in lines:
        if line.index in furniture or line.blank:
            continue
        if _is_headline(line) and line.index not in captions:
            headline = line
        break
    changed |= furniture
    return Page(
        clean,
        frozenset(furniture),
        frozenset(captions),
        headline,
        frozenset(changed),
        others_start,
    )


# A site notice about cookies, however it is wrapped: every line of its paragraph is furniture.
_NOTICE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_NOTICE_LINES = 8


def _notice_paragraphs(lines: list[Line]) -> set[int]:
    """The indexes of the lines of short paragraphs that carry a cookie notice."""
    found: set[int] = set()
    paragraph: list[Line] = []
    for line in [*lines, None]:
        if line is not None and not line.blank:
            paragraph.append(line)
            continue
        if len(paragraph) <= _NOTICE_LINES and any(_NOTICE.search(p.text) for p in paragraph):
            found.update(p.index for p in paragraph)
        paragraph = []
    return found


def _is_furniture(text: str) -> bool:
    return bool(_FURNITURE_LINE.match(text) or _NAVIGATION.match(text)) and not _keeps_a_date(text)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _blanked(folded: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span replaced by as many spaces (spans lie within lines)."""
    if not spans:
        return folded
    pieces = []
    position = 0
    for start, end in spans:
        pieces.append(folded[position:start])
        pieces.append(" " * (end - start))
        position = end
    pieces.append(folded[position:])
    return "".join(pieces)


def _keeps_a_date(text: str) -> bool:
    """A furniture-looking line that also carries the page's date stays ("This article is old -
    Published: Thursday, Dec 8th, 2016")."""
    return bool(re.search(r"\bpublished\b", text, re.IGNORECASE) and _DATE_WORD.search(text))
