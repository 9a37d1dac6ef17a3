"""What the parser returns: frozen dataclasses, every value with its character span.

``start``/``end`` are offsets into the text the parser was given, so ``text[start:end]`` is the
evidence for the value (for an AFI, the span covers the AFI's words in the raw text, while
``text`` is the cleaned version with page furniture removed). ``to_contract()`` turns a result
into the JSON shape of docs/extraction-contract.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .contract import entry_from_parsed


class LetterParseError(ValueError):
    """The input is not a letter we can read (empty, binary, undecodable, no letter content)."""

    def __init__(self, reason: str, *, source: str | None = None, line: int | None = None):
        self.reason = reason
        self.source = source
        self.line = line
        where = source or "<text>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class Spanned:
    """A value read from the text, with where it was read."""

    value: Any
    start: int
    end: int


@dataclass(frozen=True)
class ParsedPerson:
    name: str  # without honorifics or post-nominals
    start: int
    end: int
    honorific: str = ""  # "Lord", "Dame", "Rt Hon" ...
    title: str = ""  # as written: "Police and Crime Commissioner", "Deputy Mayor ..."
    title_key: str = ""  # pcc, pfcc, mayor, deputy-mayor (commissioners only)
    salutation: str = ""  # "Dear Mr Wilsher," (recipients only)


@dataclass(frozen=True)
class ParsedInspection:
    kind: str  # one of vocabulary.INSPECTION_KINDS keys
    title: Spanned | None = None
    period: Spanned | None = None  # "2023/24"; an inferred period has start == end == -1
    published: Spanned | None = None  # value is a datetime.date
    kind_start: int | None = None
    kind_end: int | None = None


@dataclass(frozen=True)
class ParsedGrade:
    area: str  # canonical area key, a pillar, or "overall"
    grade: str  # outstanding, good, adequate, requires-improvement, inadequate
    quote: str  # text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class ParsedCount:
    grade: str
    count: int
    start: int
    end: int


@dataclass(frozen=True)
class ParsedFinding:
    kind: str  # afi, cause-of-concern, recommendation
    number: int
    text: str  # cleaned: page furniture removed, whitespace folded
    start: int
    end: int
    response: str = ""
    response_start: int | None = None
    response_end: int | None = None


@dataclass(frozen=True)
class ParsedLetter:
    date: Spanned | None = None  # value: datetime.date
    reference: Spanned | None = None
    force: Spanned | None = None  # value: canonical force name from the vocabulary
    commissioner: ParsedPerson | None = None
    recipient: ParsedPerson | None = None
    inspection: ParsedInspection | None = None
    grades: tuple[ParsedGrade, ...] = ()
    grade_summary: tuple[ParsedCount, ...] = ()
    causes_of_concern_count: Spanned | None = None
    areas_for_improvement_count: Spanned | None = None
    findings: tuple[ParsedFinding, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # False when the text is not a local policing body's response (a letter written TO a
    # commissioner or chief constable, a chief constable's own statement); the reason is in
    # warnings.
    pcc_response: bool = True

    def findings_of(self, kind: str) -> tuple[ParsedFinding, ...]:
        return tuple(finding for finding in self.findings if finding.kind == kind)

    def to_contract(self, *, source: str, sha256: str) -> dict[str, Any]:
        """The letter's entry in the extraction contract's ``letters`` list (see contract.py)."""
        return entry_from_parsed(self, source=source, sha256=sha256)
