"""The extraction contract's JSON (docs/extraction-contract.md), from files and from rows.

``extract_letters`` parses files without writing to the database (``load_letters --dry-run
--json``); given the registry, it reads each signer against it as a load would, adding
``commissioner.registered`` (and the registry's warnings) to the parser's entry.
``stored_extraction`` reads what the site shows for a stored letter back from its rows, in the
same shape (a LetterRevision keeps it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from letters.models import Attribution, Letter
from letters.parsing import LetterParseError, ParsedLetter
from letters.parsing.contract import (
    CommissionerEntry,
    FindingEntry,
    GradeEntry,
    InspectionEntry,
    RecipientEntry,
    commissioner_entry,
    letter_entry,
)

from .files import iter_letter_files, read_and_parse, read_letter_file, reason, value_of
from .registry import INFERRED, Registry, Resolution, signer_of


@dataclass(frozen=True)
class Extraction:
    """One file's entry in the extraction contract: ``letter`` or ``error`` is set."""

    source: str
    letter: dict[str, Any] | None = None
    error: str | None = None


def extract_letters(
    paths: Iterable[str | os.PathLike],
    registry: Registry | None = None,
    *,
    follow_links: bool = False,
) -> Iterator[Extraction]:
    """Parse every file, one at a time, without writing; read signers against ``registry``."""
    for letter_file in iter_letter_files(paths, follow_links=follow_links):
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
        if registry is not None:
            resolution = resolve_parsed(registry, parsed)
            contract["commissioner"] = commissioner_entry(_registered_entry(parsed, resolution))
            contract["warnings"] += resolution.warnings
        # Added beside the contract's fields (additive): the format read and OCR, and what the
        # file states about itself (a page's own dates, a PDF's creation date ...).
        contract.update(document.to_contract())
        yield Extraction(source, letter=contract)


_UNSET = object()


def resolve_parsed(
    registry: Registry, parsed: ParsedLetter, *, force=_UNSET, on=_UNSET, published=_UNSET
) -> Resolution:
    """Who signed a parsed letter, by the registry; the loader passes what the stored letter
    keeps (a corrected force or date, the inspection row's publication date) instead."""
    inspection = parsed.inspection
    return registry.resolve(
        force=value_of(parsed.force) if force is _UNSET else force,
        signer=signer_of(parsed.commissioner),
        on=value_of(parsed.date) if on is _UNSET else on,
        published=(
            (value_of(inspection.published) if inspection else None)
            if published is _UNSET
            else published
        ),
        # Parsers that tell responses from letters to a commissioner say so; older ones do not.
        responds=getattr(parsed, "pcc_response", True),
        recipient=parsed.recipient.name if parsed.recipient else None,
    )


def _registered_entry(parsed: ParsedLetter, resolution: Resolution) -> CommissionerEntry | None:
    person = parsed.commissioner
    if person is None and resolution.commissioner is None:
        return None
    return CommissionerEntry(
        person.name if person else "",
        resolution.title,
        registered=resolution.registered,
        inferred=resolution.attribution == INFERRED,
        resolved=True,
    )


def stored_extraction(letter: Letter, grades, findings) -> dict[str, Any]:
    """What the site shows for a stored letter, in the extraction contract's shape.

    Read from the rows (corrections included), so a revision records what people saw; every
    object that a person corrected lists its ``edited_fields``. The same function as the
    parser's ``to_contract`` builds it (letters.parsing.contract), from the rows' values.
    """
    inspection, person = letter.inspection, letter.commissioner
    written = letter.commissioner_name_as_written
    entry = letter_entry(
        source=letter.source,
        sha256=letter.sha256,
        date=letter.date,
        reference=letter.reference,
        force=letter.force.name if letter.force else None,
        commissioner=(
            CommissionerEntry(
                written,
                letter.commissioner_title,
                person.edited_fields if person else (),
                registered=person.name if person else None,
                inferred=letter.commissioner_attribution == Attribution.INFERRED,
                resolved=True,
            )
            if person or written
            else None
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
        pcc_response=letter.pcc_response,
    )
    # As the dry run adds them (Document.to_contract), from the row: what the file was read as.
    entry.update(format=letter.format, ocr=letter.ocr, ocr_confidence=letter.ocr_confidence)
    return entry
