"""Summary counts: "three outstanding and four good gradings", "good in three areas and adequate
in four", "one area judged as requires improvement", "three 'outstanding' grades across the
eight areas". A count is a summary (``grade_summary``), never a grade of its own; the words it
covers are not read as grades again.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..text import NUMBER, NUMBER_WORDS, parse_number, trie_pattern
from .words import grade_key

_GRADE = (
    r"outstanding|good|adequate|inadequate"
    r"|(?:requires?|requiring|required|needs?|needing)\s+(?:an?\s+)?improvement"
)
_COUNT_NOUN = r"(?:grades?|gradings?|ratings?|judgements?|judgments?)"
_AREAS_NOUN = (
    r"(?:(?:other|further|more|different|key|policing|of\s+the\s+\w+)\s+)?"
    r"(?:areas?|categories|category)(?:\s+of\s+(?:policing|its\s+work))?"
)
# Three forms, each a digit, a number word or a grade word first (checked once per word start):
#   N "GRADE" (gradings)          three "outstanding" gradings
#   "GRADE" in (a further) N (areas) (more)   good in three areas, adequate in a further six
#   N area(s) (were) (judged|rated ...) (as) "GRADE"   one area judged as requires improvement
# What a count starts with: a number, or a grade word (quoted or not). One trie test per place
# before the alternatives keeps the scan fast on any text.
_STARTS = (
    r"(?=\d{1,3}\s+[a-z\"']|[\"']?"
    + trie_pattern(
        ["outstanding", "good", "adequate", "inadequate", "requir", "need"], prefixes=True
    )
    + r"|"
    + trie_pattern(list(NUMBER_WORDS))
    + r")"
)
_COUNT_ITEM = re.compile(
    r"(?:\b|(?=[\"']))" + _STARTS + r"(?:"
    r"\b(?P<n>" + NUMBER + r")\s+[\"']?(?P<g>" + _GRADE + r")\b[\"']?"
    r"(?P<noun>\s+" + _COUNT_NOUN + r"\b)?"
    r"|[\"']?(?P<g2>" + _GRADE + r")[\"']?\s+(?:in|for|across)\s+(?:a\s+further\s+|another\s+)?"
    r"(?:just\s+|only\s+)?"
    r"(?P<n2>" + NUMBER + r")\b(?P<noun2>\s+" + _AREAS_NOUN + r"\b)?(?:\s+more\b)?"
    r"|\b(?P<n3>"
    + NUMBER
    + r")\s+(?:of\s+the\s+\w+\s+)?"
    + _AREAS_NOUN
    + r"\s+(?:(?:was|were|is|are|being|been|had\s+been|have\s+been)\s+)?"
    r"(?:(?:judged|rated|graded|assessed|found|deemed|seen)\s+)?(?:as\s+|to\s+be\s+)?"
    r"[\"']?(?P<g3>" + _GRADE + r")\b[\"']?"
    r")",
    re.IGNORECASE,
)
_JOIN = re.compile(
    r"^\s*(?:,\s*(?:and\s+|with\s+)?|and\s+|&\s*|,?\s*(?:was|were)\s+|,?\s*with\s+)"
    r"(?:(?:was|were|is|are)\s+)?$",
    re.IGNORECASE,
)
_RATING_BEFORE = re.compile(
    r"\b(?:graded|rated|assessed|judged|received|achieved|awarded|found|was|were|is|are)\s+"
    r"(?:as\s+)?(?:being\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundCount:
    grade: str
    count: int
    start: int
    end: int


def _number(match: re.Match[str]) -> int | None:
    word = match.group("n") or match.group("n2") or match.group("n3")
    return parse_number(word)


def _grade(match: re.Match[str]) -> str:
    return grade_key(match.group("g") or match.group("g2") or match.group("g3"))


def summary_counts(folded: str) -> tuple[list[FoundCount], list[tuple[int, int]]]:
    """Counts stated in words, and the spans they cover (so those words are not grades)."""
    # A letter states a handful of counts; only the first few hundred of any text are read.
    items = [
        m for m in itertools.islice(_COUNT_ITEM.finditer(folded), 400) if _number(m) is not None
    ]
    runs: list[list[re.Match[str]]] = []
    for item in items:
        if runs and _JOIN.match(folded[runs[-1][-1].end() : item.start()]):
            runs[-1].append(item)
        else:
            runs.append([item])
    counts: list[FoundCount] = []
    spans: list[tuple[int, int]] = []
    for run in runs:
        if not _is_count(folded, run):
            continue
        for match in run:
            counts.append(FoundCount(_grade(match), _number(match), match.start(), match.end()))
        spans.append((run[0].start(), run[-1].end()))
    return counts, spans


def _is_count(folded: str, run: list[re.Match[str]]) -> bool:
    """A count names its noun ("gradings", "areas"), comes in a run of several, introduces a
    list, or follows a rating verb: "graded good in three ..."."""
    if any(m.group("noun") or m.group("noun2") or m.group("n3") for m in run):
        return True
    in_form = run[0].group("g2") is not None
    if not in_form:
        return False
    before = folded[max(0, run[0].start() - 30) : run[0].start()]
    listing = re.match(r"\s*[:\-]\s*\w", folded[run[-1].end() : run[-1].end() + 8])
    return len(run) > 1 or bool(listing) or bool(_RATING_BEFORE.search(before))
