"""People: the commissioner who signed (or, in a statement, speaks) and the person addressed.

A person's name is a line (or phrase) that, once honorifics and post-nominals are stripped,
has a given name and a surname in capitalised words: "Lord Willy Bach" is "Willy Bach" (the
honorific "Lord" kept apart), "Prof. Hall" is not a full name, and OCR junk such as
"You au, Bail," is not a name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from inspections.vocabulary import FORCES

from .lexicon import HONORIFICS, NICKNAMES, NOT_NAME_WORDS, PARTICLES, POST_NOMINALS, RECIPIENTS
from .structure import Layout
from .text import Line, line_at, squash

_HONORIFIC_WORDS = sorted(
    {h.lower().rstrip(".") for h in HONORIFICS} | {"the rt hon", "the right honourable"},
    key=len,
    reverse=True,
)
# Longest first, by first word: "the rt hon" before "the".
_HONORIFICS_BY_FIRST: dict[str, list[list[str]]] = {}
for _honorific in _HONORIFIC_WORDS:
    _HONORIFICS_BY_FIRST.setdefault(_honorific.split()[0], []).append(_honorific.split())
_POST_NOMINALS = {p.lower() for p in POST_NOMINALS}
# Places are not people: "South Wales" before "Police and Crime Commissioner" is the area.
_PLACES = {" ".join(name.lower().split()) for term in FORCES for name in term.all_names}
_WORD_RE = re.compile(
    r"^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f'\-]*[a-z\u00df-\u024f][A-Za-z\u00c0-\u024f'\-]*$"
)
_INITIAL_RE = re.compile(r"^[A-Z]\.?$")


# A form's label before a name: "Signed: Jane Smith", "Name: Jane Smith".
_LABEL = re.compile(r"^\s*(?:signed|sgd|name|from|response\s+by)\s*[:\-]\s*", re.IGNORECASE)
# Roles that make a signature not a commissioner's: "Chair, Police Authority Board".
_OTHER_ROLE = re.compile(
    r"\b(?:chair(?:man|woman|person)?|chief\s+(?:constable|executive|officer)|clerk|director"
    r"|head\s+of|inspector|secretary|manager|officer|on\s+behalf\s+of|deputy\s+police)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Name:
    name: str
    honorific: str
    offset: int  # where the bare name starts in the string it was read from
    length: int


def _strip_honorifics(tokens: list[str]) -> tuple[list[str], list[str]]:
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


def read_name(raw: str) -> Name | None:
    """A full personal name in ``raw`` (a whole line or phrase), or None.

    Post-nominals after the name ("Andy Cooke, QPM") and honorifics before it are dropped.
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
    honorifics, rest = _strip_honorifics(tokens)
    spans = spans[len(honorifics) :]
    while rest and rest[-1].strip(".").lower() in _POST_NOMINALS:
        rest, spans = rest[:-1], spans[:-1]
    if rest and rest[-1].endswith("."):
        rest[-1] = rest[-1][:-1]
        spans[-1] = (spans[-1][0], spans[-1][1] - 1)
    if len(rest) < 2 or len(rest) > 5:
        return None
    if all(t.isupper() and len(t) > 1 for t in rest):
        rest = [t.capitalize() for t in rest]
    for position, token in enumerate(rest):
        bare = token.strip(".").lower()
        if bare in NOT_NAME_WORDS or bare in _POST_NOMINALS:
            return None
        if _WORD_RE.match(token):
            continue
        inner = 0 < position < len(rest) - 1
        if inner and (bare in PARTICLES or _INITIAL_RE.match(token)):
            continue
        return None
    if " ".join(rest).lower() in _PLACES:
        return None
    offset = spans[0][0]
    return Name(" ".join(rest), " ".join(honorifics), offset, spans[-1][1] - offset)


# --- commissioners -----------------------------------------------------------------------

