"""The constructions that tie a grade word to what it grades, one recogniser each, in order.

Each recogniser looks at one grade word (and a bounded window around it) and either claims it,
returning the links it reads, or passes. The first that claims a grade wins, so the order goes
from the most explicit construction (a table row, a bracketed grade) to the least (a rating with
no area named). ``RECOGNISERS`` is that order. Whether a link belongs to this force and this
inspection is decided afterwards (``scope``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Link, Text
from .words import Mention

# --- shared pieces ---------------------------------------------------------------------------

# What may open a list or table row before its first word: bullets, numbers, letters, pipes.
_ROW_PREFIX = re.compile(
    r"^[ \t]*(?:[-*\u2022\u00b7>#|]+[ \t]*|\(?\d{1,2}[.)][ \t]*|[a-h][.)][ \t]+)?[*_\"']*[ \t]*$"
)
# Between an area and its grade in a row: a colon, dash, pipe, equals, question mark, a tab, a
# run of spaces (columns), dot leaders ("Efficiency ....... Good"), or nothing after a question
# ("...keep people safe?Good").
_ROW_GAP = re.compile(
    r"^[*_\"']{0,2}[ \t]*(?:[:|=\-\u2013?][ \t]*|\t[ \t]*|[ \t]{2,}"
    r"|(?:\.[ \t]?){3,}[ \t]*|\u2026+[ \t]*)?"
    r"(?:(?:rated|graded|grade|rating)[ \t]*(?:as[ \t]+|:[ \t]*)?)?[*_\"']{0,2}$",
    re.IGNORECASE,
)
# A pipe table's area cell that runs on past the area's name, wrapped into the next row:
# "| Engaging with and treating the public with | Adequate |" over "| fairness and respect | |".
_CELL_RUNS_ON = re.compile(r"[ \t]+[a-z][a-z,'\- \t]{0,40}?[ \t]*\|[ \t]*$")
_ROW_TAIL = re.compile(
    r"^[*_\"']{0,2}[ \t]*(?:\([^()\n]{0,40}\))?[ \t]*[|.;,*]?(?:[ \t]*\|.*)?[ \t]*$"
)
_GRADE_FIRST_GAP = re.compile(
    r"[\"'*]{0,2}(?:(?P<column>\t[ \t]*|[ \t]{2,})(?=(?-i:[A-Z]))"
    r"|[ \t]*(?P<mark>[:\-\u2013|])[ \t]*(?:(?:in|for|at)[ \t]+)?"
    r"|[ \t]*(?:in|for|at)[ \t]+)",
    re.IGNORECASE,
)
_PAREN_GAP = re.compile(r"^\s*[\"']?\s*\(\s*(?:(?:graded|rated|grade)\s*(?:as\s+|:\s*)?)?$", re.I)
_PAREN_TAIL = re.compile(r"\s*(?:grade|grading|rating|rated)?\s*\)", re.IGNORECASE)
# A list of areas continues past commas, "and", "as well as", "for", "in", articles and quotes.
_LIST_GAP = re.compile(
    r"^[\s\"'*]*(?:[,;]\s*(?:and\s+)?|and\s+|&\s*|as\s+well\s+as\s+|plus\s+)[\"']?\s*"
    r"(?:(?:for|in|at|on)\s+)?(?:[a-z]+ing\s+)?(?:(?:an?|the|its|their)\s+)?[\"']?$",
    re.IGNORECASE,
)
# An item the vocabulary does not know, between two it does: "A, community engagement and B".
_UNKNOWN_ITEM = re.compile(
    r"^[\s\"']*[,;]\s*(?:and\s+)?[a-z][a-z\-' ]{2,50}?\s*(?:,|\band\b)\s*(?:(?:for|in|at)\s+)?"
    r"(?:(?:an?|the|its)\s+)?[\"']?$",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?P<v>(?:re-?)?rated|rates?|rating|(?:re-?)?graded|grades?|grading|assessed|assesses"
    r"|judged|judges|deemed|awarded|received|receiving|achieved|achieving|given|gave|gives|got"
    r"|gained|earned|retained|kept|maintained|found|finds|considered|recognised|identified"
    r"|identifies|named|placed|scored|was\s+told)\b",
    re.IGNORECASE,
)
# Verbs that rate on their own ("rated good"); the others need quotes, a grade noun or an area.
_STRONG = {
    "rated", "rates", "rate", "rating", "re-rated", "rerated", "graded", "grades", "grade",
    "grading", "re-graded", "regraded", "assessed", "assesses", "judged", "judges", "deemed",
    "identifies", "identified", "recognised",
}  # fmt: skip
# Words that may stand between a rating verb and its grade: "rated the force as 'good'".
_BETWEEN = {
    "as", "at", "to", "be", "being", "the", "force", "service", "constabulary", "police", "it",
    "them", "us", "an", "a", "its", "overall", "both", "of", "our", "their", "this", "that",
    "has", "have", "been", "was", "were", "is", "also", "again", "now", "once", "more",
    "consistently", "in", "county", "alone", "only", "ratings", "rating", "grades", "grading",
}  # fmt: skip
_NOUN_OF = re.compile(
    r"\b(?:grading|grade|rating|ranking|judgement|judgment|assessment|verdict)\s+"
    r"(?:of|was|is|remains|remained)\s+(?:an?\s+)?[\"']?$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(r"[\"']?\s*(?:grade|grading|rating|judgement|judgment)\b(?!s)", re.I)
_NOUNS_AFTER = re.compile(r"[\"']?\s*(?:grades|gradings|ratings)\b", re.IGNORECASE)
# Linking words between a grade and the area it grades.
_LINK = re.compile(
    r"^[\"']?\s*(?:overall\s+)?(?:(?:ratings?|grades?|gradings?)\s+)?(?:across\s+the\s+board\s+)?"
    r"(?:for|at|in|on|across|in\s+respect\s+of|in\s+terms\s+of|with\s+regards?\s+to"
    r"|when\s+it\s+comes\s+to|when\s+judging|in\s+its\s+ability\s+to|in\s+the\s+areas?\s+of"
    r"|in\s+the\s+way(?:\s+it)?|in\s+how|for\s+how|at\s+how)\s+"
    r"(?:both\s+|each\s+of\s+|all\s+of\s+)?(?:the\s+way\s+(?:it\s+)?|how\s+(?:well\s+)?(?:it\s+)?)?"
    r"(?:(?:its|their|the|an?)\s+)?(?:overall\s+)?[\"']?(?:(?:how\s+)?[\"']?)?$",
    re.IGNORECASE,
)
_CHAIN_GRADE = re.compile(
    r"^[\s\"']*[,;]?\s*(?:and|but|while|whilst|with|as\s+well\s+as)?\s*(?:as\s+|was\s+|were\s+)?"
    r"[\"']?$",
    re.IGNORECASE,
)
_SUBJECT_GAP = re.compile(
    r"^[\"'\s]*(?:\([^()\n]{0,40}\)\s*)?"
    r"(?:,\s*(?:(?:however|though|also|too|meanwhile|in\s+turn)\s*,\s*)?)?"
    r"(?:areas?\s+)?(?:(?:which|that)\s+)?(?:[a-z]+ly\s+)?"
    # "A was the (only) area where the force was judged to ...": the area named as the subject.
    r"(?:(?:was|is)\s+the\s+(?:only\s+|one\s+)?area\s+(?:where|in\s+which)"
    r"\s+(?:the\s+force|it)\s+)?"
    r"(?P<copula>(?P<plural>were|are|have\s+(?:all\s+|both\s+)?been|had\s+(?:all\s+|both\s+)?been|remain"
    r"|continue\s+to\s+be)|was|is|has\s+been|had\s+been|remains|remained|continues\s+to\s+be)?"
    r"\s*(?:,\s*(?:however|though|also|too)\s*,\s*)?"
    r"(?:(?:again|also|now|still|(?P<all>both|all|each)|alone\s+in\s+being|once\s+again|however"
    r"|consistently)\s+)*"
    r"(?P<verb>(?:rated|graded|judged|assessed|deemed|found|seen|considered|identified|recognised"
    r"|received|achieved|got|earned|gained|secured|given|awarded)\s+)?"
    r"(?:as\s+|to\s+be\s+|to\s+)?(?:being\s+)?(?:an?\s+)?[\"']?$",
    re.IGNORECASE,
)
_COORDINATION = re.compile(
    r"^[\s\"']*(?:,\s*(?:and\s+)?|and\s+|&\s*)[\"']?(?:(?:an?|the|its)\s+)?$", re.IGNORECASE
)
_CLAUSE_AFTER = re.compile(
    r"[\"']?[ \t]*(?:[.;,:!?)|]|$|\n|\s+(?:and|but|while|whilst|whereas|with|by)\b)"
)
_CLAUSE_BEFORE = re.compile(
    r"(?:^|[.!?:;(]\s*|,\s*|\b(?:and|but|while|whilst|whereas|that|with)\s+|\n\s*[-*\u2022]?\s*)"
    r"(?:(?:its|the|their|the\s+force's)\s+)?(?:(?:the\s+)?(?:area|areas)\s+of\s+)?[\"']?$",
    re.IGNORECASE,
)
# The force as the subject of the scale's word: "the force was outstanding at", "Kent Police is
# good at" (not "the force and its partners were good at": only the force is graded).
_COPULA_BEFORE = re.compile(
    r"\b(?:the\s+force|it|the\s+constabulary|the\s+service|(?-i:[A-Z][\w\-]+)\s+(?:police|constabulary))"
    r"\s+(?:is|was|has\s+been|had\s+been|remains|remained)\s+(?:now\s+|also\s+|still\s+|again\s+"
    r"|consistently\s+)?[\"']?$",
    re.IGNORECASE,
)
_VERB_FORM = re.compile(r"^(?:requires?|required|requiring)\b", re.IGNORECASE)
_ALL = re.compile(
    r"[\"']?\s*(?:ratings?\s+|grades?\s+)?(?:(?:in|for|across|at)\s+(?:all|each|every)"
    r"(?:\s+of)?(?:\s+the)?\s+(?P<three>three\s+)?(?:main\s+|key\s+)?(?:PEEL\s+)?(?:inspection\s+)?"
    r"(?:areas?|pillars?|indicators?|categories|headlines|strands|elements)"
    r"|across\s+the\s+board)\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+[\"']?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"^[\"']?\s+to\s+[\"']?", re.IGNORECASE)
_LIST_OPEN = re.compile(
    r"^[\"']?\s*(?:(?:rating|grade|grading)s?\s*)?(?:[:\-\u2013]\s*(?:(?:for|in)\s+)?"
    r"(?:the\s+)?(?:[\w']+\s+){0,4}?[:\-\u2013]\s*|[:\-\u2013]\s*|\s+(?:were|was|are|is|included)"
    r"\s*:?\s*)",
    re.IGNORECASE,
)
_AREAS_SUBJECT_BEFORE = re.compile(
    r"\bareas?\s+(?:(?:where|in\s+which)\s+(?:the\s+force|it)\s+|(?:were\s+|was\s+)?"
    r"(?:found|judged|rated|graded|assessed|deemed|identified)\s+)(?:to\s+be\s+|as\s+|to\s+)?"
    r"[\"']?$",
    re.IGNORECASE,
)


def _link(area: Mention | None, grade: Mention, start: int, end: int, name: str, **kw) -> Link:
    key = area.key if area else None
    return Link(key, grade.key, start, end, grade.start, grade.end, recogniser=name, **kw)


def area_list(text: Text, offset: int, *, limit: int | None = None) -> list[Mention]:
    """Areas listed from ``offset``: "A, B and C", "A; B; and C", with one item the vocabulary
    does not know allowed between two it does."""
    limit = text.sentence_end(offset) if limit is None else limit
    first = text.area_starting_after(offset)
    if first is None or first.start >= limit or first.start - offset > 6:
        return []
    listed = [first]
    while True:
        following = text.area_starting_after(listed[-1].end)
        if following is None or following.start >= limit:
            return listed
        gap = text.folded[listed[-1].end : following.start]
        if len(gap) <= 24 and _LIST_GAP.match(gap) or len(gap) <= 70 and _UNKNOWN_ITEM.match(gap):
            listed.append(following)
        else:
            return listed


def _verb_before(text: Text, grade: Mention) -> re.Match[str] | None:
    """A rating verb shortly before the grade in its sentence, with only harmless words (or
    capitalised names: "rated Kent Police as") between."""
    start = text.sentence_start(grade.start, 160)
    last = None
    for match in _VERB.finditer(text.folded, start, grade.start):
        last = match
    if last is None:
        return None
    between = text.folded[last.end() : grade.start]
    words = re.sub(r"[,\"'()\-\u2013]", " ", between).split()
    if len(words) > 6:
        return None
    for word in words:
        if word.lower() not in _BETWEEN and not word[:1].isupper() and not word.endswith("'s"):
            return None
    return last


def _strong(verb: re.Match[str] | None, text: Text, grade: Mention) -> bool:
    """A verb that rates on its own, or any rating verb with a quoted grade or a grade noun."""
    if verb is None:
        return False
    word = verb.group("v").lower()
    if word in _STRONG:
        return True
    if word in ("found", "finds", "considered", "was told"):
        return grade.quoted
    return grade.quoted or bool(_NOUN_AFTER.match(text.folded, grade.end))


def _area_after(text: Text, offset: int) -> Mention | None:
    """An area named straight after a grade with a linking word: "good at preventing crime"."""
    area = text.area_starting_after(offset)
    if area is None or area.start - offset > 60:
        return None
    return area if _LINK.match(text.folded[offset : area.start]) else None


# --- the recognisers ------------------------------------------------------------------------

Recogniser = Callable[[Text, list[Mention], int], list[Link] | None]


def bracketed_grade(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """AREA ("good" grade), AREA (graded good), AREA (good): a grade in brackets after its area."""
    grade = grades[index]
    area = text.area_ending_before(grade.start)
    if area is None or grade.start - area.end > 18:
        return None
    tail = _PAREN_TAIL.match(text.folded, grade.end)
    if not tail or not _PAREN_GAP.match(text.folded[area.end : grade.start]):
        return None
    return [_link(area, grade, area.start, tail.end(), "bracketed_grade")]


def table_row(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A row of a list or table: "Investigating crime: Good", "| AREA | Good |", "AREA   Good",
    "How effectively does the force reduce crime and keep people safe?Good"."""
    grade = grades[index]
    area = text.area_ending_before(grade.start)
    if area is None or grade.start - area.end > 60:
        return None
    folded = text.folded
    # The row starts where its area does: a question wrapped onto a second line (a table cell)
    # ends on the grade's line.
    line_start = text.line_start(area.start)
    gap = folded[area.end : grade.start]
    if "\n" in gap:
        return None
    if not gap.strip() and folded[area.end - 1 : area.end] != "?" and len(gap) < 2:
        return None  # a grade run into its area is a row only after a question
    if not _ROW_PREFIX.match(folded[line_start : area.start]):
        return None
    if not _ROW_GAP.match(gap) and not (
        folded[line_start : area.start].lstrip().startswith("|") and _CELL_RUNS_ON.match(gap)
    ):
        return None
    if not _ROW_TAIL.match(folded[grade.end : text.line_end(grade.start)]):
        return None
    return [_link(area, grade, area.start, grade.end, "table_row")]


