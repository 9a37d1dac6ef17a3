"""Load letter files into the database: the only code that writes extracted data.

    summary = load_letters(paths=["seeds", "more/letter.txt"], dry_run=False)

Files and folders are walked in sorted order (folders recursively, ``*.txt``, names starting
with "." skipped); each file is read, hashed, decoded and parsed completely in memory, then
written in its own savepoint, so a file that fails is reported and the rest still load. Files
are handled in batches: one query per batch finds the letters already stored, and a file whose
bytes and parser version match its stored letter is skipped without parsing or writing.

How a reload finds the rows it wrote before:
- Letter: by ``source``, the path normalised (relative to the working directory when under it,
  so ``seeds/x.txt``, ``./seeds/x.txt`` and its absolute path are one letter). A file with the
  same bytes as a stored letter is the same letter: if that letter's file has gone it was moved
  (its source is updated), otherwise the copy is skipped as a duplicate.
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

Corrections: every Curated row (and Letter) lists the fields a person changed in
``edited_fields``; the loader never overwrites those and reports each disagreement as a
Conflict. ``AreaForImprovement.status`` belongs to staff and is never written here.
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError, models, transaction
from django.db.models import Q
from django.utils.text import slugify

from inspections.models import AreaForImprovement, Commissioner, Force, Grade, Inspection
from letters.models import Letter
from letters.parsing import (
    PARSER_VERSION,
    LetterParseError,
    ParsedLetter,
    decode_letter,
    parse_letter,
)

BATCH_SIZE = 200
# Letters are a few pages of text; anything this big is a mistake (a scan, an archive).
MAX_FILE_BYTES = 5 * 1024 * 1024

GRADE_FIELDS = ("grade", "quote", "start", "end")
FINDING_FIELDS = ("text", "response", "start", "end", "response_start", "response_end")


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
    """What happened to one file: created, updated, unchanged or failed."""

    source: str
    outcome: str
    detail: str = ""
    conflicts: tuple[Conflict, ...] = ()


@dataclass
class LoadSummary:
    dry_run: bool = False
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[FileError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.failed

    def add(self, result: FileResult) -> None:
        setattr(self, result.outcome, getattr(self, result.outcome) + 1)
        if result.outcome == "failed":
            self.errors.append(FileError(result.source, result.detail))
        self.conflicts.extend(result.conflicts)

    def __str__(self):
        return (
            f"{self.total} file{'' if self.total == 1 else 's'}: "
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.failed} failed, "
            f"{len(self.conflicts)} conflicts"
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
    folders = [entry for entry in entries if entry.is_dir()]
    for entry in entries:
        if not entry.is_dir() and entry.name.lower().endswith(".txt"):
            yield LetterFile(entry.path)
    for entry in folders:
        real = os.path.realpath(entry.path)
        if real in ancestors:
            yield LetterFile(entry.path, error=f"folder symlink loop (leads back to {real})")
            continue
        yield from _walk(entry.path, ancestors | {real})


def read_letter_file(path: str) -> bytes:
    """The file's bytes, or a LetterParseError saying why it cannot be read."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise LetterParseError(f"too large to be a letter ({size:,} bytes)", source=path)
            return handle.read()
    except IsADirectoryError as exc:
        raise LetterParseError("is a folder, not a file", source=path) from exc
    except OSError as exc:
        raise LetterParseError(f"cannot read the file: {exc.strerror or exc}", source=path) from exc


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


# --- loading ------------------------------------------------------------------------------


def load_letters(
    *,
    paths: Iterable[str | os.PathLike],
    dry_run: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
) -> LoadSummary:
    """Load every letter under ``paths``; with ``dry_run`` do it all, then roll back.

    ``on_result`` is called once per file, as it is done (for progress and per-file output).
    """
    summary = LoadSummary(dry_run=dry_run)
    loader = _Loader()

    def report(result: FileResult) -> None:
        summary.add(result)
        if on_result is not None:
            on_result(result)

    # A dry run writes inside one transaction and rolls it back, so its counts are true.
    with transaction.atomic() if dry_run else nullcontext():
        files = iter_letter_files(paths)
        while batch := list(itertools.islice(files, batch_size)):
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
    with transaction.atomic():
        return _LetterWriter(_Loader(), item).write()


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


