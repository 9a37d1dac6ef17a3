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

from .text import Line, line_at, trie_pattern, wrap_width
from .titles import TITLE_RE

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
    r"^\W{0,3}(?:date(?:d)?|(?:[\w']+\s+)?(?:letter|response|reply)\s+date"
    r"|date\s+of\s+(?:(?:this|the|our|my)\s+)?(?:letter|response|reply)|sent"
    r"|date\s+(?:(?:letter|response)\s+)?(?:sent|submitted|issued))"
    r"\s*[:\-]?\s*(?:\w+day,?\s*)?$",
    re.IGNORECASE,
)
# A time before a label's date: "Published: 10:30 AM June 1, 2022", "Posted 09.15, 3 May 2019".
_TIME_BEFORE = r"(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?\s*(?:bst|gmt)?\s*[,|\-]?\s*)?"
# A web page's or statement's own date: "Published: 12 October 2022", "Posted on ...".
_PAGE_LABEL = re.compile(
    r"^\W{0,3}(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|date\s+published"
    r"|(?:\w+\s+)?statement|date\s+of\s+statement|for\s+immediate\s+release\s*-?)"
    r"\s*[:\-]?\s*" + _TIME_BEFORE + r"(?:\w+day,?\s*)?$",
    re.IGNORECASE,
)
_STATEMENT_LABEL = re.compile(
    r"(?:published|posted|issued|released|first\s+published)(?:\s+on)?\s*[:\-]?\s*"
    + _TIME_BEFORE
    + r"(?:\w+day,?\s+)?$",
    re.IGNORECASE,
)
# A page's revision stamp is never the statement's date: "Updated Wednesday, 10th July 2019".
_UPDATED = re.compile(r"\b(?:last\s+)?(?:updated|modified|amended|reviewed)\b", re.IGNORECASE)
# A byline run into its label: "Author: Jane DoePublished 20th Feb 2024".
_BYLINE = re.compile(r"^\W{0,3}(?:author|by|written\s+by|posted\s+by)\b", re.IGNORECASE)
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


def _continues_sentence(lines: list[Line], line: Line, width: int = 40) -> bool:
    """Whether ``line`` goes on with a sentence of hard-wrapped prose on the line before: one
    long enough to have been wrapped (``width``, the text's own, at least 40 characters), or
    ending on a preposition. A headline falls short of the width its text is wrapped to."""
    if line.index == 0:
        return False
    previous = lines[line.index - 1].stripped
    # A closing quote ends a sentence only after a stop: "... 2014/15'" goes on.
    bare = previous.rstrip("\"'")
    ended = bare[-1:] in ".!?" if bare != previous else previous[-1:] in ".!?:;|"
    # A line ending on a preposition goes on, however short: "... published by HMICFRS on".
    return (len(previous) >= max(40, width) or bool(_OPEN_END.search(previous))) and not ended


_OPEN_END = re.compile(r"\b(?:on|of|in|at|by|from|dated|since|until|before|after)$", re.I)


_NOTHING = object()  # a step that decides there is no date (a labelled date without a year)


@dataclass(frozen=True)
class _DateContext:
    folded: str
    lines: list[Line]
    header_end: int
    has_salutation: bool
    others_start: int | None = None
    width: int = 40  # how long a line must be to have been wrapped (``text.wrap_width``)

    def before(self, found: FoundDate) -> str:
        return _before_on_line(self.folded, self.lines, found)

    def after(self, found: FoundDate) -> str:
        return _after_on_line(self.folded, self.lines, found)


def letter_date(
    folded: str,
    lines: list[Line],
    *,
    header_end: int,
    has_salutation: bool,
    others_start: int | None = None,
) -> FoundDate | None:
    """The letter's (or statement's) own date, or None.

    Only dates the text itself pins down count: a date without a year is None. The ways a text
    dates itself are tried in order (``_DATE_STEPS``); the first that finds one decides.
    """
    context = _DateContext(
        folded, lines, header_end, has_salutation, others_start, min(wrap_width(lines), 1000)
    )
    for step in _DATE_STEPS:
        found = step(context)
        if found is _NOTHING:
            return None
        if found is not None:
            return found
    return None


def _labelled(context: _DateContext):
    """ "Date: 11th April 2023" in the header; or, on a line of its own, in the first paragraphs
    of a text whose header holds no date ("Date response sent: 10 January 2023" on a form)."""
    for found in find_dates(context.folded, 0, context.header_end):
        if _LABEL.match(context.before(found)):
            return found if found.value else _NOTHING
    top = _paragraphs_after(context.folded, context.header_end, 3)
    for found in find_dates(context.folded, context.header_end, top):
        alone = not context.after(found).strip(" *_.,\t")
        if alone and _LABEL.match(context.before(found)):
            return found if found.value else _NOTHING
    return None


def _standalone(context: _DateContext):
    """A date standing on its own line in the header (after a weekday, before a time)."""
    for found in find_dates(context.folded, 0, context.header_end):
        before = context.before(found).strip(" *_>\t")
        after = context.after(found)
        standalone = not after.strip(" *_.,\t") or _TIME_AFTER.match(after)
        if (not before or _WEEKDAY_PREFIX.match(before)) and standalone:
            return found if found.value else _NOTHING
    return None


