"""Load letter files into the database: the only code that writes extracted data.

    summary = load_letters(paths=["seeds", "more/letter.txt"], dry_run=False)

Files and folders are walked in sorted order (folders recursively, ``*.txt``, names starting
with "." skipped). Files are read in batches (at most ``BATCH_SIZE`` files or ``BATCH_BYTES``
bytes, so memory stays flat however many files there are); one query per batch finds the
letters already stored, and a file whose bytes and parser version match its stored letter is
skipped without parsing or writing. Each batch is written in one transaction:
- new letters in bulk (inspections, letters, grades and findings: one INSERT each), reading the
  commissioners and inspections the batch names in one query each;
- changed letters one at a time, each in its own savepoint, keeping the earlier version as a
  LetterRevision.
When the bulk write fails, it is rolled back and every letter is written on its own, so the one
at fault is reported by name and the rest still load.

What is refused, and why (the file is named with the reason; nothing stored changes):
- no such file, a folder symlink loop, not a regular file (a FIFO, a device), permission denied;
- larger than ``MAX_FILE_BYTES``: letters are a few pages (the largest real ones are well under
  1 MB), so a file this big is a mistake, a scan or an export, and parsing it would only slow
  the batch and put megabytes of noise on a page;
- empty, whitespace only, binary (PDF, images, archives, NUL bytes), undecodable text.
What loads with a warning (in Letter.warnings and the summary's "with warnings" count): text
decoded as Windows-1252, no date found, no force recognised (no inspection then), no
commissioner signing it (a letter to a commissioner rather than from one).
A file with the same bytes as a stored letter whose file still exists is a duplicate: reported
as such, nothing stored.

How a reload finds the rows it wrote before:
- Letter: by ``source``, the path normalised (relative to the working directory when under it,
  so ``seeds/x.txt``, ``./seeds/x.txt`` and its absolute path are one letter). A file with the
  same bytes as a stored letter whose file has gone is that letter, moved (its source is
  updated).
- Force: by the canonical name the parser returns (rows come from the data migration).
- Commissioner: by (name, force); the slug is the slugified name, plus the force's slug on a
  collision.
- Inspection: by (force, kind, natural_key), where natural_key is the period when the letter
  states one, else the publication date (ISO), else ``letter-YYYY-MM`` from the letter's own
  date, else ``file-<file name>``. An existing inspection of the same force and kind with the
  same period or publication date is reused, so letters that identify one report differently
  still meet. Title, period and publication date are filled in where the row lacks them.
- Grade: by (inspection, area, letter); AreaForImprovement by (inspection, kind, number,
  letter). Rows the letter no longer states are removed unless a person edited them.

Revisions: when a stored letter is written again because its file changed *or* because a newer
parser read it, the version being replaced is kept (text, sha256, parser version and what the
site showed, see LetterRevision). A new parser version changes the values people see, so the
old ones are worth keeping as much as old text is.

Two loads at once: the unique constraints (Letter.source, Inspection identity, Commissioner per
force, Grade, AreaForImprovement) turn a race into an IntegrityError; the letter that lost is
read again and written once more (usually then found unchanged: the other load stored it).

Corrections: every Curated row (and Letter) lists the fields a person changed in
``edited_fields``; the loader never overwrites those and reports each disagreement as a
Conflict. ``AreaForImprovement.status`` belongs to staff and is never written here.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from letters.models import Letter, LetterRevision
from letters.parsing import (
    PARSER_VERSION,
    LetterParseError,
    ParsedLetter,
    decode_letter,
    parse_letter,
)
from pccsite.caching import bump_data_version, deferred_bumps

BATCH_SIZE = 200
BATCH_BYTES = 16 * 1024 * 1024
MB = 1024 * 1024
# See the module docstring: letters are a few pages of text.
MAX_FILE_BYTES = 5 * MB

GRADE_FIELDS = ("grade", "quote", "start", "end")
FINDING_FIELDS = ("text", "response", "start", "end", "response_start", "response_end")
# PostgreSQL's deadlock and serialization failures: another load got there first.
RACE_SQLSTATES = {"40P01", "40001"}


@dataclass(frozen=True)
class Conflict:
    """A value a person corrected that the letter (as parsed now) states differently."""

    source: str
    object: str
    field: str
    kept: Any
    parsed: Any

    def __str__(self):
        return (
            f"{self.source}: {self.object}: kept {self.field}={self.kept!r} "
            f"(corrected by a person), the letter says {self.parsed!r}"
        )


@dataclass(frozen=True)
class FileError:
    source: str
    error: str

    def __str__(self):
        return f"{self.source}: {self.error}"


@dataclass(frozen=True)
class FileResult:
    """What happened to one file: created, updated, unchanged, duplicate or failed."""

    source: str
    outcome: str
    detail: str = ""
    conflicts: tuple[Conflict, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass
class LoadSummary:
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    failed: int = 0
    with_warnings: int = 0
    errors: list[FileError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.duplicate + self.failed

    def add(self, result: FileResult) -> None:
        setattr(self, result.outcome, getattr(self, result.outcome) + 1)
        if result.outcome == "failed":
            self.errors.append(FileError(result.source, result.detail))
        if result.warnings:
            self.with_warnings += 1
        self.conflicts.extend(result.conflicts)

    def __str__(self):
        return (
            f"{self.total} file{'' if self.total == 1 else 's'}: "
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, "
            f"{self.duplicate} duplicate{'' if self.duplicate == 1 else 's'}, "
            f"{self.failed} failed, {len(self.conflicts)} conflicts, "
            f"{self.with_warnings} with warnings"
        )


# --- finding and reading files ------------------------------------------------------------


@dataclass(frozen=True)
class LetterFile:
    """A file to load, by the path as given (joined under the folder given), or why not."""

    path: str
    error: str | None = None


def iter_letter_files(paths: Iterable[str | os.PathLike]) -> Iterator[LetterFile]:
    """Every file named, and every ``*.txt`` under every folder named, sorted, each once."""
    seen: set[str] = set()
    for given in paths:
        path = os.fspath(given)
        if os.path.isdir(path):
            found = _walk(path, frozenset({os.path.realpath(path)}))
        elif os.path.lexists(path):
            found = iter([LetterFile(path)])
        else:
            found = iter([LetterFile(path, error="no such file or folder")])
        for letter_file in found:
            real = os.path.realpath(letter_file.path)
            if letter_file.error is None and real in seen:
                continue
            seen.add(real)
            yield letter_file


def _walk(folder: str, ancestors: frozenset[str]) -> Iterator[LetterFile]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield LetterFile(folder, error=f"cannot read the folder: {exc.strerror or exc}")
        return
    entries = [entry for entry in entries if not entry.name.startswith(".")]
    folders = [entry for entry in entries if _is_dir(entry)]
    for entry in entries:
        if not _is_dir(entry) and entry.name.lower().endswith(".txt"):
            yield LetterFile(entry.path)
    for entry in folders:
        real = os.path.realpath(entry.path)
        if real in ancestors:
            yield LetterFile(entry.path, error=f"folder symlink loop (leads back to {real})")
            continue
        yield from _walk(entry.path, ancestors | {real})


def _is_dir(entry: os.DirEntry) -> bool:
    """Whether an entry is a folder; a symlink that loops on itself is not (reading it fails)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