TITLE_RE = re.compile(
    r"(?P<deputy_mayor>deputy\s+mayor\s+for\s+policing[\w\s,&]{0,60}?crime(?:[\w\s,&]{0,40}?fire)?)"
    r"|(?P<pfcc>police,?\s+fire\s+(?:and|&)\s+crime\s+commissioner"
    r"|commissioner\s+for\s+police,?\s+fire(?:\s+and\s+rescue)?\s+(?:and|&)\s+crime)"
    r"|(?P<pcc>police\s+(?:and|&)\s+crime\s+commissioner"
    r"|police,?\s+crime\s+(?:and|&)\s+victims'?\s+commissioner)"
    r"|(?P<mayor>mayor\s+of\s+(?:the\s+)?(?:london|greater\s+manchester|west\s+yorkshire"
    r"|south\s+yorkshire|york\s+(?:and|&)\s+north\s+yorkshire|north\s+yorkshire))",
    re.IGNORECASE,
)
_DEPUTY_BEFORE = re.compile(r"\b(?:deputy|assistant|office\s+of\s+the)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    key: str
    text: str
    start: int
    end: int


def titles_in(folded: str, start: int = 0, end: int | None = None) -> list[Title]:
    end = len(folded) if end is None else end
    found = []
    for match in TITLE_RE.finditer(folded, start, end):
        if _DEPUTY_BEFORE.search(folded[max(0, match.start() - 20) : match.start()]):
            continue
        key = match.lastgroup.replace("_", "-")
        found.append(Title(key, squash(match.group()), match.start(), match.end()))
    return found


@dataclass(frozen=True)
class Signer:
    name: Name
    start: int  # span of the bare name in the text
    end: int
    title: Title | None


def _name_on_line(folded: str, line: Line, limit: int | None = None) -> Name | None:
    text = folded[line.start : limit if limit is not None else line.end]
    return read_name(text)


def _signer_from_title(folded: str, lines: list[Line], title: Title, stop: int) -> Signer | None:
    """The name nearest above the title line (or before it on the same line)."""
    title_line = line_at(lines, title.start)
    before_on_line = folded[title_line.start : title.start].strip(" \t,*_-")
    if " ".join(before_on_line.lower().split()) in _PLACES or before_on_line.lower() in (
        "the",
        "for",
    ):
        before_on_line = ""  # "South Wales Police and Crime Commissioner": a place, not a name
    if before_on_line:
        name = read_name(before_on_line)
        if name is None:
            return None  # the title is inside a sentence, not a signature
        start = title_line.start + folded[title_line.start : title.start].find(name.name.split()[0])
        return Signer(name, start, start + name.length, title)
    seen = 0
    for line in reversed(lines[: title_line.index]):
        if line.start < stop or seen >= 6:
            break
        if line.blank:
            continue
        seen += 1
        name = _name_on_line(folded, line)
        if name:
            start = line.start + name.offset
            return Signer(name, start, start + name.length, title)
    return None


_SIGNATURE_READING = re.compile(r"\breading\s+[\"'](?P<name>[^\"'\n]{3,60})[\"']", re.IGNORECASE)


def find_commissioner(folded: str, layout: Layout) -> Signer | None:
    lines = layout.lines
    # 1. The signature block: a title line after the sign-off, the name above it.
    tail_start = layout.sign_off.start if layout.sign_off else _tail_start(lines)
    for title in titles_in(folded, tail_start):
        signer = _signer_from_title(folded, lines, title, tail_start)
        if signer:
            return signer
    # 2. A name line straight after the sign-off, the office's title in the letterhead; a
    # signer whose role is something else (a board's chair) means there is no commissioner.
    letterhead_titles = titles_in(folded, 0, layout.header_end)
    if layout.sign_off:
        after = lines[layout.sign_off.index + 1 : layout.sign_off.index + 8]
        for position, line in enumerate(after):
            if line.blank:
                continue
            name = _name_on_line(folded, line)
            if name is None:
                continue
            if any(_OTHER_ROLE.search(other.text) for other in after[position + 1 : position + 4]):
                return None
            if letterhead_titles:
                start = line.start + name.offset
                return Signer(name, start, start + name.length, letterhead_titles[0])
            break
            match = _SIGNATURE_READING.search(line.text)
            if match and read_name(match.group("name")):
                name = read_name(match.group("name"))
                start = line.start + match.start("name") + name.offset
                return Signer(name, start, start + name.length, None)
    # 3. The letterhead: "Jane Smith / Police and Crime Commissioner for X" above the salutation.
    for title in titles_in(folded, 0, layout.header_end):
        signer = _signer_from_title(folded, lines, title, 0)
        if signer:
            return signer
    # 4. A statement: "Commissioner Jane Smith said", "Jane Smith, the PCC for X, said".
    return _speaker(folded)


def _tail_start(lines: list[Line]) -> int:
    non_blank = [line for line in lines if not line.blank]
    return non_blank[-8].start if len(non_blank) >= 8 else 0


_NAME_AFTER = re.compile(
    r"\s*(?P<name>(?:[A-Z][\w'\-]+\.?\s+){1,4}[A-Z][\w'\-]+)",
)
# A name before its title on the same line (or across one line break of hard-wrapped prose).
_NAME_BEFORE = re.compile(
    r"(?P<name>(?:[A-Z][\w'\-]+\.?(?:[ \t]+|[ \t]*\n[ \t]*)){1,4}[A-Z][\w'\-]+),?"
    r"(?:[ \t]+|[ \t]*\n[ \t]*)(?:the\s+)?$"
)
_FOR_PLACE = re.compile(r"\s+(?:for|of)\s+[^,\n]{1,50},")
_SHORT_TITLE = re.compile(
    r"\b(?:PCC|PFCC|(?<!Chief\s)Commissioner|Mayor)\b(?=\s+[A-Z])",
)


def _speaker(folded: str) -> Signer | None:
    """The commissioner named as giving a statement's response."""
    candidates: list[tuple[int, Signer]] = []
    titles = list(titles_in(folded))
    for match in _SHORT_TITLE.finditer(folded):
        titles.append(Title(_short_key(match.group()), match.group(), match.start(), match.end()))
    for title in titles:
        # "Commissioner Jane Smith", "the Commissioner for Kent, Jane Smith, said"
        skip = _FOR_PLACE.match(folded, title.end, min(len(folded), title.end + 60))
        name_from = skip.end() if skip else title.end
        after = _NAME_AFTER.match(folded, name_from, min(len(folded), name_from + 80))
        before = _NAME_BEFORE.search(folded, max(0, title.start - 80), title.start)
        for match in (after, before):
            if not match:
                continue
            name = read_name(match.group("name"))
            if not name:
                continue
            start = match.start("name") + name.offset
            context = folded[match.end() : match.end() + 120].lower()
            says = 1 if re.search(r"\b(?:said|says|commented|added|welcomed)\b", context) else 0
            candidates.append((says, Signer(name, start, start + name.length, title)))
    if not candidates:
        return None
    candidates.sort(key=lambda item: (-item[0], item[1].start))
    return candidates[0][1]


def _short_key(word: str) -> str:
    return {"pfcc": "pfcc", "mayor": "mayor"}.get(word.lower(), "pcc")


# --- recipients ---------------------------------------------------------------------------

_DEAR = re.compile(
    r"[\s*_>]*(?:[^/\n]{1,40}/\s*)?dear\s+(?P<who>[^\n]*?)[\s,:;.!]*$", re.IGNORECASE
)


@dataclass(frozen=True)
class Recipient:
    name: str
    honorific: str
    start: int
    end: int
    salutation: str


def find_recipient(
    folded: str, original: str, layout: Layout, exclude: str = ""
) -> Recipient | None:
    line = layout.salutation
    if line is None:
        return None
    salutation = original[line.start : line.end].strip().strip("*_ ")
    match = _DEAR.match(folded, line.start, line.end)
    if not match:
        return None
    who = match.group("who")
    who_start = match.start("who")
    name = read_name(who)
    if name:
        start = who_start + name.offset
        return Recipient(name.name, name.honorific, start, start + name.length, salutation)
    tokens = who.split()
    honorifics, rest = _strip_honorifics(list(tokens))
    address = _address_names(folded, layout, exclude)
    if len(rest) == 1 and rest[0][:1].isupper() and rest[0].lower() not in NOT_NAME_WORDS:
        word = rest[0].strip(".,")
        given = NICKNAMES.get(word.lower(), word.lower())
        by_given = honorifics and honorifics[0].lower().rstrip(".") in (
            "sir",
            "dame",
            "lord",
            "lady",
        )
        for candidate, start in address:
            parts = candidate.name.split()
            if word == parts[-1] or parts[0].lower() in (given, word.lower()):
                return Recipient(
                    candidate.name, candidate.honorific, start, start + candidate.length, salutation
                )
        for person in RECIPIENTS:
            parts = person.name.split()
            if word == parts[-1] or (by_given or not honorifics) and given == parts[0].lower():
                start = who_start + who.find(word)
                return Recipient(
                    person.name, " ".join(honorifics), start, start + len(word), salutation
                )
        return None
    # "Dear Home Secretary", "Dear Chief Inspector": the address block names the person.
    if (
        address
        and not honorifics
        and rest
        and rest[0].lower() not in ("sir", "madam", "sirs", "all")
    ):
        candidate, start = address[0]
        return Recipient(
            candidate.name, candidate.honorific, start, start + candidate.length, salutation
        )
    return None


def _address_names(folded: str, layout: Layout, exclude: str) -> list[tuple[Name, int]]:
    """Names in the header's lines (the address block), nearest the salutation first."""
    names = []
    for line in reversed(layout.header_lines):
        if line.blank:
            continue
        name = _name_on_line(folded, line)
        if name and name.name != exclude:
            names.append((name, line.start + name.offset))
    return names
