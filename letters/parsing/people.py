"""People: the commissioner who signed (or, in a statement, speaks) and the person addressed.

A person's name is a line (or phrase) that, once honorifics and post-nominals are stripped,
has a given name and a surname in capitalised words: "Lord Willy Bach" is "Willy Bach" (the
honorific "Lord" kept apart), "Prof. Hall" is not a full name, and OCR junk such as
"You au, Bail," is not a name at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lexicon import NICKNAMES, NOT_NAME_WORDS, RECIPIENTS
from .names import PLACES, Name, read_name, strip_honorifics
from .speakers import find_speaker
from .structure import Layout
from .text import Line, line_at, unwrapped
from .titles import Title, prose_titles, titles_in

# Roles that make a signature not a commissioner's: "Chair, Police Authority Board".
_OTHER_ROLE = re.compile(
    r"\b(?:chair(?:man|woman|person)?|chief\s+(?:constable|executive|officer)|clerk|director"
    r"|head\s+of|inspector|secretary|manager|officer|on\s+behalf\s+of|deputy\s+police)\b",
    re.IGNORECASE,
)


# A form's label before the signer's title: "Position:", "Job title:", "Role -".
_ROLE_LABEL = re.compile(
    r"(?:position|(?:job\s+)?title|role|designation|capacity|office)\s*[:\-]?", re.IGNORECASE
)


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
    if _ROLE_LABEL.fullmatch(before_on_line):
        before_on_line = ""  # a form's "Position: Deputy Mayor ...": the name is above
    if " ".join(before_on_line.lower().split()) in PLACES or before_on_line.lower() in (
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
    below = None
    for line in reversed(lines[: title_line.index]):
        if line.start < stop or seen >= 6:
            break
        if line.blank:
            continue
        seen += 1
        if len(line.stripped) > 60 or line.stripped.endswith((".", "!", "?", ":")):
            below = line
            continue  # a sentence of prose, not a signature's name line
        broken = _broken_name(folded, line, below)
        if broken:
            return Signer(broken[0], broken[1], broken[2], title)
        below = line
        name = _name_on_line(folded, line)
        if name:
            start = line.start + name.offset
            return Signer(name, start, start + name.length, title)
    return None


# A double-barrelled surname broken at its hyphen by a narrow layout: "Jane Smith-" over "Jones".
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_LAST_PART = re.compile(r"[A-Z][a-z'\-]+")


def _broken_name(folded: str, line: Line, below: Line | None) -> tuple[Name, int, int] | None:
    """A name whose surname runs from the end of ``line`` onto the line below it."""
    if below is None or not _HYPHEN_END.search(line.stripped):
        return None
    if not _LAST_PART.fullmatch(below.stripped):
        return None
    name = read_name(line.stripped + below.stripped)
    if name is None:
        return None
    start = line.start + line.text.find(line.stripped) + name.offset
    end = below.start + below.text.find(below.stripped) + len(below.stripped)
    return name, start, end


_NO_COMMISSIONER = object()


def find_commissioner(
    folded: str,
    layout: Layout,
    *,
    force: str | None = None,
    headline: Line | None = None,
    captions: frozenset[int] = frozenset(),
) -> Signer | None:
    """The commissioner who signed a letter or, in a statement, is named as responding.

    A letter's signature block decides first; a statement (no salutation, no sign-off) names
    its commissioner in prose, and only then may a signature-like block stand in.
    """
    is_letter = layout.salutation is not None or layout.sign_off is not None
    if is_letter:
        signer = _signature(folded, layout)
        if signer is _NO_COMMISSIONER:
            return None
        if signer is not None:
            return signer
    speaker = find_speaker(
        unwrapped(folded, layout.lines),
        layout.lines,
        force=force,
        headline=headline,
        captions=captions,
        body_start=layout.body_start,
    )
    if speaker is not None:
        return Signer(speaker.name, speaker.start, speaker.end, speaker.title)
    if not is_letter:
        signer = _signature(folded, layout)
        return None if signer is _NO_COMMISSIONER else signer
    return None


def _signature(folded: str, layout: Layout):
    """A signature block's commissioner, None, or _NO_COMMISSIONER when someone else signs."""
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
                return _NO_COMMISSIONER
            title = letterhead_titles[0] if letterhead_titles else None
            title = title or _short_title_under(folded, after[position + 1 : position + 3])
            if title is not None:
                start = line.start + name.offset
                return Signer(name, start, start + name.length, title)
            break
    # 3. The letterhead: "Jane Smith / Police and Crime Commissioner for X" above the salutation.
    for title in titles_in(folded, 0, layout.header_end):
        signer = _signer_from_title(folded, lines, title, 0)
        if signer:
            return signer
    return None


_FOR_THE_OFFICE = re.compile(r"\s*(?:for\s+|on\s+behalf\s+of\s+)?(?:the\s+)?office\b", re.I)


def _short_title_under(folded: str, lines: list[Line]) -> Title | None:
    """A short title on the line under a signer's name: "Norfolk PCC", "PFCC for Essex"."""
    line = next((line for line in lines if not line.blank), None)
    if line is None or len(line.stripped) > 60 or _FOR_THE_OFFICE.match(line.text):
        return None  # "Office of the PCC" under a name: the office's staff, not its holder
    titles = prose_titles(line.text, chief_is_commissioner=False)
    if not titles:
        return None
    title = titles[0]
    return replace(title, start=line.start + title.start, end=line.start + title.end)


def _tail_start(lines: list[Line]) -> int:
    non_blank = [line for line in lines if not line.blank]
    return non_blank[-8].start if len(non_blank) >= 8 else 0


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
    honorifics, rest = strip_honorifics(list(tokens))
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
