"""Parse a letter's text into a ParsedLetter, composing the recognisers of this package.

The recognisers work on a folded copy of the text (plain quotes and dashes, same offsets), and
every value keeps the span of the words it was read from. Inferred values say so in warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from inspections.vocabulary import FIVE_POINT, FOUR_POINT, framework_for

from . import findings as findings_module
from .dates import letter_date
from .direction import direction_of
from .forces import find_force
from .grades import find_grades, summary_counts
from .inspection import (
    find_period,
    find_published,
    find_title,
    infer_state_of_policing_period,
    period_from_title,
    subject_window,
)
from .kinds import find_kind, kind_from_grades
from .page import read_page
from .people import find_commissioner, find_recipient
from .structure import layout_of
from .text import MAX_LINES, fold, reading_end, relined, split_lines, wrap_width
from .types import (
    LetterParseError,
    ParsedCount,
    ParsedFinding,
    ParsedGrade,
    ParsedInspection,
    ParsedLetter,
    ParsedPerson,
    Spanned,
)

# A letter keeps at most this many findings and warnings; a file with more is not a letter
# anyone wrote, and one summary warning says what was left out.
MAX_FINDINGS = 200
MAX_WARNINGS = 50

# Bump when the output for the same text changes, so stored letters can be re-parsed.
PARSER_VERSION = "12"

_REFERENCE_RE = re.compile(
    # An office's acronym may come first: "OPCC ref: WM/CDI/21".
    r"(?:[\s*_]{0,4}(?:(?-i:[A-Z]{2,6})[ \t]+)?|[^\n/]{1,20}/\s*)"
    r"(?:our\s+ref(?:erence)?|ref(?:erence)?(?:\s+no)?|my\s+ref)\b"
    r"\.?\s*[:.\-]?\s*"
    r"(?P<value>[A-Za-z0-9][^\s|]*(?: [A-Za-z0-9/\-]+)?)",
    re.IGNORECASE,
)
_LETTER_SIGNS = re.compile(
    r"\b(?:police|constabulary|commissioner|inspect\w*|HMICFRS|HMIC|PEEL|policing|crime)\b",
    re.IGNORECASE,
)


@dataclass
class _Reading:
    """What the stages of ``parse_letter`` have read so far (one letter, one pass)."""

    text: str
    folded: str  # folded, with page furniture blanked out
    lines: list
    page: object
    layout: object
    warnings: list[str] = field(default_factory=list)


def parse_letter(text: str, *, source: str | None = None) -> ParsedLetter:
    if not text.strip():
        raise LetterParseError("empty file", source=source)
    reading = _read(text, source)
    text, folded, layout = reading.text, reading.folded, reading.layout
    date = letter_date(
        folded,
        reading.lines,
        header_end=layout.header_end,
        has_salutation=layout.salutation is not None,
        others_start=reading.page.others_start,
    )
    inspection, kind, title, window, published = _inspection_parts(reading, date)
    force = find_force(
        folded,
        header_end=layout.header_end,
        subject_end=window[1],
        title_spans=[(title[1], title[2])] if title else (),
        headline=reading.page.headline,
    )
    commissioner, recipient = _people(reading, force.force if force else None)
    direction = direction_of(
        folded,
        reading.lines,
        layout,
        force=force.force if force else None,
        has_commissioner=commissioner is not None,
    )
    if not direction.response:
        # Nobody here gives a commissioner's response: a commissioner named is its addressee.
        commissioner = None
        reading.warnings.insert(0, direction.reason)
    stated = _stated_period(reading, kind, title, window, date)
    counts, grades = _grades(reading, kind, force, _when(stated, date, published))
    evidenced = kind_from_grades(kind, grades, counts)
    if evidenced is not kind:
        kind = evidenced
        inspection = replace(inspection, kind=kind.key, kind_start=kind.start, kind_end=kind.end)
    period = _period(reading, kind, stated, date, published, grades, counts)
    findings = findings_module.find_findings(text, folded, layout.body_lines, most=MAX_FINDINGS)
    stated = findings_module.find_counts(folded, layout.body_start, layout.body_end)
    reading.warnings.extend(_finding_warnings(findings, stated))
    return ParsedLetter(
        date=Spanned(date.value, date.start, date.end) if date else None,
        reference=_reference(folded, layout),
        force=Spanned(force.force, force.start, force.end) if force else None,
        commissioner=commissioner,
        recipient=recipient,
        inspection=_answered(replace(inspection, period=period), direction.response, force),
        grades=tuple(
            ParsedGrade(g.area, g.grade, text[g.start : g.end], g.start, g.end) for g in grades
        ),
        grade_summary=tuple(_summary(counts)),
        causes_of_concern_count=_count(stated.get("cause-of-concern")),
        areas_for_improvement_count=_count(stated.get("afi")),
        findings=tuple(_parsed_finding(f) for f in findings[:MAX_FINDINGS]),
        warnings=_capped_warnings(reading.warnings, len(findings)),
        pcc_response=direction.response,
    )


def _answered(inspection: ParsedInspection, response: bool, force) -> ParsedInspection | None:
    """The inspection the text is about. An inspection is of one force: a text that is no
    response and names no force (a minister's letter to every commissioner about a programme
    of inspections) is about no one inspection."""
    if not response and force is None:
        return None
    return inspection


def _read(text: str, source: str | None) -> _Reading:
    """Fold the text, blank out page furniture, find the letter's parts; refuse non-letters.
    A text of more than MAX_LINES lines of words is read in its first MAX_LINES (a prefix, so
    every span still points at the text given)."""
    cut = reading_end(text)
    if cut is not None:
        text = text[:cut]
    # Site furniture (menus, cookie boxes, image credits) is blanked out of the folded copy, so
    # every recogniser below reads the page's own words at the original offsets.
    raw_folded = fold(text)
    raw_lines = split_lines(raw_folded)
    page = read_page(raw_folded, raw_lines)
    folded = page.clean
    lines = relined(raw_lines, folded, set(page.changed))
    layout = layout_of(folded, lines)
    if (
        layout.salutation is None
        and layout.sign_off is None
        and len(_LETTER_SIGNS.findall(folded)) < 3
    ):
        raise LetterParseError(
            "no letter content: no salutation, sign-off or policing words", source=source
        )
    reading = _Reading(text, folded, lines, page, layout)
    if cut is not None:
        reading.warnings.insert(0, f"only the first {MAX_LINES:,} lines of words were read")
    return reading


def _inspection_parts(reading: _Reading, date):
    folded, lines, layout = reading.folded, reading.lines, reading.layout
    window = subject_window(folded, lines, layout.body_start, page=layout.salutation is None)
    body = (layout.body_start, layout.body_end)
    others = reading.page.others_start
    # "Related news", "Latest updates": the items listed there name other reports.
    if others is not None and window[0] < others < window[1]:
        window = (window[0], others)
    if others is not None and body[0] < others < body[1]:
        body = (body[0], others)
    title = find_title(folded, lines, window, layout.body_start)
    published = find_published(folded, window, date)
    headline = reading.page.headline
    kind = find_kind(
        folded,
        window,
        body,
        title,
        headline=(headline.start, headline.end) if headline else None,
        when=_date_of(published) or _date_of(date),
    )
    inspection = ParsedInspection(
        kind=kind.key,
        title=Spanned(title[0], title[1], title[2]) if title else None,
        published=Spanned(published.value, published.start, published.end) if published else None,
        kind_start=kind.start,
        kind_end=kind.end,
    )
    return inspection, kind, title, window, published


def _date_of(found) -> dt.date | None:
    return found.value if found is not None and found.value else None


def _people(reading: _Reading, force: str | None):
    folded, layout, page = reading.folded, reading.layout, reading.page
    signer = find_commissioner(
        folded, layout, force=force, headline=page.headline, captions=page.captions
    )
    commissioner = None
    if signer is not None:
        commissioner = ParsedPerson(
            name=signer.name.name,
            start=signer.start,
            end=signer.end,
            honorific=signer.name.honorific,
            title=signer.title.text if signer.title else "",
            title_key=signer.title.key if signer.title else "",
        )
    found = find_recipient(folded, reading.text, layout, exclude=signer.name.name if signer else "")
    recipient = None
    if found is not None:
        recipient = ParsedPerson(
            name=found.name,
            start=found.start,
            end=found.end,
            honorific=found.honorific,
            salutation=found.salutation,
        )
    return commissioner, recipient


def _grades(reading: _Reading, kind, force, when):
    counts, count_spans = summary_counts(reading.folded)
    grades, grade_warnings = find_grades(
        reading.folded,
        kind=kind.key,
        skip_spans=count_spans,
        counts=counts,
        force=force.force if force else None,
        when=when,
        width=wrap_width(reading.lines),
    )
    reading.warnings.extend(grade_warnings)
    reading.warnings.extend(_summary_warnings(counts, grades))
    return counts, grades


def _stated_period(reading: _Reading, kind, title, window, date):
    """The period the text names (not inferred)."""
    folded, layout = reading.folded, reading.layout
    letter_year = date.value.year if date and date.value else None
    period = find_period(
        folded, kind.key, window[0] if layout.salutation else 0, len(folded), letter_year
    )
    if period is None and title is not None:
        period = period_from_title(folded[title[1] : title[2]], title[1])
    return period


def _period(reading: _Reading, kind, stated, date, published, grades, counts):
    if stated is not None:
        return Spanned(stated.value, stated.start, stated.end)
    scale = {grade.grade for grade in grades} | {count.grade for count in counts}
    return _inferred_period(kind.key, scale, published, date, reading.warnings)


def _when(stated, date, published) -> dt.date | None:
    """The inspection's date as near as the text gives it: published, else the letter's date,
    else the middle of the period's first year."""
    if published is not None and published.value:
        return published.value
    if date is not None and date.value:
        return date.value
    if stated is not None:
        return dt.date(stated.first_year, 7, 1)
    return None


