"""Reading a person's name: honorifics and post-nominals stripped, places and furniture refused.

A name is a phrase that, once honorifics ("Lord", "Cllr", "The Rt Hon") and post-nominals
("QPM", "DBE KC") are taken off, has a given name and a surname in capitalised words: "Lord
Willy Bach" is "Willy Bach" (the honorific kept apart), "Prof. Hall" is not a full name, and OCR
junk such as "You au, Bail," or a place such as "South Wales" is not a name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.vocabulary import FORCES

from .lexicon import (
    ADDRESS_WORDS,
    FUNCTION_WORDS,
    HONORIFICS,
    NOT_NAME_WORDS,
    PARTICLES,
    POST_NOMINALS,
)

_HONORIFIC_WORDS = sorted(
    {h.lower().rstrip(".") for h in HONORIFICS} | {"the rt hon", "the right honourable"},
    key=len,
    reverse=True,
)
# Longest first, by first word: "the rt hon" before "the".
_HONORIFICS_BY_FIRST: dict[str, list[list[str]]] = {}
for _honorific in _HONORIFIC_WORDS:
    _HONORIFICS_BY_FIRST.setdefault(_honorific.split()[0], []).append(_honorific.split())
POST_NOMINAL_WORDS = {p.lower() for p in POST_NOMINALS}
# Places are not people: "South Wales" before "Police and Crime Commissioner" is the area.
PLACES = {" ".join(name.lower().split()) for term in FORCES for name in term.all_names}
# A Welsh force's area without "Heddlu" ("police"): "Comisiynydd Heddlu a Throseddu De Cymru".
PLACES |= {place.removeprefix("heddlu ") for place in PLACES if place.startswith("heddlu ")}
WORD_RE = re.compile(
    r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'\-]*[a-z\u00df-\u024f][A-Za-z\u00c0-\u024f'\-]*$"
)
_INITIAL_RE = re.compile(r"^[A-Z]\.?$")


# A form's label before a name: "Signed: Jane Smith", "Name: Jane Smith".
_LABEL = re.compile(r"^\s*(?:signed|sgd|name|from|response\s+by)\s*[:\-]\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    name: str
    honorific: str
    offset: int  # where the bare name starts in the string it was read from
    length: int


def strip_honorifics(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Leading honorifics split off: (["Rt", "Hon"], ["Amber", "Rudd", "MP"])."""
    bare = [t.lower().rstrip(".") for t in tokens]
    taken = 0
    changed = True
    while changed and taken < len(tokens):
        changed = False
        for words in _HONORIFICS_BY_FIRST.get(bare[taken], ()):
            if bare[taken : taken + len(words)] == words and len(tokens) > taken + len(words):
                taken += len(words)
                changed = True
                break
    return tokens[:taken], tokens[taken:]


def read_name(raw: str, *, prose: bool = False) -> Name | None:
    """A full personal name in ``raw`` (a whole line or phrase), or None.

    Post-nominals after the name ("Andy Cooke, QPM") and honorifics before it are dropped.
    ``prose``: the phrase comes from a sentence, not an address block, so a surname may be an
    address word ("Michael Lane said") and a place run into the name is dropped ("Kent Jane Doe").
    """
    # Everything after the first comma is post-nominals or a role ("..., Home Secretary").
    head = _LABEL.sub(lambda m: " " * len(m.group()), raw.split(",", 1)[0], count=1)
    if len(head.strip()) > 60 or "(" in head or ":" in head:
        return None
    spans = [
        (m.start(), m.end())
        for m in re.finditer(r"[^\s*_>\"':;]+(?:['\u2019][^\s*_>\"':;]+)?", head)
    ]
    tokens = [head[s:e].replace("\u2019", "'") for s, e in spans]
    while tokens and tokens[-1] in ("-", "|"):
        tokens, spans = tokens[:-1], spans[:-1]
    honorifics, rest = strip_honorifics(tokens)
    spans = spans[len(honorifics) :]
    while rest and rest[-1].strip(".").lower() in POST_NOMINAL_WORDS:
        rest, spans = rest[:-1], spans[:-1]
    if rest:
        rest[-1], spans[-1] = _tidy_last(rest[-1], spans[-1])
    if len(rest) < 2 or len(rest) > 5:
        return None
    if all(t.isupper() and len(t) > 1 for t in rest):
        rest = [t.capitalize() for t in rest]
    if prose:
        dropped = _leading_place(rest)
        rest, spans = rest[dropped:], spans[dropped:]
        if len(rest) < 2:
            return None
    for position, token in enumerate(rest):
        bare = token.strip(".").lower()
        if bare in NOT_NAME_WORDS or bare in POST_NOMINAL_WORDS or bare in FUNCTION_WORDS:
            return None
        if bare in ADDRESS_WORDS and not prose:
            return None
        if WORD_RE.match(token):
            continue
        inner = 0 < position < len(rest) - 1
        if inner and (bare in PARTICLES or _INITIAL_RE.match(token)):
            continue
        return None
    if " ".join(rest).lower() in PLACES:
        return None
    offset = spans[0][0]
    return Name(" ".join(rest), " ".join(honorifics), offset, spans[-1][1] - offset)


# A caption run into the next word: "Ben AdamsImage source", "PCC Matthew EllisResponding".
_GLUED = re.compile(
    r"^(?P<head>[A-Z][a-z\u00df-\u024f'\-]*[a-z\u00df-\u024f]{2})(?P<tail>[A-Z][a-z]{2,}.*)$"
)
_NAME_PREFIXES = ("Mac", "Van", "Von", "Del", "Des", "Fitz", "Della", "Dela")


def _tidy_last(token: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """The last word of a name without a full stop, a possessive ("Hernandez's") or a word run
    into it ("AdamsImage")."""
    start, end = span
    if "." in token[1:-1] and token[token.index(".", 1) + 1 : token.index(".", 1) + 2].isupper():
        token = token[: token.index(".", 1)]  # "Ash-Edwards.Herts": a caption printed twice
        end = start + len(token)
    for suffix in (".", "'s", "'"):
        if token.endswith(suffix) and len(token) > len(suffix) + 1:
            token, end = token[: -len(suffix)], end - len(suffix)
    glued = _GLUED.match(token)
    if glued and glued.group("head") not in _NAME_PREFIXES:
        token = glued.group("head")
        end = start + len(token)
    return token, (start, end)


def _leading_place(tokens: list[str]) -> int:
    """How many leading tokens name a place ("Gloucestershire Chris Nelson": one)."""
    for count in range(min(len(tokens) - 2, 4), 0, -1):
        if " ".join(tokens[:count]).lower().rstrip("'s") in PLACES:
            return count
    return 0
