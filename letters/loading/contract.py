"""The extraction contract's JSON (docs/extraction-contract.md), from files and from rows.

``extract_letters`` parses files without the database (``load_letters --dry-run --json``);
``stored_extraction`` reads what the site shows for a stored letter back from its rows, in the
same shape (a LetterRevision keeps it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from letters.models import Letter
from letters.parsing import LetterParseError

from .corrections import plain
from .files import iter_letter_files, parse_bytes, read_letter_file, reason


@dataclass(frozen=True)
class Extraction:
    """One file's entry in the extraction contract: ``letter`` or ``error`` is set."""

    source: str
    letter: dict[str, Any] | None = None
    error: str | None = None


def extract_letters(paths: Iterable[str | os.PathLike]) -> Iterator[Extraction]:
    """Parse every file without touching the database, one at a time."""
    for letter_file in iter_letter_files(paths):
        source = letter_file.path
        if letter_file.error:
            yield Extraction(source, error=letter_file.error)
            continue
        try:
            data = read_letter_file(source)
            _, parsed, decode_warnings = parse_bytes(data, source=source)
        except LetterParseError as exc:
            yield Extraction(source, error=reason(exc))
            continue
        contract = parsed.to_contract(source=source, sha256=hashlib.sha256(data).hexdigest())
        contract["warnings"] = [*contract["warnings"], *decode_warnings]
        yield Extraction(source, letter=contract)


def stored_extraction(letter: Letter, grades, findings) -> dict[str, Any]:
    """What the site shows for a stored letter, in the extraction contract's shape.

    Read from the rows (corrections included), so a revision records what people saw; every
    object that a person corrected lists its ``edited_fields``.
    """
    inspection = letter.inspection
    commissioner = letter.commissioner

    def finding_list(kind):
        return [
            _with_edits({"number": f.number, "text": f.text, "response": f.response or None}, f)
            for f in sorted(findings, key=lambda f: f.number)
            if f.kind == kind
        ]

    return _with_edits(
        {
            "source": letter.source,
            "sha256": letter.sha256,
            "date": plain(letter.date),
            "reference": letter.reference or None,
            "force": letter.force.name if letter.force else None,
            "commissioner": (
                _with_edits(
                    {"name": commissioner.name, "title": commissioner.get_title_display()},
                    commissioner,
                )
                if commissioner
                else None
            ),
            "recipient": (
                {"name": letter.recipient_name, "salutation": letter.recipient_salutation or None}
                if letter.recipient_name
                else None
            ),
            "inspection": (
                _with_edits(
                    {
                        "kind": inspection.kind,
                        "title": inspection.title or None,
                        "period": inspection.period or None,
                        "published": plain(inspection.published),
                    },
                    inspection,
                )
                if inspection
                else None
            ),
            "grades": [
                _with_edits({"area": g.area, "grade": g.grade, "quote": g.quote}, g)
                for g in sorted(grades, key=lambda g: (g.start is None, g.start or 0, g.area))
            ],
            "grade_summary": dict(letter.grade_summary),
            "causes_of_concern_count": letter.causes_of_concern_count,
            "areas_for_improvement_count": letter.areas_for_improvement_count,
            "areas_for_improvement": finding_list("afi"),
            "causes_of_concern": finding_list("cause-of-concern"),
            "recommendations": finding_list("recommendation"),
            "warnings": list(letter.warnings),
        },
        letter,
    )


def _with_edits(values: dict[str, Any], obj) -> dict[str, Any]:
    if obj.edited_fields:
        values["edited_fields"] = list(obj.edited_fields)
    return values