class _Loader:
    def __init__(self):
        self._forces: dict[str, Force] | None = None
        # Most letters in a batch share a few forces, commissioners and reports.
        self._commissioners: dict[tuple[str, int], Commissioner] = {}
        self._inspections: dict[tuple[int, str, str], Inspection] = {}

    def load_batch(self, batch: list[LetterFile], report: Callable[[FileResult], None]) -> None:
        pending: list[_Pending] = []
        for letter_file in batch:
            source = normalise_source(letter_file.path)
            if letter_file.error:
                report(FileResult(letter_file.path, "failed", letter_file.error))
                continue
            try:
                data = read_letter_file(letter_file.path)
            except LetterParseError as exc:
                report(FileResult(letter_file.path, "failed", _reason(exc)))
                continue
            pending.append(
                _Pending(letter_file.path, source, data, hashlib.sha256(data).hexdigest())
            )
        if not pending:
            return

        # The unchanged check: one query for the whole batch.
        stored = list(
            Letter.objects.filter(
                Q(source__in=[p.source for p in pending])
                | Q(sha256__in=[p.sha256 for p in pending])
            ).values_list("pk", "source", "sha256", "parser_version")
        )
        by_source = {row[1]: row for row in stored}
        by_sha = {row[2]: row for row in stored}

        to_write: list[_Pending] = []
        for item in pending:
            row = by_source.get(item.source)
            if row is None and (twin := by_sha.get(item.sha256)) is not None:
                if os.path.exists(twin[1]):
                    report(FileResult(item.path, "unchanged", f"same content as {twin[1]}"))
                    continue
                row = twin  # the stored letter's file has gone: this is it, moved
            if row is not None and row[1:] == (item.source, item.sha256, PARSER_VERSION):
                report(FileResult(item.path, "unchanged"))
                continue
            item.letter_id = row[0] if row else None
            try:
                item.text, item.parsed, item.decode_warnings = parse_bytes(
                    item.data, source=item.path
                )
            except LetterParseError as exc:
                report(FileResult(item.path, "failed", _reason(exc)))
                continue
            item.data = b""  # keep memory flat: the text is all we need from here
            to_write.append(item)
            # Another copy of these bytes later in the batch is the same letter, not a new one.
            by_sha.setdefault(item.sha256, (None, item.source, item.sha256, PARSER_VERSION))

        if not to_write:
            return
        # One transaction per batch with a savepoint per letter: a failed letter rolls back
        # alone, and SQLite is not asked to sync to disk once per file.
        with transaction.atomic():
            for item in to_write:
                try:
                    with transaction.atomic():
                        result = _LetterWriter(self, item).write()
                except DatabaseError as exc:
                    # Rows cached inside the rolled-back savepoint may no longer exist.
                    self._commissioners.clear()
                    self._inspections.clear()
                    result = FileResult(item.path, "failed", f"could not be stored: {exc}")
                report(result)

    @property
    def forces(self) -> dict[str, Force]:
        if self._forces is None:
            self._forces = {force.name: force for force in Force.objects.all()}
        return self._forces


