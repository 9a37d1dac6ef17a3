"""Which force a letter is about, from the force and area names it uses.

Every mention of a force's name or alias (longest first, on word boundaries) scores points by
where it stands: the commissioner's own title ("Police and Crime Commissioner for X") most,
then the letterhead, then the title of the report answered, then one point per mention in the
body. Regional names ("East Midlands") are not in the vocabulary and so never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.vocabulary import FORCES

from .text import Vocabulary

_NAME_TO_FORCE = {}
_PHRASES = set()
_CASE_SENSITIVE = set()
for _term in FORCES:
    for _name in _term.all_names:
        _name = _name.replace("\u2019", "'")
        _NAME_TO_FORCE[_name.lower()] = _term.name
        _PHRASES.add(_name)
        # Acronyms, "the Met" and county abbreviations ("Beds") are ordinary words in lower case.
        if _name.isupper() or _name.startswith("the ") or _name in _term.abbreviations:
            _CASE_SENSITIVE.add(_name)
FORCE_NAMES = Vocabulary(_PHRASES, case_sensitive=_CASE_SENSITIVE)

_TITLE_BEFORE = re.compile(
    r"(?:commissioner|mayor|policing\s+body|inspection|report)[*_]*\s+"
    r"(?:for|of|on|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "the Chief Constable of X": usually this force's, but a chief officer who moved to another
# force is named so too ("left to become Chief Constable of X"), so it weighs like a letterhead.
_CHIEF_OF_BEFORE = re.compile(r"chief\s+constable[*_]*\s+(?:of|for)\s+(?:the\s+)?$", re.I)

WEIGHT_TITLE = 20  # "Commissioner for X", "Mayor of X"
WEIGHT_HEADER = 5  # the letterhead and address block
WEIGHT_SUBJECT = 2  # the "Re:" line or the first paragraph: what the letter answers
WEIGHT_BODY = 1


@dataclass(frozen=True)
class ForceMention:
    force: str
    start: int
    end: int
    weight: int


def _key(name: str) -> str:
    return " ".join(name.lower().replace("&", " and ").split())


_KEY_TO_FORCE = {_key(name): force for name, force in _NAME_TO_FORCE.items()}


def _canonical(matched: str) -> str | None:
    return _KEY_TO_FORCE.get(_key(matched))


# "the West Midlands regional response": a region that shares a force's name.
_REGION_AFTER = re.compile(r"[\s*_]+region(?:al|s)?\b", re.IGNORECASE)


# A letter names its force and a few others; a text naming thousands is read for its first ones.
MAX_FORCE_MENTIONS = 1000


def force_mentions(folded: str) -> list[tuple[str, int, int]]:
    found = []
    for start, end in FORCE_NAMES.spans(folded)[:MAX_FORCE_MENTIONS]:
        force = _canonical(folded[start:end])
        if force and not _REGION_AFTER.match(folded, end):
            found.append((force, start, end))
    return found


def find_force(
    folded: str, *, header_end: int, subject_end: int, title_spans=(), headline=None
) -> ForceMention | None:
    """The best-supported force, with the span of its most telling mention.

    A headline counts like a letterhead: a story's subject is the force it names first.
    """
    scores: dict[str, int] = {}
    best: dict[str, ForceMention] = {}
    for force, start, end in force_mentions(folded):
        before = folded[max(0, start - 40) : start]
        if any(s <= start < e for s, e in title_spans) or _TITLE_BEFORE.search(before):
            weight = WEIGHT_TITLE
        elif (
            _CHIEF_OF_BEFORE.search(before)
            or start < header_end
            or (headline and headline.start <= start < headline.end)
        ):
            weight = WEIGHT_HEADER
        elif start < subject_end:
            weight = WEIGHT_SUBJECT
        else:
            weight = WEIGHT_BODY
        scores[force] = scores.get(force, 0) + weight
        if force not in best or weight > best[force].weight:
            best[force] = ForceMention(force, start, end, weight)
    if not scores:
        return None
    winner = max(scores, key=lambda force: (scores[force], -best[force].start))
    return best[winner]
