"""The words grades are read from: area names as people write them, and the grade scale.

An area is named by the inspectorate's own names and aliases (``inspections.vocabulary``:
AREAS and PILLARS) and by the wordings its questions and reports use across cycles, inflected
and reordered the way letters and news stories write them: "responds to the public", "how well
it managed the most prolific offenders", "how and when it records crime", "building, supporting
and protecting its workforce", "reducing crime and keeping people safe", "how legitimately it
keeps people safe". These wordings are stems and word orders, never the sentences of one text.

A grade is a word of the five-point scale, in quotes or not, with its inflections ("requiring
improvement", "deemed to require improvement", "in need of improvement") and the scale's ends
named in words ("the lowest possible rating" is inadequate).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from inspections.vocabulary import AREAS, PILLARS

from ..text import Vocabulary, trie_pattern

_AREA_KEYS: dict[str, str] = {}
for _term in (*AREAS, *PILLARS):
    for _name in _term.all_names:
        _AREA_KEYS[" ".join(_name.lower().replace("&", "and").split())] = _term.key
AREA_NAMES = Vocabulary(_AREA_KEYS)
AREA_RE = AREA_NAMES.pattern

_DET = r"(?:(?:the|its|their|his|her|our|a|an)\s+)?"
# "keeping people safe and reducing crime" in any order and inflection: the 2014-19 pillars' own
# question ("How effective / efficient / legitimate is the force at keeping people safe and
# reducing crime?").
_SAFE = (
    r"(?:keep\w*\s+(?:people|the\s+public|communities)\s+safe(?:r)?\s*(?:,|and|&)\s*reduc\w*\s+crime"
    r"|reduc\w*\s+crime\s*(?:,|and|&)\s*keep\w*\s+(?:people|the\s+public|communities)\s+safe(?:r)?)"
)
# Wordings per area key, most specific first. Each is matched on word boundaries.
# A question may be wrapped onto a second line (a table cell in a PDF), never across a blank line.
_QUESTION = (
    r"how\s+{adverb}\s+(?:is|does|do)\s+(?:the\s+force|it|they)\b"
    r"(?:[^.;?\n]|\n(?![ \t]*\n)){{0,90}}"
)
_WORDINGS: dict[str, tuple[str, ...]] = {
    "effectiveness": (
        _QUESTION.format(adverb=r"effective(?:ly)?"),
        r"(?:how\s+)?effective(?:ly)?\s+(?:(?:it|the\s+force)\s+(?:is\s+)?)?(?:at\s+)?" + _SAFE,
        r"effectiveness\s+(?:at|in)\s+" + _SAFE,
        r"(?:overall\s+)?effectiveness",
    ),
    "efficiency": (
        _QUESTION.format(adverb=r"efficient(?:ly)?"),
        r"(?:how\s+)?efficient(?:ly)?\s+(?:(?:it|the\s+force)\s+(?:is\s+)?)?(?:at\s+)?" + _SAFE,
        r"(?:the\s+)?efficiency\s+(?:with\s+which\s+(?:it|the\s+force)\s+)?" + _SAFE,
        r"how\s+efficiently\s+(?:it|the\s+force|they)\s+(?:operates?|manages?)\b"
        r"(?:[^.;?\n]|\n(?![ \t]*\n)){0,60}",
        r"overall\s+efficiency",
    ),
    "legitimacy": (
        _QUESTION.format(adverb=r"legitimate(?:ly)?"),
        r"(?:how\s+)?legitimate(?:ly)?\s+(?:(?:it|the\s+force)\s+(?:is\s+)?)?(?:at\s+)?" + _SAFE,
        r"(?:how\s+)?(?:it\s+|the\s+force\s+|they\s+)?legitimately\s+(?:it\s+|the\s+force\s+)?"
        r"(?:keeps|treats|keep|treat)\b(?:[^.;?\n]|\n(?![ \t]*\n)){0,50}",
        r"(?:the\s+way|how)\s+(?:it|the\s+force|they)\s+treats?\s+the\s+public\s+and\s+its\s+workforce",
        r"overall\s+legitimacy",
    ),
    # The three pillars' shared words, alone: which pillar they are depends on the report.
    "keeping-people-safe": (_SAFE,),
    "treatment-of-the-public": (
        r"police\s+powers\s+and\s+(?:public\s+treatment|treat\w*\s+the\s+public\s+fairly"
        r"(?:\s+and\s+respectfully)?)",
        r"engag\w*\s+with\s+(?:and\s+treat\w*\s+)?" + _DET + r"(?:public|people|communities)"
        r"(?:\s+(?:with\s+fairness\s+and\s+respect|fairly(?:\s+and\s+(?:with\s+)?respect\w*)?))?",
        r"treat\w*\s+" + _DET + r"(?:public|people)(?:\s+it\s+serves)?\s+(?:with\s+fairness\s+and"
        r"\s+respect|fairly(?:\s+and\s+(?:with\s+)?respect\w*)?)",
        r"(?:fair\s+)?treatment\s+of\s+the\s+public",
    ),
    "preventing-crime": (
        r"prevent\w*(?:\s+and\s+deter\w*)?\s+(?:crime|offending)(?:\s*,?\s+(?:and\s+)?(?:tackl\w*\s+)?"
        r"(?:anti-?\s?social\s+behaviour|asb))?(?:,?\s+and\s+reduc\w*\s+vulnerability)?",
        r"crime\s+prevention",
        r"tackl\w*\s+anti-?\s?social\s+behaviour",
    ),
    "responding-to-the-public": (
        r"respon\w*\s+to\s+(?:the\s+)?public",
        r"response\s+to\s+the\s+public",
    ),
    "investigating-crime": (
        r"investigat\w*\s+(?:crime|offending|offences)(?:\s+and\s+reduc\w*\s+re-?offending)?",
    ),
    "protecting-vulnerable-people": (
        r"protect\w*\s+(?:the\s+)?(?:most\s+)?vulnerable(?:\s+(?:people|victims|from\s+harm))?",
        r"protect\w*\s+(?:those|people)\s+who\s+are\s+vulnerable",
    ),
    "managing-offenders": (
        r"manag\w*\s+(?:the\s+)?(?:most\s+)?(?:(?:prolific|dangerous|violent|sexual|registered)"
        r"\s+(?:and\s+\w+\s+)?)?offenders(?:\s+and\s+suspects)?",
        r"management\s+of\s+(?:the\s+)?offenders(?:\s+and\s+suspects)?",
        r"offender\s+management",
    ),
    "workforce": (
        r"build\w*,?\s+support\w*,?\s+and\s+protect\w*\s+" + _DET + r"workforce",
        r"support\w*\s+and\s+protect\w*\s+" + _DET + r"workforce",
        r"(?:develop|build|creat|maintain)\w*\s+a\s+positive\s+workplace",
        r"(?:safe,\s+productive\s+and\s+)?positive\s+workplace",
        # The 2023 area by its short name, said to be one: "the workforce area".
        r"workforce(?=\s+(?:area|grade|grading|rating|question)\b)",
    ),
    "use-of-resources": (
        r"(?:good|best|making\s+(?:the\s+)?best|efficient)\s+use\s+of\s+(?:its\s+)?resources",
        r"(?:the\s+way|how)\s+(?:it|the\s+force)\s+use[sd]?\s+its\s+resources",
        r"leadership\s+and\s+force\s+management",
        r"use\s+of\s+(?:its|their|the\s+force's)\s+resources",
        r"value\s+for\s+money",
    ),
    "crime-data-integrity": (
        r"crime\s+data\s+integrity",
        r"record\w*\s+(?:of\s+)?data\s+about\s+crime",
        r"(?:how|the\s+way)\s+(?:and\s+when\s+|well\s+|accurately\s+)?(?:it|the\s+force)\s+records"
        r"\s+crime",
        r"crime\s+recording",
        r"recording\s+(?:of\s+)?crime",
        r"(?:crime\s+)?data\s+recording",
    ),
    "victim-service": (
        r"(?:providing\s+a\s+)?service\s+to\s+victims(?:\s+of\s+crime)?",
        r"support\w*\s+(?:for\s+)?victims(?:\s+of\s+crime)?",
    ),
    "serious-organised-crime": (
        r"(?:tackl\w*\s+|disrupt\w*\s+)?serious\s+(?:and\s+)?organised\s+crime",
        r"(?:tackl\w*\s+)?organised\s+crime\s+groups",
    ),
}
# Every wording starts with one of these stems: one trie test per word start, before trying the
# wordings one by one, keeps the scan fast on long texts.
_STEMS = (
    "how", "the", "overall", "fair", "tackl", "disrupt", "good", "best", "making", "effective",
    "efficien", "legitima", "police", "engag", "treat", "prevent", "crime", "respon",
    "investigat", "protect", "manag", "offender", "build", "support", "develop", "positive",
    "safe", "leadership", "value", "record", "serious", "organised", "it", "keep", "reduc",
    "use", "workforce",
    "they", "data", "service", "providing",
)  # fmt: skip
_WORDING_RE = re.compile(
    r"\b(?="
    + trie_pattern(list(_STEMS)).replace(r"\b", "")
    + r")(?:"
    + "|".join(
        f"(?P<w{index}>{'|'.join(patterns)})" for index, patterns in enumerate(_WORDINGS.values())
    )
    + r")\b",
    re.IGNORECASE,
)
_WORDING_KEYS = {f"w{index}": key for index, key in enumerate(_WORDINGS)}

GRADE_WORDS = (
    r"outstanding|good|adequate|requires\s+improvement|requiring\s+improvement"
    r"|require\s+improvement|required\s+improvement|inadequate"
)
# The grade scale's words, their inflections, and its ends named in words.
_GRADE_RE = re.compile(
    r"(?=[\"']?"
    + trie_pattern(
        [
            "outstanding",
            "good",
            "adequate",
            "inadequate",
            "requir",
            "need",
            "in need",
            "the",
            "lowest",
            "highest",
        ],
        prefixes=True,
    )
    + r")(?P<q1>[\"'])?\b(?P<g>outstanding|good|adequate|inadequate"
    r"|(?:requires?|requiring|required|needs?|needing|in\s+need\s+of)\s+(?:an?\s+)?improvement"
    r"|(?:the\s+)?(?:lowest|highest)\s+(?:possible\s+)?(?:rating|grade|grading|judgement))\b"
    r"(?P<q2>[\"'])?",
    re.IGNORECASE,
)


def grade_key(word: str) -> str:
    word = " ".join(word.lower().split())
    if "improvement" in word:
        return "requires-improvement"
    if "lowest" in word:
        return "inadequate"
    if "highest" in word:
        return "outstanding"
    return word


def area_key(phrase: str) -> str | None:
    return _AREA_KEYS.get(" ".join(phrase.lower().replace("&", "and").split()))


@dataclass(frozen=True)
class Mention:
    key: str
    start: int  # of the word (or opening quote)
    end: int
    quoted: bool = False


def area_mentions(folded: str) -> list[Mention]:
    """Every area named, longest wording first where several overlap."""
    found = [
        Mention(_generic(folded[start:end], area_key(folded[start:end]) or ""), start, end)
        for start, end in AREA_NAMES.spans(folded)
    ]
    for match in _WORDING_RE.finditer(folded):
        found.append(Mention(_WORDING_KEYS[match.lastgroup], match.start(), match.end()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


_SAFE_ONLY = re.compile(_SAFE + r"$", re.IGNORECASE)


def _generic(phrase: str, key: str) -> str:
    """ "keeping people safe and reducing crime" alone is any 2014-17 pillar's question."""
    return "keeping-people-safe" if key == "effectiveness" and _SAFE_ONLY.match(phrase) else key


