"""People's names as letters write them, read against the names the registry lists (no Django).

Both names are folded first: case and accents (Zoë is Zoe), punctuation, honorifics before the
name ("Sir", "Dame", "Rt Hon", "Cllr" ...), post-nominals after it ("MP", "QPM", "OBE" ...) and
middle initials ("Andrew M Burnham") dropped. Then a written name is the registered person's when

- the folded names are equal ("exact"); or
- the surnames are equal (or end in the same word: a middle name on one side only) and the
  first names are variants of one another ("variant"): one is
  a nickname or the formal name of the other in the hand-curated ``nicknames`` dataset (Andy and
  Andrew, Kate and Kathryn), or in the British forms it lacks (``BRITISH_VARIANTS``: Bev and
  Beverley, Olly and Oliver), or the written first name is the initial of the registered one;
  or
- both halves are within a small misspelling ("spelling"): the surnames at least
  ``SURNAME_THRESHOLD`` alike and the first names at least ``FIRST_NAME_THRESHOLD`` alike (or
  variants), by rapidfuzz's normalised Indel similarity (``fuzz.ratio``, 0-100). "Kathyn
  Holloway" is Kathryn Holloway (first names 92, surnames 100), "Dafydd Llewelyn" Dafydd Llywelyn
  (surnames 87.5); "Alan Billingham" is not Alan Billings (surnames 78).

A one-word "name" ("Sussex", what is left of "The Sussex") never matches: it is page furniture
or a surname alone, which the registry cannot tell apart from another person's.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from nicknames import NickNamer
from rapidfuzz import fuzz

SURNAME_THRESHOLD = 85
FIRST_NAME_THRESHOLD = 80

# Forms the nicknames dataset (American in origin) lacks, as formal name -> its short forms.
BRITISH_VARIANTS: dict[str, frozenset[str]] = {
    "beverley": frozenset({"bev", "beverly"}),
    "oliver": frozenset({"olly", "ollie"}),
    "william": frozenset({"willy", "will", "bill"}),
    "jennifer": frozenset({"jenni", "jenny", "jen"}),
    "kieran": frozenset({"kieron"}),
    "stephen": frozenset({"steve", "steven"}),
    "philip": frozenset({"phil", "phillip"}),
    "douglas": frozenset({"doug"}),
    "zoe": frozenset({"zoey"}),
}

# Honorifics, as sequences of folded words, matched at the start of a name (longest first).
_HONORIFICS = sorted(
    (
        tuple(words.split())
        for words in (
            "the rt hon",
            "the right honourable",
            "right honourable",
            "rt hon",
            "the rt",
            # "The Sussex": a leading article is never part of a person's name.
            "the",
            "sir",
            "dame",
            "lord",
            "lady",
            "the lord",
            "the baroness",
            "baroness",
            "baron",
            "dr",
            "prof",
            "professor",
            "mr",
            "mrs",
            "ms",
            "miss",
            "mx",
            "cllr",
            "councillor",
            "coun",
            "rev",
            "revd",
            "canon",
            "alderman",
            "alderwoman",
            "deputy",
        )
    ),
    key=len,
    reverse=True,
)
_POST_NOMINALS = frozenset(
    [
        "mp",
        "qpm",
        "kpm",
        "obe",
        "mbe",
        "cbe",
        "kbe",
        "dbe",
        "qfsm",
        "kfsm",
        "cb",
        "kc",
        "qc",
        "dl",
        "jp",
        "frsa",
        "phd",
        "msc",
        "llb",
    ]
)
_NOT_LETTERS = re.compile(r"[^\w\s]")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_DASHES = re.compile(r"[-\u2010-\u2015]")


@dataclass(frozen=True)
class Name:
    """A name folded for comparison: its first name and its surname (all words after it)."""

    first: str
    surname: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.surname}"


@dataclass(frozen=True)
class NameMatch:
    kind: str  # exact, variant, spelling
    score: float


# Every letter's signer is compared with each registered name of its force: the registry's
# few hundred names are folded once per load, not once per letter (Name is frozen).
@functools.lru_cache(maxsize=4096)
def fold(name: str) -> Name | None:
    """The name as compared; None when fewer than two words of it are left."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _NOT_LETTERS.sub(" ", _DASHES.sub(" ", text))
    words = text.split()
    words = _without_honorifics(words)
    while words and words[-1] in _POST_NOMINALS:
        words.pop()
    if len(words) > 2:
        # Middle initials: "Andrew M Burnham" is Andrew Burnham.
        words = [words[0], *(word for word in words[1:-1] if len(word) > 1), words[-1]]
    if len(words) < 2:
        return None
    return Name(words[0], " ".join(words[1:]))


def _without_honorifics(words: list[str]) -> list[str]:
    stripped = True
    while stripped and words:
        stripped = False
        for honorific in _HONORIFICS:
            if tuple(words[: len(honorific)]) == honorific:
                words = words[len(honorific) :]
                stripped = True
                break
    return words


def compare(written: Name, registered: Name) -> NameMatch | None:
    """How ``written`` matches ``registered`` (exact, variant or spelling), or None."""
    if written == registered:
        return NameMatch("exact", 100.0)
    surname = fuzz.ratio(written.surname, registered.surname)
    same_surname = surname == 100 or _same_last_word(written, registered)
    if surname < SURNAME_THRESHOLD and not same_surname:
        return None
    first_alike = _first_names_alike(written.first, registered.first)
    if same_surname and first_alike:
        return NameMatch("variant", 100.0)
    first = 100.0 if first_alike else fuzz.ratio(written.first, registered.first)
    if first >= FIRST_NAME_THRESHOLD:
        return NameMatch("spelling", min(first, surname))
    return None


def _same_last_word(written: Name, registered: Name) -> bool:
    """A middle name on one side only: "John Vincent Dwyer" is John Dwyer."""
    return written.surname.split()[-1] == registered.surname.split()[-1]


def _first_names_alike(written: str, registered: str) -> bool:
    if written == registered:
        return True
    if len(written) == 1:
        return registered.startswith(written)
    return bool(variants(written) & variants(registered))


@functools.cache
def _namer() -> NickNamer:
    return NickNamer()


@functools.cache
def variants(first: str) -> frozenset[str]:
    """The name, its nicknames and the formal names it is short for."""
    namer = _namer()
    found = {first, *namer.nicknames_of(first), *namer.canonicals_of(first)}
    for formal, short in BRITISH_VARIANTS.items():
        if first == formal or first in short:
            found |= {formal, *short}
    return frozenset(found)


def best_matches(written: str, registered: Iterable[tuple[object, str]]):
    """The registered entries (key, name) that ``written`` matches best, with the match.

    Returns (match, [keys]) for the best kind and score (several keys when they tie), or
    (None, []) when nothing matches.
    """
    name = fold(written)
    if name is None:
        return None, []
    rank = {"exact": 2, "variant": 1, "spelling": 0}
    best, keys = None, []
    for key, registered_name in registered:
        folded = fold(registered_name)
        match = compare(name, folded) if folded is not None else None
        if match is None:
            continue
        order = (rank[match.kind], match.score)
        if best is None or order > (rank[best.kind], best.score):
            best, keys = match, [key]
        elif order == (rank[best.kind], best.score) and key not in keys:
            keys.append(key)
    return best, keys
