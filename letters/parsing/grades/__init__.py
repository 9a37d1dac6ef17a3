"""Grades: a grade word counts only when the text ties it to an area (or to the inspection as a
whole) and the grade belongs to this force and this inspection.

Reading happens in three steps:

1. ``words``: every area named (the vocabulary's names and the wordings people use for them)
   and every grade word; ``counts``: summary counts ("three outstanding and four good
   gradings"), which are never grades themselves.
2. ``recognisers.RECOGNISERS``: an ordered list of constructions, one function each, that tie
   a grade word to its areas (a table row, a bracketed grade, "AREA was graded X", "rated X for
   A and Y for B", "graded X: A, B and C", a rating with no area ...).
3. ``scope.FILTERS``: whose grade it is. A list of the grade scale, a negation, a national
   statistic, an earlier report's grade, an aim, the fire service's grade, another force's
   grade and a question-level grade are dropped.

Last, what a grade with no area belongs to: the pillar of a pillar report (2014-17), the subject
of a serious organised crime or crime data integrity inspection, else ``overall`` — and
``overall`` only when the text grades no area or says "overall". A State of Policing or a
thematic report grades no force, so grades mentioned in a response to one belong elsewhere.
In the pillar years (before 2021) the areas of the 2021+ frameworks are questions inside a
pillar, not grades of their own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from inspections.vocabulary import OVERALL_AREA

from ..forces import force_mentions
from .context import Link, Text
from .counts import FoundCount, summary_counts
from .recognisers import RECOGNISERS, area_list
from .scope import out_of_scope, scale_runs
from .words import (
    AREA_NAMES,
    AREA_RE,
    area_key,
    area_mentions,
    grade_key,
    grade_matches,
    grade_mentions,
)

__all__ = [
    "AREA_NAMES",
    "AREA_RE",
    "FoundCount",
    "FoundGrade",
    "area_key",
    "context_area_for",
    "find_grades",
    "grade_key",
    "summary_counts",
]

PILLAR_KEYS = ("effectiveness", "efficiency", "legitimacy")
# A real letter names a few dozen grade words at most; a file with thousands is not a letter, and
# reading only the first ones keeps any input's parse time bounded.
MAX_GRADE_WORDS = 400
_PILLAR_ERA_ENDS = dt.date(2021, 1, 1)
_FIVE_POINT_STARTS = dt.date(2021, 9, 1)


@dataclass(frozen=True)
class FoundGrade:
    area: str
    grade: str
    start: int
    end: int


def context_area_for(kind: str) -> str:
    """The area a grade stated without one belongs to, given what the inspection grades."""
    if kind.startswith("peel-"):
        return kind.removeprefix("peel-")
    if kind in ("serious-organised-crime", "crime-data-integrity"):
        return kind
    return OVERALL_AREA


def find_grades(
    folded: str,
    *,
    kind: str,
    skip_spans: list[tuple[int, int]] = (),
    counts: list[FoundCount] = (),
    force: str | None = None,
    when: dt.date | None = None,
    width: int = 1_000_000,
) -> tuple[list[FoundGrade], list[str]]:
    """Every (area, grade) the text ties together for this inspection; warnings for conflicts.

    ``when`` is the inspection's (or the letter's) date, ``force`` the letter's force: both
    decide whose grades are whose. ``width``: how long a line must be to have been wrapped
    (``text.wrap_width``): a line carrying on such a line is prose, not a row of a table.
    """
    warnings: list[str] = []
    matches, more = grade_matches(folded, MAX_GRADE_WORDS)
    if more:
        warnings.append(f"only the first {MAX_GRADE_WORDS:,} grade words were read")
    # Areas matter only around the grade words read; the rest of a long text is not scanned.
    reach = matches[-1].end() + 2000 if more else len(folded)
    areas = area_mentions(folded[:reach])
    grades = grade_mentions(folded, areas, sorted(skip_spans), matches)
    text = Text(folded, areas, grades, width)
    links = _count_lists(text, counts) + _read_links(text)
    facts = {
        "scale": scale_runs(text),
        "force": force,
        "force_mentions": force_mentions(folded) if force else [],
        "year": when.year if when else None,
    }
    kept = [link for link in links if out_of_scope(text, link, facts) is None]
    resolved = _resolve(text, kept, kind, when)
    found, conflicts = _dedupe(resolved)
    return found, warnings + conflicts


def _read_links(text: Text) -> list[Link]:
    """Each grade word through the recognisers in order; the first to claim it wins."""
    links: list[Link] = []
    claimed: set[int] = set()
    for index, grade in enumerate(text.grades):
        if grade.start in claimed:
            continue
        for recogniser in RECOGNISERS:
            found = recogniser(text, text.grades, index)
            if found is None:
                continue
            claimed.add(grade.start)
            claimed.update(link.at for link in found)
            links.extend(found)
            break
    return links


# "good in two areas - A and B", "inadequate in two areas (A and B)"
_COUNT_LIST_OPEN = re.compile(r"^[\"']?\s*(?:areas?\s*)?[:\-\u2013(]\s*$")


# "two 'requires improvement' ratings, one for A and one for B"
_EACH_ONE = re.compile(
    r"^[\"']?\s*(?:ratings?|grades?|gradings?)?\s*[,:\-\u2013]?\s*one\s+(?:for|in)\s+$", re.I
)
_ONE_MORE = re.compile(
    r"^\s*(?:,\s*)?(?:and\s+)?(?:one|another|the\s+other)\s+(?:for|in)\s+$", re.I
)


def _each_one(text: Text, count, first) -> list[Link]:
    """Areas given one each: "one for A and one for B" (at most as many as counted)."""
    areas = [first]
    while len(areas) < count.count:
        following = text.area_starting_after(areas[-1].end)
        if following is None or not _ONE_MORE.match(text.folded[areas[-1].end : following.start]):
            break
        areas.append(following)
    return [
        Link(area.key, count.grade, count.start, area.end, count.start, count.end, "count")
        for area in areas
    ]


def _count_lists(text: Text, counts) -> list[Link]:
    """ "graded good in two areas - A, and B - and adequate in one: C": a count with its areas."""
    links = []
    for count in counts:
        first = text.area_starting_after(count.end)
        if first is None or first.start - count.end > 12:
            continue
        gap = text.folded[count.end : first.start]
        if _EACH_ONE.match(gap):
            links.extend(_each_one(text, count, first))
            continue
        if not _COUNT_LIST_OPEN.match(gap):
            continue
        for area in area_list(text, first.start):
            links.append(
                Link(area.key, count.grade, count.start, area.end, count.start, count.end, "count")
            )
    return links


def _pillar_era(links: list[Link], kind: str, when: dt.date | None) -> bool:
    """Whether the inspection is of the pillar years (2014-2019), whose reports graded the
    three pillars and only asked questions about what later became areas."""
    if kind.startswith("peel-"):
        return True
    if when is not None:
        return when < _PILLAR_ERA_ENDS
    grades = {link.grade for link in links}
    return "adequate" not in grades and any(link.area in PILLAR_KEYS for link in links)


def _resolve(text: Text, links: list[Link], kind: str, when: dt.date | None) -> list[FoundGrade]:
    """Give each link its area: the inspection's subject for a rating with no area, the pillars
    for "in all three areas"; drop question-level and other reports' grades."""
    if kind in ("state-of-policing", "thematic"):
        return []
    pillar = kind.removeprefix("peel-") if kind.startswith("peel-") else None
    own = kind if kind in ("serious-organised-crime", "crime-data-integrity") else None
    pillar_era = _pillar_era(links, kind, when)
    found: list[tuple[FoundGrade, bool]] = []  # (grade, stated without an area)
    for link in links:
        for area in _areas_of(link, pillar, own, pillar_era):
            if pillar_era and area not in (*PILLAR_KEYS, OVERALL_AREA, own):
                continue  # a question inside a pillar report, not a grade of its own
            unlinked = link.area is None and not link.overall
            found.append((FoundGrade(area, link.grade, link.start, link.end), unlinked))
    named = any(grade.area != OVERALL_AREA for grade, _ in found)
    # "overall" is one grade for the whole inspection with no area graded; the 2021+ frameworks
    # grade areas only, so a grade "overall" there is a loose summary.
    five_point = _five_point(links, when)
    return [
        grade
        for grade, _unlinked in found
        if not (grade.area == OVERALL_AREA and (five_point or named))
    ]


