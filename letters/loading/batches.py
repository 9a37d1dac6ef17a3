"""Loading in batches: how files become rows quickly, with flat memory, beside another load.

    summary = load_letters(paths=["seeds", "more/letter.txt"], dry_run=False)

Files are read in batches (at most ``BATCH_SIZE`` files or ``BATCH_BYTES`` bytes, so memory
stays flat however many files there are); one query per batch finds the letters already stored,
and a file whose bytes and parser version match its stored letter is skipped without parsing or
writing. Each batch is parsed whole, then written in one transaction:
- new letters in bulk (inspections, letters, grades and findings: one INSERT each), reading the
  commissioners and inspections the batch names in one query each;
- changed letters one at a time, each in its own savepoint, keeping the earlier version as a
  LetterRevision.
When the bulk write fails, it is rolled back and every letter is written on its own, so the one
at fault is reported by name and the rest still load.

Parsing is most of a load's time (about half at national size). With ``jobs`` above 1 (the
``load_letters`` command: one per processor, ``--jobs``), a batch's files are read and parsed by
that many forked worker processes (``Parsers``), started before the batch ahead of it is
written, so they parse while the load writes; everything else (what is stored already, writing,
the order results are reported in) stays in the load's own process and is exactly as with one
job. Only files that may need parsing are sent (not those found unchanged by their bytes as the
load stands when the batch starts; one the batch ahead made need parsing after all is parsed in
the load's process); a file refused by its reader or the parser is refused by name the same way.
The library's default is one job: admin uploads load a few files per request.

Two loads at once: the unique constraints (Letter.source, Inspection identity, Commissioner per
force, Grade, AreaForImprovement) turn a race into an IntegrityError; the letter that lost is
read again and written once more (usually then found unchanged: the other load stored it).
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from typing import Any

from django.db import DatabaseError, IntegrityError, connection, transaction

from inspections.models import AreaForImprovement, Grade, Inspection
from letters.formats import Document
from letters.models import Letter
from letters.parsing import PARSER_VERSION, LetterParseError, ParsedLetter
from letters.signals import letters_written, load_finished
from pccsite.caching import bump_data_version, deferred_bumps
from pccsite.db import refresh_planner_statistics

from .files import (
    LetterFile,
    Pending,
    iter_letter_files,
    read_and_parse,
    read_letter_file,
    reason,
    text_fingerprint,
)
from .identity import (
    SharedRows,
    Stored,
    classify,
    classify_text,
    near_versions,
    source_of,
    stored_letters,
    stored_texts,
    text_key,
)
from .originals import forget_original_after_commit, keep_original
from .results import FileResult, LoadSummary
from .writer import LetterWriter

BATCH_SIZE = 200
BATCH_BYTES = 16 * 1024 * 1024
# PostgreSQL's deadlock and serialization failures: another load got there first.
RACE_SQLSTATES = {"40P01", "40001"}
# Fewer files than this in a batch to parse are parsed in the load's own process: handing them
# to the workers would cost more than it saves.
PARALLEL_FROM = 8
# Files sent to a worker at a time (fewer round trips between the processes).
PARSE_CHUNK = 4


# How much lower than the load's own process its parsing workers run (os.nice): a load into a
# live site took both of a small server's cores from the site's workers (make soak: 1,237 ->
# 565 requests/s, p99 0.5 -> 3.2 s); niced, the workers parse on what the site leaves idle.
WORKER_NICENESS = 10


def _yield_to_the_site() -> None:
    """Each parsing worker's start: a lower scheduling priority than the site's processes."""
    os.nice(WORKER_NICENESS)


def default_jobs() -> int:
    """One parsing process per processor this process may run on (the command's default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def load_letters(
    *,
    paths: Iterable[str | os.PathLike],
    dry_run: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
    batch_size: int = BATCH_SIZE,
    follow_links: bool = False,
    jobs: int = 1,
) -> LoadSummary:
    """Load every letter under ``paths``; with ``dry_run`` do it all, then roll back.

    ``on_result`` is called once per file, in file order, as each batch is done.
    ``follow_links`` loads files that links in the folders lead to outside them.
    ``jobs`` above 1 parses each batch's files in that many worker processes (``Parsers``).
    """
    summary = LoadSummary(dry_run=dry_run)
    loader = Loader(dry_run=dry_run, parsers=Parsers(jobs))

    def report(result: FileResult) -> None:
        summary.add(result)
        if on_result is not None:
            on_result(result)

    # A dry run writes inside one transaction and rolls it back, so its counts are true.
    with loader.parsers, transaction.atomic() if dry_run else nullcontext():
        files = iter_letter_files(paths, follow_links=follow_links)
        # Each batch's parsing starts before the batch ahead of it is written, so the workers
        # parse while this process writes (two batches in memory at most).
        ahead: Started | None = None
        for batch in read_batches(files, batch_size):
            started = loader.start(batch)
            if ahead is not None:
                loader.finish(ahead, report)
            ahead = started
        if ahead is not None:
            loader.finish(ahead, report)
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run and (summary.created or summary.updated):
        refresh_planner_statistics()
        load_finished.send(sender=Letter, summary=summary)
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
    source = source_of(path)
    sha256 = sha256 or hashlib.sha256(text.encode()).hexdigest()
    letter_id = Letter.objects.filter(source=source).values_list("pk", flat=True).first()
    item = Pending(path, source, b"", sha256, letter_id, text, parsed, tuple(decode_warnings))
    item.text_sha256 = text_fingerprint(text)
    with transaction.atomic(), deferred_bumps():
        writer = LetterWriter(SharedRows(), item)
        result = writer.write()
        letters_written.send(sender=Letter, letter_ids=[writer.letter.pk])
        bump_data_version()
    return result


