"""Grades: a grade word counts only when the letter ties it to an area or a rating.

Recognised constructions (AREA is any name or alias of an area or pillar in the vocabulary):
- ``AREA ("good" grade)``, ``AREA (graded good)``
- lists and tables: ``AREA: Good``, ``AREA – adequate``, ``| AREA | Good |``, ``AREA<spaces>Good``
- ``AREA was graded (as) X``, ``rated/graded/assessed/judged (the force) (as) 'X' (at|for|in) AREA``
  with chains: ``graded requires improvement for A, and good for both B and C``
- ``the grading of 'X'``, ``the X grade (you have awarded) for AREA``, ``'X' for AREA``

Without a stated area the grade belongs to what the inspection grades as a whole: the pillar of
a pillar report, serious organised crime for a SOC inspection, else ``overall``. Counts such as
"Three "outstanding" and four "good" gradings" are a summary (``grade_summary``), never grades.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from inspections.vocabulary import AREAS, OVERALL_AREA, PILLARS

from .forces import FORCE_RE
from .text import NUMBER, Vocabulary, parse_number

_AREA_KEYS: dict[str, str] = {}
for _term in (*AREAS, *PILLARS):
    for _name in _term.all_names:
        _AREA_KEYS[" ".join(_name.lower().replace("&", "and").split())] = _term.key
AREA_NAMES = Vocabulary(_AREA_KEYS)
AREA_RE = AREA_NAMES.pattern

GRADE_WORDS = r"outstanding|good|adequate|requires\s+improvement|requiring\s+improvement|inadequate"
_GRADE_RE = re.compile(
    r"(?=[\"'ogari])(?P<q1>[\"'])?\b(?P<g>" + GRADE_WORDS + r")\b(?P<q2>[\"'])?",
    re.IGNORECASE,
)


def grade_key(word: str) -> str:
    word = " ".join(word.lower().split())
    if "improvement" in word:
        return "requires-improvement"
    return word


def area_key(phrase: str) -> str | None:
    return _AREA_KEYS.get(" ".join(phrase.lower().replace("&", "and").split()))


@dataclass(frozen=True)
class Mention:
    key: str
    start: int  # of the word (or opening quote)
    end: int
    quoted: bool = False


@dataclass(frozen=True)
class FoundGrade:
    area: str
    grade: str
    start: int
    end: int


@dataclass(frozen=True)
class FoundCount:
    grade: str
    count: int
    start: int
    end: int


def area_mentions(folded: str) -> list[Mention]:
    return [
        Mention(area_key(folded[start:end]) or "", start, end)
        for start, end in AREA_NAMES.spans(folded)
    ]


def grade_mentions(folded: str, areas: list[Mention]) -> list[Mention]:
    """Grade words, leaving out those inside an area's name ("Good use of resources")."""
    starts = [a.start for a in areas]
    found = []
    for match in _GRADE_RE.finditer(folded):
        index = bisect.bisect_right(starts, match.start("g")) - 1
        if index >= 0 and areas[index].end > match.start("g"):
            continue
        quoted = bool(match.group("q1") and match.group("q2"))
        start = match.start() if quoted else match.start("g")
        end = match.end() if quoted else match.end("g")
        found.append(Mention(grade_key(match.group("g")), start, end, quoted))
    return found


# --- summary counts -----------------------------------------------------------------------

_COUNT_NOUN = r"(?:grades?|gradings?|ratings?|judgements?|judgments?)"
# The lookaheads (a word's start or a quote, then a digit, a quote, or the initial of a number
# or grade word) let the scan skip most places cheaply before trying the alternatives.
_COUNT_ITEM = re.compile(
    r"(?:\b|(?=[\"']))(?=[\d\"'nzoastfegri])(?:\b(?P<n>"
    + NUMBER
    + r")\s+[\"']?(?P<g>"
    + GRADE_WORDS
    + r")\b[\"']?(?P<noun>\s+"
    + _COUNT_NOUN
    + r"\b)?"
    r"|[\"']?(?P<g2>"
    + GRADE_WORDS
    + r")[\"']?\s+in\s+(?P<n2>"
    + NUMBER
    + r")\b(?P<noun2>\s+areas?\b)?)",
    re.IGNORECASE,
)
_JOIN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)$", re.IGNORECASE)
_RATING_BEFORE = re.compile(
    r"\b(?:graded|rated|assessed|judged|received|achieved|awarded)\s+(?:as\s+)?$", re.IGNORECASE
)