# A wrapped list's line ends inside the list: after a comma or "and".
_LIST_GOES_ON = re.compile(r"[ \t]*(?:,|,?[ \t]+and|&)[ \t]*", re.IGNORECASE)


def grade_first_row(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A row with the grade first: "Good - Crime Data Integrity*", "Good: investigating crime",
    "Requiring improvement - in responding to the public, investigating crime and ..."."""
    grade = grades[index]
    folded = text.folded
    gap = _GRADE_FIRST_GAP.match(folded, grade.end)
    if gap is None:
        return None
    # A grade wrapped to the start of a line of prose; prose never puts a column's gap after it,
    # nor opens a line with a capitalised grade and a colon ("Adequate: A, B").
    labelled = gap.group("mark") == ":" and folded[grade.start].isupper()
    if text.carries_on(grade.start) and not (gap.group("column") or labelled):
        return None
    line_start = text.line_start(grade.start)
    if not _ROW_PREFIX.match(folded[line_start : grade.start]):
        return None
    line_end = text.line_end(grade.start)
    listed = area_list(text, gap.end(), limit=line_end)
    if not listed:
        return None
    # "Good: A, B,\n C": a list of areas wrapped onto the next lines goes on there, and so does
    # one whose last area's own name wraps ("preventing" over "crime, C").
    for _ in range(6):
        wrapped_end = text.line_end(listed[-1].end)
        if wrapped_end <= line_end:
            if not gap.group("mark"):
                break
            if not _LIST_GOES_ON.fullmatch(folded[listed[-1].end : line_end]):
                break
            wrapped_end = text.line_end(line_end + 1)
        line_end = wrapped_end
        listed = area_list(text, gap.end(), limit=line_end)
    # Without punctuation ("Good at responding to the public") the line is the list item.
    if not gap.group("mark") and folded[listed[-1].end : line_end].strip(" \t*.;,"):
        return None
    return [_link(area, grade, grade.start, area.end, "grade_first_row") for area in listed]


def stacked_rows(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A table flattened one cell to a line: an area alone on a line, its grade on the next."""
    grade = grades[index]
    folded = text.folded
    line = folded[text.line_start(grade.start) : text.line_end(grade.start)]
    if line.strip(" \t*_|-\u2022:.") != folded[grade.start : grade.end].strip("\"'"):
        return None
    if line.rstrip().endswith(":"):
        return None  # "Good:" heads a list of areas
    previous = text.previous_line(grade.start)
    if previous is None or re.match(r"\s*[-*\u2022\u00b7>]", folded[previous[0] : previous[1]]):
        return None
    start = previous[0]
    areas = text.areas_between(*previous)
    if not areas:
        # An area cell wrapped over two lines: "... with fairness and" / "respect" / "Good".
        wrapped = text.area_ending_before(previous[1] + 1)
        if wrapped is not None and wrapped.start < start <= wrapped.end <= previous[1]:
            areas, start = [wrapped], text.line_start(wrapped.start)
    if len(areas) != 1:
        return None
    area = areas[0]
    row = folded[start : previous[1]]
    rest = row[: area.start - start] + row[area.end - start :]
    if rest.strip(" \t*_|-\u2022:.\"'"):
        return None
    return [_link(area, grade, area.start, grade.end, "stacked_rows")]


def area_subject(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """Areas as the subject of a rating: "AREA was graded (as) X", "A and B were deemed to
    require improvement", "A, B and C were, however, judged 'adequate'", "AREA was 'good'",
    "AREA requires improvement"."""
    grade = grades[index]
    area = text.area_ending_before(grade.start)
    if area is None or grade.start - area.end > 90:
        return None
    folded = text.folded
    gap = folded[area.end : grade.start]
    match = _SUBJECT_GAP.match(gap)
    if match is None or "\n\n" in gap:
        return None
    copula_only = not match.group("verb")
    word = folded[grade.start : grade.end].strip("\"'")
    if not gap.strip(" \"'") and not _VERB_FORM.match(word) and not _with_quoted(text, area, grade):
        return None
    if copula_only and not _CLAUSE_AFTER.match(folded, grade.end):
        return None  # "preventing crime was good news": a remark, not a grade
    if not gap.strip(" \"'") or (copula_only and not grade.quoted):
        before = folded[text.sentence_start(area.start, 200) : area.start]
        if not _CLAUSE_BEFORE.search(before[-60:]):
            return None
    subjects = [area]
    # "A and B were ...", "with A and B judged to be ...", "A and B require improvement"
    verb_only = match.group("verb") and not match.group("copula")
    plural_verb = _VERB_FORM.match(word) and "s " not in word
    if match.group("plural") or match.group("all") or verb_only or plural_verb:
        subjects = _coordinated(text, area)
    return [_link(s, grade, subjects[0].start, grade.end, "area_subject") for s in subjects]


def _with_quoted(text: Text, area: Mention, grade: Mention) -> bool:
    """ "rated good overall, with AREA 'outstanding'": a quoted grade straight after its area."""
    before = text.folded[max(0, area.start - 12) : area.start]
    return grade.quoted and bool(re.search(r"\b(?:with|and)\s+[\"']?$", before, re.IGNORECASE))


def _coordinated(text: Text, last: Mention) -> list[Mention]:
    """The areas coordinated with ``last`` before it: "A, B and C" for C."""
    items = [last]
    while True:
        previous = text.area_ending_before(items[0].start)
        if previous is None or items[0].start - previous.end > 16:
            return items
        if not _COORDINATION.match(text.folded[previous.end : items[0].start]):
            return items
        items.insert(0, previous)


_CLAUSE_HEAD = re.compile(r"[:;][ \t]*$")


def grade_then_areas(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A rating and its areas after it, chained: "rated the force good at A, and adequate at
    B, C and D", "graded as outstanding for A, outstanding for B and good for C", "receiving
    'outstanding' in A", "assessed as good in respect of A", "a ranking of good in terms of A"."""
    grade = grades[index]
    folded = text.folded
    verb = _verb_before(text, grade)
    noun_of = _NOUN_OF.search(folded, max(0, grade.start - 30), grade.start)
    self_rating = _VERB_FORM.match(folded[grade.start : grade.end].strip("\"'"))
    rated_in_sentence = _rated_earlier(text, grade)
    # "the force was outstanding at A", "it is good at B": the scale's word as the force's verb
    copula = _COPULA_BEFORE.search(folded, max(0, grade.start - 60), grade.start)
    # "The grades were: Good for A and B; Adequate for C": a capitalised grade opening a clause
    # after a colon or semicolon heads its own list of areas.
    heads = grade.start > 0 and folded[grade.start].isupper()
    heads = heads and bool(_CLAUSE_HEAD.search(folded, max(0, grade.start - 4), grade.start))
    if not (verb or noun_of or grade.quoted or self_rating or rated_in_sentence or copula or heads):
        return None
    area = _area_after(text, grade.end)
    if area is None:
        return None
    start = verb.start() if verb else grade.start
    links = [_link(area, grade, start, area.end, "grade_then_areas")]
    links += _chain(text, grades, index, area)
    return links


def _rated_earlier(text: Text, grade: Mention) -> bool:
    """A rating verb earlier in the sentence: "rated Outstanding in A ... as well as Outstanding
    in B" (the second grade is rated by the same verb)."""
    start = text.sentence_start(grade.start, 300)
    return bool(
        re.search(r"\b(?:rated|graded|judged|assessed|found)\b", folded_slice(text, start, grade))
    )


def folded_slice(text: Text, start: int, grade: Mention) -> str:
    return text.folded[start : grade.start]


def _chain(text: Text, grades: list[Mention], index: int, area: Mention) -> list[Link]:
    """Follow "for A, B and C, and good for D" after a first (area, grade)."""
    folded = text.folded
    links: list[Link] = []
    cursor = area.end
    current = grades[index]
    following = index + 1
    limit = text.sentence_end(area.end, 600)
    while True:
        nxt = text.area_starting_after(cursor)
        if nxt and nxt.start < limit:
            gap = folded[cursor : nxt.start]
            if (
                len(gap) <= 24
                and _LIST_GAP.match(gap)
                or len(gap) <= 70
                and _UNKNOWN_ITEM.match(gap)
            ):
                links.append(_link(nxt, current, current.start, nxt.end, "grade_then_areas"))
                cursor = nxt.end
                continue
        if following < len(grades):
            candidate = grades[following]
            gap = folded[cursor : candidate.start]
            if candidate.start < limit and len(gap) <= 20 and _CHAIN_GRADE.match(gap):
                area_next = _area_after(text, candidate.end)
                if area_next:
                    links.append(
                        _link(
                            area_next, candidate, candidate.start, area_next.end, "grade_then_areas"
                        )
                    )
                    cursor = area_next.end
                    current = candidate
                    following += 1
                    continue
        return links


def areas_listed_after(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A grade and then the list of areas it grades: "graded as requires improvement:
    A, and B", "rated as good - for the three key headlines - A, B and C", "Areas found to
    require improvement were A, B and C", "three areas where the force requires improvement:
    A, B and C"."""
    grade = grades[index]
    folded = text.folded
    opener = _LIST_OPEN.match(folded[grade.end : grade.end + 60])
    if opener is None:
        return None
    spoken = opener.group().strip(" \"'")
    areas_subject = _AREAS_SUBJECT_BEFORE.search(folded, max(0, grade.start - 50), grade.start)
    verb = _verb_before(text, grade)
    if spoken[:1].isalpha() and not areas_subject:
        return None  # "good were ..." needs "Areas found to be ..." before it
    if not (
        verb or areas_subject or grade.quoted or _VERB_FORM.match(folded[grade.start : grade.end])
    ):
        return None
    listed = area_list(text, grade.end + opener.end())
    if not listed:
        return None
    start = verb.start() if verb else grade.start
    return [_link(area, grade, start, area.end, "areas_listed_after") for area in listed]


# Between a grade noun and its area: "rating for", "rating given for how the force ...".
_NOUN_AREA_GAP = re.compile(
    r"\b(?:(?:given|awarded)\s+)?(?:for|in|on)\s+(?:how\s+(?:well\s+)?(?:the\s+force|it)\s+"
    r"|the\s+way\s+(?:the\s+force|it)\s+)?(?:(?:its|the|an?|their)\s+)?(?:[a-z]+ing\s+)?$",
    re.IGNORECASE,
)


# Words that start another clause between a grade noun and an area further on.
_NEW_CLAUSE = re.compile(
    r"\b(?:but|said|says|while|whilst|whereas|although|though|however|because)\b|[;:]",
    re.IGNORECASE,
)


def noun_adjunct(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """The grade as a noun's adjective: "a good efficiency rating", "the 'outstanding' grade
    (you have awarded) for crime data integrity"."""
    grade = grades[index]
    folded = text.folded
    area = text.area_starting_after(grade.end)
    if area is not None and area.start - grade.end <= 3 and _NOUN_AFTER.match(folded, area.end):
        noun = _NOUN_AFTER.match(folded, area.end)
        return [_link(area, grade, grade.start, noun.end(), "noun_adjunct")]
    noun = _NOUN_AFTER.match(folded, grade.end) or _NOUNS_AFTER.match(folded, grade.end)
    if noun is None:
        return None
    limit = text.sentence_end(grade.end, 90)
    for candidate in text.areas_between(noun.end(), limit + 200):
        if candidate.start >= limit:
            break
        if _NEW_CLAUSE.search(folded, noun.end(), candidate.start):
            break  # "the outstanding grade but said he would scrutinise ... on A": another clause
        gap = folded[max(noun.end(), candidate.start - 40) : candidate.start]
        if _NOUN_AREA_GAP.search(gap):
            first = _link(candidate, grade, grade.start, candidate.end, "noun_adjunct")
            return [first, *_chain(text, grades, index, candidate)]
    return None


def possessive_area(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """The area as the force's: "grades Kent Police's effectiveness as 'good'", "found the force's
    approach to AREA 'good'"."""
    grade = grades[index]
    folded = text.folded
    area = text.area_ending_before(grade.start)
    if area is None or grade.start - area.end > 16:
        return None
    gap = folded[area.end : grade.start]
    before = folded[max(0, area.start - 60) : area.start]
    if not re.match(r"^[\s\"']*(?:as\s+|to\s+be\s+)?[\"']?$", gap, re.I):
        return None
    if not re.search(r"'s\s+(?:approach\s+to\s+|work\s+on\s+|response\s+to\s+)?$", before):
        return None
    if not re.search(
        r"\b(?:rated|rates|grades|graded|judged|judges|assessed|found|finds)\b", before
    ):
        return None
    return [_link(area, grade, area.start, grade.end, "possessive_area")]


def every_area(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """One grade for every area: "requires improvement in all three PEEL indicators", "good
    across the board", "the lowest possible rating in all three main inspection areas"."""
    grade = grades[index]
    match = _ALL.match(text.folded, grade.end)
    if match is None or _area_after(text, grade.end):
        return None  # "good across the board for AREA" grades that area
    link = _link(None, grade, grade.start, match.end(), "every_area")
    link.area = "all-three" if match.group("three") else "all"
    return [link]


_FRONTED = re.compile(
    r"(?:^|[.!?]\s+|\n\s*)(?:in|for|on|regarding|as\s+for|when\s+it\s+comes\s+to|in\s+terms\s+of)"
    r"\s+(?:the\s+(?:area|question)\s+of\s+|its\s+|the\s+)?[\"']?$",
    re.IGNORECASE,
)


def fronted_area(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """The area first, then the rating: "In investigating crime, the force was rated good",
    "For protecting vulnerable people, HMICFRS judged the force to be adequate"."""
    grade = grades[index]
    folded = text.folded
    start = text.sentence_start(grade.start, 240)
    areas = text.areas_between(start, grade.start)
    if len(areas) != 1:
        return None
    area = areas[0]
    if not _FRONTED.search(folded, max(0, area.start - 40), area.start):
        return None
    if not re.match(r"[\"']?\s*,", folded[area.end : area.end + 3]):
        return None
    verb = _verb_before(text, grade)
    if not _strong(verb, text, grade):
        return None
    return [_link(area, grade, area.start, grade.end, "fronted_area")]


_PAIR_GAP = re.compile(r"^[ \t]*(?:[:|\-\u2013=][ \t]*)?[\"']?$")


def inline_pairs(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A table flattened onto one line: "Preventing crime Good Investigating crime Adequate"."""
    grade = grades[index]
    folded = text.folded
    line_start, line_end = text.line_start(grade.start), text.line_end(grade.start)
    line = folded[line_start:line_end]
    if len(line) > 400 or re.search(r"[.!?;](?:\s|$)", line):
        return None
    areas = text.areas_between(line_start, line_end)
    words = [g for g in grades[index : index + 12] if g.start < line_end]
    if len(areas) < 2 or len(areas) != len(words) or areas[0].start > grade.start:
        return None
    pairs = list(zip(areas, words, strict=True))
    if any(a.end > g.start or not _PAIR_GAP.match(folded[a.end : g.start]) for a, g in pairs):
        return None
    if not _ROW_PREFIX.match(folded[line_start : pairs[0][0].start]):
        return None
    return [_link(a, g, a.start, g.end, "inline_pairs") for a, g in pairs]


# "Responding to the public - requires improvement; investigating crime - adequate.",
# "Managing offenders: 'Outstanding'. Investigating crime: 'Good'.": each pair marked, in prose.
_LABEL_GAP = re.compile(r"[ \t]*[:\-\u2013=|][ \t]*[\"']?")
_PAIR_OPENS = re.compile(r"(?:^|[.;:]\s+|,\s+(?:and\s+)?)[\"'*]?$")
_PAIR_ENDS = re.compile(r"[\"']?[ \t]*(?:[.;,]|$)", re.MULTILINE)


def labelled_pairs(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """An area, a colon or dash, and its grade, as a clause of its own in running text."""
    grade = grades[index]
    folded = text.folded
    area = text.area_ending_before(grade.start)
    if area is None or grade.start - area.end > 8:
        return None
    if not _LABEL_GAP.fullmatch(folded, area.end, grade.start):
        return None
    if not _PAIR_ENDS.match(folded, grade.end):
        return None
    opening = max(text.line_start(area.start), area.start - 40)
    if not _PAIR_OPENS.search(folded[opening : area.start]):
        return None
    return [_link(area, grade, area.start, grade.end, "labelled_pairs")]


_HEADING_STRIP = " \t*_#:-\u2022\"'"
_ITEM_STRIP = " \t*_-\u2022\u00b7>;,.:\"'"


def _lone_area_line(text: Text, line: tuple[int, int] | None) -> bool:
    if line is None:
        return False
    areas = text.areas_between(*line)
    if len(areas) != 1:
        return False
    row = text.folded[line[0] : line[1]]
    rest = row[: areas[0].start - line[0]] + row[areas[0].end - line[0] :]
    return not rest.strip(_ITEM_STRIP)


def _adjacent_unbulleted(text: Text, line: tuple[int, int], grade: Mention) -> bool:
    between = text.folded[line[1] : text.line_start(grade.start)]
    return between.count("\n") <= 1 and not re.match(
        r"\s*[-*\u2022\u00b7>]", text.folded[line[0] :]
    )


def grade_heading(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A grade as a heading over a list of areas, one to a line:
    "Good:" / "- Preventing crime" / "- Investigating crime"."""
    grade = grades[index]
    if text.carries_on(grade.start):
        return None
    folded = text.folded
    line_start, line_end = text.line_start(grade.start), text.line_end(grade.start)
    word = folded[grade.start : grade.end].strip("\"'")
    if folded[line_start:line_end].strip(_HEADING_STRIP) != word:
        return None
    previous = text.previous_line(grade.start)
    if previous and _lone_area_line(text, previous) and _adjacent_unbulleted(text, previous, grade):
        return None  # "Area" / "Grade" / "Area" / "Grade": a table one cell to a line
    links: list[Link] = []
    position = line_end + 1
    for _ in range(12):
        if position >= len(folded):
            break
        start, end = text.line_start(position), text.line_end(position)
        position = end + 1
        row = folded[start:end]
        if not row.strip():
            if links:
                break
            continue
        areas = text.areas_between(start, end)
        if len(areas) != 1:
            break
        rest = row[: areas[0].start - start] + row[areas[0].end - start :]
        if rest.strip(_ITEM_STRIP):
            break
        links.append(_link(areas[0], grade, grade.start, areas[0].end, "grade_heading"))
    return links or None


_ANAPHOR = re.compile(
    r"(?:^|[.;]\s+)(?:all\s+(?P<n>two|three|four|five|six|seven|eight|nine)|both|all\s+of\s+them"
    r"|each\s+of\s+them|these\s+(?:\w+\s+)?areas|they)\s+(?:were|are|have\s+(?:all\s+)?been)\s+"
    r"(?:all\s+|both\s+)?(?:rated|graded|judged|assessed|deemed|found)\s+(?:as\s+|to\s+be\s+)?"
    r"(?:being\s+)?[\"']?$",
    re.IGNORECASE,
)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def areas_named_before(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A grade for the areas just listed: "... 'A', 'B', and 'C'. All three were rated as
    requiring improvement", "Both were judged good"."""
    grade = grades[index]
    folded = text.folded
    anaphor = _ANAPHOR.search(folded, max(0, grade.start - 70), grade.start)
    if anaphor is None:
        return None
    sentence = text.sentence_start(anaphor.start() + 1, 400)
    previous = text.sentence_start(max(0, sentence - 2), 400)
    areas = text.areas_between(previous, anaphor.start() + 1)
    wanted = _NUMBERS.get((anaphor.group("n") or "").lower())
    listed = _last_list(text, areas)
    if not listed or (wanted and len(listed) != wanted):
        return None
    return [_link(area, grade, listed[0].start, grade.end, "areas_named_before") for area in listed]


def _last_list(text: Text, areas: list[Mention]) -> list[Mention]:
    """The last run of areas written as one list ("'A', 'B', and 'C'")."""
    run: list[Mention] = []
    for area in areas:
        gap = text.folded[run[-1].end : area.start] if run else ""
        if run and (len(gap) <= 24 and _LIST_GAP.match(gap) or _ITEM_TAIL.match(gap)):
            run.append(area)
        else:
            run = [area]
    return run


# The rest of a quoted item the vocabulary only partly knows, then the list goes on:
# "'operating efficiently and providing sustainable services', and 'the way it ...'".
_ITEM_TAIL = re.compile(
    r"^(?:[^.;:\n\"']|\n(?![ \t]*\n)){0,50}[\"']\s*(?:,\s*(?:and\s+)?|and\s+)[\"']$"
)


def change_of_grade(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """ "moved from 'requires improvement' to 'good'": the first grade is the earlier one (not
    this inspection's); the second is read by the recognisers after this one."""
    grade = grades[index]
    folded = text.folded
    if not _FROM_BEFORE.search(folded, max(0, grade.start - 8), grade.start):
        return None
    if index + 1 >= len(grades) or not _TO_AFTER.match(folded[grade.end : grades[index + 1].start]):
        return None
    return []  # claimed: the earlier grade is dropped


# "The overall grading for West Mercia in this report was 'requires improvement'".
_GRADING_WAS = re.compile(
    r"\b(?:overall\s+)?(?:grading|grade|rating|judgement|judgment|finding)\s+(?:for|of|given\s+to)"
    r"\s+(?:[^.;:!?\n]|\n(?![ \t]*\n)){1,60}?\s+(?:was|is|remains)\s+(?:that\s+)?(?:an?\s+)?"
    r"[\"']?$",
    re.IGNORECASE,
)
# The force (or its service) as the subject of "requires improvement": "the report's overall
# finding is that the force's service requires improvement".
_FORCE_NEEDS = re.compile(
    r"\b(?:the\s+force(?:'s\s+(?:service|performance))?|it|the\s+constabulary"
    r"|(?-i:[A-Z][\w\-]+)\s+(?:police|constabulary))\s+(?:still\s+|now\s+|overall\s+)?[\"']?$",
    re.IGNORECASE,
)
# After a grade, a preposition and words that name no area: a question or a part of one
# ("rated 'inadequate' for vulnerability", "good in the way it ..."), not the inspection's
# grade; unless the words are about the report ("in its latest report", "for the third year").
_UNKNOWN_AFTER = re.compile(
    r"[\"']?\s+(?:for|at|in|on)\s+(?!(?:the|its|this|their|a)\s+(?:\w+\s+){0,2}?(?:report|inspection"
    r"|assessment|year|time|round|cycle|programme)s?\b|(?:19|20)\d\d|each|all|every|both|the\s+board"
    r"|overall|terms)\w",
    re.IGNORECASE,
)


def rating_without_area(text: Text, grades: list[Mention], index: int) -> list[Link] | None:
    """A rating with no area named: "rated 'good'", "the grading of 'outstanding'", "received a
    good grade", "an overall rating of 'good'". It belongs to what the inspection grades as a
    whole (decided later: the pillar of a pillar report, else overall)."""
    grade = grades[index]
    folded = text.folded
    verb = _verb_before(text, grade)
    noun_of = _NOUN_OF.search(folded, max(0, grade.start - 30), grade.start)
    noun_after = _NOUN_AFTER.match(folded, grade.end)
    article = re.search(
        r"\b(?:an?|the|its|this|their|our|your|overall)\s+$|'s\s+$",
        folded[max(0, grade.start - 14) : grade.start],
        re.I,
    )
    grading_was = _GRADING_WAS.search(folded, max(0, grade.start - 110), grade.start)
    word = folded[grade.start : grade.end].strip("\"'")
    force_needs = _VERB_FORM.match(word) and _FORCE_NEEDS.search(
        folded, max(0, grade.start - 60), grade.start
    )
    if not (
        _strong(verb, text, grade)
        or noun_of
        or (noun_after and article)
        or grading_was
        or (force_needs and _CLAUSE_AFTER.match(folded, grade.end))
    ):
        return None
    if _UNKNOWN_AFTER.match(folded, grade.end) and not _NOUN_AFTER.match(folded, grade.end):
        return []  # graded for something the vocabulary does not name: claimed and dropped
    if noun_after and not verb and not noun_of and not _awarding_nearby(text, grade):
        return None
    start = verb.start() if verb else (noun_of.start() if noun_of else grade.start)
    overall = bool(
        re.search(r"\boverall\b", folded[max(0, grade.start - 30) : grade.end + 12], re.I)
    )
    return [_link(None, grade, start, grade.end, "rating_without_area", overall=overall)]


def _awarding_nearby(text: Text, grade: Mention) -> bool:
    start = text.sentence_start(grade.start)
    end = text.sentence_end(grade.end, 200)
    return bool(
        re.search(
            r"\b(?:awarded|received|achieved|given|attributed|gave|welcomed|welcomes|celebrated"
            r"|retained|rating|rates|rated|keeping|kept)\b",
            text.folded[start:end],
            re.IGNORECASE,
        )
    )


# The order matters: the first recogniser to claim a grade word wins.
RECOGNISERS: tuple[Recogniser, ...] = (
    change_of_grade,
    bracketed_grade,
    inline_pairs,
    table_row,
    labelled_pairs,
    grade_first_row,
    stacked_rows,
    grade_heading,
    every_area,
    areas_named_before,
    area_subject,
    possessive_area,
    noun_adjunct,
    grade_then_areas,
    fronted_area,
    areas_listed_after,
    rating_without_area,
)
