"""Dates in letters: "11th April 2023", "18 May 2022", "Date: 28/01/2025", "January 5, 2023".

``find_dates`` returns every date in the folded text with its span; ``letter_date`` picks the
letter's own date (the labelled "Date:" line, else a date standing on its own line in the
header, else a statement's "Published:"/"Posted on" date or dateline).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from .text import Line, line_at, trie_pattern

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<{name}>january|february|march|april|may|june|july|august|september|october|november"
    r"|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.?"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# Hard-wrapped prose breaks a date at most once: "published on the 27th March\n2014".
_SEP = r"(?:[ \t]*\n[ \t]*|[ \t]+)"
_DAY_MONTH_YEAR = (
    r"\b(?P<d1>[0-3]?\d)"
    + _ORDINAL
    + r"(?:"
    + _SEP
    + r"of)?(?:[ \t]*,)?"
    + _SEP
    + _MONTH.format(name="m1")
    # "5th December 2024", "5 Dec, 2024"; the year is optional so that "7th January" is seen
    # (and refused for want of a year) rather than read as something else.
    + r"(?:(?:[ \t]*,)?"
    + _SEP
    + r"(?P<y1>(?:19|20)\d\d))?\b"
)
_MONTH_DAY_YEAR = (
    r"\b"
    + _MONTH.format(name="m2")
    + _SEP
    + r"(?P<d2>[0-3]?\d)"
    + _ORDINAL
    + r",?"
    + _SEP
    + r"(?P<y2>(?:19|20)\d\d)\b"
)
_NUMERIC = r"\b(?P<d3>[0-3]?\d)[/.](?P<m3>[01]?\d)[/.](?P<y3>(?:19|20)\d\d|\d\d)\b"
_ISO = r"\b(?P<y4>(?:19|20)\d\d)-(?P<m4>[01]\d)-(?P<d4>[0-3]\d)\b"

# Every form starts on a word boundary with a digit or a month's initial: checking that once,
# before trying the forms one by one, makes the scan over a letter several times faster.
DATE_RE = re.compile(
    # A date starts with a month, or with digits followed by what a date has next (an
    # ordinal, a month's first letter, a separator): "1 -" is passed over at once.
    r"\b(?=\d{1,4}(?:st|nd|rd|th)?(?:[ \t]*,?[ \t]*\n?[ \t]*(?:of[ \t]+)?[a-z]|[/.\-]\d)|"
    + trie_pattern(list(MONTHS) + list(_MONTH_ABBREVIATIONS), prefixes=True)
    + r")(?:"
    + "|".join(
        form.removeprefix(r"\b") for form in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC, _ISO)
    )
    + ")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    value: dt.date | None  # None when the text gives no year, or no such day exists
    start: int
    end: int


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or _MONTH_ABBREVIATIONS[word]


def _build(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    if groups["m1"]:
        if not groups["y1"]:
            return None
        return _build(int(groups["y1"]), _month(groups["m1"]), int(groups["d1"]))
    if groups["m2"]:
        return _build(int(groups["y2"]), _month(groups["m2"]), int(groups["d2"]))
    if groups["m3"]:
        year = int(groups["y3"])
        if year < 100:
            year += 2000
        # British letters write day/month/year.
        return _build(year, int(groups["m3"]), int(groups["d3"]))
    return _build(int(groups["y4"]), int(groups["m4"]), int(groups["d4"]))


_last_scan: tuple[str, list[FoundDate], list[int]] = ("", [], [])
# A letter has a few dozen dates; a text with thousands is not one, and its first ones are read.
MAX_DATES = 1000


def find_dates(folded: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """The dates lying wholly between ``start`` and ``end``.

    The recognisers ask for dates in several parts of one letter, so the whole text is scanned
    once and remembered (the last text only, held by reference so that ``is`` is exact).
    """
    global _last_scan
    end = len(folded) if end is None else end
    scan = _last_scan
    if scan[0] is not folded:
        found = [
            FoundDate(_from_match(match), match.start(), match.end())
            for match in itertools.islice(DATE_RE.finditer(folded), MAX_DATES)
        ]
        scan = (folded, found, [date.start for date in found])
        _last_scan = scan
    low = bisect.bisect_left(scan[2], start)
    high = bisect.bisect_left(scan[2], end)
    return [found for found in scan[1][low:high] if found.end <= end]


def parse_date(text: str) -> dt.date | None:
    """The first full date in a snippet (used by tests and callers with a short string)."""
    for found in find_dates(text):
        if found.value:
            return found.value
    return None


_LABEL = re.compile(
    r"^\W{0,3}(?:date(?:d)?|(?:letter|response)\s+date|date\s+of\s+(?:letter|response)|sent)"
    r"\s*[:\-]?\s*(?:\w+day,?\s*)?$",
    re.IGNORECASE,
)
# A web page's or statement's own date: "Published: 12 October 2022", "Posted on ...".
_PAGE_LABEL = re.compile(
    r"^\W{0,3}(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|date\s+published"
    r"|(?:\w+\s+)?statement|date\s+of\s+statement|for\s+immediate\s+release\s*-?)"
    r"\s*[:\-]?\s*(?:\w+day,?\s*)?$",
    re.IGNORECASE,
)
_STATEMENT_LABEL = re.compile(
    r"(?:published|posted|issued|released|first\s+published)(?:\s+on)?\s*[:\-]?\s*"
    r"(?:\w+day,?\s+)?$",
    re.IGNORECASE,
)
# A page's revision stamp is never the statement's date: "Updated Wednesday, 10th July 2019".
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|amended|reviewed)\b", re.IGNORECASE)
# A byline run into its label: "Author: Jane DoePublished 20th Feb 2024".
_BYLINE = re.compile(r"^\W{0,3}(?:author|by|written\s+by|posted\s+by)\b|[a-z]$", re.IGNORECASE)
# A time after a dateline's date: "Wednesday, 3rd July 2019, 4:45 pm".
_TIME_AFTER = re.compile(
    r"^[ \t]*+(?:,[ \t]*+)?(?:at\s+)?\d{1,2}[:.]\d\d[ \t]*(?:am|pm)?[ \t]*$", re.I
)
_WEEKDAY_PREFIX = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s*$",
    re.IGNORECASE,
)


def _before_on_line(folded: str, lines: list[Line], found: FoundDate) -> str:
    line = line_at(lines, found.start)
    return folded[line.start : found.start]


def _after_on_line(folded: str, lines: list[Line], found: FoundDate) -> str:
    line = line_at(lines, found.start)
    return folded[found.end : line.end]


def _continues_sentence(lines: list[Line], line: Line) -> bool:
    """Whether ``line`` goes on with a sentence of hard-wrapped prose on the line before."""
    if line.index == 0:
        return False
    previous = lines[line.index - 1].stripped
    # A closing quote ends a sentence only after a stop: "... 2014/15'" goes on.
    bare = previous.rstrip("\"'")
    ended = bare[-1:] in ".!?" if bare != previous else previous[-1:] in ".!?:;|"
    return len(previous) >= 40 and not ended


def letter_date(
    folded: str, lines: list[Line], *, header_end: int, has_salutation: bool
) -> FoundDate | None:
    """The letter's (or statement's) own date, or None.

    Only dates the text itself pins down count: a date without a year is None.
    """
    header = find_dates(folded, 0, header_end)
    # 1. "Date: 11th April 2023" in the header.
    for found in header:
        if _LABEL.match(_before_on_line(folded, lines, found)):
            return found if found.value else None
    # 2. A date standing on its own line in the header (optionally after a weekday).
    for found in header:
        before = _before_on_line(folded, lines, found).strip(" *_>\t")
        after = _after_on_line(folded, lines, found)
        standalone = not after.strip(" *_.,\t") or _TIME_AFTER.match(after)
        if (not before or _WEEKDAY_PREFIX.match(before)) and standalone:
            return found if found.value else None
    # 3. A page's label: "Published: 12 October 2022" on a line of its own, before the letter.
    for found in find_dates(folded, 0, header_end if has_salutation else len(folded)):
        label = _PAGE_LABEL.match(_before_on_line(folded, lines, found))
        if label and found.value and not _after_on_line(folded, lines, found).strip(" *_.,\t"):
            return found
    # 4. A statement: "Published: 5 January 2023", "Posted on ...", anywhere near the top.
    if not has_salutation:
        for found in find_dates(folded):
            before = _before_on_line(folded, lines, found)
            label = _STATEMENT_LABEL.search(before)
            if label is None or not found.value or _UPDATED.search(before):
                continue
            # A label opening its line ("News | Published: ..."), not "published on" inside a
            # sentence, even one that hard-wrapping starts on a new line ("2016' published on");
            # or a byline's label run into the author's name.
            prefix = before[: label.start()].strip(" \t*_>")
            opens = not prefix or prefix[-1] in "|-:\u2022" or _BYLINE.search(prefix)
            if opens and not _continues_sentence(lines, line_at(lines, found.start)):
                return found
        # A dateline: the first line starting with a date ("5 January 2023 - The PCC ..."), at
        # the top of the statement: no later than its first paragraph of prose (dates further
        # down a page belong to other items: "Related news", "Latest updates").
        top = _paragraphs_after(folded, header_end, 3)
        for found in find_dates(folded, 0, top):
            line = line_at(lines, found.start)
            lead = folded[line.start : found.start].strip(" *_>\t")
            if (
                (not lead or _WEEKDAY_PREFIX.match(lead))
                and found.value
                and not _continues_sentence(lines, line)
            ):
                return found
    # 5. Any full date in the header that is not about a report ("Re: ... published ...").
    for found in header:
        before = _before_on_line(folded, lines, found).lower()
        if found.value and not re.search(r"publish|report|inspection|\bre\b|updated", before):
            return found
    return None


def _paragraphs_after(folded: str, offset: int, count: int) -> int:
    """Where the ``count``-th paragraph break after ``offset`` is (a story's date sits under its
    headline and standfirst, within its first paragraphs)."""
    top = offset
    for _ in range(count):
        paragraph_break = re.compile(r"\n[ \t]*\n").search(folded, top)
        if paragraph_break is None:
            return len(folded)
        top = paragraph_break.end()
    return min(top, offset + 800)
