"""One letter's entry in the extraction contract (docs/extraction-contract.md), built once.

Two writers produce the entry: the parser (``ParsedLetter.to_contract``, what
``load_letters --dry-run --json`` prints) and the loader (``letters.loading.stored_extraction``,
what the site shows, read back from the rows and kept in every LetterRevision). Both hand plain
values to ``letter_entry``, so the same letter gives the same JSON either way. The rules:

- ``commissioner.name`` is the name as the letter writes it; ``commissioner.registered`` is
  the registry's name for the person it resolved to (null when it resolved to nobody in
  office), present only where the loader read it against the registry (a stored letter, or
  ``--dry-run --json`` with the database): the parser alone does not know the registry. A text
  that names nobody but is attributed to the office-holder on its date has ``"name": null``,
  the registered name and ``"inferred": true``.
- ``commissioner.title`` is the name of the office, from vocabulary.OFFICES by
  its key (pcc, pfcc, mayor, deputy-mayor), not the words the letter signs with: a "Police,
  Crime and Victims' Commissioner" is a Police and Crime Commissioner, a "Commissioner for
  Police, Fire and Rescue and Crime" a Police, Fire and Crime Commissioner. The key is what the
  database stores and staff correct, and a closed list is what consumers can group by; the
  words themselves stay in the letter. null when the letter names no office.
- ``grades`` in the order the letter states them: by where the quote starts, then where it
  ends (a list "good at A, B and C" quotes each area from one start, ending further on), then
  by area; a grade without a span (one added by hand) comes last.
- findings (``areas_for_improvement``, ``causes_of_concern``, ``recommendations``) by number.
- ``pcc_response``: false when the text is not a local policing body's response (a letter
  written TO a commissioner or chief constable, a chief constable's own statement), with the
  reason in ``warnings``; true otherwise (and for older consumers, absent means true).
- a value the letter does not state is null, never "".
- ``edited_fields`` on every object a person corrected (only stored letters have any).

Pure Python, no Django: plain values in, a JSON-ready dict out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from inspections.vocabulary import OFFICES

if TYPE_CHECKING:
    from .types import ParsedLetter

TITLE_LABELS = dict(OFFICES)
FINDING_LISTS = (
    ("areas_for_improvement", "afi"),
    # Added beside the contract's fields (the contract allows additions).
    ("causes_of_concern", "cause-of-concern"),
    ("recommendations", "recommendation"),
)


class CommissionerEntry(NamedTuple):
    name: str  # as written; "" when the letter names nobody
    title_key: str = ""  # a key of OFFICES, "" when the letter names no office
    edited_fields: Sequence[str] = ()
    registered: str | None = None  # the registry's name for the person
    inferred: bool = False  # attributed to the office-holder on the letter's date
    resolved: bool = False  # read against the registry: ``registered`` is written out


class RecipientEntry(NamedTuple):
    name: str
    salutation: str = ""


class InspectionEntry(NamedTuple):
    kind: str
    title: str | None = None
    period: str | None = None
    published: dt.date | None = None
    edited_fields: Sequence[str] = ()


class GradeEntry(NamedTuple):
    area: str
    grade: str
    quote: str
    start: int | None = None
    end: int | None = None
    edited_fields: Sequence[str] = ()


class FindingEntry(NamedTuple):
    kind: str  # afi, cause-of-concern, recommendation
    number: int
    text: str
    response: str = ""
    edited_fields: Sequence[str] = ()


def letter_entry(
    *,
    source: str,
    sha256: str,
    date: dt.date | None,
    reference: str | None,
    force: str | None,
    commissioner: CommissionerEntry | None,
    recipient: RecipientEntry | None,
    inspection: InspectionEntry | None,
    grades: Iterable[GradeEntry],
    grade_summary: Mapping[str, int],
    causes_of_concern_count: int | None,
    areas_for_improvement_count: int | None,
    findings: Iterable[FindingEntry],
    warnings: Iterable[str],
    edited_fields: Sequence[str] = (),
    pcc_response: bool = True,
) -> dict[str, Any]:
    """The letter's entry in the contract's ``letters`` list, by the rules above."""
    findings = sorted(findings, key=lambda finding: finding.number)
    entry = {
        "source": source,
        "sha256": sha256,
        "pcc_response": bool(pcc_response),
        "date": _iso(date),
        "reference": reference or None,
        "force": force or None,
        "commissioner": commissioner_entry(commissioner),
        "recipient": (
            {"name": recipient.name, "salutation": recipient.salutation or None}
            if recipient is not None and recipient.name
            else None
        ),
        "inspection": _inspection(inspection),
        "grades": [
            _edited({"area": g.area, "grade": g.grade, "quote": g.quote}, g.edited_fields)
            for g in sorted(grades, key=_stated_order)
        ],
        "grade_summary": dict(grade_summary),
        "causes_of_concern_count": causes_of_concern_count,
        "areas_for_improvement_count": areas_for_improvement_count,
    }
    for name, kind in FINDING_LISTS:
        entry[name] = [_finding(finding) for finding in findings if finding.kind == kind]
    entry["warnings"] = list(warnings)
    return _edited(entry, edited_fields)


def entry_from_parsed(letter: ParsedLetter, *, source: str, sha256: str) -> dict[str, Any]:
    """A parsed letter's entry (ParsedLetter.to_contract)."""
    person, addressee, inspection = letter.commissioner, letter.recipient, letter.inspection
    return letter_entry(
        source=source,
        sha256=sha256,
        date=_value(letter.date),
        reference=_value(letter.reference),
        force=_value(letter.force),
        commissioner=CommissionerEntry(person.name, person.title_key) if person else None,
        recipient=RecipientEntry(addressee.name, addressee.salutation) if addressee else None,
        inspection=(
            InspectionEntry(
                inspection.kind,
                title=_value(inspection.title),
                period=_value(inspection.period),
                published=_value(inspection.published),
            )
            if inspection
            else None
        ),
        grades=[GradeEntry(g.area, g.grade, g.quote, g.start, g.end) for g in letter.grades],
        grade_summary={count.grade: count.count for count in letter.grade_summary},
        causes_of_concern_count=_value(letter.causes_of_concern_count),
        areas_for_improvement_count=_value(letter.areas_for_improvement_count),
        findings=[FindingEntry(f.kind, f.number, f.text, f.response) for f in letter.findings],
        warnings=letter.warnings,
        pcc_response=letter.pcc_response,
    )


