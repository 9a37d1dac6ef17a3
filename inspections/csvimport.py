"""What the reference CSV importers share: reading rows, the summary, writing around corrections.

The commissioner registry (inspections.registry) and the inspectorate's grades
(inspections.official) follow one set of rules, kept here so the two cannot drift apart:
- a bad row is refused with its file, line and reason and the other rows still load; a file
  that cannot be read at all is named with the reason (a ``FileError``) and the other files
  still load (``read_rows``, ``collect``);
- a row the files give twice is refused the second time, naming where it came first;
- a file read whole without a refusal is listed, so only such a file's missing rows are
  removed: one bad line cannot delete a good row;
- what a person corrected in the admin (``edited_fields``) is kept, and each disagreement
  with the file is reported (``CuratedWriter``);
- the commands print the same summary and exit with status 1 on any refusal
  (``ImportCommand``).
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError


class FileError(ValueError):
    """A file that cannot be read at all (missing, not UTF-8 CSV, columns missing)."""


@dataclass(frozen=True)
class Refused:
    source: str
    line: int
    reason: str

    def __str__(self):
        return f"{self.source}:{self.line}: {self.reason}"


@dataclass
class Summary:
    """Counts and lists every import gives; an importer adds its own and says them in str()."""

    files: int = 0
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    refused: list[Refused] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # files not readable at all
    conflicts: list[str] = field(default_factory=list)

    @property
    def bad(self) -> bool:
        return bool(self.refused or self.failed)

    def counted(self) -> str:
        """The rows and files read, the start of every summary's sentence."""
        return (
            f"{self.rows} row{'' if self.rows == 1 else 's'} in {self.files} "
            f"file{'' if self.files == 1 else 's'}"
        )


# A parser takes the file, the line and the row's stripped values, and raises ValueError
# saying what is wrong with the row.
Parser = Callable[[str, int, dict], object]


def read_rows(
    source: str, parser_for: Callable[[str, list[str]], Parser], error: type[FileError]
) -> Iterator:
    """Every row of one file, parsed, or Refused with the reason.

    ``parser_for(source, header)`` checks the columns (raising ``error``) and gives the parser;
    a file that cannot be opened, decoded or read as CSV raises ``error`` naming it.
    """
    try:
        with open(source, encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except OSError as exc:
        raise error(f"{source}: cannot be read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise error(f"{source}: not UTF-8 text: {exc.reason} at byte {exc.start}") from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise error(f"{source}: not a CSV file: {exc}") from exc
    parse = parser_for(source, header)
    # The line a row starts on, counted before reading it: a quoted value may span lines.
    line = reader.line_num + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise error(f"{source}:{line}: not readable as CSV: {exc}") from exc
        try:
            if None in record:
                raise ValueError("more values than columns")
            values = {name: (value or "").strip() for name, value in record.items()}
            yield parse(source, line, values)
        except ValueError as exc:
            yield Refused(source, line, str(exc))
        line = reader.line_num + 1


def collect(
    paths: Iterable[str | os.PathLike],
    summary: Summary,
    read: Callable[[str], Iterable],
    same_as: str,
) -> tuple[list, list[str]]:
    """The valid rows of every file, each key once, and the names of the files read whole.

    ``read(source)`` gives a file's rows (each with ``source``, ``line`` and ``key``) and
    Refused; a row whose key came before is refused as "{same_as} file:line".
    """
    rows: list = []
    whole: list[str] = []
    seen: dict = {}
    for path in paths:
        source = os.fspath(path)
        summary.files += 1
        try:
            items = list(read(source))
        except FileError as exc:
            summary.failed.append(str(exc))
            continue
        refused_before = len(summary.refused)
        for item in items:
            summary.rows += 1
            if isinstance(item, Refused):
                summary.refused.append(item)
                continue
            if item.key in seen:
                first = seen[item.key]
                reason = f"{same_as} {first.source}:{first.line}"
                summary.refused.append(Refused(source, item.line, reason))
                continue
            seen[item.key] = item
            rows.append(item)
        if len(summary.refused) == refused_before:
            whole.append(os.path.basename(source))
    return rows, whole


class CuratedWriter:
    """Writes a file's values over rows people may have corrected in the admin."""

    def __init__(self, summary: Summary):
        self.summary = summary

    def _update(self, obj, fields: dict, names: Iterable[str], origin: Iterable[str], row) -> None:
        """Set ``names`` the file changed and a person did not; ``origin`` (file, line) always.

        A row counts as updated when a value changed, else unchanged: where it was read from
        moving is not a change of what it says.
        """
        changed = [
            name
            for name in names
            if getattr(obj, name) != fields[name] and self._writable(obj, name, fields[name], row)
        ]
        moved = [name for name in origin if getattr(obj, name) != fields[name]]
        for name in (*changed, *moved):
            setattr(obj, name, fields[name])
        if changed or moved:
            obj.save(update_fields=[*changed, *moved, "updated_at"])
        if changed:
            self.summary.updated += 1
        else:
            self.summary.unchanged += 1

    def _writable(self, obj, name: str, value, row) -> bool:
        """Whether the file may set ``name``; a person's correction is kept and reported."""
        if name not in obj.edited_fields:
            return True
        self.summary.conflicts.append(
            f"{row.source}:{row.line}: kept {name}={getattr(obj, name)!s} on "
            f"{obj._meta.verbose_name} {obj.pk} ({obj}), corrected by a person; "
            f"the file says {value!s}"
        )
        return False


class ImportCommand(BaseCommand):
    """A command that imports CSV files named on its command line and reports what happened.

    A subclass sets ``label`` (the summary line's start), ``paths_help`` and ``run`` (the
    importer, called with the paths), and may add to ``report``. Exit status 1 when any row
    or file could not be loaded, listing each.
    """

    label = ""
    paths_help = "CSV files"

    def run(self, paths: list[str]) -> Summary:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help=self.paths_help)

    def handle(self, *args, paths, verbosity, **options):
        summary = self.run(paths)
        if verbosity >= 1:
            self.report(summary, verbosity)
            style = self.style.ERROR if summary.bad else self.style.SUCCESS
            self.stdout.write(style(f"{self.label}: {summary}."))
        if summary.bad:
            lines = [*summary.failed, *(str(refused) for refused in summary.refused)]
            listed = "\n".join(f"  {line}" for line in lines)
            raise CommandError(
                f"{len(summary.refused)} rows and {len(summary.failed)} files could not be "
                f"loaded:\n{listed}",
                returncode=1,
            )

    def report(self, summary: Summary, verbosity: int) -> None:
        """What comes before the summary line: the corrections kept."""
        if summary.conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept {len(summary.conflicts)} corrections made in the admin that the "
                    "files now state differently:"
                )
            )
            for conflict in summary.conflicts:
                self.stdout.write(f"  {conflict}")
