"""The parts of a letter: header (letterhead, reference, date, address), salutation, body,
sign-off and signature block. A web page or press statement has no salutation: its header is
whatever comes before its first paragraph of prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import Line, is_furniture

SALUTATION_RE = re.compile(r"^[\s*_>]{0,4}(?:dear|to)\s+\S[^\n]{0,120}$", re.IGNORECASE)
# "Dear ...", also after a Welsh greeting: "Annwyl Syr Thomas / Dear Sir Thomas,".
_DEAR_RE = re.compile(r"^[\s*_>]{0,4}(?:[^/\n]{1,40}/\s*)?dear\s+\S", re.IGNORECASE)
_SIGN_OFF_RE = re.compile(
    r"^[\s*_>]{0,4}(?:[^/\n]{1,30}/\s*)?(?:yours\s+(?:sincerely|faithfully|truly|ever|respectfully)"
    r"|(?:with\s+)?(?:kind(?:est)?|best|warm(?:est)?)\s+(?:regards|wishes)"
    r"|regards|sincerely|many\s+thanks|with\s+thanks|thank\s+you)\b[\s,.!]*$"
    # A form's "Signed: Jane Smith".
    r"|^[\s*_>]{0,4}(?:signed|signature)\s*:",
    re.IGNORECASE,
)
# OCR turns "Yours faithfully," into things like "You au, Bail,": a short line, "Yo..." first,
# a comma, and nothing that reads as a sentence.
_MANGLED_SIGN_OFF_RE = re.compile(r"^\s*yo\w{0,4}\b[^.!?\n]{0,20},\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Layout:
    lines: list[Line]
    salutation: Line | None
    sign_off: Line | None
    header_end: int  # offset where the header ends (the salutation's start)
    body_start: int
    body_end: int  # the sign-off's start, else the end of the text

    @property
    def body_lines(self) -> list[Line]:
        return [
            line
            for line in self.lines
            if self.body_start <= line.start and line.end <= self.body_end
        ]

    @property
    def header_lines(self) -> list[Line]:
        return [line for line in self.lines if line.end <= self.header_end]

    @property
    def tail_lines(self) -> list[Line]:
        """The lines after the sign-off (the signature block and anything below it)."""
        return [line for line in self.lines if line.start >= self.body_end]


def _find_salutation(lines: list[Line]) -> Line | None:
    for line in lines:
        if _DEAR_RE.match(line.text) and len(line.stripped) <= 120:
            return line
    return None


def _find_sign_off(lines: list[Line], after: int) -> Line | None:
    candidates = [line for line in lines if line.start >= after]
    for line in reversed(candidates):
        if _SIGN_OFF_RE.match(line.text):
            return line
    # Only the last third of a letter holds its sign-off.
    cutoff = candidates[int(len(candidates) * 2 / 3)].start if candidates else after
    for line in reversed(candidates):
        if line.start < cutoff:
            break
        if _MANGLED_SIGN_OFF_RE.match(line.text):
            return line
    return None


def _first_prose(lines: list[Line]) -> Line | None:
    """The first line of the first paragraph of prose (long, ends like a sentence).

    A hard-wrapped paragraph counts by its joined length, and one cut by a page break (page
    furniture between, the next part starting in lower case) is joined up first.
    """
    paragraphs: list[list[list[Line]]] = []  # each paragraph: its pieces between page breaks
    current: list[Line] = []
    for line in [*lines, None]:
        if line is not None and not line.blank:
            if not is_furniture(line.text):
                current.append(line)
            continue
        if current:
            previous = paragraphs[-1][-1][-1].stripped if paragraphs else ""
            if previous and previous[-1] not in ".!?:;\"'" and current[0].stripped[:1].islower():
                paragraphs[-1].append(current)
            else:
                paragraphs.append([current])
        current = []
    for pieces in paragraphs:
        if _is_prose(pieces):
            return pieces[0][0]
        # A single long line inside a block of short ones.
        for piece in pieces:
            for part in piece:
                if _is_prose([[part]]):
                    return part
    return None


def _is_prose(pieces: list[list[Line]]) -> bool:
    text = " ".join(part.stripped for piece in pieces for part in piece)
    # Hard-wrapped lines are long, except where a page break cut a sentence.
    widths = [len(part.stripped) for piece in pieces for part in piece[:-1]]
    wrapped = not widths or (
        sum(widths) / len(widths) >= 40 and max(widths) >= 55 and min(widths) >= 20
    )
    return wrapped and len(text) >= 80 and text[-1:] in ".!?:\"'" and " " in text


def layout_of(folded: str, lines: list[Line]) -> Layout:
    salutation = _find_salutation(lines)
    if salutation is not None:
        header_end = salutation.start
        body_start = salutation.end
    else:
        prose = _first_prose(lines)
        header_end = prose.start if prose else 0
        body_start = header_end
    sign_off = _find_sign_off(lines, body_start)
    body_end = sign_off.start if sign_off else len(folded)
    return Layout(lines, salutation, sign_off, header_end, body_start, body_end)
