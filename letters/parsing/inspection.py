"""What the letter answers: where it says so (the subject window), the report's title, period
and publication date. The kind of inspection is read in ``kinds``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import FoundDate, find_dates
from .text import Line, line_at, squash, within_paragraph, wrap_width

_SUBJECT_RE = re.compile(
    r"^[\s*_]{0,4}(?:re|subject|report(?:\s+title)?|(?:type\s+of\s+)?inspection(?:\s+type)?"
    r"|title|date\s+of\s+publication|publication\s+date|report\s+published)\s*[:\-]\s*\S",
    re.IGNORECASE,
)


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u00b7\u25aa\u25cf]|\d{1,2}[.)]|\([a-z0-9]\))[ \t]")


def subject_window(
    folded: str, lines: list[Line], body_start: int, *, page: bool = False
) -> tuple[int, int]:
    """The letter's subject line and opening paragraphs: where it says what it answers.

    A page (no salutation) says it in its headings and opening paragraphs, which may follow a
    few paragraphs of boilerplate ("Here you will find links to ...").
    """
    start = 0 if page else body_start
    most, reach = (6, 2500) if page else (3, 1500)
    for line in lines:
        if line.start < body_start and _SUBJECT_RE.match(line.text):
            start = min(start, line.start)
    # A page that quotes a letter introduces it in prose before the salutation (a paragraph,
    # on one line or wrapped over several).
    for paragraph in _paragraphs_before(lines, body_start):
        text = " ".join(line.stripped for line in paragraph)
        if len(text) >= 80 and text[-1:] in ".!?\"'" and _TITLE_WORDS.search(text):
            start = min(start, paragraph[0].start)
            break
    paragraphs = 0
    in_paragraph = False
    end = len(folded)
    for line in lines:
        if line.end <= body_start:
            continue
        if line.blank:
            in_paragraph = False
            continue
        if not in_paragraph:
            in_paragraph = True
            # A list's items belong to the paragraph that introduces them, however spaced.
            if not _LIST_ITEM.match(line.text):
                paragraphs += 1
            if paragraphs > most or line.start - body_start > reach:
                end = line.start
                break
    # However far apart its lines are, the window is the opening's few thousand characters.
    return start, min(end, max(body_start, start) + 2 * reach)


def _paragraphs_before(lines: list[Line], offset: int) -> list[list[Line]]:
    """The runs of lines of words that lie before ``offset``."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.start >= offset:
            break
        if line.blank:
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


# --- titles ---------------------------------------------------------------------------------

# A quoted title may be hard-wrapped over lines, never over a blank line.
_QUOTED_RE = re.compile(
    r"(?:^|(?<=[\s(]))(?P<q>[\"'])(?P<title>[^\"\n]" + within_paragraph('"') + r"{11,200}?)(?P=q)"
    r"(?=[\s,.;:)]|$)"
)
_TITLE_WORDS = re.compile(
    r"\b(?:PEEL|inspection|report|review|state\s+of\s+policing)\b", re.IGNORECASE
)
_SUBJECT_TITLE_RE = re.compile(
    r"[\s*_]{0,4}(?:(?:re|subject|report(?:\s+title)?|title)\s*[:\-]\s*)?"
    r"(?:section\s+55\s+response\s*[-:]\s*)?"
    r"(?P<title>[^\n]{6,200}?)(?:[,(]?\s*\(?published\b[^\n]*)?\s*$",
    re.IGNORECASE,
)


# "your report 'The poor relation: ...'": a quoted name after the word for a report.
_NAMED_BEFORE = re.compile(
    r"\b(?:report|inspection|review|publication)\s*(?:(?:entitled|titled|called)\s*)?[:,]?\s*$",
    re.IGNORECASE,
)


_NAMED_AFTER = re.compile(r"\s*(?:report|inspection|review)\b", re.IGNORECASE)


def _is_quoted_title(folded: str, match: re.Match[str], title: str) -> bool:
    """A quoted report name, not a quoted remark: short, no sentence in it, and named as a report
    ("your report 'X'", "the 'X' report") or written like a title ("'PEEL 2023/24 - ...'")."""
    words = title.split()
    if len(words) > 16 or title.endswith(("?", "!", ".")) or re.search(r"[.!?]\s", title):
        return False
    if _NAMED_BEFORE.search(folded, max(0, match.start() - 40), match.start()):
        return True
    if _NAMED_AFTER.match(folded, match.end()):
        return True
    capitalised = sum(1 for word in words if word[:1].isupper() or not word[:1].isalpha())
    return bool(_TITLE_WORDS.search(title)) and capitalised * 2 >= len(words)


