"""Exports of the list pages: the rows on screen, filtered and sorted, as CSV, JSON or XLSX.

django-tables2's ``ExportMixin`` answers ``?_export=csv|json|xlsx`` with a tablib Dataset. Our
exporter fills that Dataset from each table's ``export_fields`` (stable snake_case names, ISO
dates, absolute links, keys as well as labels) rather than from the rendered cells: a cell
through django-tables2 costs tens of microseconds, which at twenty thousand rows of a dozen
columns was seconds; the fields read the table's own filtered, sorted QuerySet directly.
The same fields describe the whole-dataset download's CSVs and its data dictionary
(opendata.dataset), so a column means one thing wherever it is read.

Exports are bounded: a table of more than ``MAX_EXPORT_ROWS`` rows answers 400 with a note to
narrow the filters or take the whole dataset. They are never stored by the page cache
(pccsite.caching leaves out any request with ``_export``): each is rare, and the variants of
filters, sorts and formats are endless.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils.http import urlencode
from django_tables2.export import ExportMixin, TableExport
from tablib import Dataset

EXPORT_FORMATS = ("csv", "json", "xlsx")
EXPORT_PARAM = "_export"
MAX_EXPORT_ROWS = 20_000
FORMAT_LABELS = {"csv": "CSV", "json": "JSON", "xlsx": "Excel (XLSX)"}


class Links:
    """Absolute URLs for paths, from the request's host or settings.SITE_URL."""

    def __init__(self, base: str | None = None):
        self.base = (base or settings.SITE_URL).rstrip("/")

    @classmethod
    def for_request(cls, request) -> Links:
        return cls(request.build_absolute_uri("/") if request is not None else None)

    def url(self, path: str | None) -> str | None:
        return f"{self.base}{path}" if path else None


@dataclass(frozen=True)
class Field:
    """One exported column: its stable name, how to read it and what it means."""

    name: str
    read: Callable[[Any, Links], Any]
    description: str

    def value(self, record, links: Links):
        return plain(self.read(record, links))


def plain(value):
    """A value as CSV, JSON and XLSX all hold it: ISO dates, text, numbers, None."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def attr(path: str, description: str, name: str | None = None) -> Field:
    """A field read from the record along ``path`` ("inspection__force__name")."""

    def read(record, links):
        value = record
        for part in path.split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value

    return Field(name or path, read, description)


def link(name: str, description: str, path_of: Callable[[Any], str | None]) -> Field:
    """A field holding the absolute URL of ``path_of(record)``."""
    return Field(name, lambda record, links: links.url(path_of(record)), description)


def export_rows(fields: Iterable[Field], records: Iterable, links: Links):
    for record in records:
        yield [field.value(record, links) for field in fields]


class FieldsExport(TableExport):
    """A tablib Dataset of the table's ``export_fields`` over its filtered, sorted rows."""

    def table_to_dataset(self, table, exclude_columns, dataset_kwargs=None):
        fields = table.export_fields
        dataset = Dataset(headers=[field.name for field in fields], **(dataset_kwargs or {}))
        records = table.data.data
        if hasattr(records, "iterator"):
            records = records.iterator(chunk_size=2000)
        for row in export_rows(fields, records, Links.for_request(table.request)):
            dataset.append(row)
        return dataset

    def export(self):
        if self.format == "xlsx":
            # A text beginning with "=" would be stored as a formula; keep it text.
            return self.dataset.export("xlsx", escape=True)
        return self.dataset.export(self.format)


class ExportListingMixin(ExportMixin):
    """``?_export=csv|json|xlsx`` on a ListingView: the filtered, sorted table as a file."""

    export_class = FieldsExport
    export_formats = EXPORT_FORMATS
    export_trigger_param = EXPORT_PARAM

    def get_dataset_kwargs(self):
        return {"title": self.export_name}

    def create_export(self, export_format):
        table = self.get_table(**self.get_table_kwargs())
        rows = len(table.data)
        if rows > MAX_EXPORT_ROWS:
            return HttpResponse(
                f"This export would hold {rows:,} rows; a table exports at most "
                f"{MAX_EXPORT_ROWS:,}. Narrow the filters, or download the whole dataset "
                "from /data/.\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        exporter = self.export_class(
            export_format=export_format,
            table=table,
            dataset_kwargs=self.get_dataset_kwargs(),
        )
        return exporter.response(filename=self.get_export_filename(export_format))

    def render_to_response(self, context, **kwargs):
        export_format = self.request.GET.get(self.export_trigger_param)
        if export_format is not None and export_format not in self.export_formats:
            return HttpResponse(
                f"Unknown export format; choose one of {', '.join(self.export_formats)}.\n",
                status=400,
                content_type="text/plain; charset=utf-8",
            )
        return super().render_to_response(context, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["export_links"] = export_links(self.request, self.export_formats)
        return context


def export_links(request, formats=EXPORT_FORMATS):
    """(label, URL) of each export of the page as it is filtered and sorted now."""
    params = [
        (key, value)
        for key, values in request.GET.lists()
        if key not in (EXPORT_PARAM, "page")
        for value in values
    ]
    return [
        (FORMAT_LABELS[fmt], f"{request.path}?{urlencode([*params, (EXPORT_PARAM, fmt)])}")
        for fmt in formats
    ]