def _parsed_finding(f) -> ParsedFinding:
    return ParsedFinding(
        kind=f.kind,
        number=f.number,
        text=f.text,
        start=f.start,
        end=f.end,
        response=f.response,
        response_start=f.response_start,
        response_end=f.response_end,
    )


def _capped_warnings(warnings: list[str], findings: int) -> tuple[str, ...]:
    unique = list(dict.fromkeys(warnings))
    kept = unique[:MAX_WARNINGS]
    notes = []
    if len(unique) > MAX_WARNINGS:
        notes.append(f"{len(unique) - MAX_WARNINGS:,} more warnings left out")
    if findings > MAX_FINDINGS:
        notes.append(f"more than {MAX_FINDINGS} numbered findings: the first {MAX_FINDINGS} kept")
    return tuple(kept + notes)


def _reference(folded: str, layout) -> Spanned | None:
    limit = layout.header_end if layout.salutation else min(len(folded), 1500)
    for line in layout.lines:
        if line.start >= limit:
            break
        match = _REFERENCE_RE.match(folded, line.start, line.end)
        if match and not re.match(r"(?i)^\s*re\s*:", line.text):
            value = match.group("value").rstrip(".,;")
            return Spanned(value, match.start("value"), match.start("value") + len(value))
    return None


def _summary(counts) -> list[ParsedCount]:
    """One count per grade: the first statement of it (later ones repeat it)."""
    seen: dict[str, ParsedCount] = {}
    for count in counts:
        seen.setdefault(count.grade, ParsedCount(count.grade, count.count, count.start, count.end))
    return list(seen.values())