def read_batches(
    files: Iterable[LetterFile], batch_size: int, batch_bytes: int = BATCH_BYTES
) -> Iterator[list[Pending | FileResult]]:
    """Files read and hashed, in batches bounded by count and by bytes held in memory."""
    batch: list[Pending | FileResult] = []
    size = 0
    for letter_file in files:
        if letter_file.error:
            batch.append(FileResult(letter_file.path, "failed", letter_file.error))
        else:
            try:
                data = read_letter_file(letter_file.path)
            except LetterParseError as exc:
                batch.append(FileResult(letter_file.path, "failed", reason(exc)))
            else:
                source = source_of(letter_file.path)
                sha256 = hashlib.sha256(data).hexdigest()
                batch.append(Pending(letter_file.path, source, data, sha256))
                size += len(data)
        if len(batch) >= batch_size or size >= batch_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def insert_rows(model, rows: list) -> None:
    """``model.objects.bulk_create(rows)`` for rows whose ids nobody reads back (grades and
    findings: the search index reads them from the database), as one prepared INSERT run once
    per row (``executemany``). The values are prepared as bulk_create prepares them (pre_save
    fills the timestamps); Django's compiler, which built an INSERT for every few dozen rows, is
    skipped: 1.3 s of CPU instead of 2.3 s for the 17,700 rows of 5,000 letters. Sends no
    signals, like bulk_create."""
    if not rows:
        return
    meta = model._meta
    fields = [field for field in meta.concrete_fields if field is not meta.auto_field]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))})"
    )
    values = [
        [field.get_db_prep_save(field.pre_save(row, True), connection) for field in fields]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def is_race(exc: DatabaseError) -> bool:
    """Whether the error means another writer got there first (worth one more try)."""
    if isinstance(exc, IntegrityError):
        return True
    if getattr(exc.__cause__, "sqlstate", None) in RACE_SQLSTATES:
        return True
    return "database is locked" in str(exc)


def parse_file(data: bytes, path: str) -> tuple[Document, ParsedLetter] | LetterParseError:
    """files.read_and_parse, with a refusal returned rather than raised (for the workers)."""
    try:
        return read_and_parse(data, source=path)
    except LetterParseError as exc:
        return exc


def _parse_chunk(jobs: list[tuple[bytes, str]]) -> list:
    """A few files parsed in a worker process."""
    return [parse_file(data, path) for data, path in jobs]


class _ParsedWhenAsked:
    """Parsers.submit's outcomes in this process: parse_file for an item when asked."""

    def __init__(self, items: list[Pending]):
        self.items = {id(item): item for item in items}

    def get(self, key: int):
        item = self.items.get(key)
        return None if item is None else parse_file(item.data, item.path)


@dataclasses.dataclass
class Started:
    """A batch whose parsing has started (Loader.start), waiting to be written."""

    batch: list[Pending | FileResult]
    pending: list[Pending]
    stored: tuple[dict[str, Stored], dict[str, Stored]] | None
    # Loader.writes when it started: when the load has written since, the stored letters are
    # read again.
    writes: int
    outcomes: Callable[[], Any]


class Parsers:
    """Where a batch's files are parsed: in this process, or in ``jobs`` worker processes.

    The workers are forked (they inherit the parser already imported; they never touch the
    database) when the first batch has enough files to parse, and stopped when the load ends.
    ``submit`` hands a batch's files over and returns at once; ``outcomes`` waits for them.
    In this process, files are parsed when their outcomes are asked for.
    """

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, items: list[Pending]) -> Callable[[], Any]:
        """Start parsing ``items``; returns what gives a mapping of ``id(item)`` to each item's
        (Document, ParsedLetter), or the LetterParseError refusing it (``.get``)."""
        if self.jobs == 1 or len(items) < PARALLEL_FROM:
            # In this process each file is parsed when its outcome is asked for, as the load
            # goes, so a file found a duplicate by then is never parsed.
            return lambda: _ParsedWhenAsked(items)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_yield_to_the_site,
            )
        chunks = [items[start : start + PARSE_CHUNK] for start in range(0, len(items), PARSE_CHUNK)]
        futures = [
            (chunk, self._pool.submit(_parse_chunk, [(item.data, item.path) for item in chunk]))
            for chunk in chunks
        ]

        def outcomes() -> dict[int, Any]:
            found = {}
            for chunk, future in futures:
                found.update(zip(map(id, chunk), future.result(), strict=True))
            return found

        return outcomes

    def __enter__(self) -> Parsers:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