_NOT_REGULAR = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_letter_file(path: str) -> bytes:
    """The file's bytes, or a LetterParseError saying why it cannot be read."""
    try:
        # Non-blocking, so a FIFO named *.txt is refused instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise LetterParseError(f"cannot read the file: {exc.strerror or exc}", source=path) from exc
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            what = next((name for test, name in _NOT_REGULAR if test(mode)), "not a file")
            raise LetterParseError(f"not a regular file: {what}", source=path)
        try:
            # One byte over the limit is enough to know; a file growing meanwhile is caught too.
            data = handle.read(MAX_FILE_BYTES + 1)
            size = max(len(data), os.fstat(fd).st_size)
        except OSError as exc:
            raise LetterParseError(
                f"cannot read the file: {exc.strerror or exc}", source=path
            ) from exc
    if size > MAX_FILE_BYTES:
        raise LetterParseError(
            f"too large: {size / MB:.1f} MB, the limit is {MAX_FILE_BYTES // MB} MB", source=path
        )
    return data


def normalise_source(path: str) -> str:
    """The path stored as Letter.source: relative to the working directory when under it."""
    absolute = os.path.abspath(path)
    cwd = os.getcwd()
    if os.path.commonpath([absolute, cwd]) == cwd:
        return os.path.relpath(absolute, cwd).replace(os.sep, "/")
    return absolute.replace(os.sep, "/")


