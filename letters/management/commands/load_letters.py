"""Load PCCs' letters from their files (text, PDF, Word, web pages) into the database.

    python manage.py load_letters seeds/ more/letter.pdf     # load (again: only changes)
    python manage.py load_letters seeds/ -v 2                # one line per file
    python manage.py load_letters seeds/ --dry-run           # what would happen; stores nothing
    python manage.py load_letters seeds/ --dry-run --json    # the extraction contract's JSON
    python manage.py load_letters seeds/ --jobs 1            # parse in this process only
    python manage.py load_letters seeds/ --no-dataset        # leave the download to a later
                                                             #   build_dataset

Each letter's signer is read against the commissioner registry (import_commissioners): a name
nobody held the office under is stored as written, with a warning, for staff to review, and a
letter that names nobody is attributed to the office-holder on its date. ``--dry-run --json``
reads the registry too (``commissioner.registered``), and writes nothing.

Each batch's files are parsed by one worker process per processor (``--jobs``; parsing is
about half of a load's time); what is stored and reported is the same with any number.

After a load that stored letters, the whole-dataset download is rebuilt (``build_dataset
--if-stale``, after everything has committed; a failed build is reported and keeps the previous
files, never failing the load). ``--no-dataset`` leaves it to a later ``build_dataset``, as
``make load`` does (it builds once after loading and importing); meanwhile ``/data/`` says its
download predates the load.

Folders are read recursively (``*.txt``, ``*.pdf``, ``*.docx``, ``*.html``, ``*.htm``; see
letters.formats and the README's "Formats and OCR"); a symbolic link in them that leads out of
the folder is refused unless ``--follow-links`` is given. The summary line counts files
created, updated, unchanged, duplicates (the same bytes or text as a stored letter, or an
earlier version of one: nothing stored), failed, conflicts and letters stored with warnings,
then names up to ten of the files with warnings, each with its first warning, and counts the
rest; ``-v 2`` lists every file with its outcome and all its warnings instead. Files matched to
a stored letter by their text (re-encoded, an earlier or a new version of it) are listed after
the summary line.
A file that cannot be read or is not a letter is named with the reason, the others still
load, and the command exits with status 1 (from ``call_command`` it raises CommandError
carrying the summary); duplicates, warnings and conflicts leave the status 0. Corrections made
in the admin are kept; each one the letter now contradicts is listed as a conflict.
"""

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, reset_queries

from letters.loading import (
    BATCH_SIZE,
    FileResult,
    LoadSummary,
    Registry,
    default_jobs,
    extract_letters,
    load_letters,
    printable,
)

# Below this many files a progress counter would only flash past.
PROGRESS_EVERY = 50


