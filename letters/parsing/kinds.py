"""What kind of inspection a text answers, from the words that name the report and, failing
those, from the evidence of its grades.

The report's own name decides first, in the order a reader meets it: the headline, the subject
line or quoted title, then the opening paragraphs. A topic named inside a grade sentence ("good
for tackling serious and organised crime") is an area of the report, not its subject, and a
topic is an inspection only when it is named as one ("the inspection of serious and organised
crime", "Crime Data Integrity Inspection"). A 2014-17 pillar report is named ("PEEL: Police
Efficiency 2016", "the latest 'legitimacy' inspection", "its report into police legitimacy") or
shown by a text about one pillar alone ("rated good for efficiency"); the PEEL cycle's name in
such a text is the programme's, not the report's. Without any of these, PEEL is recognised by
its grades (``kind_from_grades``): the five-point scale's "adequate", the 2021+ areas graded, or
the three pillars graded together; a named report about one force is "other", a named report
about policing at large a national "thematic".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .forces import force_mentions

# The 2014-17 pillar reports; a letter dated from September 2018 answers integrated reports.
_PILLAR_REPORTS_END = dt.date(2018, 9, 1)
_PILLARS = ("effectiveness", "efficiency", "legitimacy")
# A PEEL cycle of the integrated years named in the text: "PEEL 2023/24", "2021/22 PEEL".
_LATER_CYCLE = re.compile(
    r"\bPEEL\b[\s:\-]{0,4}20(?:1[89]|2\d)|\b20(?:1[89]|2\d)\s*[/\-]\s*(?:20)?\d\d\s+(?:HMICFRS\s+)?PEEL",
    re.IGNORECASE,
)


# The five-point scale's middle grade in use: only the 2021+ frameworks have it.
_FIVE_POINT = re.compile(
    r"(?:rated|graded|judged|assessed|deemed|as|were|was|is)\s+[\"']?adequate\b|[\"']adequate[\"']",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Kind:
    key: str
    start: int | None
    end: int | None


_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("state-of-policing", re.compile(r"\bstate\s+of\s+policing\b", re.IGNORECASE)),
    (
        "serious-organised-crime",
        re.compile(
            r"\b(?:inspection|report|review|assessment)\s+(?:of|into|on|looked\s+at|examined"
            r"|considered)\s+(?:the\s+)?"
            r"(?:[\w'\-]+\s+){0,5}?(?:(?:response|approach)\s+to\s+)?(?:tackling\s+)?serious\s+"
            r"(?:and\s+)?organised\s+crime\b|\bserious\s+(?:and\s+)?organised\s+crime\s+"
            r"(?:inspection|report|review|assessment)|\bregional\s+organised\s+crime\s+units?\b"
            r"|\bROCUs?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "crime-data-integrity",
        re.compile(
            r"\bcrime\s+data\s+integrity\s+(?:inspection|report|review|audit)"
            r"|\b(?:inspection|report|review|audit)\s+(?:of|into|on)\s+(?:the\s+force's\s+)?"
            r"crime\s+data\s+integrity|\bcrime\s+recording\s+(?:inspection|report)"
            r"|\b(?:inspection|report|review)\s+(?:of|into|on)\s+how\s+[\w\s']{1,40}?\s+records?"
            r"\s+crimes?\b"
            r"|\bCDI\s+(?:inspection|report)",
            re.IGNORECASE,
        ),
    ),
    (
        "thematic",
        re.compile(
            r"\bthematic\s+(?:inspection|report|review)\b(?!s)|\bnational\s+thematic\b"
            r"|\bjoint\s+(?:targeted\s+)?inspection|\bspotlight\s+report"
            r"|\bnational\s+(?:inspection|report)\b|\binspection\s+into\s+(?:how|the\s+police)"
            r"|\bsuper-?\s?complaint\b",
            re.IGNORECASE,
        ),
    ),
)
_PEEL = re.compile(
    r"\bPEEL\b|\b(?:effectiveness|efficiency|legitimacy),?\s+(?:effectiveness|efficiency"
    r"|legitimacy),?\s+(?:and\s+)?(?:effectiveness|efficiency|legitimacy)\b",
    re.IGNORECASE,
)
_TRIPLE = re.compile(
    r"\b(?:effective(?:ness)?|efficien(?:cy|t)|legitima(?:cy|te)),?\s+(?:and\s+)?"
    r"(?:effective(?:ness)?|efficien(?:cy|t)|legitima(?:cy|te)),?\s+(?:and\s+)?"
    r"(?:effective(?:ness)?|efficien(?:cy|t)|legitima(?:cy|te))\b",
    re.IGNORECASE,
)
# A pillar report named as one: "PEEL: Police Efficiency 2016", "PEEL 'Efficiency' Assessment",
# "police effectiveness report", "report into police legitimacy", "inspection of police
# effectiveness (Vulnerability)", "the latest 'legitimacy' inspection".
_NAMED_PILLAR = re.compile(
    r"\b(?:PEEL|HMIC|HMICFRS)\b[\s:\-]{0,4}(?:\d{4}(?![/\-]\d)[\s:\-]{0,4})?(?:police\s+)?"
    r"[\"']?(?P<a>effectiveness|efficiency|legitimacy)\b"
    r"|\b(?:police\s+)?[\"']?(?P<b>effectiveness|efficiency|legitimacy)[\"']?\s+"
    r"(?:\(\w+\)\s+)?(?:\d{4}\s+)?(?:report|inspection|assessment)"
    r"|\b(?:report|inspection|assessment|review)s?\s+(?:into|of|on)\s+(?:the\s+)?(?:police\s+)?"
    r"(?P<c>effectiveness|efficiency|legitimacy)\b",
    re.IGNORECASE,
)
# Words for one pillar in running text.
_PILLAR_WORD = re.compile(
    r"\b(?P<noun>effectiveness|efficiency|legitimacy)\b"
    r"|\bhow\s+[\"']?(?P<adj>effective|efficient|legitimate)(?:ly)?[\"']?\s+(?:the\s+force|it"
    r"|police\s+forces|forces|an?\s+force)\b"
    r"|\b(?:it|the\s+force)\s+(?P<adv>legitimately|efficiently|effectively)\s+(?:keeps|treats"
    r"|operates|reduces)\b",
    re.IGNORECASE,
)
_PILLAR_STEM = re.compile(r"effective|efficien|legitima", re.IGNORECASE)
_STEM = {"effective": "effectiveness", "efficient": "efficiency", "legitimate": "legitimacy"}


def _pillar_of(match: re.Match[str]) -> str:
    word = next(g for g in match.groups() if g).lower()
    for stem, pillar in _STEM.items():
        if word.startswith(stem[:7]):
            return pillar
    return word


def _pillar_era(when: dt.date | None, folded: str = "") -> bool:
    """Whether a pillar report is possible: a date before the integrated reports, or no date and
    no integrated cycle named."""
    if when is not None:
        return when < _PILLAR_REPORTS_END
    # (Cheap tests for the words first: these scans run over the whole text.)
    lowered = folded.lower()
    later = "peel" in lowered and _LATER_CYCLE.search(folded)
    five_point = "adequate" in lowered and _FIVE_POINT.search(folded)
    return not later and not five_point


def _topic(folded: str, start: int, end: int) -> Kind | None:
    """A report named by its topic, where PEEL does not come first."""
    best: tuple[int, int, str, re.Match[str]] | None = None
    for priority, (key, pattern) in enumerate(_TOPICS):
        for match in pattern.finditer(folded, start, end):
            if best is None or (match.start(), priority) < (best[0], best[1]):
                best = (match.start(), priority, key, match)
            break
    if best is None:
        return None
    peel = _PEEL.search(folded, start, end)
    if (
        peel is None
        or best[0] < peel.start()
        or _same_sentence(folded, peel.start(), best[0])
        or best[2] == "state-of-policing"
    ):
        return Kind(best[2], best[3].start(), best[3].end())
    return None


def _named_pillar(folded: str, start: int, end: int, era: bool) -> Kind | None:
    if not era:
        return None
    for match in _NAMED_PILLAR.finditer(folded, start, end):
        around = folded[max(0, match.start() - 40) : match.end() + 40]
        if _TRIPLE.search(around):
            continue
        word = (match.group("a") or match.group("b") or match.group("c")).lower()
        return Kind(f"peel-{word}", match.start(), match.end())
    return None


def single_pillar(folded: str, opening: tuple[int, int], era: bool) -> Kind | None:
    """A text about one pillar alone, named in its opening: a 2014-17 pillar report."""
    if not era or not _PILLAR_STEM.search(folded, *opening):
        return None
    triples = [m.span() for m in _TRIPLE.finditer(folded)]
    seen: dict[str, re.Match[str]] = {}
    for match in _PILLAR_WORD.finditer(folded):
        if any(s <= match.start() < e for s, e in triples):
            continue
        seen.setdefault(_pillar_of(match), match)
    if len(seen) != 1:
        return None
    ((pillar, match),) = seen.items()
    first_in_opening = any(
        opening[0] <= m.start() < opening[1]
        for m in _PILLAR_WORD.finditer(folded, *opening)
        if not any(s <= m.start() < e for s, e in triples)
    )
    if not first_in_opening:
        return None
    return Kind(f"peel-{pillar}", match.start(), match.end())


def find_kind(
    folded: str,
    window: tuple[int, int],
    body: tuple[int, int],
    title: tuple[str, int, int] | None = None,
    *,
    headline: tuple[int, int] | None = None,
    when: dt.date | None = None,
) -> Kind:
    """The kind of inspection: the headline, the title, then the opening name the report."""
    # A report is named up front: a topic further down the opening is another report's.
    opening = (window[0], _paragraphs_end(folded, body[0], 3, window[1]))
    scopes = [span for span in (headline, title[1:] if title else None, window) if span]
    era = _pillar_era(when, folded)
    for start, end in scopes:
        topic_end = min(end, opening[1]) if (start, end) == window else end
        found = (
            _topic(folded, start, topic_end)
            or _named_pillar(folded, start, end, era)
            or _peel(folded, start, end)
        )
        if found is None:
            continue
        if found.key == "peel":
            return single_pillar(folded, window, era) or found
        return found
    pillar = single_pillar(folded, window, era)
    if pillar:
        return pillar
    return _from_body(folded, body, title)


# A paragraph: lines up to a blank line or a numbered or bulleted item (minutes' "4. ...").
_PARAGRAPH = re.compile(r"\S[^\n]*(?:\n(?![ \t]*\n|[ \t]*(?:\d{1,2}[.)]|[-*\u2022])\s)[^\n]*)*")


def _paragraphs_end(folded: str, offset: int, count: int, limit: int) -> int:
    """The end of the ``count``-th paragraph from ``offset`` (no further than ``limit``)."""
    position = offset
    for _ in range(count):
        found = _PARAGRAPH.search(folded, position, limit)
        if found is None:
            return limit
        position = found.end()
    return min(position, limit)


def _peel(folded: str, start: int, end: int) -> Kind | None:
    match = _PEEL.search(folded, start, end)
    return Kind("peel", match.start(), match.end()) if match else None


_TITLE_WORDS = re.compile(r"\b(?:PEEL|inspection|report|review)\b", re.IGNORECASE)
# A report about one place rather than policing at large: a joint targeted area inspection of
# a council's area, a report on a borough, a city or a county's services; and the programmes
# that inspect one force at a time (custody suites, child protection).
_LOCAL_REPORT = re.compile(
    r"\b(?:targeted\s+area\s+inspection|JTAI|local\s+area|(?:borough|county|city|district)"
    r"(?:\s+council)?|custody(?:\s+suites?)?\s+(?:inspection|visit|report)"
    r"|inspection(?:\s+visit)?\s+(?:of|to)\s+(?:police\s+)?custody"
    r"|(?:national\s+)?child\s+protection\s+(?:inspection|re-?inspection|post-inspection))\b",
    re.IGNORECASE,
)


def _from_body(folded: str, body: tuple[int, int], title) -> Kind:
    """No report named at the top: a State of Policing or PEEL report named further down, a
    named report that is neither (about one force "other", about policing at large
    "thematic"), else "other"."""
    lowered = folded.lower()
    sop = "policing" in lowered and _TOPICS[0][1].search(folded, *body)
    if sop:
        return Kind("state-of-policing", sop.start(), sop.end())
    if title and _TITLE_WORDS.search(folded[max(0, title[1] - 30) : title[2] + 30]):
        if force_mentions(title[0]) or _LOCAL_REPORT.search(title[0]):
            return Kind("other", title[1], title[2])
        return Kind("thematic", title[1], title[2])
    peel = ("peel" in lowered or "legitimacy" in lowered) and _PEEL.search(folded, *body)
    if peel:
        return Kind("peel", peel.start(), peel.end())
    return Kind("other", None, None)


def kind_from_grades(kind: Kind, grades, counts) -> Kind:
    """PEEL shown only by its grades: the five-point scale's "adequate", an area of the 2021+
    frameworks graded, or the three pillars graded together."""
    if kind.key != "other":
        return kind
    words = {g.grade for g in grades} | {c.grade for c in counts}
    areas = {g.area for g in grades}
    if (
        "adequate" in words
        or areas - {*_PILLARS, "overall", "crime-data-integrity", "serious-organised-crime"}
        or set(_PILLARS) <= areas
    ):
        first = min(grades, key=lambda g: g.start, default=None)
        return Kind("peel", first.start if first else None, first.end if first else None)
    return kind


def _same_sentence(folded: str, start: int, end: int) -> bool:
    """Whether no sentence or paragraph ends between ``start`` and ``end``."""
    return not re.search(r"[.!?](?=\s)|\n[ \t]*\n", folded[start:end])
