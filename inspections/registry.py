"""The commissioner registry: who held the office for each force, read from CSV files.

    summary = import_registry(["data/reference/commissioners-1.csv", ...])

Each row is one term of office (data/reference/README.md gives the columns): the person is a
Commissioner (one row per person and force, however many terms), the term a CommissionerTerm
with its dates, how it began and ended, and its source. A date written ``YYYY-MM`` is kept as a
month (CommissionerTerm.Precision.MONTH), never turned into the 1st.

The rules are the letter loader's (the reading, summary and corrections shared with the
inspectorate's grades in inspections.csvimport):
- idempotent: a term is found again by its registry key (force, name, role and start as the
  file writes them), so a second import changes nothing;
- a bad row is refused with its file, line and reason, and the others still load; a file
  that cannot be read as a registry at all (missing, not UTF-8 CSV, columns missing) is
  named with the reason, and the other files still load;
- what a person corrected in the admin (``edited_fields``, on terms and on people) is kept,
  and each disagreement with the file is reported;
- provenance per row: the source address, whether it was checked, the note, and the file and
  line the term was read from.
A term the files no longer list is removed (unless a person edited it), only for files read
whole without a refused row, so one bad line cannot delete a good term.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from pccsite.caching import bump_data_version, deferred_bumps

from . import csvimport
from . import vocabulary as vocab
from .csvimport import CuratedWriter, FileError, Summary, collect
from .models import Commissioner, CommissionerTerm, Force, month_bounds

COLUMNS = (
    "force",
    "role",
    "name",
    "honorific",
    "party",
    "start",
    "end",
    "how_started",
    "how_ended",
    "source_url",
    "checked",
    "note",
)
TERM_FIELDS = (
    "role",
    "start",
    "start_precision",
    "end",
    "end_precision",
    "how_started",
    "how_ended",
    "party",
    "honorific",
    "source_url",
    "checked",
    "note",
)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_URL = re.compile(r"https?://\S+")
_YES = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}
_FORCES = {name.casefold(): force.name for force in vocab.FORCES for name in force.all_names}


class RegistryError(FileError):
    """A file that cannot be read as a registry at all (missing, not CSV, wrong columns)."""


@dataclass(frozen=True)
class Row:
    """One valid row: a term, with where it was read."""

    source: str
    line: int
    force: str
    name: str
    values: dict
    key: str  # the registry key: force, name, role and start as the file writes them


@dataclass
class ImportSummary(Summary):
    people_created: int = 0

    def __str__(self):
        return (
            f"{self.counted()}: {self.created} terms created, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.removed} removed, "
            f"{self.people_created} people added, {len(self.refused)} rows refused, "
            f"{len(self.failed)} files unreadable, {len(self.conflicts)} conflicts"
        )


def import_registry(paths: Iterable[str | os.PathLike]) -> ImportSummary:
    """Read every file, then write the valid rows in one transaction."""
    summary = ImportSummary()
    rows, whole = collect(paths, summary, read_rows, "the same term as")
    with transaction.atomic(), deferred_bumps():
        _Writer(summary).write(rows, whole)
        bump_data_version()
    return summary


def read_rows(source: str):
    """Every row of one file: a Row when valid, else Refused with the reason."""
    return csvimport.read_rows(source, _parser_for, RegistryError)


def _parser_for(source: str, header: list[str]):
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise RegistryError(f"{source}: missing columns: {', '.join(missing)}")
    return parse_row


def parse_row(source: str, line: int, record: dict) -> Row:
    """A row's values, checked; ValueError says what is wrong with it."""
    values = {name: (record.get(name) or "").strip() for name in COLUMNS}
    force = _FORCES.get(values["force"].casefold())
    if force is None:
        raise ValueError(f"unknown force {values['force']!r}")
    if values["role"] not in vocab.OFFICE_LABELS:
        raise ValueError(
            f"unknown role {values['role']!r} (one of {', '.join(vocab.OFFICE_LABELS)})"
        )
    name = " ".join(values["name"].split())
    if len(name.split()) < 2:
        raise ValueError(f"name {values['name']!r} is not a full name")
    start, start_precision = _date(values["start"], "start", first=True)
    end, end_precision = (
        _date(values["end"], "end", first=False) if values["end"] else (None, "day")
    )
    if start is None:
        raise ValueError("no start date")
    if end is not None and end < start:
        raise ValueError(f"ends ({values['end']}) before it starts ({values['start']})")
    if not _URL.fullmatch(values["source_url"]):
        raise ValueError(f"source_url {values['source_url']!r} is not a web address")
    checked = _YES.get(values["checked"].casefold())
    if checked is None:
        raise ValueError(f"checked {values['checked']!r} is neither yes nor no")
    key = f"{force}|{name}|{values['role']}|{values['start']}"
    term = {
        "role": values["role"],
        "start": start,
        "start_precision": start_precision,
        "end": end,
        "end_precision": end_precision,
        "how_started": values["how_started"][:50],
        "how_ended": values["how_ended"][:50],
        "party": values["party"][:100],
        "honorific": values["honorific"][:50],
        "source_url": values["source_url"],
        "checked": checked,
        "note": values["note"],
    }
    return Row(source, line, force, name, term, key)


