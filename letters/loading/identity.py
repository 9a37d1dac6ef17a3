"""How a reload finds the rows it wrote before, so loading again changes only what changed.

- Letter: by ``source``, the path normalised (files.normalise_source). A file with the same
  bytes as a stored letter whose file has gone is that letter, moved (its source is updated);
  while that letter's file still exists, it is a duplicate: reported as such, nothing stored.
  A file whose bytes and parser version match its stored letter is unchanged: skipped without
  parsing or writing.
- Force: by the canonical name the parser returns (rows come from the data migration).
- Commissioner: by (name, force); the slug is the slugified name, plus the force's slug on a
  collision.
- Inspection: by (force, kind, natural_key), where natural_key is the period when the letter
  states one, else the publication date (ISO), else ``letter-YYYY-MM`` from the letter's own
  date, else ``file-<file name>``. An existing inspection of the same force and kind with the
  same period or publication date is reused, so letters that identify one report differently
  still meet.

A batch reads the letters it may be in one query, and the commissioners and inspections its
letters name in one query each (SharedRows), rather than one query per file.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.utils.text import slugify

from inspections.models import Commissioner, Force, Inspection
from letters.models import Letter
from letters.parsing import PARSER_VERSION

from .files import Pending, value_of
from .results import FileResult


@dataclass(frozen=True)
class Stored:
    pk: int | None
    source: str
    sha256: str
    parser_version: str


def stored_letters(items: list[Pending]) -> tuple[dict[str, Stored], dict[str, Stored]]:
    """The stored letters these files may be, by source and by sha256 (one query)."""
    rows = Letter.objects.filter(
        Q(source__in=[item.source for item in items])
        | Q(sha256__in=[item.sha256 for item in items])
    ).values_list("pk", "source", "sha256", "parser_version")
    stored = [Stored(*row) for row in rows]
    by_sha: dict[str, Stored] = {}
    for row in stored:
        by_sha.setdefault(row.sha256, row)
    return {row.source: row for row in stored}, by_sha


def classify(item: Pending, by_source, by_sha, *, meanwhile: bool = False) -> FileResult | None:
    """Unchanged or duplicate (a result), or None: write it (``item.letter_id`` set)."""
    row = by_source.get(item.source)
    if row is None and (twin := by_sha.get(item.sha256)) is not None:
        if os.path.exists(twin.source):
            return FileResult(item.path, "duplicate", f"same content as {twin.source}")
        row = twin  # the stored letter's file has gone: this is it, moved
    if row is not None and (row.source, row.sha256, row.parser_version) == (
        item.source,
        item.sha256,
        PARSER_VERSION,
    ):
        return FileResult(item.path, "unchanged", "stored meanwhile by another load" * meanwhile)
    item.letter_id = row.pk if row else None
    item.stored = (row.sha256, row.parser_version) if row else None
    return None


class SharedRows:
    """Forces, and the commissioners and inspections the batch's letters name, read in one
    query each.

    Forces are read once per load (the data migration made them). Lookups of keys the batch
    prefetched are answered from memory (a missing key is known to be absent); after a rollback
    everything but the forces is forgotten and each lookup asks the database. Inspections
    created in the batch are added unsaved and saved in bulk (or one by one).
    """

    def __init__(self):
        self._forces: dict[str, Force] | None = None
        self.reset()

    @property
    def forces(self) -> dict[str, Force]:
        """Every force by its canonical name, the name the parser returns."""
        if self._forces is None:
            self._forces = {force.name: force for force in Force.objects.all()}
        return self._forces

    def reset(self) -> None:
        self.commissioners: dict[tuple[str, int], Commissioner | None] = {}
        self.inspections: dict[tuple[int, str], list[Inspection]] = {}
        self.inspection_keys: set[tuple[int, str]] = set()

    def prefetch(self, items: list[Pending]) -> None:
        self.reset()
        forces = self.forces
        people: set[tuple[str, int]] = set()
        pairs: set[tuple[int, str]] = set()
        keys: set[str] = set()
        periods: set[str] = set()
        dates: set = set()
        for item in items:
            force = forces.get(value_of(item.parsed.force))
            if force is None:
                continue
            if item.parsed.commissioner is not None:
                people.add((item.parsed.commissioner.name, force.pk))
            if (parsed := item.parsed.inspection) is not None:
                pairs.add((force.pk, parsed.kind))
                key, period, published = inspection_identity(item, parsed)
                keys.add(key)
                if period:
                    periods.add(period)
                if published:
                    dates.add(published)
        if people:
            self._prefetch_commissioners(people)
        if pairs:
            self._prefetch_inspections(pairs, keys, periods, dates)

    def _prefetch_commissioners(self, people: set[tuple[str, int]]) -> None:
        self.commissioners = dict.fromkeys(people)
        found = Commissioner.objects.filter(
            name__in={name for name, _ in people}, force_id__in={pk for _, pk in people}
        )
        for commissioner in found:
            key = (commissioner.name, commissioner.force_id)
            if key in self.commissioners:
                self.commissioners[key] = commissioner

    def _prefetch_inspections(self, pairs, keys, periods, dates) -> None:
        identity = Q(natural_key__in=keys) | Q(period__in=periods) | Q(published__in=dates)
        found = Inspection.objects.filter(
            identity,
            force_id__in={pk for pk, _ in pairs},
            kind__in={kind for _, kind in pairs},
        ).order_by("pk")
        self.inspection_keys = pairs
        for inspection in found:
            pair = (inspection.force_id, inspection.kind)
            if pair in pairs:
                self.inspections.setdefault(pair, []).append(inspection)

    def commissioner(self, name: str, force: Force) -> Commissioner | None:
        key = (name, force.pk)
        if key not in self.commissioners:
            self.commissioners[key] = Commissioner.objects.filter(name=name, force=force).first()
        return self.commissioners[key]

    def add_commissioner(self, commissioner: Commissioner) -> None:
        self.commissioners[(commissioner.name, commissioner.force_id)] = commissioner

    def inspection(self, force: Force, kind: str, natural_key: str, period: str, published):
        pair = (force.pk, kind)
        if pair in self.inspection_keys:
            candidates = self.inspections.get(pair, [])
        else:
            identity = Q(natural_key=natural_key)
            if period:
                identity |= Q(period=period)
            if published:
                identity |= Q(published=published)
            candidates = list(
                Inspection.objects.filter(identity, force=force, kind=kind).order_by("pk")
            )
        exact = next((row for row in candidates if row.natural_key == natural_key), None)
        if exact is not None or not (period or published):
            return exact
        return next(
            (
                row
                for row in candidates
                if (period and row.period == period) or (published and row.published == published)
            ),
            None,
        )

    def add_inspection(self, inspection: Inspection) -> None:
        pair = (inspection.force_id, inspection.kind)
        if pair in self.inspection_keys:
            self.inspections.setdefault(pair, []).append(inspection)

    def unsaved_inspections(self) -> list[Inspection]:
        return [row for rows in self.inspections.values() for row in rows if row.pk is None]


def inspection_identity(item: Pending, parsed) -> tuple[str, str, Any]:
    """(natural_key, period, published) of the inspection a letter answers."""
    period = value_of(parsed.period) or ""
    published = value_of(parsed.published)
    letter_date = value_of(item.parsed.date)
    stated_period = period if parsed.period and parsed.period.start >= 0 else ""
    if stated_period:
        natural_key = stated_period
    elif published:
        natural_key = published.isoformat()
    elif letter_date:
        natural_key = f"letter-{letter_date:%Y-%m}"
    else:
        natural_key = f"file-{slugify(os.path.basename(item.source))}"[:100]
    return natural_key, period, published


def commissioner_slug(name: str, force: Force) -> str:
    base = slugify(name) or "commissioner"
    taken = set(Commissioner.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    for candidate in (base, f"{base}-{force.slug}"):
        if candidate not in taken:
            return candidate
    return next(
        f"{base}-{force.slug}-{n}"
        for n in itertools.count(2)
        if f"{base}-{force.slug}-{n}" not in taken
    )
