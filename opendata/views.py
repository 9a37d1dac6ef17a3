"""The data page (/data/: downloads, exports, API, feeds, licence, citation) and the
whole-dataset downloads themselves."""

import datetime as dt

from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import http_date, parse_http_date_safe

from inspections.models import Force

from . import licence
from .dataset import (
    FILES,
    TABLES,
    dataset_dir,
    dictionary_rows,
    read_load_note,
    read_manifest,
    stale,
)

EXPORTS = (
    ("Forces", "inspections:force_list"),
    ("Commissioners", "inspections:commissioner_list"),
    ("Inspections", "inspections:inspection_list"),
    ("Letters", "letters:letter_list"),
    ("Grades", "inspections:grade_list"),
    ("Areas for improvement and causes of concern", "inspections:finding_list"),
)


def data(request):
    manifest = read_manifest()
    built = dt.datetime.fromisoformat(manifest["built"]) if manifest else None
    note = read_load_note()
    # Letters loaded after the build: the page says so, with when, beside the build's date.
    loaded_since = (
        dt.datetime.fromisoformat(note["finished"]) if manifest and stale(manifest, note) else None
    )
    downloads = [
        (
            name,
            reverse("opendata:download", args=[name]),
            (manifest or {}).get("files", {}).get(name),
        )
        for name in FILES
    ]
    context = {
        "manifest": manifest,
        "built": built,
        "loaded_since": loaded_since,
        "downloads": downloads,
        "exports": [
            (
                label,
                reverse(url_name),
                [(fmt, f"{reverse(url_name)}?_export={fmt}") for fmt in ("csv", "json", "xlsx")],
            )
            for label, url_name in EXPORTS
        ],
        "tables": TABLES,
        "dictionary": list(dictionary_rows()),
        "forces": Force.objects.by_name().values_list("name", "slug", "ons_code", "country"),
        "licence": licence,
        "citation": licence.citation(built),
    }
    return render(request, "opendata/data.html", context)


def download(request, name):
    """One of the dataset's files, as an attachment, with its date for conditional GETs."""
    if name not in FILES:
        raise Http404("No such file")
    path = dataset_dir() / name
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise Http404("The dataset has not been built yet") from None
    modified = int(path.stat().st_mtime)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    if since is not None and modified <= since:
        handle.close()
        response = HttpResponseNotModified()
        response["Last-Modified"] = http_date(modified)
        return response
    response = FileResponse(handle, as_attachment=True, filename=name, content_type=FILES[name])
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=300"
    return response