class Command(BaseCommand):
    help = (
        "Load letters from files and folders (recursively: .txt, .pdf, .docx, .html, .htm) "
        "into the database."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="load everything, report what would change, then roll back",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="with --dry-run: print the extraction contract's JSON on stdout",
        )
        parser.add_argument(
            "--follow-links",
            action="store_true",
            help="load files and folders that symbolic links lead to outside the folders given "
            "(refused by default)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"files read, checked and written together (default {BATCH_SIZE})",
        )
        parser.add_argument(
            "--no-dataset",
            action="store_true",
            help="do not rebuild the whole-dataset download after the load (build_dataset "
            "later; /data/ says it predates the load until then)",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=None,
            help="processes parsing each batch's files (default: one per processor, here "
            f"{default_jobs()}); 1 parses in this process",
        )

    def handle(
        self,
        *args,
        paths,
        dry_run,
        json,
        verbosity,
        batch_size,
        follow_links,
        jobs,
        no_dataset,
        **options,
    ):
        if json and not dry_run:
            raise CommandError("--json only goes with --dry-run")
        if json:
            self._print_json(paths, follow_links)
            return
        progress = _Progress(self.stderr)

        def on_result(result: FileResult) -> None:
            progress.step()
            if verbosity >= 2:
                progress.clear()
                self._write_result(result)
            if settings.DEBUG and progress.count % batch_size == 0:
                # DEBUG keeps every query's SQL; bulk INSERTs carry whole letters, so memory
                # would grow with the number of files.
                reset_queries()

        summary = load_letters(
            paths=paths,
            dry_run=dry_run,
            on_result=on_result,
            batch_size=max(1, batch_size),
            follow_links=follow_links,
            jobs=default_jobs() if jobs is None else max(1, jobs),
        )
        progress.clear()
        self._write_summary(summary, verbosity)
        if not (dry_run or no_dataset) and (summary.created or summary.updated):
            self._rebuild_dataset(verbosity)
        if summary.errors:
            errors = "\n".join(f"  {error}" for error in summary.errors)
            raise CommandError(
                f"{summary.failed} of {_files(summary.total)} could not be loaded:\n{errors}",
                returncode=1,
            )

    def _rebuild_dataset(self, verbosity: int) -> None:
        """The download built after the load (opendata's command, called by name: the
        letters app does not import the app above it)."""
        try:
            call_command(
                "build_dataset",
                "--if-stale",
                verbosity=verbosity,
                stdout=self.stdout,
                stderr=self.stderr,
            )
        except Exception as exc:  # noqa: BLE001 - the load has committed; say so and go on
            self.stderr.write(
                f"The letters are loaded, but the dataset download could not be rebuilt ({exc}); "
                "the previous files are kept: run build_dataset."
            )

    def _print_json(self, paths, follow_links):
        """Stream the document, one letter at a time, so memory stays flat."""
        errors = []
        try:
            registry = Registry.load()
            registry.terms  # noqa: B018 -- read now, so a database without it is known here
        except DatabaseError as exc:
            registry = None
            self.stderr.write(
                f"The commissioner registry cannot be read ({exc}): signers are given as "
                "written, without commissioner.registered (run migrate and import_commissioners)"
            )
        self.stdout.write('{"letters": [', ending="")
        first = True
        for extraction in extract_letters(paths, registry, follow_links=follow_links):
            if extraction.error is not None:
                source = printable(extraction.source)
                errors.append({"source": source, "error": printable(extraction.error)})
                self.stderr.write(printable(f"{extraction.source}: {extraction.error}"))
                continue
            separator = "\n" if first else ",\n"
            self.stdout.write(separator + _dumps(extraction.letter), ending="")
            first = False
        self.stdout.write(f'\n], "errors": {_dumps(errors)}}}')
        if errors:
            raise CommandError(f"{_files(len(errors))} could not be parsed", returncode=1)

    def _write_result(self, result: FileResult) -> None:
        line = f"{result.outcome}: {result.source}"
        if result.detail:
            line += f" ({result.detail})"
        style = {
            "created": self.style.SUCCESS,
            "updated": self.style.SUCCESS,
            "failed": self.style.ERROR,
            "duplicate": self.style.WARNING,
        }.get(result.outcome)
        # One line per file, whatever its name holds (a newline, an escape sequence).
        self.stdout.write(printable(line), style)
        for warning in result.warnings:
            self.stdout.write(printable(f"  warning: {warning}"), self.style.WARNING)

    def _write_summary(self, summary: LoadSummary, verbosity: int) -> None:
        if verbosity < 1:
            return
        if summary.conflicts:
            self.stdout.write(
                self.style.WARNING(
                    f"Kept {len(summary.conflicts)} corrections made in the admin "
                    "that the letters now state differently:"
                )
            )
            for conflict in summary.conflicts:
                self.stdout.write(f"  {conflict}")  # printable: Conflict.__str__
        prefix = "Dry run, nothing stored: would load" if summary.dry_run else "Loaded"
        style = self.style.ERROR if summary.failed else self.style.SUCCESS
        self.stdout.write(style(f"{prefix} {summary}."))
        if summary.matched:
            count = len(summary.matched)
            self.stdout.write(
                f"Matched {_files(count)} to letters by their text "
                "(re-encoded copies, earlier and new versions):"
            )
            for match in summary.matched:
                self.stdout.write(f"  {match}")  # printable: FileError.__str__
        if verbosity == 1 and summary.warned:
            # -v 2 listed every file's warnings already.
            self._write_warned(summary)

    def _write_warned(self, summary: LoadSummary) -> None:
        self.stdout.write(
            self.style.WARNING("Files with warnings (the first warning of each; -v 2 lists all):")
        )
        for source, warnings in summary.warned:
            more = f" (and {_count(len(warnings) - 1, 'more warning')})" * (len(warnings) > 1)
            self.stdout.write(f"  {source}: {warnings[0]}{more}")
        if rest := summary.with_warnings - len(summary.warned):
            self.stdout.write(f"  … and {_count(rest, 'more file')} with warnings.")


def _files(count: int) -> str:
    return _count(count, "file")


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


class _Progress:
    """A carriage-return counter on stderr, only when stderr is a terminal."""

    def __init__(self, stderr):
        self.stderr = stderr
        self.enabled = stderr.isatty()
        self.count = 0
        self.shown = False

    def step(self) -> None:
        self.count += 1
        if self.enabled and self.count % PROGRESS_EVERY == 0:
            self.stderr.write(f"\r{self.count} files…", ending="")
            self.stderr.flush()
            self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stderr.write("\r\033[K", ending="")
            self.shown = False