def _continues(lines: list[Line], line: Line) -> bool:
    """A line that carries on wrapped prose from the line above ("... to her\\nreport: 'The
    force ...'" is no "Report:" label)."""
    before = lines[line.index - 1].text.rstrip() if line.index > 0 else ""
    # A sentence broken off mid-way: a long line ending in a lower-case word or a comma.
    return len(before) >= wrap_width(lines) and (before[-1].islower() or before[-1] == ",")


def _stands_alone(lines: list[Line], line: Line, width: int) -> bool:
    """A line that is a paragraph of its own, not a fragment of hard-wrapped prose: blank lines
    (or a salutation) around it, or, in a text that does not separate its paragraphs, neither
    it nor the line above fills the text's width."""
    before = lines[line.index - 1] if line.index > 0 else None
    after = lines[line.index + 1] if line.index + 1 < len(lines) else None
    opens = before is None or before.blank or bool(_DEAR_LINE.match(before.text))
    closes = after is None or after.blank
    if opens and closes:
        return True
    return (
        (opens or len(before.text.rstrip()) < width)
        and (closes or len(line.text.rstrip()) < width)
        and not _has_paragraph_breaks(lines)
    )


def _has_paragraph_breaks(lines: list[Line]) -> bool:
    """Whether the text separates its paragraphs with blank lines: at least two breaks between
    lines of words, and one for every twenty lines of words."""
    words = breaks = 0
    previous_blank = False
    for line in lines:
        if line.blank:
            previous_blank = True
            continue
        if previous_blank and words:
            breaks += 1
        words += 1
        previous_blank = False
    return breaks >= max(2, words // 20)


_DEAR_LINE = re.compile(r"[\s*_>]*dear\s", re.IGNORECASE)


def _subject_end(lines: list[Line], line: Line, width: int) -> int:
    """Where a subject starting on ``line`` ends: the end of the line, or of its paragraph when
    the line was wrapped (it fills the text's width) and the paragraph is two or three lines
    standing on their own."""
    if len(line.text.rstrip()) < width:
        return line.end
    before = lines[line.index - 1] if line.index > 0 else None
    if before is not None and not before.blank and not _DEAR_LINE.match(before.text):
        return line.end
    paragraph = [line]
    for after in lines[line.index + 1 : line.index + 4]:
        if after.blank:
            break
        paragraph.append(after)
    else:
        return line.end  # four lines or more: prose, not a subject
    return paragraph[-1].end if len(paragraph) > 1 else line.end


def find_title(
    folded: str, lines: list[Line], window: tuple[int, int], body_start: int
) -> tuple[str, int, int] | None:
    start, end = window
    for match in _QUOTED_RE.finditer(folded, start, end):
        raw = match.group("title").rstrip()
        if _is_quoted_title(folded, match, squash(raw)):
            return squash(raw), match.start("title"), match.start("title") + len(raw)
    # A subject line: "Re: PEEL Effectiveness Report, Published 22 March 2018", on one line or
    # wrapped over two or three.
    width = wrap_width(lines)
    for line in lines:
        if line.start < start or line.start >= end:
            continue
        if not line.stripped:
            continue
        subject_end = _subject_end(lines, line, width)
        joined = folded[line.start : subject_end].replace("\n", " ")
        text = squash(joined)
        is_subject = (bool(_SUBJECT_RE.match(line.text)) and not _continues(lines, line)) or (
            line.start >= body_start
            and (subject_end > line.end or _stands_alone(lines, line, width))
            and len(text) <= 200
            and text.rstrip("\"'\u201d\u2019)")[-1:] not in ".!?"
            and _TITLE_WORDS.search(text)
            and not text.lower().startswith(("dear", "i ", "we ", "thank"))
        )
        if is_subject:
            match = _SUBJECT_TITLE_RE.match(joined)
            if match:
                title = match.group("title").strip(" ,-*_")
                offset = line.start + joined.find(title)
                return squash(title), offset, offset + len(title)
        if line.start >= body_start and len(text) > 120:
            break
    return None


# --- publication date ---------------------------------------------------------------------

_PUBLISHED_BEFORE = re.compile(
    r"(?:\bpublish(?:ed)?|\bpublication|\breleased|\bissued|\bdated|\bcame\s+out)"
    r"(?:\s+(?:by|its|their|the|a|this)\s+" + within_paragraph(".;") + r"{1,100}?\s+on)?"
    r"(?:\s+(?:on|in|of|was|it|the|date|:|,))*\s*[:,]?\s*(?:[a-z]+day,?\s+)?$",
    re.IGNORECASE,
)
_PUBLISHED_AFTER = re.compile(
    r"^,?\s+(?:HMICFRS|HMIC|you|the\s+inspectorate|your\s+inspectorate)\s+(?:published|released)",
    re.IGNORECASE,
)
_REPORT_OF_BEFORE = re.compile(r"\b(?:report|letter|assessment)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


# "published today (Tuesday 7 March 2023)", "its findings were published today (21 October)".
_TODAY_BEFORE = re.compile(
    r"\b(?:publish(?:ed)?|released|issued|came\s+out|out)\s+(?:today|yesterday)\s*[(\-\u2013,:]?\s*"
    r"(?:[a-z]+day,?\s+)?$",
    re.IGNORECASE,
)
# A listing's label: "Inspection report (HMIC) - 3 November 2016", "Report published: ...".
_REPORT_LABEL = re.compile(
    r"^\W{0,3}(?:\w+\s+)?(?:inspection\s+)?report\s*(?:\([^()\n]{1,20}\))?\s*[:\-\u2013]\s*$",
    re.IGNORECASE,
)
# Strong enough to be read anywhere in the text: "the report was published on 24 July 2025",
# "The report, 'PEEL 2021/22: An inspection of Surrey Police', was published on ...",
# "HMICFRS published its PEEL assessment of the force on 20 September 2022".
_REPORT_WAS_PUBLISHED = re.compile(
    r"(?:\b(?:report|inspection|findings)(?:,?\s*[\"']"
    + within_paragraph("\"'")
    + r"{1,150}[\"'],?)?\s+(?:was|were|had\s+been|has\s+been)\s+"
    r"(?:published|released)\s+(?:on\s+)?"
    r"|\b(?:HMICFRS|HMIC|inspectorate|inspectors)\s+(?:published|released)\s+(?:(?:its|their|the)\s+|[\"'])"
    + within_paragraph(".;")
    + r"{1,100}?\s+on\s+)(?:[a-z]+day,?\s+)?$",
    re.IGNORECASE,
)


def find_published(
    folded: str, window: tuple[int, int], letter_date: FoundDate | None
) -> FoundDate | None:
    """The date the text ties to the report's publication, never the letter's own date.

    A date without a year is completed only where the text pins it: "published today (21
    October)" on a page dated 21 October 2022 is 21 October 2022.
    """
    for found in find_dates(folded, *window):
        if letter_date is not None and found.start == letter_date.start:
            continue
        if found.value is None:
            pinned = _pinned_today(folded, found, letter_date)
            if pinned:
                return pinned
            continue
        before = folded[max(0, found.start - 100) : found.start]
        after = folded[found.end : found.end + 40]
        line_start = folded.rfind("\n", 0, found.start) + 1
        if (
            _PUBLISHED_BEFORE.search(before)
            or _PUBLISHED_AFTER.match(after)
            or _REPORT_OF_BEFORE.search(before)
            or _TODAY_BEFORE.search(before)
            or _REPORT_LABEL.match(folded[line_start : found.start])
        ):
            return found
    for found in find_dates(folded):
        if found.value is None:
            pinned = _pinned_today(folded, found, letter_date)
            if pinned:
                return pinned
        elif _REPORT_WAS_PUBLISHED.search(folded, max(0, found.start - 240), found.start):
            return found
    return _published_today(folded, window, letter_date)


# "... its inspection of the force, published today." with no date after it (a date after it,
# "today (March 22)", is read, or not, by the date rules).
_TODAY_UNDATED = re.compile(
    r"\b(?:published|released|issued)\s+today\b(?![ \t]*[(\-\u2013,:]?[ \t]*(?:[a-z]+day,?\s+)?"
    r"(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d))",
    re.IGNORECASE,
)


def _published_today(folded: str, window: tuple[int, int], letter_date: FoundDate | None):
    """A report "published today" by a dated text, with no date of its own: the text's date."""
    if letter_date is None or letter_date.value is None:
        return None
    today = _TODAY_UNDATED.search(folded, *window)
    if today is None:
        return None
    return FoundDate(letter_date.value, today.start(), today.end())


def _pinned_today(folded: str, found: FoundDate, letter_date: FoundDate | None):
    """A yearless date published "today": the statement's own date, if day and month agree."""
    if letter_date is None or letter_date.value is None:
        return None
    if not _TODAY_BEFORE.search(folded, max(0, found.start - 60), found.start):
        return None
    day_month = re.match(
        r"(?P<d>\d{1,2})\w*\s+(?P<m>[a-z]+)", folded[found.start : found.end], re.I
    )
    if day_month is None:
        return None
    value = letter_date.value
    month = day_month.group("m").lower()[:3]
    if int(day_month.group("d")) != value.day or value.strftime("%B").lower()[:3] != month:
        return None
    return FoundDate(value, found.start, found.end)


# --- period ----------------------------------------------------------------------------------

_SPAN = r"(?P<y1>(?:19|20)?\d\d)\s*[/\-]\s*(?P<y2>(?:19|20)?\d\d)"
_PERIOD_PATTERNS = (
    # "PEEL 2023/24", "PEEL 2023-2025", "PEEL: ... 2018/19", "PEEL 2017"
    re.compile(r"\bPEEL\b\)?[\s:]{0,3}(?:" + _SPAN + r"|(?P<y>(?:19|20)\d\d))\b", re.IGNORECASE),
    # "PEEL Inspection 2021/22", "PEEL assessment for 2016"
    re.compile(
        r"\bPEEL\s+(?:inspections?|assessments?|reports?)\s+(?:of\s+|for\s+)?(?:"
        + _SPAN
        + r"|(?P<y>(?:19|20)\d\d))\b",
        re.IGNORECASE,
    ),
    # "2023/24 HMICFRS PEEL inspection", "21/22 PEEL", "2016's PEEL assessment", "the 2021/22
    # Police Effectiveness, Efficiency and Legitimacy (PEEL) inspection"
    re.compile(
        r"\b(?=\d\d)(?:" + _SPAN + r"|(?P<y>(?:19|20)\d\d))(?:'s)?(?:[ \t]+|[ \t]*\n[ \t]*)"
        r"(?:HMICFRS\s+|HMIC\s+)?"
        r"(?:PEEL\b|police\s+effectiveness,?\s+efficiency,?\s+(?:and\s+)?legitimacy)",
        re.IGNORECASE,
    ),
    # "PEEL inspections for the 2017/18 year"
    re.compile(
        r"\bPEEL\b" + within_paragraph(".") + r"{0,60}?\b" + _SPAN + r"\s+(?:year|cycle|programme)",
        re.IGNORECASE,
    ),
    # "PEEL: Police effectiveness, efficiency and legitimacy 2018/19"
    re.compile(
        r"effectiveness,?\s+efficiency,?\s+(?:and\s+)?legitimacy\s+(?:"
        + _SPAN
        + r"|(?P<y>(?:19|20)\d\d))\b",
        re.IGNORECASE,
    ),
    # A pillar report's name: "PEEL: Police Efficiency 2016", "PEEL Legitimacy Inspection Report
    # 2015", "PEEL police efficiency 2016 report"
    re.compile(
        r"\bPEEL\b[\s:\-]{0,4}(?:police\s+)?[\"']?(?:effectiveness|efficiency|legitimacy)[\"']?"
        r"\s+(?:\([\w ]{1,30}\)\s+)?(?:inspection\s+)?(?:report\s+)?(?P<y>(?:19|20)\d\d)\b"
        r"(?![/\-]\d)",
        re.IGNORECASE,
    ),
    # "... in England and Wales 2014 (PEEL)", "(PEEL) in 2015"
    re.compile(r"\b(?P<y>(?:19|20)\d\d)\s*\(PEEL\)", re.IGNORECASE),
    re.compile(r"\bPEEL\)?\s+in\s+(?P<y>(?:19|20)\d\d)\b(?![/\-]\d)", re.IGNORECASE),
    # "Grades for 2018/19", "inspections in 2018/19": a cycle written as two years
    re.compile(
        r"\b(?:grades|gradings|ratings|results|inspections?|assessments?|reports?)\s+"
        r"(?:for|in|of|during)"
        r"\s+(?:the\s+)?" + _SPAN + r"\b(?!\s+financial)",
        re.IGNORECASE,
    ),
)
# The year of a crime data integrity inspection: "Crime Data Integrity Inspection for 2017".
_CDI_PERIOD = re.compile(
    r"\bcrime\s+data\s+integrity\s+(?:inspection\s+|report\s+)?(?:for\s+|of\s+|in\s+)?"
    r"(?P<y>(?:19|20)\d\d)\b(?![/\-]\d)",
    re.IGNORECASE,
)


# Words each pattern cannot match without (any one of them, lower case).
_NEEDLES = dict(
    zip(
        _PERIOD_PATTERNS,
        (
            ("peel",),
            ("peel",),
            ("peel", "legitimacy"),
            ("peel",),
            ("legitimacy",),
            ("peel",),
            ("peel",),
            ("peel",),
            ("grad", "rating", "result", "inspection", "assessment", "report"),
        ),
        strict=True,
    )
) | {_CDI_PERIOD: ("integrity",)}


@dataclass(frozen=True)
class Period:
    value: str
    first_year: int
    start: int
    end: int


def _full_year(text: str, base: int | None = None) -> int:
    year = int(text)
    if year < 100:
        year += 2000 if base is None else (base // 100) * 100
    return year


def _period_from(match: re.Match[str]) -> Period | None:
    groups = match.groupdict()
    if groups.get("y"):
        year = int(groups["y"])
        return Period(str(year), year, match.start("y"), match.end("y"))
    first = _full_year(groups["y1"])
    second = _full_year(groups["y2"], first)
    if not 0 < second - first <= 3:
        return None
    return Period(f"{first}/{second % 100:02d}", first, match.start("y1"), match.end("y2"))


def find_period(
    folded: str, kind: str, start: int, end: int, letter_year: int | None
) -> Period | None:
    """The cycle the letter answers: when several are named, the latest not after the letter."""
    found: list[Period] = []
    # Only PEEL inspections (and regional inspections run inside PEEL) have PEEL periods; a
    # thematic's mention of "its 2021/22 PEEL inspection" is about another report.
    # A text whose kind is open ("other") may still name the PEEL cycle it is about.
    patterns: tuple[re.Pattern[str], ...] = ()
    if kind.startswith("peel") or kind in ("serious-organised-crime", "other"):
        patterns = _PERIOD_PATTERNS
    elif kind == "crime-data-integrity":
        patterns = (_CDI_PERIOD,)
    lowered = folded.lower()
    for pattern in patterns:
        # Each pattern names PEEL or the pillars: a text without those words is not scanned.
        if not any(needle in lowered for needle in _NEEDLES[pattern]):
            continue
        for match in pattern.finditer(folded, start, end):
            period = _period_from(match)
            if period and not _in_a_date(folded, period, start, end):
                found.append(period)
    if kind == "state-of-policing":
        found = []
        dates = find_dates(folded, start, end)
        for match in re.finditer(
            r"\b(?:state\s+of\s+policing|assessment\s+of\s+policing)\b"
            + within_paragraph(".")
            + r"{0,80}?\b(?P<y>(?:19|20)\d\d)\b"
            r"(?:\s*[/\-]\s*(?P<y2>\d\d)\b)?",
            folded[start:end],
            re.IGNORECASE,
        ):
            year = int(match.group("y"))
            absolute = start + match.start("y")
            if any(d.start <= absolute < d.end for d in dates):
                continue  # "State of Policing letter dated 19 July 2024" is not the year assessed
            # Early reports assessed a span: "State of Policing 2013/14".
            value = f"{year}/{match.group('y2')}" if match.group("y2") else str(year)
            end_group = "y2" if match.group("y2") else "y"
            found.append(Period(value, year, absolute, start + match.end(end_group)))
    if not found:
        return None
    usable = [p for p in found if letter_year is None or p.first_year <= letter_year]
    if not usable:
        return None
    best = max(usable, key=lambda p: (p.first_year, -p.start))
    if kind.startswith("peel-") and "/" in best.value:
        # Pillar reports belong to one PEEL year: "the 2017/18 year" is PEEL 2017.
        return Period(str(best.first_year), best.first_year, best.start, best.start + 4)
    return best


def _in_a_date(folded: str, period: Period, start: int, end: int) -> bool:
    """A year that is part of a date ("10 January 2023") is not a period."""
    return any(d.start <= period.start < d.end for d in find_dates(folded, start, end))


_TITLE_YEAR = re.compile(r"(?<![\d/\-])\b(?P<y>(?:19|20)\d\d)\b(?![/\-]\d)")


def period_from_title(title: str, offset: int) -> Period | None:
    """A report title's own year: "Crime Data Integrity inspection 2020" is period 2020."""
    dates = find_dates(title)
    for match in _TITLE_YEAR.finditer(title):
        if any(d.start <= match.start() < d.end for d in dates):
            continue
        year = int(match.group("y"))
        return Period(str(year), year, offset + match.start(), offset + match.end())
    return None


def infer_state_of_policing_period(published: dt.date | None, letter: dt.date | None) -> str | None:
    """The State of Policing report published in July of year Y assesses year Y-1."""
    if published is not None:
        return str(published.year - 1)
    if letter is not None:
        return str(letter.year - 1 if letter.month >= 7 else letter.year - 2)
    return None


def line_of(lines: list[Line], offset: int) -> Line:
    return line_at(lines, offset)


def _same_sentence(folded: str, start: int, end: int) -> bool:
    """Whether no sentence or paragraph ends between ``start`` and ``end``."""
    return not re.search(r"[.!?](?=\s)|\n[ \t]*\n", folded[start:end])