class Loader:
    """One load: batch after batch, sharing what it has read of forces between them."""

    def __init__(self, *, dry_run: bool = False, parsers: Parsers | None = None):
        self.shared = SharedRows()
        self.dry_run = dry_run
        self.parsers = parsers or Parsers()
        # Batches written so far that changed something, for Started.writes.
        self.writes = 0
        # Letters created or updated in the batch being written, for letters_written.
        self.written: list[int] = []

    def load_batch(
        self, batch: list[Pending | FileResult], report: Callable[[FileResult], None]
    ) -> None:
        """Classify, parse and write one batch; report every file's result in file order."""
        self.finish(self.start(batch), report)

    def start(self, batch: list[Pending | FileResult]) -> Started:
        """Start parsing every file of the batch not found unchanged or a duplicate by its
        bytes as the load stands (a copy of a file parsed earlier in the batch is parsed
        needlessly, and found a duplicate in ``finish`` as before)."""
        pending = [entry for entry in batch if isinstance(entry, Pending)]
        stored = stored_letters(pending) if pending else None
        to_parse = []
        if stored is not None:
            by_source, by_sha = stored
            to_parse = [item for item in pending if classify(item, by_source, by_sha) is None]
        return Started(batch, pending, stored, self.writes, self.parsers.submit(to_parse))

    def finish(self, started: Started, report: Callable[[FileResult], None]) -> None:
        """Classify, take the parsed files and write the batch; report every file's result in
        file order."""
        batch, pending = started.batch, started.pending
        results: dict[int, FileResult] = {}
        parsed: list[Pending] = []
        if pending:
            # Read again when a batch written since the start may have changed what is stored.
            fresh = started.stored is None or started.writes != self.writes
            by_source, by_sha = stored_letters(pending) if fresh else started.stored
            outcomes = started.outcomes()
            for item in pending:
                verdict = classify(item, by_source, by_sha)
                if verdict is None:
                    if (outcome := outcomes.get(id(item))) is None:
                        # The batch ahead made it need parsing (a letter it moved).
                        outcome = parse_file(item.data, item.path)
                    if isinstance(outcome, LetterParseError):
                        verdict = FileResult(item.path, "failed", reason(outcome))
                    else:
                        item.document, item.parsed = outcome
                        item.text = item.document.text
                        item.decode_warnings = item.document.warnings
                        item.text_sha256 = text_fingerprint(item.text)
                        parsed.append(item)
                        # A later copy of these bytes in the batch is a duplicate of this one.
                        by_sha.setdefault(
                            item.sha256, Stored(None, item.source, item.sha256, PARSER_VERSION)
                        )
                if verdict is not None:
                    item.data = b""
                    results[id(item)] = verdict
        to_write = self._by_text(parsed, results)
        for item in to_write:
            keep_original(item, dry_run=self.dry_run)
        for item in parsed:
            item.data = b""  # keep memory flat: the text (and the kept original) suffice
        if to_write:
            results.update(self._write(to_write))
        for entry in batch:
            report(entry if isinstance(entry, FileResult) else results[id(entry)])

    def _by_text(self, parsed: list[Pending], results: dict[int, FileResult]) -> list[Pending]:
        """The parsed files left to write once their texts are checked (identity.classify_text);
        the others' results are added to ``results``."""
        if not parsed:
            return []
        to_write = []
        current, earlier = stored_texts(parsed)
        for item in parsed:
            verdict = classify_text(item, current, earlier)
            if verdict is None:
                to_write.append(item)
                # A later copy of this text in the batch is a duplicate of this one.
                current.setdefault(text_key(item), Stored(None, item.source, "", ""))
            else:
                if verdict.outcome == "unchanged" and item.letter_id is not None:
                    self._reencoded(item)
                results[id(item)] = verdict
        return to_write

    def _reencoded(self, item: Pending) -> None:
        """The same text in other bytes at its own source: keep the new bytes as the letter's
        original and hash, so the next load skips the file unread. Nothing a reader sees moves."""
        if self.dry_run:
            return
        self.writes += 1
        keep_original(item)
        letters = Letter.objects.filter(pk=item.letter_id)
        replaced = letters.values_list("original", flat=True).first()
        with transaction.atomic():
            letters.update(sha256=item.sha256, original=item.original)
            if replaced != item.original:
                forget_original_after_commit(replaced)

    def _write(self, items: list[Pending]) -> dict[int, FileResult]:
        self.writes += 1
        results: dict[int, FileResult] = {}
        # One transaction per batch (SQLite is not asked to sync to disk once per file); the
        # page cache is invalidated once, when it commits.
        with transaction.atomic(), deferred_bumps():
            self.shared.prefetch(items)
            taken = {item.letter_id for item in items if item.letter_id is not None}
            near_versions([item for item in items if item.letter_id is None], self.shared, taken)
            new = [item for item in items if item.letter_id is None and item.version_of is None]
            if new:
                try:
                    with transaction.atomic():
                        results.update(self._create_all(new))
                except DatabaseError:
                    # Roll back the bulk write and write each letter on its own, so the one at
                    # fault (or the ones another load has just stored) are found by name.
                    self.shared.reset()
                    self.written = []
                    by_source, by_sha = stored_letters(new)
                    for item in new:
                        verdict = classify(item, by_source, by_sha, meanwhile=True)
                        if verdict is not None:
                            results[id(item)] = verdict
            for item in items:
                if id(item) not in results:
                    results[id(item)] = self._write_version_or_one(item)
            if self.written:
                # The search index follows in the same transaction (bulk writes send no
                # model signals).
                letters_written.send(sender=Letter, letter_ids=self.written)
                self.written = []
            if any(result.outcome in ("created", "updated") for result in results.values()):
                bump_data_version()
        return results

    def _create_all(self, items: list[Pending]) -> dict[int, FileResult]:
        """New letters in bulk: one INSERT each for inspections, letters, grades, findings."""
        writers = [LetterWriter(self.shared, item) for item in items]
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
            # A new version of this file later in the batch updates this letter.
            writer.item.letter_id = letter.pk
        insert_rows(Grade, grades)
        insert_rows(AreaForImprovement, findings)
        self.written += [letter.pk for letter in letters]
        return {id(writer.item): writer.result("created") for writer in writers}

    def _write_version_or_one(self, item: Pending) -> FileResult:
        """Write one letter; a new version of a letter says which, and how alike they are."""
        base = item.version_of
        if base is not None:
            # A new version of a file of this batch: that file's letter, now stored.
            item.letter_id = base.letter_id
            item.stored = (base.sha256, PARSER_VERSION) if base.letter_id else None
        result = self._write_one(item)
        if item.version is not None and result.outcome == "updated":
            source, score = item.version
            # Rounded down: never "100%" for texts that differ.
            detail = f"a new version of {source} ({math.floor(score * 10) / 10:.1f}% the same text)"
            result = dataclasses.replace(result, detail=detail, matched=True)
        return result

    def _write_one(self, item: Pending) -> FileResult:
        """One letter in its own savepoint; a race with another load is retried once."""
        for attempt in (1, 2):
            try:
                with transaction.atomic():
                    writer = LetterWriter(self.shared, item)
                    result = writer.write()
                    if result.outcome in ("created", "updated"):
                        self.written.append(writer.letter.pk)
                    return result
            except DatabaseError as exc:
                # Rows cached inside the rolled-back savepoint may no longer exist.
                self.shared.reset()
                if attempt == 2 or not is_race(exc):
                    return FileResult(item.path, "failed", f"could not be stored: {exc}")
                by_source, by_sha = stored_letters([item])
                verdict = classify(item, by_source, by_sha, meanwhile=True)
                if verdict is not None:
                    return verdict
        raise AssertionError("unreachable")