class _LetterWriter:
    """Writes one parsed letter and everything extracted from it."""

    def __init__(self, loader: _Loader, item: _Pending):
        self.loader = loader
        self.item = item
        self.parsed: ParsedLetter = item.parsed
        self.conflicts: list[Conflict] = []
        self.warnings: list[str] = [*self.parsed.warnings, *item.decode_warnings]

    def write(self) -> FileResult:
        item, parsed = self.item, self.parsed
        if item.letter_id is None:
            letter = Letter(source=item.source)
        else:
            letter = Letter.objects.select_related("force", "commissioner").get(pk=item.letter_id)
        created = letter.pk is None

        grades, findings = self._wanted_rows()
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
        # Force, then commissioner and inspection, each resolved against what is kept on the
        # letter before it, so a person's correction of the force carries through.
        changed = self._apply(letter, {"force": self._force()}, str(letter))
        # Where a person chose the letter's commissioner or inspection, look the parsed one
        # up only to report the disagreement: creating it would leave an orphan row.
        create = "commissioner" not in letter.edited_fields
        commissioner = self._commissioner(letter, create=create)
        changed += self._apply(letter, {"commissioner": commissioner}, str(letter))
        create = "inspection" not in letter.edited_fields
        inspection = self._inspection(letter.force, _value(parsed.date), create=create)
        changed += self._apply(letter, {"inspection": inspection}, str(letter))
        if letter.inspection_id is None and (grades or findings):
            self.warnings.append(
                f"{len(grades)} grades and {len(findings)} findings not stored: "
                "no inspection to attach them to"
            )
        values["warnings"] = self.warnings
        changed += self._apply(letter, values, str(letter))
        if created:
            letter.save()
        elif changed:
            letter.save(update_fields=[*changed, "updated_at"])

        inspection_id = letter.inspection_id
        self._sync(
            letter,
            created,
            model=Grade,
            wanted={(inspection_id, g.area): g for g in grades} if inspection_id else {},
            key=lambda row: (row.inspection_id, row.area),
            fields=GRADE_FIELDS,
            same_evidence=lambda row, g: row.quote == g.quote,
            build=lambda g: Grade(inspection_id=inspection_id, area=g.area),
        )
        self._sync(
            letter,
            created,
            model=AreaForImprovement,
            wanted=(
                {(inspection_id, f.kind, f.number): f for f in findings} if inspection_id else {}
            ),
            key=lambda row: (row.inspection_id, row.kind, row.number),
            fields=FINDING_FIELDS,
            same_evidence=lambda row, f: row.text == f.text or row.start == f.start,
            build=lambda f: AreaForImprovement(
                inspection_id=inspection_id, kind=f.kind, number=f.number
            ),
        )
        return FileResult(
            item.path, "created" if created else "updated", conflicts=tuple(self.conflicts)
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
        key = (person.name, force.pk)
        commissioner = self.loader._commissioners.get(key)
        if commissioner is None:
            commissioner = Commissioner.objects.filter(name=person.name, force=force).first()
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
        elif person.honorific and commissioner.honorific != person.honorific:
            # Shared by every letter the commissioner signed: fill in, never flip-flop.
            if "honorific" in commissioner.edited_fields:
                self._conflict(commissioner, "honorific", commissioner.honorific, person.honorific)
            elif not commissioner.honorific:
                commissioner.honorific = person.honorific
                commissioner.save(update_fields=["honorific", "updated_at"])
        self.loader._commissioners[key] = commissioner
        return commissioner

    def _inspection(self, force: Force | None, letter_date, *, create: bool) -> Inspection | None:
        parsed = self.parsed.inspection
        if parsed is None or force is None:
            return None
        period = _value(parsed.period) or ""
        published = _value(parsed.published)
        title = _value(parsed.title) or ""
        stated_period = period if parsed.period and parsed.period.start >= 0 else ""
        if stated_period:
            natural_key = stated_period
        elif published:
            natural_key = published.isoformat()
        elif letter_date:
            natural_key = f"letter-{letter_date:%Y-%m}"
        else:
            natural_key = f"file-{slugify(os.path.basename(self.item.source))}"[:100]

        cache_key = (force.pk, parsed.kind, natural_key)
        same = Inspection.objects.filter(force=force, kind=parsed.kind)
        inspection = self.loader._inspections.get(cache_key)
        if inspection is None:
            inspection = same.filter(natural_key=natural_key).first()
        if inspection is None and (period or published):
            identity = Q()
            if period:
                identity |= Q(period=period)
            if published:
                identity |= Q(published=published)
            inspection = same.filter(identity).order_by("pk").first()
        if inspection is None:
            if not create:
                return Inspection(force=force, kind=parsed.kind, title=title, period=period)
            inspection = Inspection.objects.create(
                force=force,
                kind=parsed.kind,
                natural_key=natural_key,
                title=title,
                period=period,
                published=published,
            )
            self.loader._inspections[cache_key] = inspection
            return inspection
        self.loader._inspections[cache_key] = inspection
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
        if changed:
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

    def _sync(self, letter, created, *, model, wanted, key, fields, same_evidence, build):
        """Make ``model`` rows of this letter match ``wanted`` ({key: parsed row})."""
        existing = [] if created else list(model.objects.filter(letter=letter))
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
