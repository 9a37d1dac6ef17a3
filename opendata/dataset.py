"""The whole-dataset download: a ZIP of CSVs with a data dictionary, and a SQLite file.

    manifest = build_dataset()                  # or
    python manage.py build_dataset              # after loading (make load runs it), or
    python manage.py build_dataset --if-stale   # only when letters were loaded since

The loader's library function does not build it (at national size the build takes seconds, a
fifth of the load): ``load_letters`` and the admin upload run ``build_dataset --if-stale`` once
their load has committed. A load that stores something notes when it finished (``note_load``,
from the ``load_finished`` signal, opendata/apps.py), so where the build fails or is left to
later, the data page says, beside the build's date, when letters were loaded after it and how
to rebuild it (``stale``). Nothing is ever served half-written or silently out of date.

Both files are written beside their final names in ``settings.DATASET_DIR`` under temporary
names and moved into place with ``os.replace``, which is atomic on one filesystem: a download
never sees a half-written file, and two builds at once each replace whole files. A manifest
(``manifest.json``, replaced last) records when they were built, their sizes and checksums;
the data page reads it.

Every table's columns are the export columns of its list page (``export_fields`` on the
tables), so a column means the same in a page's export, the ZIP, the SQLite file and the data
dictionary; letters add their full text here.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import sqlite3
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from inspections.models import (
    AreaForImprovement,
    Commissioner,
    Force,
    Grade,
    Inspection,
    OfficialGrade,
    OfficialGradeCount,
)
from inspections.tables import (
    CommissionerTable,
    FindingTable,
    ForceTable,
    GradeTable,
    InspectionTable,
)
from letters.models import Letter
from letters.tables import LetterTable
from pccsite.db import public
from pccsite.exporting import Field, Links, attr, export_rows

from . import licence

ZIP_NAME = "pcc-letters-data.zip"
SQLITE_NAME = "pcc-letters-data.sqlite3"
MANIFEST_NAME = "manifest.json"
# When the latest load that stored something finished (note_load): newer than the build's
# snapshot, the files are out of date and the data page says so.
LOADED_NAME = "loaded.json"
FILES = {
    ZIP_NAME: "application/zip",
    SQLITE_NAME: "application/vnd.sqlite3",
}
CHUNK = 500


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    fields: tuple[Field, ...]

    def rows(self):
        """Every public row, oldest id first (a stable order between builds)."""
        return QUERYSETS[self.name]().order_by("pk").iterator(chunk_size=CHUNK)


TABLES = (
    Table("forces", "The 43 territorial police forces", ForceTable.export_fields),
    Table("commissioners", "Commissioners who signed letters", CommissionerTable.export_fields),
    Table("inspections", "Inspections the letters answer", InspectionTable.export_fields),
    Table(
        "letters",
        "The commissioners' letters, with their full text",
        (*LetterTable.export_fields, attr("text", "The letter's full text as loaded")),
    ),
    Table("grades", "Every grade read from the letters", GradeTable.export_fields),
    Table("findings", "Areas for improvement, causes of concern", FindingTable.export_fields),
)
# The inspectorate's own grades (import_grades): no list page exports them, so their columns
# are named here, with the provenance every row keeps.
PROVENANCE_FIELDS = (
    attr("source_url", "The inspectorate's page (or the reprint) the row was read from"),
    attr("checked", "Whether the row was checked against that page"),
    attr("verified", "Checked, with an address: pages show the others as unverified"),
    attr("note", "The compiler's note"),
    attr("source_file", "The reference file in data/reference/ the row was read from"),
    attr("source_line", "Its line in that file"),
)
# Both official tables begin with the row and the force it is about.
OFFICIAL_KEY_FIELDS = (
    attr("id", "The row's id"),
    attr("force__slug", "The force's short name", "force_slug"),
    attr("force__name", "The force's name", "force"),
)
OFFICIAL_GRADE_FIELDS = (
    *OFFICIAL_KEY_FIELDS,
    attr("cycle", "The PEEL cycle (2015, 2016, 2017, 2018-19, 2021-22, 2023-25)"),
    attr("area", "The area or pillar key; empty where the source's wording maps to none"),
    attr("area_as_written", "The area as the source words it"),
    attr("grade", "The grade key; empty where the page says not graded"),
    attr("grade_as_written", "The grade as the source writes it"),
    attr("page_version", "final, interim or integrated PEEL 2018/19, as the page was read"),
    *PROVENANCE_FIELDS,
)
OFFICIAL_COUNT_FIELDS = (
    *OFFICIAL_KEY_FIELDS,
    attr("cycle", "The PEEL cycle (2021-22, 2023-25)"),
    attr("areas_graded", "How many areas the source says were graded"),
    *(
        attr(name, f"Areas graded {name.replace('_', ' ')}; empty where the source gives none")
        for name in ("outstanding", "good", "adequate", "requires_improvement", "inadequate")
    ),
    attr("named_areas", "The areas and grades the source names, as written"),
    *PROVENANCE_FIELDS,
)
TABLES = (
    *TABLES,
    Table(
        "official_grades",
        "The inspectorate's own PEEL grades, from its pages, with their provenance",
        OFFICIAL_GRADE_FIELDS,
    ),
    Table(
        "official_grade_counts",
        "The inspectorate's grade counts per force for 2021-25, with their provenance",
        OFFICIAL_COUNT_FIELDS,
    ),
)
QUERYSETS = {
    "official_grades": lambda: OfficialGrade.objects.with_force(),
    "official_grade_counts": lambda: OfficialGradeCount.objects.with_force(),
    "forces": lambda: public(Force.objects.listing()),
    "commissioners": lambda: public(Commissioner.objects.with_letter_stats().with_term_span()),
    "inspections": lambda: public(Inspection.objects.with_counts()),
    "letters": lambda: public(Letter.objects.with_context().select_related("inspection__force")),
    "grades": lambda: public(Grade.objects.listing()),
    "findings": lambda: public(AreaForImprovement.objects.with_context()),
}


def dataset_dir() -> Path:
    return Path(settings.DATASET_DIR)


def read_manifest(directory: Path | None = None) -> dict | None:
    """The last build's manifest, or None when the dataset has not been built."""
    try:
        return json.loads((Path(directory or dataset_dir()) / MANIFEST_NAME).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def note_load(created: int = 0, updated: int = 0, directory: Path | None = None) -> dict:
    """Record that a load stored letters now (after it committed); returns the note."""
    directory = Path(directory or dataset_dir())
    directory.mkdir(parents=True, exist_ok=True)
    note = {
        "finished": timezone.now().isoformat(),
        "created": created,
        "updated": updated,
    }
    _replace_text(directory / LOADED_NAME, json.dumps(note, indent=2))
    return note


def read_load_note(directory: Path | None = None) -> dict | None:
    """The latest load's note (note_load), or None when no load has stored anything."""
    try:
        return json.loads((Path(directory or dataset_dir()) / LOADED_NAME).read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def stale(manifest: dict | None, note: dict | None) -> bool:
    """Whether letters were loaded after the build read the database (or it was never built).

    The build's snapshot time is taken before it reads anything, and a load's note after its
    last commit, so a load that overlapped a build counts as after it: the safe mistake.
    """
    if manifest is None:
        return True
    if note is None:
        return False
    read_at = manifest.get("read_at") or manifest["built"]
    return dt.datetime.fromisoformat(note["finished"]) > dt.datetime.fromisoformat(read_at)


def dictionary_rows():
    """(table, column, description) for every column of every table."""
    for table in TABLES:
        for field in table.fields:
            yield table.name, field.name, field.description


def build_dataset(directory: Path | None = None) -> dict:
    """Write both files and the manifest; returns the manifest."""
    directory = Path(directory or dataset_dir())
    directory.mkdir(parents=True, exist_ok=True)
    built = timezone.now()
    links = Links()
    with tempfile.TemporaryDirectory(dir=directory, prefix=".build-") as scratch:
        zip_path, sqlite_path = Path(scratch) / ZIP_NAME, Path(scratch) / SQLITE_NAME
        counts = _write_files(zip_path, sqlite_path, links, built)
        files = {}
        for path in (zip_path, sqlite_path):
            files[path.name] = {"bytes": path.stat().st_size, "sha256": _sha256(path)}
            os.replace(path, directory / path.name)
    manifest = {
        "built": built.isoformat(timespec="seconds"),
        # When the build began reading the database, to the microsecond (stale()).
        "read_at": built.isoformat(),
        "tables": counts,
        "files": files,
        "licence": licence.LICENCE_NAME,
        "licence_url": licence.LICENCE_URL,
        "attribution": licence.ATTRIBUTION,
        "citation": licence.citation(built),
    }
    _replace_text(directory / MANIFEST_NAME, json.dumps(manifest, indent=2))
    return manifest


def _write_files(zip_path: Path, sqlite_path: Path, links: Links, built) -> dict[str, int]:
    counts = {}
    database = sqlite3.connect(sqlite_path)
    try:
        with (
            zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
            _snapshot(),
        ):
            for table in TABLES:
                counts[table.name] = _write_table(table, archive, database, links)
            _write_dictionary(archive, database)
            _write_readme(archive, database, built, counts)
        database.commit()
    finally:
        database.close()
    return counts


def _write_table(table: Table, archive, database, links: Links) -> int:
    names = [field.name for field in table.fields]
    columns = ", ".join(_column(name) for name in names)
    database.execute(f'CREATE TABLE "{table.name}" ({columns})')
    insert = f'INSERT INTO "{table.name}" VALUES ({", ".join("?" * len(names))})'
    count = 0
    with archive.open(_entry(f"{table.name}.csv"), "w") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        writer = csv.writer(text)
        writer.writerow(names)
        batch = []
        for row in export_rows(table.fields, table.rows(), links):
            writer.writerow(row)
            batch.append(row)
            if len(batch) >= CHUNK:
                database.executemany(insert, batch)
                count += len(batch)
                batch = []
        database.executemany(insert, batch)
        count += len(batch)
        text.flush()
        text.detach()
    return count


def _entry(name: str) -> zipfile.ZipInfo:
    """A ZIP member dated now (a streamed member would otherwise be dated 1980)."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def _column(name: str) -> str:
    if name == "id":
        return '"id" INTEGER PRIMARY KEY'
    numeric = name.endswith(("_id", "_count")) or name == "number"
    return f'"{name}" {"INTEGER" if numeric else "TEXT"}'


def _write_dictionary(archive, database) -> None:
    rows = list(dictionary_rows())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["table", "column", "description"])
    writer.writerows(rows)
    archive.writestr(_entry("data-dictionary.csv"), buffer.getvalue())
    database.execute(
        'CREATE TABLE "data_dictionary" ("table" TEXT, "column" TEXT, description TEXT)'
    )
    database.executemany('INSERT INTO "data_dictionary" VALUES (?, ?, ?)', rows)


def _write_readme(archive, database, built, counts) -> None:
    lines = [
        licence.TITLE,
        "",
        f"Built: {built.isoformat(timespec='seconds')}",
        f"Licence: {licence.LICENCE_NAME} ({licence.LICENCE_URL})",
        f"Attribution: {licence.ATTRIBUTION}",
        f"How to cite: {licence.citation(built)}",
        f"Force codes: {licence.ONS_SOURCE}",
        "",
        "Files (UTF-8 CSV, ISO 8601 dates; data-dictionary.csv describes every column):",
        *(f"  {name}.csv: {count} rows" for name, count in counts.items()),
    ]
    archive.writestr(_entry("README.txt"), "\n".join(lines) + "\n")
    metadata = {
        "title": licence.TITLE,
        "built": built.isoformat(timespec="seconds"),
        "licence": licence.LICENCE_NAME,
        "licence_url": licence.LICENCE_URL,
        "attribution": licence.ATTRIBUTION,
        "citation": licence.citation(built),
        "force_codes_source": licence.ONS_SOURCE,
    }
    database.execute('CREATE TABLE "metadata" ("key" TEXT PRIMARY KEY, "value" TEXT)')
    database.executemany('INSERT INTO "metadata" VALUES (?, ?)', metadata.items())


class _snapshot:
    """On PostgreSQL, one REPEATABLE READ transaction: every table read at the same moment.

    SQLite's transactions here take the write lock at BEGIN (settings: IMMEDIATE), which would
    hold every load back for the whole build; it reads without one, and the next load's build
    corrects any load that ran meanwhile.
    """

    def __enter__(self):
        self.atomic = None
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        return self

    def __exit__(self, *exc):
        if self.atomic is not None:
            return self.atomic.__exit__(*exc)
        return False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _replace_text(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".manifest-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(temporary, 0o644)  # mkstemp's 0600 would hide it from the web server's user
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
