"""How a reload finds the rows it wrote before, so loading again changes only what changed.

- Letter: by ``source``, the resolved path relative to settings.LETTERS_ROOT (absolute outside
  it), the same from any working directory (files.normalise_source); then by content (sha256),
  the second key: a file with the same bytes as a stored letter whose file has gone is that
  letter, moved (its source is updated); while that letter's file still exists, it is a
  duplicate: reported as such, nothing stored.
  A file whose bytes and parser version match its stored letter is unchanged: skipped without
  parsing or writing.
- Force: by the canonical name the parser returns (rows come from the data migration).
- Commissioner: never created here. The registry (import_commissioners) holds every person;
  the name a letter gives is read against it (registry.Registry, read once per load).
- Inspection: by force and kind, then the publication date when the letter states one: two
  letters about one force, kind and period that state different publication dates answer two
  reports, not one. A row with that date is the one; else a row of the letter's cycle
  (Inspection.cycle) with no date yet (the date is filled in). A letter that states the period
  but no date answers the one row of that cycle, or, when there are several, the likeliest
  (the latest published before the letter), with a note naming the others. The row created
  for a letter has natural_key = the publication date (ISO), else the cycle, else
  ``letter-YYYY-MM`` from the letter's own date, else ``file-<file name>``; a row with the
  letter's natural_key is found whatever else changed (a person corrected its date).

Notes about which inspection a letter was filed under start with FILING_NOTE
(letters.models): they are load warnings, and the inspection page shows them.

A batch reads the letters it may be in one query, and the inspections its letters name in one
query (SharedRows), rather than one query per file.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.text import slugify

from inspections.models import Force, Inspection
from letters.models import FILING_NOTE, Letter
from letters.parsing import PARSER_VERSION

from .files import Pending, normalise_source, source_path, value_of
from .registry import Registry
from .results import FileResult


def letters_root() -> str:
    return os.path.realpath(settings.LETTERS_ROOT)


def source_of(path: str) -> str:
    """Letter.source for a file loaded by ``path`` (files.normalise_source, under the root)."""
    return normalise_source(path, letters_root())


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
        if os.path.exists(source_path(twin.source, letters_root())):
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
    """Forces and the registry, read once per load, and the inspections the batch's letters
    name, read in one query.

    Forces come from the data migration and the registry from import_commissioners; a load
    changes neither. Lookups of keys the batch prefetched are answered from memory (a missing
    key is known to be absent); after a rollback the inspections are forgotten and each lookup
    asks the database. Inspections created in the batch are added unsaved and saved in bulk (or
    one by one).
    """

    def __init__(self, registry: Registry | None = None):
        self._forces: dict[str, Force] | None = None
        self._registry = registry
        self.reset()

    @property
    def registry(self) -> Registry:
        """Every term of office, read once per load (letters.loading.registry)."""
        if self._registry is None:
            self._registry = Registry.load()
        return self._registry

    @property
    def forces(self) -> dict[str, Force]:
        """Every force by its canonical name, the name the parser returns."""
        if self._forces is None:
            self._forces = {force.name: force for force in Force.objects.all()}
        return self._forces

    def reset(self) -> None:
        self.inspections: dict[tuple[int, str], list[Inspection]] = {}
        self.inspection_keys: set[tuple[int, str]] = set()

    def prefetch(self, items: list[Pending]) -> None:
        self.reset()
        forces = self.forces
        pairs: set[tuple[int, str]] = set()
        identities: list[InspectionIdentity] = []
        for item in items:
            force = forces.get(value_of(item.parsed.force))
            if force is None:
                continue
            if (parsed := item.parsed.inspection) is not None:
                pairs.add((force.pk, parsed.kind))
                identities.append(inspection_identity(item, parsed))
        if pairs:
            self._prefetch_inspections(pairs, identities)

    def _prefetch_inspections(self, pairs, identities: list[InspectionIdentity]) -> None:
        found = Inspection.objects.filter(
            _candidates(identities),
            force_id__in={pk for pk, _ in pairs},
            kind__in={kind for _, kind in pairs},
        ).order_by("pk")
        self.inspection_keys = pairs
        for inspection in found:
            pair = (inspection.force_id, inspection.kind)
            if pair in pairs:
                self.inspections.setdefault(pair, []).append(inspection)

    def inspection(
        self, force: Force, identity: InspectionIdentity
    ) -> tuple[Inspection | None, list[str]]:
        """The stored (or batch-created) inspection the letter answers, or None; and notes
        about the choice (see the module docstring)."""
        pair = (force.pk, identity.kind)
        if pair in self.inspection_keys:
            candidates = self.inspections.get(pair, [])
        else:
            candidates = list(
                Inspection.objects.filter(
                    _candidates([identity]), force=force, kind=identity.kind
                ).order_by("pk")
            )
        return choose_inspection(candidates, identity)

    def add_inspection(self, inspection: Inspection) -> None:
        pair = (inspection.force_id, inspection.kind)
        if pair in self.inspection_keys:
            self.inspections.setdefault(pair, []).append(inspection)

    def unsaved_inspections(self) -> list[Inspection]:
        return [row for rows in self.inspections.values() for row in rows if row.pk is None]


@dataclass(frozen=True)
class InspectionIdentity:
    """What a letter says about which inspection it answers."""

    kind: str
    natural_key: str  # of the row created for it
    period: str  # as the letter names it ("" if it does not)
    cycle: str  # Inspection.cycle of that period
    published: dt.date | None  # as the letter states it
    letter_date: dt.date | None


def inspection_identity(item: Pending, parsed) -> InspectionIdentity:
    period = value_of(parsed.period) or ""
    published = value_of(parsed.published)
    letter_date = value_of(item.parsed.date)
    # A period the parser inferred (no span) helps find a row but does not name a new one.
    stated_period = period if parsed.period and parsed.period.start >= 0 else ""
    if published:
        natural_key = published.isoformat()
    elif stated_period:
        natural_key = Inspection.cycle_of(parsed.kind, stated_period, None)
    elif letter_date:
        natural_key = f"letter-{letter_date:%Y-%m}"
    else:
        natural_key = f"file-{slugify(os.path.basename(item.source))}"[:100]
    cycle = Inspection.cycle_of(parsed.kind, period, published)
    return InspectionIdentity(parsed.kind, natural_key, period, cycle, published, letter_date)


def _candidates(identities: list[InspectionIdentity]) -> Q:
    """The rows (of the letters' forces and kinds) that choose_inspection may pick from."""
    keys = {identity.natural_key for identity in identities}
    cycles = {identity.cycle for identity in identities if identity.cycle}
    dates = {identity.published for identity in identities if identity.published}
    return Q(natural_key__in=keys) | Q(cycle__in=cycles) | Q(published__in=dates)


def choose_inspection(
    candidates: list[Inspection], identity: InspectionIdentity
) -> tuple[Inspection | None, list[str]]:
    """The row among ``candidates`` (one force and kind, oldest first) that the letter
    answers, or None for a new one; and notes about the choice, for the load's warnings."""
    exact = next((row for row in candidates if row.natural_key == identity.natural_key), None)
    same_cycle = [row for row in candidates if identity.cycle and row.cycle == identity.cycle]
    if identity.published:
        same_day = next((row for row in candidates if row.published == identity.published), None)
        undated = next((row for row in same_cycle if row.published is None), None)
        return same_day or undated or exact, []
    if len(same_cycle) > 1:
        return _likeliest(same_cycle, identity)
    return (same_cycle[0] if same_cycle else exact), []


def _likeliest(rows: list[Inspection], identity: InspectionIdentity):
    """A letter naming the period alone answers one of several reports of that cycle: the
    latest published before the letter (a letter answers a published report), else the first."""
    dated = sorted((row for row in rows if row.published), key=lambda row: row.published)
    letter_date = identity.letter_date
    before = [row for row in dated if letter_date and row.published <= letter_date]
    chosen = before[-1] if before else (dated[0] if dated else rows[0])
    why = "the latest published before the letter" if before else "the earliest"
    undated = [row for row in rows if not row.published]
    dates = ", ".join(
        [*(_day(row.published) for row in dated), *["date not stated"] * len(undated)]
    )
    return chosen, [
        f"{FILING_NOTE}the letter names the period {identity.period or identity.cycle} but not "
        f"when the report was published, and {len(rows)} inspections of that cycle are stored "
        f"(published {dates}): filed under the one published "
        f"{_day(chosen.published) if chosen.published else 'on a date not stated'}, {why}"
    ]


def _day(when: dt.date) -> str:
    return f"{when.day} {when:%B %Y}"
