"""Commissioners' titles as letters, statements and news stories write them.

The keys are those of ``inspections.vocabulary.COMMISSIONER_TITLES`` (one list of titles for the
model, the parser and the admin); this module holds only the wordings each key is written in.
Full titles ("Police, Fire and Crime Commissioner", "Deputy Mayor for Policing and Crime") name
the office in a letterhead or signature; prose adds short forms ("PCC", "the Commissioner",
"Mayor", lower-case "police and crime commissioner") that name it only beside a person's name.

"The Commissioner" of the Metropolitan Police or of the City of London Police is the force's chief
officer, and a victims', children's or information commissioner is another office: neither is
ever a commissioner title here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.vocabulary import COMMISSIONER_TITLES

from .text import squash, trie_pattern

# Full titles, most specific first. Each key must be one of COMMISSIONER_TITLES.
_FULL = {
    "deputy-mayor": (
        r"deputy\s+mayor\s+for\s+policing[\w\s,&']{0,60}?(?:crime|justice)(?:[\w\s,&]{0,40}?fire)?"
    ),
    "pfcc": (
        r"police,?\s+fire\s+(?:(?:and|&)\s+rescue\s+)?(?:and|&)\s+crime\s+commissioner"
        r"|commissioner\s+for\s+police,?\s+fire(?:\s+and\s+rescue)?\s+(?:and|&)\s+crime"
    ),
    "pcc": (
        r"police\s+(?:and|&)\s+crime\s+commissioner"
        r"|police,?\s+crime\s+(?:and|&)\s+victims'?\s+commissioner"
        # Welsh letterheads and statements: "Comisiynydd Heddlu a Throseddu"
        r"|comisiynydd\s+heddlu\s+a\s+throseddu"
    ),
    "mayor": (
        r"mayor\s+of\s+(?:the\s+)?(?:london|greater\s+manchester|west\s+yorkshire"
        r"|south\s+yorkshire|york\s+(?:and|&)\s+north\s+yorkshire|north\s+yorkshire)"
    ),
}
# Short forms that name the office only beside a name ("PCC Jane Smith", "Mayor Jane Smith").
_SHORT = {
    "deputy-mayor": r"deputy\s+mayor",
    "pfcc": r"(?-i:PFCC)|fire\s+(?:and|&)\s+crime\s+commissioner",
    "pcc": r"(?-i:PCCs?|PCVC)|police\s+commissioner|crime\s+commissioner|commissioner",
    "mayor": r"mayor",
}
_KEYS = tuple(key for key, _label in COMMISSIONER_TITLES)
if set(_FULL) != set(_KEYS) or set(_SHORT) != set(_KEYS):
    raise ImportError("letters.parsing.titles must word every key of COMMISSIONER_TITLES")

_ORDER = ("deputy-mayor", "pfcc", "pcc", "mayor")


# OCR reads "m" as "rn": "Cornmissioner", "Comrnissioner" are the same title.
_COMMISSIONER_OCR = r"co(?:mm|rnm|mrn|rnrn)issioner"


def _alternation(wordings: dict[str, str]) -> str:
    return "|".join(
        f"(?P<{key.replace('-', '_')}>{wordings[key].replace('commissioner', _COMMISSIONER_OCR)})"
        for key in _ORDER
    )


# Every title starts with one of these words: one trie test per word start before the wordings.
_FIRST_WORDS = (
    r"(?="
    + trie_pattern(
        [
            "deputy",
            "police",
            "commissioner",
            "cornmissioner",
            "comrnissioner",
            "cornrnissioner",
            "mayor",
            "comisiynydd",
            "pcc",
            "pccs",
            "pfcc",
            "pcvc",
            "fire",
            "crime",
        ]
    )
    + r")"
)
TITLE_RE = re.compile(r"\b" + _FIRST_WORDS + r"(?:" + _alternation(_FULL) + r")", re.IGNORECASE)
PROSE_TITLE_RE = re.compile(
    r"\b"
    + _FIRST_WORDS
    + r"(?:"
    + _alternation({key: f"{_FULL[key]}|{_SHORT[key]}" for key in _ORDER})
    + r")\b",
    re.IGNORECASE,
)

# "Deputy Police and Crime Commissioner", "Office of the PCC": not the commissioner.
_DEPUTY_BEFORE = re.compile(r"\b(?:deputy|assistant|office\s+of\s+the)\s+$", re.IGNORECASE)
# Other commissioners: the Met's and the City's chief officers, and other offices.
_OTHER_COMMISSIONER_BEFORE = re.compile(
    r"(?:\b(?:met|metropolitan|mps|city|london|yard|deputy|assistant|chief|victims'?|children'?s"
    r"|information|equality|biometrics?|surveillance|abuse|slavery|fire|rescue|former|ex)"
    r"|\bcity\s+of\s+london\s+police)[\s'-]*(?:police\s+)?$",
    re.IGNORECASE,
)
_COMMISSIONER_OF_POLICE = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}police\b", re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    key: str
    text: str
    start: int
    end: int
    short: bool = False  # a short form: names the office only beside a name


def _key(match: re.Match[str]) -> str:
    return match.lastgroup.replace("_", "-")


def titles_in(folded: str, start: int = 0, end: int | None = None) -> list[Title]:
    """Full titles between ``start`` and ``end`` (a deputy's or an office's excluded)."""
    end = len(folded) if end is None else end
    found = []
    for match in TITLE_RE.finditer(folded, start, end):
        if _DEPUTY_BEFORE.search(folded, max(0, match.start() - 20), match.start()):
            continue
        found.append(Title(_key(match), squash(match.group()), match.start(), match.end()))
    return found


def prose_titles(folded: str, *, chief_is_commissioner: bool) -> list[Title]:
    """Every title in prose, short forms included.

    ``chief_is_commissioner``: the force's chief officer is styled Commissioner (the Met, the
    City of London), so a bare "Commissioner" there is never the local policing body.
    """
    found = []
    for match in PROSE_TITLE_RE.finditer(folded):
        key = _key(match)
        text = match.group()
        short = TITLE_RE.fullmatch(text) is None
        before = folded[max(0, match.start() - 30) : match.start()]
        # "the office of the Police and Crime Commissioner, Jane Smith" still names her.
        if (
            key != "deputy-mayor"
            and _DEPUTY_BEFORE.search(before)
            and not re.search(r"office\s+of\s+the\s+$", before, re.IGNORECASE)
        ):
            continue
        if _other_commissioner(folded, match, key, short, chief_is_commissioner):
            continue
        found.append(Title(key, squash(text), match.start(), match.end(), short))
    return found


def _other_commissioner(folded, match, key, short, chief_is_commissioner) -> bool:
    """A bare "Commissioner" that is the Met's or the City's chief officer, or another office."""
    if key != "pcc" or not short or not match.group().lower().endswith("commissioner"):
        return False
    before = folded[max(0, match.start() - 30) : match.start()]
    return bool(
        chief_is_commissioner
        or _OTHER_COMMISSIONER_BEFORE.search(before)
        or _COMMISSIONER_OF_POLICE.match(folded, match.end())
    )