def summary_counts(folded: str) -> tuple[list[FoundCount], list[tuple[int, int]]]:
    """Counts stated in words, and the spans they cover (so those words are not grades)."""
    items = [
        m
        for m in _COUNT_ITEM.finditer(folded)
        if parse_number(m.group("n") or m.group("n2")) is not None
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
        has_noun = any(m.group("noun") or m.group("noun2") for m in run)
        before = folded[max(0, run[0].start() - 30) : run[0].start()]
        in_form = run[0].group("g2") is not None
        listing = re.match(r"\s*[:\-]\s*\w", folded[run[-1].end() : run[-1].end() + 8])
        if not (
            has_noun or (in_form and (len(run) > 1 or listing or _RATING_BEFORE.search(before)))
        ):
            continue
        for match in run:
            grade = grade_key(match.group("g") or match.group("g2"))
            count = parse_number(match.group("n") or match.group("n2"))
            counts.append(FoundCount(grade, count, match.start(), match.end()))
        spans.append((run[0].start(), run[-1].end()))
    return counts, spans


# --- grades --------------------------------------------------------------------------------

_PAREN_GAP = re.compile(r"^\s*\(\s*$")
_PAREN_AFTER = re.compile(r"^\s*(?:grade|grading|rating|rated)?\s*\)", re.IGNORECASE)
_PAREN_GRADED_GAP = re.compile(r"^\s*\(\s*(?:graded|rated)\s+(?:as\s+)?$", re.IGNORECASE)
_LIST_PREFIX = re.compile(r"^[\s\-*\u2022|>#]*(?:\(?\d{1,2}[.)]\s*|[a-h][.)]\s+)?[\s*|]*$")
_LIST_GAP = re.compile(r"^\s*[*_]{0,2}\s*(?:[:|\-=]\s*|\t\s*|\s{2,})[*_]{0,2}\s*$")
_LIST_AFTER = re.compile(r"^[*_]{0,2}\s*(?:\(.{0,40}\))?\s*[|.;,]?(?:\s*\|.*)?\s*$")
# "AREA was graded (as)", "A and B were both rated": a plural verb or "both"/"all" lets the
# grade reach back over coordinated areas.
_AREA_VERB_GAP = re.compile(
    r"^\s*(?:\([^()\n]{0,40}\)\s*)?(?:,\s*)?(?:was|is|has\s+been|remains|remained"
    r"|continues\s+to\s+be|(?P<plural>were|are|ha(?:ve|d)(?:\s+(?:all|both))?\s+been|remain|continue\s+to\s+be))"
    r"\s+(?:(?:again|also|now|once\s+again|(?P<all>all|both|each))\s+)?"
    r"(?:rated|graded|assessed|judged|found\s+to\s+be|deemed)\s+(?:as\s+)?(?:being\s+)?(?:an?\s+)?$",
    re.IGNORECASE,
)
# "protecting vulnerable people requires improvement": the scale's words used as a present-tense
# judgement on areas named as the clause's subject, with nothing after but the clause's end
# ("requires improvement in places" is a remark, not a grade).
_BARE_REQUIRES = re.compile(
    r"(?=[\"'r])(?P<q1>[\"'])?\b(?P<g>requires?\s+improvement)\b(?P<q2>[\"'])?", re.IGNORECASE
)
_BARE_GAP = re.compile(r"^\s*(?:(?:still|also|now|therefore|currently|similarly)\s+)?$", re.I)
_CLAUSE_START = re.compile(
    r"(?:^|[.!?:;(]\s*|,\s*|\b(?:and|but|while|whilst|whereas|that)\s+)[\"']?$", re.IGNORECASE
)
_CLAUSE_END = re.compile(
    r"[ \t]*(?:[.;,:!?)|]|$|\n[ \t]*(?:$|\n|[-*\u2022|]|\d{1,2}[.)]|[A-Z])"
    r"|\s+(?:and|but|while|whilst|whereas)\b)"
)
_VERB = re.compile(
    r"\b(?P<v>(?:re-?)?rated|(?:re-?)?graded|assessed|judged|deemed|awarded|received|achieved"
    r"|given|gave|found|considered)\b",
    re.IGNORECASE,
)
# Words that may stand between a rating verb and its grade: "rated the force as 'good'".
_BETWEEN_OK = {
    "as",
    "at",
    "to",
    "be",
    "being",
    "the",
    "force",
    "service",
    "it",
    "them",
    "us",
    "an",
    "a",
    "its",
    "overall",
    "both",
    "of",
}
_STRONG_VERBS = {
    "rated",
    "graded",
    "re-rated",
    "rerated",
    "re-graded",
    "regraded",
    "assessed",
    "judged",
    "deemed",
}
_GRADING_OF = re.compile(r"\b(?:grading|grade|rating|judgement|judgment)\s+of\s+$", re.IGNORECASE)
_GRADE_NOUN_AFTER = re.compile(r"\s*(?:grade|grading|rating)\b(?!s)", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:an?|the|its|this|their|our|your)\s+$", re.IGNORECASE)
_PREP_AFTER = re.compile(
    r"^\s*(?:overall\s+)?(?:for|at|in|on)\s+(?:both\s+|each\s+of\s+|the\s+way\s+it\s+"
    r"|how\s+it\s+|its\s+)?(?:an?\s+|the\s+)?(?:[a-z]+ing\s+)?$",
    re.IGNORECASE,
)
# Between areas of a list: ", and for", "and a" ("A, B and a safe ... workplace").
_CHAIN_AREA = re.compile(
    r"^\s*(?:[,;]\s*(?:and\s+)?|and\s+|&\s*)(?:(?:for|at|in)\s+)?(?:(?:an?|the|its)\s+)?$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:(?:an?|the|its)\s+)?$", re.I)
# A list of areas after a grade: "graded as requires improvement: A, and B".
_LIST_OPEN = re.compile(r"^[\"']?\s*(?:areas?\s*)?[:\-]\s*$")
# "inspectors found the force's approach to AREA 'good'"
_VERB_THEN_AREA = re.compile(
    r"\b(?:found|rated|graded|judged|assessed|considered)\b[^.;:!?]{0,40}$", re.IGNORECASE
)
# Between one (areas, grade) link of a chain and the next grade: "; and as good for ...".
_CHAIN_GRADE = re.compile(r"^\s*[,;]?\s*(?:and|but|while|whilst)?\s*(?:as\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")


class _Areas:
    def __init__(self, areas: list[Mention]):
        self.areas = areas
        self.starts = [a.start for a in areas]
        self.ends = [a.end for a in areas]

    def ending_before(self, offset: int) -> Mention | None:
        index = bisect.bisect_right(self.ends, offset) - 1
        return self.areas[index] if index >= 0 else None

    def starting_after(self, offset: int) -> Mention | None:
        index = bisect.bisect_left(self.starts, offset)
        return self.areas[index] if index < len(self.areas) else None

    def starting_between(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return self.areas[low:high]

    def between(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return [a for a in self.areas[low:high] if a.end <= end]


def _sentence_start(folded: str, offset: int, limit: int = 300) -> int:
    floor = max(0, offset - limit)
    last = floor
    for match in _SENTENCE_END.finditer(folded, floor, offset):
        last = match.end()
    return last


def _area_after(folded: str, areas: _Areas, offset: int) -> Mention | None:
    """An area named straight after a grade: "'good' at keeping people safe ..."."""
    area = areas.starting_after(offset)
    if area is None or area.start - offset > 40:
        return None
    gap = folded[offset : area.start]
    return area if _PREP_AFTER.match(gap) else None


def _chain(
    folded: str,
    areas: _Areas,
    grades: list[Mention],
    index: int,
    first_area: Mention,
    grade: Mention,
):
    """Follow "for A, B and C, and good for D" after a first (area, grade)."""
    results = [(first_area, grade)]
    cursor = first_area.end
    current = grade
    next_grade = index + 1
    while True:
        area = areas.starting_after(cursor)
        if area and area.start - cursor <= 20 and _CHAIN_AREA.match(folded[cursor : area.start]):
            results.append((area, current))
            cursor = area.end
            continue
        if next_grade < len(grades):
            candidate = grades[next_grade]
            if candidate.start - cursor <= 16 and _CHAIN_GRADE.match(
                folded[cursor : candidate.start]
            ):
                area = _area_after(folded, areas, candidate.end)
                if area:
                    results.append((area, candidate))
                    cursor = area.end
                    current = candidate
                    next_grade += 1
                    continue
        return results


def _verb_before(folded: str, grade: Mention) -> re.Match[str] | None:
    """A rating verb shortly before the grade, with only harmless words between."""
    start = _sentence_start(folded, grade.start, 120)
    last = None
    for match in _VERB.finditer(folded, start, grade.start):
        last = match
    if last is None:
        return None
    between = FORCE_RE.sub(" ", folded[last.end() : grade.start]).strip(" \"'")
    words = between.replace(",", " ").split()
    if len(words) > 4:
        return None
    for word in words:
        if word.lower() not in _BETWEEN_OK and not word[:1].isupper():
            return None
    return last


def _strong(verb: re.Match[str] | None, folded: str, grade: Mention) -> bool:
    """Whether a verb rates on its own ("rated good") or only with quotes or a grade noun
    ("awarded 'good'", "received a good grade"); "found" needs an area named with it."""
    if verb is None:
        return False
    word = verb.group("v").lower()
    if word in _STRONG_VERBS:
        return True
    if word in ("found", "considered"):
        return False
    return grade.quoted or bool(_GRADE_NOUN_AFTER.match(folded, grade.end))


def find_grades(
    folded: str,
    *,
    context_area: str,
    skip_spans: list[tuple[int, int]] = (),
    counts: list[FoundCount] = (),
) -> tuple[list[FoundGrade], list[str]]:
    """Every (area, grade) the text ties together, deduplicated; warnings for conflicts."""
    area_list = area_mentions(folded)
    areas = _Areas(area_list)
    found: list[FoundGrade] = []
    # "graded good in three areas - A, B and C - and adequate in four: D; E; F; and G"
    for count in counts:
        for item in _area_list(folded, areas, count.end):
            found.append(FoundGrade(item.key, count.grade, count.start, item.end))
    grades = [
        g
        for g in grade_mentions(folded, area_list)
        if not any(s <= g.start < e for s, e in skip_spans)
    ]

    def add(area: str, grade: Mention, start: int, end: int) -> None:
        found.append(FoundGrade(area, grade.key, start, end))

    consumed: set[int] = set()
    for index, grade in enumerate(grades):
        if index in consumed:
            continue
        before_area = areas.ending_before(grade.start)
        after_text = folded[grade.end : grade.end + 60]
        # AREA ("good" grade) / AREA (graded good)
        if before_area and grade.start - before_area.end <= 16:
            gap = folded[before_area.end : grade.start]
            paren = _PAREN_AFTER.match(after_text)
            if (_PAREN_GAP.match(gap) or _PAREN_GRADED_GAP.match(gap)) and paren:
                add(before_area.key, grade, before_area.start, grade.end + paren.end())
                continue
        # Lists and tables: the area opens the line, the grade follows a separator.
        if before_area and grade.start - before_area.end <= 80:
            line_start = folded.rfind("\n", 0, before_area.start) + 1
            line_end = folded.find("\n", grade.end)
            line_end = len(folded) if line_end < 0 else line_end
            gap = folded[before_area.end : grade.start]
            if (
                "\n" not in gap
                and _LIST_PREFIX.match(folded[line_start : before_area.start])
                and _LIST_GAP.match(gap)
                and _LIST_AFTER.match(folded[grade.end : line_end])
            ):
                add(before_area.key, grade, before_area.start, grade.end)
                continue
        # AREA was graded (as) X
        if before_area and grade.start - before_area.end <= 80:
            gap = folded[before_area.end : grade.start]
            verb_gap = _AREA_VERB_GAP.match(gap.rstrip("\"'") if not grade.quoted else gap)
            if verb_gap:
                subjects = [before_area]
                if verb_gap.group("plural") or verb_gap.group("all"):
                    subjects = _coordinated(folded, areas, before_area)
                for subject in subjects:
                    add(subject.key, grade, subjects[0].start, grade.end)
                continue
        # found the force's approach to AREA "good"
        if (
            before_area
            and grade.quoted
            and not folded[before_area.end : grade.start].strip()
            and _VERB_THEN_AREA.search(folded[max(0, before_area.start - 60) : before_area.start])
        ):
            add(before_area.key, grade, before_area.start, grade.end)
            continue
        # rated (the force) 'good' at AREA / graded as requires improvement for A, and good for B
        verb = _verb_before(folded, grade)
        grading_of = _GRADING_OF.search(folded[max(0, grade.start - 30) : grade.start])
        noun_after = _GRADE_NOUN_AFTER.match(folded, grade.end)
        area = _area_after(folded, areas, grade.end)
        if area is None and noun_after:
            area = _noun_area(folded, areas, grade)
        if area is None and (_strong(verb, folded, grade) or grading_of):
            listed = _area_list(folded, areas, grade.end)
            if listed:
                for item in listed:
                    add(item.key, grade, verb.start() if verb else grade.start, item.end)
                continue
        if (verb or grading_of or noun_after or grade.quoted) and area:
            if noun_after and not verb and _blocked_before(folded, grade):
                continue
            start = verb.start() if verb else grade.start
            for chained_area, chained_grade in _chain(folded, areas, grades, index, area, grade):
                consumed.add(grades.index(chained_grade))
                add(
                    chained_area.key,
                    chained_grade,
                    min(start, chained_grade.start),
                    chained_area.end,
                )
                start = chained_grade.start
            continue
        if verb is not None and not _strong(verb, folded, grade):
            verb = None
        if (
            verb
            or grading_of
            or (
                noun_after
                and _ARTICLE_BEFORE.search(folded[max(0, grade.start - 12) : grade.start])
            )
        ):
            if (
                noun_after
                and not verb
                and not grading_of
                and not _awarding_in_sentence(folded, grade)
            ):
                continue
            sentence_start = _sentence_start(folded, grade.start)
            leading = areas.between(sentence_start, grade.start)
            overall = re.match(
                r"^[\"']?\s*overall\b", folded[grade.end : grade.end + 12], re.IGNORECASE
            )
            start = (
                verb.start()
                if verb
                else (grading_of and grade.start - 30 + grading_of.start()) or grade.start
            )
            start = max(0, start)
            if leading and not overall and verb:
                add(leading[-1].key, grade, leading[-1].start, grade.end)
            else:
                add(context_area, grade, start, grade.end)
    found.extend(_bare_requires_improvement(folded, areas))
    return _dedupe(found)


def _coordinated(folded: str, areas: _Areas, last: Mention) -> list[Mention]:
    """The areas coordinated with ``last`` before it: "A, B and C" for C."""
    items = [last]
    while True:
        previous = areas.ending_before(items[0].start)
        if (
            previous is None
            or items[0].start - previous.end > 14
            or not _COORDINATION.match(folded[previous.end : items[0].start])
        ):
            return items
        items.insert(0, previous)


def _bare_requires_improvement(folded: str, areas: _Areas) -> list[FoundGrade]:
    found = []
    for match in _BARE_REQUIRES.finditer(folded):
        if bool(match.group("q1")) != bool(match.group("q2")):
            start, end = match.start("g"), match.end("g")
        else:
            start, end = match.start(), match.end()
        area = areas.ending_before(start)
        if area is None or start - area.end > 12 or not _BARE_GAP.match(folded[area.end : start]):
            continue
        if not _CLAUSE_END.match(folded, end):
            continue
        subjects = _coordinated(folded, areas, area)
        sentence_start = _sentence_start(folded, subjects[0].start)
        line_start = folded.rfind("\n", 0, subjects[0].start) + 1
        before = folded[max(sentence_start, line_start) : subjects[0].start]
        if not (_CLAUSE_START.search(before) or not before.strip(" \t-*\u2022>")):
            continue
        for subject in subjects:
            found.append(FoundGrade(subject.key, "requires-improvement", subjects[0].start, end))
    return found


def _area_list(folded: str, areas: _Areas, offset: int) -> list[Mention]:
    """Areas listed after a colon or dash: ": responding to the public; investigating crime"."""
    first = areas.starting_after(offset)
    if (
        first is None
        or first.start - offset > 12
        or not _LIST_OPEN.match(folded[offset : first.start])
    ):
        return []
    listed = [first]
    while True:
        following = areas.starting_after(listed[-1].end)
        if following is None or following.start - listed[-1].end > 20:
            return listed
        if not _CHAIN_AREA.match(folded[listed[-1].end : following.start]):
            return listed
        listed.append(following)


_NOUN_AREA_GAP = re.compile(
    r"\b(?:for|in)\s+(?:(?:its|the|an?|their)\s+)?(?:[a-z]+ing\s+)?$", re.IGNORECASE
)


def _noun_area(folded: str, areas: _Areas, grade: Mention) -> Mention | None:
    """ "the outstanding grade you have awarded for crime data integrity"."""
    end = min(len(folded), grade.end + 70)
    stop = _SENTENCE_END.search(folded, grade.end, end)
    end = stop.start() if stop else end
    # An area starting in the sentence counts even when its long name runs past the window.
    for area in areas.starting_between(grade.end, end):
        if _NOUN_AREA_GAP.search(folded, max(grade.end, area.start - 24), area.start):
            return area
    return None


def _blocked_before(folded: str, grade: Mention) -> bool:
    """ "more 'good' grades", "three good grades": comparisons and counts are not a grade."""
    before = folded[max(0, grade.start - 20) : grade.start].lower().split()
    return bool(before) and (
        before[-1] in ("more", "fewer", "less", "most", "many", "any", "no", "or", "and", "other")
        or parse_number(before[-1]) is not None
    )


def _awarding_in_sentence(folded: str, grade: Mention) -> bool:
    start = _sentence_start(folded, grade.start)
    stop = _SENTENCE_END.search(folded, grade.end, min(len(folded), grade.end + 200))
    end = stop.start() if stop else grade.end + 200
    return bool(
        re.search(
            r"\b(?:awarded|received|achieved|given|attributed|gave)\b",
            folded[start:end],
            re.IGNORECASE,
        )
    )


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


def context_area_for(kind: str) -> str:
    """The area a grade stated without one belongs to, given what the inspection grades."""
    if kind.startswith("peel-"):
        return kind.removeprefix("peel-")
    if kind in ("serious-organised-crime", "crime-data-integrity"):
        return kind
    return OVERALL_AREA
