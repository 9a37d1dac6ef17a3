"""Letters uploaded in the admin, loaded by the same loader as ``load_letters``, a few per request.

No worker process: ``store_uploads`` writes the files into the uploads folder
(``LETTER_UPLOADS_DIR``, by default ``MEDIA_ROOT/uploads``: a folder on the server's disk, since
the loader reads paths) and records a LoadRun; each request to the run's progress page then
loads the next ``FILES_PER_REQUEST`` files with ``load_letters`` and keeps each file's result.
Each file is kept as ``<uploads>/<its sha256's first 16 hex digits>/<its name>``: uploading
the same file again finds it unchanged; the same bytes under another name are a duplicate of
it; and two different files with one name ("response.pdf" from two offices) are two letters,
never one overwriting the other (a corrected file, near-identical text about the same
inspection, is still found as a new version of its letter by the loader's text matching).
The loader refuses what it refuses from the command (formats we do not read, empty files,
broken PDFs ...), by name and with the reason; the other files still load. The request that
loads a run's last files rebuilds the whole-dataset download, as the command does after a load.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from .loading import load_letters, printable, source_of
from .models import Letter, LoadRun

logger = logging.getLogger(__name__)

# A scan is read by OCR at up to a minute a page, so a request loads only a few files; the
# page asks for the next few until the run is done.
FILES_PER_REQUEST = 5


def uploads_dir() -> Path:
    configured = getattr(settings, "LETTER_UPLOADS_DIR", None)
    return Path(configured) if configured else Path(settings.MEDIA_ROOT) / "uploads"


def _safe_name(name: str) -> str:
    """The file's own name, no folders (a browser may send a path); "" if nothing is left."""
    name = os.path.basename(name.replace("\\", "/")).strip()
    return "" if name in {".", ".."} else name


def store_uploads(files, user) -> LoadRun:
    """Write the uploaded files into the uploads folder and record the run that loads them."""
    folder = uploads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[str] = []
    refused: list[dict[str, str]] = []
    for upload in files:
        name = _safe_name(upload.name)
        if not name:
            refused.append({"name": printable(upload.name), "reason": "the file has no name"})
            continue
        path = _keep(upload, folder, name)
        if str(path) not in paths:  # the same file twice in one upload is loaded once
            paths.append(str(path))
    return LoadRun.objects.create(created_by=user, paths=paths, refused=refused)


def _keep(upload, folder: Path, name: str) -> Path:
    """The upload written to <folder>/<sha256 prefix>/<name>, hashed as it is written."""
    digest = hashlib.sha256()
    incoming = folder / f".incoming-{uuid.uuid4().hex}"
    with open(incoming, "wb") as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    path = folder / digest.hexdigest()[:16] / name
    path.parent.mkdir(exist_ok=True)
    os.replace(incoming, path)
    return path


def advance(run: LoadRun, count: int = FILES_PER_REQUEST) -> int:
    """Load the run's next ``count`` files; returns how many this request loaded (0 when the
    run is done, or another request has just taken these files)."""
    start = run.position
    batch = run.paths[start : start + count]
    if not batch:
        return 0
    # Claim the files first, so a second request (the page open twice) loads the next ones.
    claimed = LoadRun.objects.filter(pk=run.pk, position=start).update(position=start + len(batch))
    if not claimed:
        return 0
    results = []
    try:
        load_letters(paths=batch, on_result=results.append)
    except Exception as exc:  # noqa: BLE001 - a file the loader could not survive is named
        done = {result.source for result in results}
        results += [
            _Failed(path, f"could not be loaded: {exc}") for path in batch if path not in done
        ]
    rows = [_row(result) for result in results]
    _link_letters(rows)
    with transaction.atomic():
        fresh = LoadRun.objects.select_for_update().get(pk=run.pk)
        fresh.results = [*fresh.results, *rows]
        finished = fresh.position >= len(fresh.paths) and fresh.finished_at is None
        if finished:
            fresh.finished_at = timezone.now()
        fresh.save(update_fields=["results", "finished_at"])
    if finished:
        _rebuild_dataset()
    run.refresh_from_db()
    return len(batch)


def _rebuild_dataset() -> None:
    """Once a run's last files are in, the whole-dataset download is rebuilt if they stored
    anything (``build_dataset --if-stale``; opendata's command, called by name: this app does
    not import the one above it). A failed build keeps the previous files and is logged."""
    try:
        call_command("build_dataset", "--if-stale", stdout=io.StringIO())
    except Exception:
        logger.exception("the dataset download could not be rebuilt after an upload")


class _Failed:
    def __init__(self, source, detail):
        self.source, self.outcome, self.detail, self.warnings = source, "failed", detail, ()


def _row(result) -> dict:
    return {
        "path": str(result.source),
        "name": printable(os.path.basename(str(result.source))),
        "outcome": result.outcome,
        "detail": printable(result.detail),
        "warnings": [printable(warning) for warning in result.warnings[:3]],
        "letter": None,
    }


def _link_letters(rows: list[dict]) -> None:
    """Each stored file's letter (one query), for links to its review screen."""
    sources = {source_of(row["path"]): row for row in rows}
    for source, pk in Letter.objects.filter(source__in=sources).values_list("source", "pk"):
        sources[source]["letter"] = pk


def run_letter_ids(run: LoadRun) -> list[int]:
    return [row["letter"] for row in run.results if row.get("letter")]