def _summary_warnings(counts, grades) -> list[str]:
    warnings = []
    for count in _summary(counts):
        named = sum(1 for grade in grades if grade.grade == count.grade)
        if named != count.count:
            noun = "grade" if count.count == 1 else "grades"
            warnings.append(
                f"summary counts {count.count} '{count.grade}' {noun} but names {named}"
            )
    return warnings


def _finding_warnings(findings, stated) -> list[str]:
    warnings = []
    labels = {"afi": "areas for improvement", "cause-of-concern": "causes of concern"}
    for kind, label in labels.items():
        numbered = [f for f in findings if f.kind == kind]
        count = stated.get(kind)
        if count is not None and numbered and len(numbered) != count.count:
            warnings.append(f"the letter counts {count.count} {label} but numbers {len(numbered)}")
    return warnings


def _count(found) -> Spanned | None:
    return Spanned(found.count, found.start, found.end) if found else None


def _inferred_period(kind, scale, published, date, warnings) -> Spanned | None:
    """A period the text does not name, from dates; ``scale`` is the grade words it uses."""
    if kind == "state-of-policing":
        value = infer_state_of_policing_period(
            published.value if published else None, date.value if date and date.value else None
        )
        if value:
            warnings.append(
                "period inferred: a State of Policing report assesses the year before its release"
            )
            return Spanned(value, -1, -1)
        return None
    if kind != "peel":
        return None
    when = published.value if published else (date.value if date else None)
    framework = framework_for(when)
    # Without grades (named or counted) to check the scale against, a letter's own date places
    # the report in a cycle only when any report it could answer (published within the months
    # before: letters follow reports within 56 days) belongs to the same cycle.
    if (
        not scale
        and not published
        and when is not None
        and framework_for(when - dt.timedelta(days=120)) != framework
    ):
        return None
    if framework is None:
        return None
    if "adequate" in scale and framework.scale != FIVE_POINT:
        return None
    if framework.scale == FOUR_POINT and framework.key != "peel-2018-19":
        return None  # pillar years cannot be told from a date alone
    value = {"peel-2018-19": "2018/19", "peel-2021-22": "2021/22", "peel-2023-25": "2023/25"}.get(
        framework.key
    )
    if value is None:
        return None
    if published:
        warnings.append("period inferred from the publication date")
    elif scale:
        warnings.append("period inferred from the letter's date and the grade scale")
    else:
        warnings.append("period inferred from the letter's date")
    return Spanned(value, -1, -1)
