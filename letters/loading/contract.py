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
from letters.parsing.contract import (
    CommissionerEntry,
    FindingEntry,
    GradeEntry,
    InspectionEntry,
    RecipientEntry,
    letter_entry,
)

from .files import iter_letter_files, read_and_parse, read_letter_file, reason


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
            document, parsed = read_and_parse(data, source=source)
        except LetterParseError as exc:
            yield Extraction(source, error=reason(exc))
            continue
        contract = parsed.to_contract(source=source, sha256=hashlib.sha256(data).hexdigest())
        contract["warnings"] = [*contract["warnings"], *document.warnings]
        # Added beside the contract's fields (additive): the format read and OCR, and what the
        # file states about itself (a page's own dates, a PDF's creation date ...).
        contract.update(document.to_contract())
        yield Extraction(source, letter=contract)


def stored_extraction(letter: Letter, grades, findings) -> dict[str, Any]:
    """What the site shows for a stored letter, in the extraction contract's shape.

    Read from the rows (corrections included), so a revision records what people saw; every
    object that a person corrected lists its ``edited_fields``. The same function as the
    parser's ``to_contract`` builds it (letters.parsing.contract), from the rows' values.
    """
    inspection, person = letter.inspection, letter.commissioner
    entry = letter_entry(
        source=letter.source,
        sha256=letter.sha256,
        date=letter.date,
        reference=letter.reference,
        force=letter.force.name if letter.force else None,
        commissioner=(
            CommissionerEntry(person.name, person.title, person.edited_fields) if person else None
        ),
        recipient=RecipientEntry(letter.recipient_name, letter.recipient_salutation),
        inspection=(
            InspectionEntry(
                inspection.kind,
                title=inspection.title,
                period=inspection.period,
                published=inspection.published,
                edited_fields=inspection.edited_fields,
            )
            if inspection
            else None
        ),
        grades=[
            GradeEntry(g.area, g.grade, g.quote, g.start, g.end, g.edited_fields) for g in grades
        ],
        grade_summary=letter.grade_summary,
        causes_of_concern_count=letter.causes_of_concern_count,
        areas_for_improvement_count=letter.areas_for_improvement_count,
        findings=[
            FindingEntry(f.kind, f.number, f.text, f.response, f.edited_fields) for f in findings
        ],
        warnings=letter.warnings,
        edited_fields=letter.edited_fields,
    )
    # As the dry run adds them (Document.to_contract), from the row: what the file was read as.
    entry.update(format=letter.format, ocr=letter.ocr, ocr_confidence=letter.ocr_confidence)
    return entry