# A page saved with its date stamped first: " date 2019-09-27 The decision to ...".
_STAMP = re.compile(r"\A\s*date\s*:?\s*(?=\d)", re.IGNORECASE)


def _stamped(context: _DateContext):
    """A date stamped at the very start of a saved page ("date 2019-09-27")."""
    stamp = _STAMP.match(context.folded)
    if stamp is None:
        return None
    found = find_dates(context.folded, stamp.end(), stamp.end() + 12)
    return found[0] if found and found[0].start == stamp.end() and found[0].value else None


def _page_label(context: _DateContext):
    """A page's label: "Published: 12 October 2022" on a line of its own, before the letter."""
    end = context.header_end if context.has_salutation else len(context.folded)
    for found in find_dates(context.folded, 0, end):
        label = _PAGE_LABEL.match(context.before(found))
        if label and found.value and not context.after(found).strip(" *_.,\t"):
            return found
    return None


def _statement_label(context: _DateContext):
    """A statement's "Published: 5 January 2023", "Posted on ...", opening its line (not
    "published on" inside a sentence), or a byline's label run into the author's name."""
    if context.has_salutation:
        return None
    for found in find_dates(context.folded):
        before = context.before(found)
        label = _STATEMENT_LABEL.search(before)
        if label is None or not found.value or _UPDATED.search(before):
            continue
        prefix = before[: label.start()].strip(" \t*_>")
        glued = label.start() > 0 and before[label.start() - 1].isalpha()  # "Jane DoePublished"
        opens = not prefix or prefix[-1] in "|-:\u2022" or _BYLINE.match(prefix) or glued
        line = line_at(context.lines, found.start)
        if opens and not _continues_sentence(context.lines, line, context.width):
            return found
    return None


# A heading's date: "Police and Crime Panel - Thursday 25 September 2025 2.30 pm".
_HEADING_LEAD = re.compile(
    r"^[^.!?\n]{3,100}\s[-\u2013|]\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$",
    re.IGNORECASE,
)


def _dateline(context: _DateContext):
    """A statement's dateline: the first line opening with a date (or a heading's date after a
    dash), at the top: no later than its first paragraphs (dates further down a page belong to
    other items: "Related news", "Latest updates")."""
    if context.has_salutation:
        return None
    top = _paragraphs_after(context.folded, context.header_end, 3)
    if context.others_start is not None:
        top = min(top, context.others_start)
    for found in find_dates(context.folded, 0, top):
        line = line_at(context.lines, found.start)
        lead = context.folded[line.start : found.start].strip(" *_>\t")
        opens = not lead or _WEEKDAY_PREFIX.match(lead) or _HEADING_LEAD.match(lead)
        fresh = found.value and not _UPDATED.search(lead)
        if opens and fresh and not _continues_sentence(context.lines, line, context.width):
            return found
    return None


def _any_in_header(context: _DateContext):
    """Any full date in the header that is not about a report ("Re: ... published ...")."""
    for found in find_dates(context.folded, 0, context.header_end):
        before = context.before(found).lower()
        if found.value and not re.search(r"publish|report|inspection|\bre\b|updated", before):
            return found
    return None


def _closing(context: _DateContext):
    """A date on its own line (or labelled "Date:") just under the signature at the foot of the
    text (a commissioner's title on a line of its own): some offices date a response there."""
    words = [line for line in context.lines[-16:] if not line.blank][-6:]
    signature = next(
        (
            index
            for index, line in enumerate(words)
            if len(line.stripped) <= 120 and TITLE_RE.search(line.text)
        ),
        None,
    )
    if signature is None:
        return None
    for line in words[signature + 1 : signature + 4]:
        for found in find_dates(context.folded, line.start, line.end):
            before = context.before(found).strip(" *_>\t")
            if (not before or _LABEL.match(before)) and not context.after(found).strip(" *_.,\t"):
                return found if found.value else None
    return None


# A statement dated by its own words: "the Commissioner said on 1 December 2014:".
_SAID_ON = re.compile(
    r"\b(?:said|says|commented|stated|added|responded|wrote|welcomed)\s+on\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$",
    re.IGNORECASE,
)


def _said_on(context: _DateContext):
    """A statement's date given with its speech ("X said on 1 December 2014"), when nothing
    else dates it."""
    if context.has_salutation:
        return None
    for found in find_dates(context.folded):
        if found.value and _SAID_ON.search(context.folded, max(0, found.start - 40), found.start):
            return found
    return None


_DATE_STEPS = (
    _labelled,
    _standalone,
    _stamped,
    _page_label,
    _statement_label,
    _dateline,
    _any_in_header,
    _closing,
    _said_on,
)


def _paragraphs_after(folded: str, offset: int, count: int) -> int:
    """Where the ``count``-th paragraph break after ``offset`` is (a story's date sits under its
    headline and standfirst, within its first paragraphs)."""
    # Counted from the first words (blanked furniture above them is no paragraph); a run of
    # blank or blanked lines is one break.
    words = _WORDS.search(folded, offset)
    offset = words.start() if words else offset
    top = offset
    for _ in range(count):
        paragraph_break = _PARAGRAPH_BREAK.search(folded, top)
        if paragraph_break is None:
            return len(folded)
        top = paragraph_break.end()
    return min(top, offset + 800)


_WORDS = re.compile(r"\S")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