def _date(text: str, column: str, *, first: bool) -> tuple[dt.date | None, str]:
    """An ISO day, or a month (its first day as a start, its last as an end)."""
    try:
        if _DAY.fullmatch(text):
            return dt.date.fromisoformat(text), CommissionerTerm.Precision.DAY
        if _MONTH.fullmatch(text):
            year, month = (int(part) for part in text.split("-"))
            start, end = month_bounds(year, month)
            return (start if first else end), CommissionerTerm.Precision.MONTH
    except ValueError:
        pass
    if not text:
        return None, CommissionerTerm.Precision.DAY
    raise ValueError(f"{column} {text!r} is not a date (YYYY-MM-DD or YYYY-MM)")


class _Writer(CuratedWriter):
    """Writes the valid rows around what people corrected."""

    def __init__(self, summary: ImportSummary):
        super().__init__(summary)
        self.forces = {force.name: force for force in Force.objects.all()}
        self.terms = {
            term.registry_key: term
            for term in CommissionerTerm.objects.exclude(registry_key=None).select_related(
                "commissioner"
            )
        }
        self.people: dict[tuple[str, int], Commissioner] = {}
        for term in self.terms.values():
            force, name = term.registry_key.split("|")[:2]
            self.people.setdefault((name, self.forces[force].pk), term.commissioner)
        self.slugs = set(Commissioner.objects.values_list("slug", flat=True))

    def write(self, rows: list[Row], whole_files: list[str]) -> None:
        latest: dict[int, tuple[dt.date, Row]] = {}
        for row in rows:
            person = self._person(row)
            self._term(row, person)
            if person.pk not in latest or row.values["start"] >= latest[person.pk][0]:
                latest[person.pk] = (row.values["start"], row)
        people = {person.pk: person for person in self.people.values()}
        for pk, (_, row) in latest.items():
            self._person_values(people[pk], row)
        self._remove_stale({row.key for row in rows}, whole_files)

    def _person(self, row: Row) -> Commissioner:
        force = self.forces[row.force]
        person = self.people.get((row.name, force.pk))
        if person is None:
            person = Commissioner.objects.filter(name=row.name, force=force).first()
        if person is None:
            person = Commissioner.objects.create(
                name=row.name,
                force=force,
                slug=self._slug(row.name, force),
                title=row.values["role"],
                honorific=row.values["honorific"],
            )
            self.summary.people_created += 1
        self.people[(row.name, force.pk)] = person
        return person

    def _slug(self, name: str, force: Force) -> str:
        base = slugify(name) or "commissioner"
        candidates = [base, f"{base}-{force.slug}"]
        candidates += [f"{base}-{force.slug}-{n}" for n in range(2, len(self.slugs) + 3)]
        slug = next(candidate for candidate in candidates if candidate not in self.slugs)
        self.slugs.add(slug)
        return slug

    def _term(self, row: Row, person: Commissioner) -> None:
        provenance = {"registry_file": os.path.basename(row.source), "registry_line": row.line}
        term = self.terms.get(row.key)
        if term is None:
            CommissionerTerm.objects.create(
                commissioner=person, registry_key=row.key, **row.values, **provenance
            )
            self.summary.created += 1
            return
        self._update(term, {**row.values, **provenance}, TERM_FIELDS, provenance, row)

    def _person_values(self, person: Commissioner, row: Row) -> None:
        """A person's title and honorific are those of their latest term."""
        values = {"title": row.values["role"], "honorific": row.values["honorific"]}
        changed = [
            name
            for name, value in values.items()
            if getattr(person, name) != value and self._writable(person, name, value, row)
        ]
        for name in changed:
            setattr(person, name, values[name])
        if changed:
            person.save(update_fields=[*changed, "updated_at"])

    def _remove_stale(self, keys: set[str], whole_files: list[str]) -> None:
        stale = [
            term
            for key, term in self.terms.items()
            if key not in keys and term.registry_file in whole_files
        ]
        by_edit = defaultdict(list)
        for term in stale:
            by_edit[bool(term.edited_fields)].append(term)
        for term in by_edit[True]:
            self.summary.conflicts.append(
                f"{term.registry_file}: kept term {term.pk} ({term}), corrected by a person; "
                "the file no longer lists it"
            )
        if doomed := [term.pk for term in by_edit[False]]:
            CommissionerTerm.objects.filter(pk__in=doomed).delete()
            self.summary.removed += len(doomed)
