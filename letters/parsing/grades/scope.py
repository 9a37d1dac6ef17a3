"""Whose grade it is: a grade read from the text counts only when it belongs to this force and
this inspection. Each filter names one way a text states a grade that is not: a list of the
grade scale, a negation, a national statistic, an earlier report, an aim, another force or the
fire service, a hypothetical, or a question inside a report rather than the report's grade.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .context import Link, Text
from .words import Mention

_SCALE_GAP = re.compile(
    r"^[\s,;/|\"'*\-\u2022\u00b7]*(?:\d{1,2}[.)]\s*)?(?:(?:and|or|to|then|through|nor)\b)?"
    r"[\s,;/|\"'*\-\u2022\u00b7]*(?:\d{1,2}[.)]\s*)?$",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    # "no area was found inadequate", "none of its headings is ...", "no areas requiring ..."
    r"\b(?:no|none\s+of|neither|nor)\s+(?:[\w']+\s+){0,3}?(?:was|were|is|are|has\s+been"
    r"|have\s+been|received|got|given|rated|graded|judged|found|assessed|deemed)\b[^.;:!?]{0,80}$"
    r"|\bno\s+(?:[\w']+\s+){0,2}[\"']?$"
    # "was not rated good", "has not identified any area which requires improvement"
    r"|\b(?:not|never|n't)\s+(?:\w+\s+){0,2}?(?:be\s+|been\s+)?(?:rated|graded|judged|found"
    r"|assessed|deemed|given|awarded|receive[sd]?|get|got|achieve[sd]?|identif\w+|considered)\b"
    r"[^.;:!?]{0,80}$"
    # comparisons: "below 'adequate'", "rather than good"
    r"|\b(?:below|above|rather\s+than|instead\s+of|short\s+of|better\s+than|worse\s+than)\s+"
    r"(?:an?\s+|the\s+)?[\"']?$",
    re.IGNORECASE,
)
_NATIONAL = re.compile(
    r"\b(?:forces|(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|most|some"
    r"|other|all)\s+(?:other\s+)?(?:police\s+)?forces|no\s+other\s+force|the\s+only\s+(?:other\s+)?"
    r"force|one\s+of\s+(?:only\s+)?(?:\w+\s+)?forces|nationally|across\s+the\s+country"
    r"|policing\s+(?:overall|as\s+a\s+whole))\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    # (Not "had been graded": minutes and reports backshift this inspection's grades too.)
    r"\b(?:last\s+year'?s?|previous(?:ly)?|earlier|formerly|former|prior|used\s+to"
    r"|was\s+once|a\s+year\s+ago|reports\s+(?:that|which)|(?:the|a)\s+year\s+(?:before|earlier)"
    r"|the\s+previous\s+year"
    r"|since\s+the\s+(?:last|previous)\s+(?:inspection|report)"
    r"|before\s+(?:his|her|their|its|that|then)|the\s+final\s+(?:\w+\s+)?report"
    r"|since\s+(?:19|20)\d\d|back\s+in)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?:in|from|of|during)\s+(?P<y>(?:19|20)\d\d)\b(?![/\-]\d)", re.I)
_ASPIRATION = re.compile(
    r"\b(?:aim\w*|goal|ambitions?|aspir\w*|strive|striving|hope\w*|want\w*|so\s+(?:that\s+)?we"
    r"\s+can\s+be|on\s+the\s+road\s+to|to\s+become|rise\s+to|work\s+towards|target|should\s+bring"
    r"|(?:could|would|will|might|can|may)\s+(?:now\s+|then\s+|still\s+|soon\s+)?be"
    r"|to\s+be\s+judged)\b",
    re.IGNORECASE,
)
_FIRE = re.compile(r"\bfire\s+(?:and\s+rescue\s+)?service\b", re.IGNORECASE)
_QUESTION_LEVEL = re.compile(
    r"^[\"']?\s*(?:in|across|for)\s+(?:(?:some|several|certain|many|most|other|a\s+number\s+of"
    r"|two|three|four|five|six|a\s+few)\s+(?:of\s+the\s+)?(?:\w+\s+)?areas|areas\s+(?:including"
    r"|such\s+as))\b"
    r"|^[\"']?\s*(?:to\s+(?:its|the)\s+future|in\s+places)\b",
    re.IGNORECASE,
)
_STRAND = re.compile(
    r"\b(?:within|in)\s+the\s+\w+\s+(?:strand|pillar|section)\b|\bsub[\s-]?categor", re.IGNORECASE
)

Filter = Callable[[Text, Link, dict], str | None]


def scale_runs(text: Text) -> set[int]:
    """Offsets of grade words listed as a scale: three or more grade words with nothing but
    commas, "or", "and", "to", bullets or numbers between ("outstanding, good, adequate, ...")."""
    listed: set[int] = set()
    run: list[Mention] = []
    for grade in [*text.grades, None]:
        if (
            grade is not None
            and run
            and grade.start - run[-1].end <= 30
            and _SCALE_GAP.match(text.folded[run[-1].end : grade.start])
        ):
            run.append(grade)
            continue
        if len({m.key for m in run}) >= 3 or _either_or(text, run):
            listed.update(m.start for m in run)
        run = [grade] if grade is not None else []
    return listed


def _either_or(text: Text, run: list[Mention]) -> bool:
    """ "either good or adequate", "outstanding, good or adequate": alternatives, not a grade."""
    if len(run) < 2:
        return False
    gaps = [text.folded[a.end : b.start] for a, b in zip(run, run[1:], strict=False)]
    return any(re.search(r"\bor\b", gap) for gap in gaps)


def _scale(text: Text, link: Link, facts: dict) -> str | None:
    return "a list of the grade scale" if link.at in facts["scale"] else None


def _clause(text: Text, link: Link) -> str:
    start = text.clause_start(link.at)
    return text.folded[start : link.at]


def _negated(text: Text, link: Link, facts: dict) -> str | None:
    before = text.folded[text.sentence_start(link.at, 160) : link.at]
    return "negated" if _NEGATION.search(before) else None


_SUBJECT_VERB = re.compile(
    r"\s+(?:[\w,]+\s+){0,3}?(?:were|was|are|is|have|had|been|being|performing|judged|rated"
    r"|graded|received|got|achieved|to\s+have|who|that)\b",
    re.IGNORECASE,
)


def _national(text: Text, link: Link, facts: dict) -> str | None:
    before = text.folded[text.sentence_start(link.at, 160) : link.at]
    for found in _NATIONAL.finditer(before):
        phrase = found.group().lower()
        if not phrase.endswith("forces") or _SUBJECT_VERB.match(before, found.end()):
            return "a national statistic"
    return None


_PAST_AFTER = re.compile(
    r"[\"']?\s+(?:before|previously|in\s+the\s+past|last\s+year|a\s+year\s+ago)\b", re.I
)


def _past(text: Text, link: Link, facts: dict) -> str | None:
    start = text.sentence_start(link.at, 200)
    before = text.folded[start : link.at]
    if _PAST.search(before) or _PAST_AFTER.match(text.folded, link.word_end):
        return "an earlier report's grade"
    year = facts.get("year")
    if year:
        end = min(text.sentence_end(link.word_end), link.end + 40)
        for match in _YEAR.finditer(text.folded, start, end):
            if int(match.group("y")) < year - 1:
                return "an earlier report's grade"
    return None


def _aspiration(text: Text, link: Link, facts: dict) -> str | None:
    before = _clause(text, link)[-60:]
    return "an aim, not a grade" if _ASPIRATION.search(before) else None


def _fire(text: Text, link: Link, facts: dict) -> str | None:
    before = _clause(text, link)
    return "the fire service's grade" if _FIRE.search(before) else None


def _question_level(text: Text, link: Link, facts: dict) -> str | None:
    after = text.folded[link.word_end : link.word_end + 60]
    before = text.folded[text.sentence_start(link.at, 200) : link.at]
    if _QUESTION_LEVEL.match(after) or _STRAND.search(before):
        return "a question-level grade"
    return None


def _other_force(text: Text, link: Link, facts: dict) -> str | None:
    force = facts.get("force")
    if not force:
        return None
    before_start = text.clause_start(link.at)
    named = [f for f, start, _end in facts["force_mentions"] if before_start <= start < link.at]
    if named and force not in named:
        return "another force's grade"
    return None


FILTERS: tuple[Filter, ...] = (
    _scale,
    _negated,
    _national,
    _past,
    _aspiration,
    _fire,
    _question_level,
    _other_force,
)


def out_of_scope(text: Text, link: Link, facts: dict) -> str | None:
    """Why a link is not this inspection's grade, or None when it is."""
    for check in FILTERS:
        reason = check(text, link, facts)
        if reason:
            return reason
    return None