def title_label(title_key: str) -> str | None:
    """The office's name for a commissioner's title key; None for no key."""
    if not title_key:
        return None
    return TITLE_LABELS.get(title_key, title_key)


def commissioner_entry(person: CommissionerEntry | None) -> dict[str, Any] | None:
    """The contract's ``commissioner`` object (see the rules above)."""
    if person is None:
        return None
    values = {"name": person.name or None, "title": title_label(person.title_key)}
    if person.resolved:
        values["registered"] = person.registered
    if person.inferred:
        values["inferred"] = True
    return _edited(values, person.edited_fields)


def _inspection(inspection: InspectionEntry | None) -> dict[str, Any] | None:
    if inspection is None:
        return None
    values = {
        "kind": inspection.kind,
        "title": inspection.title or None,
        "period": inspection.period or None,
        "published": _iso(inspection.published),
    }
    return _edited(values, inspection.edited_fields)


def _finding(finding: FindingEntry) -> dict[str, Any]:
    values = {"number": finding.number, "text": finding.text, "response": finding.response or None}
    return _edited(values, finding.edited_fields)


def _stated_order(grade: GradeEntry):
    return (grade.start is None, grade.start or 0, grade.end or 0, grade.area)


def _edited(values: dict[str, Any], edited_fields: Sequence[str]) -> dict[str, Any]:
    if edited_fields:
        values["edited_fields"] = list(edited_fields)
    return values


def _iso(value) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _value(spanned):
    return None if spanned is None else spanned.value