def _five_point(links: list[Link], when: dt.date | None) -> bool:
    if any(link.grade == "adequate" for link in links):
        return True
    return when is not None and when >= _FIVE_POINT_STARTS


def _areas_of(link: Link, pillar: str | None, own: str | None, pillar_era: bool) -> list[str]:
    if link.area is None:
        return [pillar or own or OVERALL_AREA]
    if link.area == "keeping-people-safe":
        # All three 2014-17 pillars asked how the force does "at keeping people safe and
        # reducing crime": in a pillar report the words are that pillar's.
        return [pillar or "effectiveness"]
    if link.area in ("all", "all-three"):
        if pillar:
            return [pillar]
        if own:
            return [own]
        if link.area == "all-three" or pillar_era:
            return list(PILLAR_KEYS)
        return []
    return [link.area]


def _dedupe(found: list[FoundGrade]) -> tuple[list[FoundGrade], list[str]]:
    kept: list[FoundGrade] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for grade in sorted(found, key=lambda g: g.start):
        if grade.area in seen:
            if seen[grade.area] != grade.grade:
                warnings.append(
                    f"conflicting grades for {grade.area}: '{seen[grade.area]}' and '{grade.grade}'"
                )
            continue
        seen[grade.area] = grade.grade
        kept.append(grade)
    return kept, warnings