def parse_bytes(data: bytes, *, source: str) -> tuple[str, ParsedLetter, tuple[str, ...]]:
    """Decode and parse a file's bytes: (text, parsed letter, decoding warnings)."""
    text, decode_warnings = decode_letter(data, source=source)
    try:
        parsed = parse_letter(text, source=source)
    except LetterParseError:
        raise
    except Exception as exc:
        # A parser bug on one odd letter must not stop a batch of thousands: report it as
        # that file's failure and go on.
        raise LetterParseError(
            f"the parser failed: {type(exc).__name__}: {exc}", source=source
        ) from exc
    return text, parsed, decode_warnings


def _reason(exc: LetterParseError) -> str:
    return exc.reason if exc.line is None else f"line {exc.line}: {exc.reason}"


# --- extraction without the database (load_letters --dry-run --json) ------------------------


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
            yield Extraction(source, error=_reason(exc))
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
            "date": _plain(letter.date),
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
                        "published": _plain(inspection.published),
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


# --- loading ------------------------------------------------------------------------------


def load_letters(
    *,
    paths: Iterable[str | os.PathLike],
    dry_run: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> LoadSummary:
    """Load every letter under ``paths``; with ``dry_run`` do it all, then roll back.

    ``on_result`` is called once per file, in file order, as each batch is done.
    """
    summary = LoadSummary(dry_run=dry_run)
    loader = _Loader()

    def report(result: FileResult) -> None:
        summary.add(result)
        if on_result is not None:
            on_result(result)

    # A dry run writes inside one transaction and rolls it back, so its counts are true.
    with transaction.atomic() if dry_run else nullcontext():
        for batch in _read_batches(iter_letter_files(paths), batch_size):
            loader.load_batch(batch, report)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def store_letter(
    *,
    path: str,
    text: str,
    parsed: ParsedLetter,
    sha256: str | None = None,
    decode_warnings: Iterable[str] = (),
) -> FileResult:
    """Write one letter that has been parsed already, exactly as load_letters would."""
    source = normalise_source(path)
    sha256 = sha256 or hashlib.sha256(text.encode()).hexdigest()
    letter_id = Letter.objects.filter(source=source).values_list("pk", flat=True).first()
    item = _Pending(path, source, b"", sha256, letter_id, text, parsed, tuple(decode_warnings))
    loader = _Loader()
    with transaction.atomic(), deferred_bumps():
        result = _LetterWriter(loader, item).write()
        bump_data_version()
    return result


@dataclass
class _Pending:
    path: str
    source: str
    data: bytes
    sha256: str
    letter_id: int | None = None
    text: str = ""
    parsed: ParsedLetter | None = None
    decode_warnings: tuple[str, ...] = ()
    # (sha256, parser_version) of the stored letter when this load looked, to tell a letter
    # another load rewrote meanwhile from one that still needs writing.
    stored: tuple[str, str] | None = None


def _read_batches(
    files: Iterable[LetterFile], batch_size: int, batch_bytes: int = BATCH_BYTES
) -> Iterator[list[_Pending | FileResult]]:
    """Files read and hashed, in batches bounded by count and by bytes held in memory."""
    batch: list[_Pending | FileResult] = []
    size = 0
    for letter_file in files:
        if letter_file.error:
            batch.append(FileResult(letter_file.path, "failed", letter_file.error))
        else:
            try:
                data = read_letter_file(letter_file.path)
            except LetterParseError as exc:
                batch.append(FileResult(letter_file.path, "failed", _reason(exc)))
            else:
                source = normalise_source(letter_file.path)
                sha256 = hashlib.sha256(data).hexdigest()
                batch.append(_Pending(letter_file.path, source, data, sha256))
                size += len(data)
        if len(batch) >= batch_size or size >= batch_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


@dataclass(frozen=True)
class _Stored:
    pk: int | None
    source: str
    sha256: str
    parser_version: str


def _stored_letters(items: list[_Pending]) -> tuple[dict[str, _Stored], dict[str, _Stored]]:
    """The stored letters these files may be, by source and by sha256 (one query)."""
    rows = Letter.objects.filter(
        Q(source__in=[item.source for item in items])
        | Q(sha256__in=[item.sha256 for item in items])
    ).values_list("pk", "source", "sha256", "parser_version")
    stored = [_Stored(*row) for row in rows]
    by_sha: dict[str, _Stored] = {}
    for row in stored:
        by_sha.setdefault(row.sha256, row)
    return {row.source: row for row in stored}, by_sha


def _classify(item: _Pending, by_source, by_sha, *, meanwhile: bool = False) -> FileResult | None:
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


def _is_race(exc: DatabaseError) -> bool:
    """Whether the error means another writer got there first (worth one more try)."""
    if isinstance(exc, IntegrityError):
        return True
    if getattr(exc.__cause__, "sqlstate", None) in RACE_SQLSTATES:
        return True
    return "database is locked" in str(exc)


class _Shared:
    """Commissioners and inspections the batch's letters name, read in one query each.

    Lookups of keys the batch prefetched are answered from memory (a missing key is known to
    be absent); after a rollback everything is forgotten and each lookup asks the database.
    Inspections created in the batch are added unsaved and saved in bulk (or one by one).
    """

    def __init__(self):
        self.reset()

    def reset(self) -> None:
        self.commissioners: dict[tuple[str, int], Commissioner | None] = {}
        self.inspections: dict[tuple[int, str], list[Inspection]] = {}
        self.inspection_keys: set[tuple[int, str]] = set()

    def prefetch(self, items: list[_Pending], forces: dict[str, Force]) -> None:
        self.reset()
        people: set[tuple[str, int]] = set()
        pairs: set[tuple[int, str]] = set()
        keys: set[str] = set()
        periods: set[str] = set()
        dates: set = set()
        for item in items:
            force = forces.get(_value(item.parsed.force))
            if force is None:
                continue
            if item.parsed.commissioner is not None:
                people.add((item.parsed.commissioner.name, force.pk))
            if (parsed := item.parsed.inspection) is not None:
                pairs.add((force.pk, parsed.kind))
                key, period, published = _inspection_identity(item, parsed)
                keys.add(key)
                if period:
                    periods.add(period)
                if published:
                    dates.add(published)
        if people:
            self.commissioners = dict.fromkeys(people)
            found = Commissioner.objects.filter(
                name__in={name for name, _ in people}, force_id__in={pk for _, pk in people}
            )
            for commissioner in found:
                key = (commissioner.name, commissioner.force_id)
                if key in self.commissioners:
                    self.commissioners[key] = commissioner
        if pairs:
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


def _inspection_identity(item: _Pending, parsed) -> tuple[str, str, Any]:
    """(natural_key, period, published) of the inspection a letter answers."""
    period = _value(parsed.period) or ""
    published = _value(parsed.published)
    letter_date = _value(item.parsed.date)
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


class _Loader:
    def __init__(self):
        self._forces: dict[str, Force] | None = None
        self.shared = _Shared()

    @property
    def forces(self) -> dict[str, Force]:
        if self._forces is None:
            self._forces = {force.name: force for force in Force.objects.all()}
        return self._forces

    def load_batch(
        self, batch: list[_Pending | FileResult], report: Callable[[FileResult], None]
    ) -> None:
        """Classify, parse and write one batch; report every file's result in file order."""
        pending = [entry for entry in batch if isinstance(entry, _Pending)]
        results: dict[int, FileResult] = {}
        to_write: list[_Pending] = []
        if pending:
            by_source, by_sha = _stored_letters(pending)
            for item in pending:
                verdict = _classify(item, by_source, by_sha)
                if verdict is None:
                    try:
                        item.text, item.parsed, item.decode_warnings = parse_bytes(
                            item.data, source=item.path
                        )
                    except LetterParseError as exc:
                        verdict = FileResult(item.path, "failed", _reason(exc))
                    else:
                        to_write.append(item)
                        # A later copy of these bytes in the batch is a duplicate of this one.
                        by_sha.setdefault(
                            item.sha256, _Stored(None, item.source, item.sha256, PARSER_VERSION)
                        )
                item.data = b""  # keep memory flat: the text is all we need from here
                if verdict is not None:
                    results[id(item)] = verdict
        if to_write:
            results.update(self._write(to_write))
        for entry in batch:
            report(entry if isinstance(entry, FileResult) else results[id(entry)])

    def _write(self, items: list[_Pending]) -> dict[int, FileResult]:
        results: dict[int, FileResult] = {}
        new = [item for item in items if item.letter_id is None]
        # One transaction per batch (SQLite is not asked to sync to disk once per file); the
        # page cache is invalidated once, when it commits.
        with transaction.atomic(), deferred_bumps():
            self.shared.prefetch(items, self.forces)
            if new:
                try:
                    with transaction.atomic():
                        results.update(self._create_all(new))
                except DatabaseError:
                    # Roll back the bulk write and write each letter on its own, so the one at
                    # fault (or the ones another load has just stored) are found by name.
                    self.shared.reset()
                    by_source, by_sha = _stored_letters(new)
                    for item in new:
                        verdict = _classify(item, by_source, by_sha, meanwhile=True)
                        if verdict is not None:
                            results[id(item)] = verdict
            for item in items:
                if id(item) not in results:
                    results[id(item)] = self._write_one(item)
            if any(result.outcome in ("created", "updated") for result in results.values()):
                bump_data_version()
        return results

    def _create_all(self, items: list[_Pending]) -> dict[int, FileResult]:
        """New letters in bulk: one INSERT each for inspections, letters, grades, findings."""
        writers = [_LetterWriter(self, item) for item in items]
        letters = [writer.prepare(Letter(source=writer.item.source)) for writer in writers]
        Inspection.objects.bulk_create(self.shared.unsaved_inspections())
        for letter in letters:
            if letter.inspection is not None:
                letter.inspection_id = letter.inspection.pk
        Letter.objects.bulk_create(letters)
        grades: list[Grade] = []
        findings: list[AreaForImprovement] = []
        for writer, letter in zip(writers, letters, strict=True):
            grades += writer.new_grades(letter)
            findings += writer.new_findings(letter)
        Grade.objects.bulk_create(grades)
        AreaForImprovement.objects.bulk_create(findings)
        return {id(writer.item): writer.result("created") for writer in writers}

    def _write_one(self, item: _Pending) -> FileResult:
        """One letter in its own savepoint; a race with another load is retried once."""
        for attempt in (1, 2):
            try:
                with transaction.atomic():
                    return _LetterWriter(self, item).write()
            except DatabaseError as exc:
                # Rows cached inside the rolled-back savepoint may no longer exist.
                self.shared.reset()
                if attempt == 2 or not _is_race(exc):
                    return FileResult(item.path, "failed", f"could not be stored: {exc}")
                by_source, by_sha = _stored_letters([item])
                verdict = _classify(item, by_source, by_sha, meanwhile=True)
                if verdict is not None:
                    return verdict
        raise AssertionError("unreachable")


class _LetterWriter:
    """Writes one parsed letter and everything extracted from it."""

    def __init__(self, loader: _Loader, item: _Pending):
        self.loader = loader
        self.shared = loader.shared
        self.item = item
        self.parsed: ParsedLetter = item.parsed
        self.conflicts: list[Conflict] = []
        self.warnings: list[str] = [*self.parsed.warnings, *item.decode_warnings]
        self.grades, self.findings = self._wanted_rows()
        self.letter: Letter | None = None

    def result(self, outcome: str) -> FileResult:
        return FileResult(
            self.item.path,
            outcome,
            conflicts=tuple(self.conflicts),
            warnings=tuple(self.letter.warnings),
        )

    def write(self) -> FileResult:
        """Create or update the letter and its rows (inside the caller's savepoint)."""
        item = self.item
        if item.letter_id is None:
            letter = self.prepare(Letter(source=item.source))
            self._save_new_inspection(letter)
            letter.save()
            Grade.objects.bulk_create(self.new_grades(letter))
            AreaForImprovement.objects.bulk_create(self.new_findings(letter))
            return self.result("created")

        letter = (
            Letter.objects.select_for_update(of=("self",))
            .select_related("force", "commissioner", "inspection")
            .get(pk=item.letter_id)
        )
        now = (letter.sha256, letter.parser_version)
        if item.stored is not None and now != item.stored and now == (item.sha256, PARSER_VERSION):
            # Another load wrote this very version while we parsed it.
            return FileResult(item.path, "unchanged", "stored meanwhile by another load")
        grades = list(letter.grades.all())
        findings = list(letter.areas_for_improvement.all())
        if now != (item.sha256, PARSER_VERSION):
            self._keep_revision(letter, grades, findings)
        self.prepare(letter)
        self._save_new_inspection(letter)
        if self.changed:
            letter.save(update_fields=[*self.changed, "updated_at"])
        self._sync_existing(letter, grades, findings)
        return self.result("updated")

    def prepare(self, letter: Letter) -> Letter:
        """Apply the parsed values to ``letter`` (not saved); ``self.changed`` lists them."""
        item, parsed = self.item, self.parsed
        self.letter = letter
        values = {
            "source": item.source,
            "file_name": os.path.basename(item.source),
            "sha256": item.sha256,
            "parser_version": PARSER_VERSION,
            "text": item.text,
            "date": _value(parsed.date),
            "reference": _value(parsed.reference) or "",
            "recipient_name": parsed.recipient.name if parsed.recipient else "",
            "recipient_salutation": parsed.recipient.salutation if parsed.recipient else "",
            "grade_summary": {count.grade: count.count for count in parsed.grade_summary},
            "causes_of_concern_count": _value(parsed.causes_of_concern_count),
            "areas_for_improvement_count": _value(parsed.areas_for_improvement_count),
            "spans": self._spans(),
        }
        if parsed.date is None:
            self.warnings.append("no date found: the letter is stored undated")
        if parsed.commissioner is None:
            addressed = f" (addressed to {parsed.recipient.name})" if parsed.recipient else ""
            self.warnings.append(
                f"not written by a commissioner: no commissioner signs it{addressed}"
            )
        # Force, then commissioner and inspection, each resolved against what is kept on the
        # letter before it, so a person's correction of the force carries through.
        changed = self._apply(letter, {"force": self._force()}, str(letter))
        # Where a person chose the letter's commissioner or inspection, look the parsed one
        # up only to report the disagreement: creating it would leave an orphan row.
        create = "commissioner" not in letter.edited_fields
        commissioner = self._commissioner(letter, create=create)
        changed += self._apply(letter, {"commissioner": commissioner}, str(letter))
        create = "inspection" not in letter.edited_fields
        inspection = self._inspection(letter.force, create=create)
        changed += self._apply(letter, {"inspection": inspection}, str(letter))
        if letter.inspection is None and (self.grades or self.findings):
            self.warnings.append(
                f"{len(self.grades)} grades and {len(self.findings)} findings not stored: "
                "no inspection to attach them to"
            )
        values["warnings"] = self.warnings
        changed += self._apply(letter, values, str(letter))
        self.changed = changed
        return letter

    def _save_new_inspection(self, letter: Letter) -> None:
        inspection = letter.inspection
        if inspection is not None and inspection.pk is None:
            inspection.save()
            letter.inspection = inspection

    def new_grades(self, letter: Letter) -> list[Grade]:
        if letter.inspection_id is None:
            return []
        return [
            Grade(
                letter=letter,
                inspection_id=letter.inspection_id,
                area=parsed.area,
                **{name: _field_value(parsed, name) for name in GRADE_FIELDS},
            )
            for parsed in self.grades
        ]

    def new_findings(self, letter: Letter) -> list[AreaForImprovement]:
        if letter.inspection_id is None:
            return []
        return [
            AreaForImprovement(
                letter=letter,
                inspection_id=letter.inspection_id,
                kind=parsed.kind,
                number=parsed.number,
                **{name: _field_value(parsed, name) for name in FINDING_FIELDS},
            )
            for parsed in self.findings
        ]

    def _sync_existing(self, letter: Letter, grades, findings) -> None:
        inspection_id = letter.inspection_id
        self._sync(
            letter,
            existing=grades,
            model=Grade,
            wanted={(inspection_id, g.area): g for g in self.grades} if inspection_id else {},
            key=lambda row: (row.inspection_id, row.area),
            fields=GRADE_FIELDS,
            same_evidence=lambda row, g: row.quote == g.quote,
            build=lambda g: Grade(inspection_id=inspection_id, area=g.area),
        )
        self._sync(
            letter,
            existing=findings,
            model=AreaForImprovement,
            wanted=(
                {(inspection_id, f.kind, f.number): f for f in self.findings}
                if inspection_id
                else {}
            ),
            key=lambda row: (row.inspection_id, row.kind, row.number),
            fields=FINDING_FIELDS,
            same_evidence=lambda row, f: row.text == f.text or row.start == f.start,
            build=lambda f: AreaForImprovement(
                inspection_id=inspection_id, kind=f.kind, number=f.number
            ),
        )

    def _keep_revision(self, letter: Letter, grades, findings) -> None:
        """Keep the version about to be replaced: its text and what the site showed."""
        loaded = letter.revisions.values_list("replaced_at", flat=True).first()
        LetterRevision.objects.create(
            letter=letter,
            sha256=letter.sha256,
            parser_version=letter.parser_version,
            text=letter.text,
            extraction=stored_extraction(letter, grades, findings),
            created_at=loaded or letter.created_at,
            replaced_at=timezone.now(),
        )

    # -- values ----------------------------------------------------------------------------

    def _wanted_rows(self):
        """The grades and findings to store, one per key; duplicates become warnings."""
        grades: dict[str, Any] = {}
        for grade in self.parsed.grades:
            kept = grades.setdefault(grade.area, grade)
            if kept is not grade and kept.grade != grade.grade:
                self.warnings.append(
                    f"{grade.area} graded both {kept.grade!r} and {grade.grade!r}: kept the first"
                )
        findings: dict[tuple[str, int], Any] = {}
        for finding in self.parsed.findings:
            kept = findings.setdefault((finding.kind, finding.number), finding)
            if kept is not finding:
                self.warnings.append(
                    f"{finding.kind} {finding.number} appears twice: kept the first"
                )
        return list(grades.values()), list(findings.values())

    def _spans(self) -> dict[str, list[int]]:
        parsed = self.parsed
        spans: dict[str, list[int]] = {}

        def add(name, start, end):
            if start is not None and end is not None and 0 <= start < end:
                spans[name] = [start, end]

        for name in ("date", "reference", "force"):
            spanned = getattr(parsed, name)
            if spanned is not None:
                add(name, spanned.start, spanned.end)
        for name in ("commissioner", "recipient"):
            person = getattr(parsed, name)
            if person is not None:
                add(name, person.start, person.end)
        if parsed.inspection is not None:
            add("inspection.kind", parsed.inspection.kind_start, parsed.inspection.kind_end)
            for name in ("title", "period", "published"):
                spanned = getattr(parsed.inspection, name)
                if spanned is not None:
                    add(f"inspection.{name}", spanned.start, spanned.end)
        for count in parsed.grade_summary:
            add(f"grade_summary.{count.grade}", count.start, count.end)
        for name in ("causes_of_concern_count", "areas_for_improvement_count"):
            spanned = getattr(parsed, name)
            if spanned is not None:
                add(name, spanned.start, spanned.end)
        return spans

    def _force(self) -> Force | None:
        name = _value(self.parsed.force)
        if name is None:
            self.warnings.append("no force recognised: no inspection can be recorded")
            return None
        force = self.loader.forces.get(name)
        if force is None:
            self.warnings.append(f"force {name!r} is not in the database (run migrate)")
        return force

    def _commissioner(self, letter: Letter, *, create: bool) -> Commissioner | None:
        person, force = self.parsed.commissioner, letter.force
        if person is None or force is None:
            return None
        current = letter.commissioner if letter.commissioner_id else None
        if current is not None and "name" in current.edited_fields:
            # A person corrected this commissioner's name, so the parsed name cannot find it;
            # the letter still belongs to the corrected row.
            if current.name != person.name:
                self._conflict(current, "name", current.name, person.name)
            return current
        commissioner = self.shared.commissioner(person.name, force)
        if commissioner is None:
            if not create:
                # Unsaved: only named in the conflict report (the letter's link is kept).
                return Commissioner(name=person.name, force=force)
            commissioner = Commissioner.objects.create(
                name=person.name,
                force=force,
                slug=_commissioner_slug(person.name, force),
                honorific=person.honorific,
                title=person.title_key or Commissioner.Title.PCC,
            )
            self.shared.add_commissioner(commissioner)
        elif person.honorific and commissioner.honorific != person.honorific:
            # Shared by every letter the commissioner signed: fill in, never flip-flop.
            if "honorific" in commissioner.edited_fields:
                self._conflict(commissioner, "honorific", commissioner.honorific, person.honorific)
            elif not commissioner.honorific:
                commissioner.honorific = person.honorific
                commissioner.save(update_fields=["honorific", "updated_at"])
        return commissioner

    def _inspection(self, force: Force | None, *, create: bool) -> Inspection | None:
        """The inspection the letter answers: found, or new and unsaved (saved by the caller)."""
        parsed = self.parsed.inspection
        if parsed is None or force is None:
            return None
        natural_key, period, published = _inspection_identity(self.item, parsed)
        title = _value(parsed.title) or ""
        inspection = self.shared.inspection(force, parsed.kind, natural_key, period, published)
        if inspection is None:
            if not create:
                return Inspection(force=force, kind=parsed.kind, title=title, period=period)
            inspection = Inspection(
                force=force,
                kind=parsed.kind,
                natural_key=natural_key,
                title=title,
                period=period,
                published=published,
            )
            self.shared.add_inspection(inspection)
            return inspection
        # Shared by every letter about the report: fill in what it lacks, report corrections.
        changed = []
        for name, value in (("title", title), ("period", period), ("published", published)):
            current = getattr(inspection, name)
            if not value or current == value:
                continue
            if name in inspection.edited_fields:
                self._conflict(inspection, name, current, value)
            elif not current:
                setattr(inspection, name, value)
                changed.append(name)
        if changed and inspection.pk is not None:
            inspection.save(update_fields=[*changed, "updated_at"])
        return inspection

    # -- writing ---------------------------------------------------------------------------

    def _apply(self, obj: models.Model, values: dict[str, Any], label: str) -> list[str]:
        """Set values on obj except fields a person edited; returns the names changed."""
        changed = []
        edited = set(obj.edited_fields)
        for name, value in values.items():
            model_field = obj._meta.get_field(name)
            if model_field.is_relation:
                current = getattr(obj, model_field.attname)
                new = value.pk if value is not None else None
                if value is not None and new is None:
                    new = value  # a row created for this letter, saved with it
            else:
                current, new = getattr(obj, name), value
            if current == new:
                continue
            if obj.pk is not None and name in edited:
                self._conflict(obj, name, getattr(obj, name), value, label=label)
                continue
            setattr(obj, name, value)
            changed.append(name)
        return changed

    def _sync(self, letter, *, existing, model, wanted, key, fields, same_evidence, build):
        """Make ``model`` rows of this stored letter (``existing``) match ``wanted``."""
        by_key = {key(row): row for row in existing}
        matched: set[int] = set()
        new_rows = []
        for wanted_key, parsed in wanted.items():
            row = by_key.get(wanted_key)
            if row is None or row.pk in matched:
                # A person may have corrected the row's key (its area or number): it is still
                # the row read from the same words.
                row = next(
                    (
                        candidate
                        for candidate in existing
                        if candidate.edited_fields
                        and candidate.pk not in matched
                        and key(candidate) not in wanted
                        and same_evidence(candidate, parsed)
                    ),
                    None,
                )
            if row is None:
                row = build(parsed)
                row.letter = letter
                for name in fields:
                    setattr(row, name, _field_value(parsed, name))
                new_rows.append(row)
                continue
            matched.add(row.pk)
            changed = self._apply(
                row, {name: _field_value(parsed, name) for name in fields}, _describe(row)
            )
            if changed:
                row.save(update_fields=[*changed, "updated_at"])
        stale = [row for row in existing if row.pk not in matched]
        for row in stale:
            if row.edited_fields:
                self._conflict(row, "(row)", "kept", "no longer in the letter")
        if doomed := [row.pk for row in stale if not row.edited_fields]:
            model.objects.filter(pk__in=doomed).delete()
        if new_rows:
            model.objects.bulk_create(new_rows)

    def _conflict(self, obj, field_name, kept, parsed, *, label=None):
        self.conflicts.append(
            Conflict(
                source=self.item.source,
                object=label or _describe(obj),
                field=field_name,
                kept=_plain(kept),
                parsed=_plain(parsed),
            )
        )


def _commissioner_slug(name: str, force: Force) -> str:
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


def _value(spanned):
    return None if spanned is None else spanned.value


def _field_value(parsed, name):
    value = getattr(parsed, name)
    if name in ("quote", "text", "response"):
        return value or ""
    return value


def _describe(obj) -> str:
    return f"{obj._meta.verbose_name} {obj.pk} ({obj})"


def _plain(value):
    """A value as it reads in a report (model instances by their name, dates as ISO)."""
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