def grade_matches(folded: str, most: int) -> tuple[list[re.Match[str]], bool]:
    """The first ``most`` grade words' matches, and whether the text has more."""
    found = list(itertools.islice(_GRADE_RE.finditer(folded), most + 1))
    return found[:most], len(found) > most


def grade_mentions(
    folded: str,
    areas: list[Mention],
    skip: list[tuple[int, int]] = (),
    matches: list[re.Match[str]] | None = None,
) -> list[Mention]:
    """Grade words, leaving out those inside an area's name ("Good use of resources") and those
    inside the spans in ``skip`` (summary counts)."""
    starts = [a.start for a in areas]
    skip_starts = [span[0] for span in skip]
    found = []
    for match in _GRADE_RE.finditer(folded) if matches is None else matches:
        index = bisect.bisect_right(starts, match.start("g")) - 1
        if index >= 0 and areas[index].end > match.start("g"):
            continue
        position = bisect.bisect_right(skip_starts, match.start()) - 1
        if position >= 0 and skip[position][1] > match.start():
            continue
        word = match.group("g").lower()
        if word.startswith(("need", "in need")) and not _rated_need(folded, match.start()):
            continue
        quoted = bool(match.group("q1") and match.group("q2"))
        start = match.start() if quoted else match.start("g")
        end = match.end() if quoted else match.end("g")
        found.append(Mention(grade_key(word), start, end, quoted))
    return found


_NEED_BEFORE = re.compile(
    r"\b(?:seen|judged|found|rated|graded|assessed|deemed|considered|be|being|as|its?)\s+"
    r"(?:to\s+|as\s+)?(?:be\s+)?$|[\"']$",
    re.IGNORECASE,
)


def _rated_need(folded: str, start: int) -> bool:
    """ "needs improvement" is a grade only as a judgement ("judged to need improvement", "in
    need of improvement" quoted or after a verb), not a remark ("it needs improvement in")."""
    return bool(_NEED_BEFORE.search(folded, max(0, start - 30), start))
