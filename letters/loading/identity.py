"""How a reload finds the rows it wrote before, so loading again changes only what changed.

- Letter: by ``source``, the resolved path relative to settings.LETTERS_ROOT (absolute outside
  it), the same from any working directory (files.normalise_source); then by content (sha256),
  the second key: a file with the same bytes as a stored letter whose file has gone is that
  letter, moved (its source is updated); while that letter's file still exists, it is a
  duplicate: reported as such, nothing stored. A file whose bytes and parser version match its
  stored letter is unchanged: skipped without parsing or writing.
- A letter in other bytes: by the fingerprint of its text (files.text_fingerprint: the same
  text whatever the BOM, line ends, UTF-16 or trailing spaces). At its own source it is
  unchanged (re-encoded; the new bytes' hash is stored); under another name it is a duplicate
  of the letter (or that letter, moved, when its file has gone); a file holding an earlier
  version's text is a duplicate of that letter ("an earlier version"), never a new letter.
- A near-identical text (a fixed typo, a changed word) about the same inspection of the same
  force is a new version of that letter (near_versions): rapidfuzz's ratio of the two texts at
  or above ``SIMILAR`` per cent. The letter is updated (its earlier version kept as a revision)
  and follows the new file. Distinct letters about one inspection differ far more (the closest
  two of 1,500 generated letters and the practice set were 84.5% alike).
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
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.text import slugify
from rapidfuzz import fuzz

from inspections.models import Force, Inspection
from letters.models import FILING_NOTE, Letter, LetterRevision
from letters.parsing import PARSER_VERSION

from .files import Pending, normalise_source, source_path, value_of
from .registry import Registry
from .results import FileResult

# Per cent of rapidfuzz's ratio (normalised Indel similarity) at which two texts about one
# inspection are versions of one letter; see the module docstring for why 95.
SIMILAR = 95.0
# Texts longer than this are not compared (the comparison grows with the product of the two
# lengths); letters are a few pages, tens of KB.
MAX_COMPARED_CHARS = 100_000


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
    text_sha256: str = ""
    format: str = "txt"


STORED = ("pk", "source", "sha256", "parser_version", "text_sha256", "format")


def stored_letters(items: list[Pending]) -> tuple[dict[str, Stored], dict[str, Stored]]:
    """The stored letters these files may be, by source and by sha256 (one query)."""
    rows = Letter.objects.filter(
        Q(source__in=[item.source for item in items])
        | Q(sha256__in=[item.sha256 for item in items])
    ).values_list(*STORED)
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
    # Only at its own source can other bytes of the same text be the same file re-encoded.
    item.stored_text_sha256 = row.text_sha256 if row and row.source == item.source else ""
    return None


def stored_texts(items: list[Pending]) -> tuple[dict[str, Stored], dict[str, Stored]]:
    """Stored letters with these files' texts, and letters with them as an earlier version,
    by text fingerprint (one query each)."""
    hashes = {item.text_sha256 for item in items}
    current: dict[tuple[str, str], Stored] = {}
    for row in Letter.objects.filter(text_sha256__in=hashes).order_by("pk").values_list(*STORED):
        stored = Stored(*row)
        current.setdefault((stored.text_sha256, stored.format), stored)
    earlier: dict[tuple[str, str], Stored] = {}
    revisions = LetterRevision.objects.filter(text_sha256__in=hashes).order_by("-pk")
    for text_sha256, *letter in revisions.values_list(
        "text_sha256", *(f"letter__{name}" for name in STORED)
    ):
        stored = Stored(*letter)
        earlier.setdefault((text_sha256, stored.format), stored)
    return current, earlier


def text_key(item: Pending) -> tuple[str, str]:
    """What a file's text is matched by: its fingerprint, within its format. A PDF and a web
    page of one letter stay two letters, each with its original (letters.formats); the same
    format in other bytes, or near-identical, is one letter."""
    return item.text_sha256, item.document.format if item.document is not None else "txt"


def classify_text(item: Pending, current, earlier) -> FileResult | None:
    """A parsed file's text against the stored texts: unchanged (re-encoded at its own source),
    a duplicate (the same text, or an earlier version's, under another name), or None: write
    it (``item.letter_id`` set when it is a stored letter whose file has moved)."""
    if item.letter_id is not None:
        if (item.stored_text_sha256, item.stored[1]) == (item.text_sha256, PARSER_VERSION):
            detail = "re-encoded: the same text in other bytes"
            return FileResult(item.path, "unchanged", detail, matched=True)
        return None
    twin = current.get(text_key(item))
    if twin is not None and twin.source == item.source:
        # This very file, stored by another load since this one looked it up by source.
        if (twin.sha256, twin.parser_version) == (item.sha256, PARSER_VERSION):
            return FileResult(item.path, "unchanged", "stored meanwhile by another load")
        item.letter_id, item.stored = twin.pk, (twin.sha256, twin.parser_version)
        return None
    if twin is not None:
        if twin.pk is None or os.path.exists(source_path(twin.source, letters_root())):
            detail = f"the same text as {twin.source}"
            return FileResult(item.path, "duplicate", detail, matched=True)
        item.letter_id, item.stored = twin.pk, (twin.sha256, twin.parser_version)
        return None
    if (newer := earlier.get(text_key(item))) is not None:
        detail = f"an earlier version of {newer.source}"
        return FileResult(item.path, "duplicate", detail, matched=True)
    return None


def near_versions(items: list[Pending], shared: SharedRows, taken: set[int]) -> None:
    """Mark each new file that is a new version of a letter (see the module docstring).

    Compared with the stored letters of the same force, inspection and format (one query for
    the batch), except those another file of this batch already updates (``taken``), and with the
    new files before it in the batch. A match sets ``item.version`` and either
    ``item.letter_id`` (a stored letter) or ``item.version_of`` (a file of this batch).
    """
    groups: dict[Any, list[Pending]] = defaultdict(list)
    for item in items:
        if (key := _inspection_of(item, shared)) is not None:
            groups[key].append(item)
    stored = defaultdict(list)
    inspections = [key[1] for key in groups if key[0] == "stored"]
    if inspections:
        rows = Letter.objects.filter(inspection_id__in=inspections).exclude(pk__in=taken)
        for *row, text, force_id, inspection_id in rows.order_by("pk").values_list(
            *STORED, "text", "force_id", "inspection_id"
        ):
            letter = Stored(*row)
            stored[("stored", inspection_id, force_id, letter.format)].append((letter, text))
    for key, members in groups.items():
        earlier: list[tuple[Pending, str]] = []
        for item in members:
            # A stored letter of this very file was written by another load meanwhile: not a
            # version of it; the write finds it by source (batches: a race, read again).
            candidates = [
                *(pair for pair in stored.get(key, []) if pair[0].source != item.source),
                *earlier,
            ]
            match, score = _most_alike(item.text, candidates)
            if match is None:
                earlier.append((item, item.text))
            elif isinstance(match, Stored):
                item.letter_id, item.stored = match.pk, (match.sha256, match.parser_version)
                item.version = (match.source, score)
            else:
                root = match.version_of or match
                item.version_of, item.version = root, (root.source, score)


def _inspection_of(item: Pending, shared: SharedRows):
    """Which inspection of which force the file is about (a stored one, or a new one's key),
    and its format: versions are looked for among letters of the same format."""
    force = shared.forces.get(value_of(item.parsed.force))
    parsed = item.parsed.inspection
    if force is None or parsed is None:
        return None
    identity = inspection_identity(item, parsed)
    found, _notes = shared.inspection(force, identity)
    format_ = text_key(item)[1]
    if found is not None and found.pk is not None:
        return ("stored", found.pk, force.pk, format_)
    return ("new", force.pk, identity.kind, identity.natural_key, format_)


def _most_alike(text: str, candidates) -> tuple[Any, float]:
    """The candidate whose text is most like ``text``, at ``SIMILAR`` per cent or above."""
    best, best_score = None, 0.0
    if len(text) > MAX_COMPARED_CHARS:
        return None, 0.0
    for candidate, other in candidates:
        if len(other) > MAX_COMPARED_CHARS:
            continue
        score = fuzz.ratio(text, other, score_cutoff=SIMILAR)
        if score > best_score:
            best, best_score = candidate, score
    return best, best_score


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
