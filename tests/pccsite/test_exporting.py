"""Exports of the list pages: each format, with the page's filters and sort applied, stable
column names, ISO dates, links, the row cap, and never stored by the page cache."""

import csv
import io
import json

import openpyxl
import pytest
from django.core.cache import cache
from django.urls import reverse

from inspections.models import Grade
from inspections.tables import GradeTable
from pccsite import exporting
from tests.builders import get_force, make_answered_inspection

pytestmark = pytest.mark.django_db

LISTS = [
    "inspections:force_list",
    "inspections:commissioner_list",
    "inspections:inspection_list",
    "letters:letter_list",
    "inspections:grade_list",
    "inspections:finding_list",
]


def _rows(response):
    """The export's rows as dicts, whatever its format."""
    content_type = response["Content-Type"]
    if content_type.startswith("text/csv"):
        return list(csv.DictReader(io.StringIO(response.content.decode())))
    if content_type == "application/json":
        return json.loads(response.content)
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = book.active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    return [dict(zip(header, row, strict=True)) for row in rows]


@pytest.fixture
def two_forces():
    return [
        make_answered_inspection(get_force("kent"), title="Kent PEEL"),
        make_answered_inspection(get_force("gwent"), title="Gwent PEEL", kind="peel"),
    ]


@pytest.mark.parametrize("url_name", LISTS)
@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_every_table_exports_in_every_format(client, two_forces, url_name, fmt):
    response = client.get(reverse(url_name), {"_export": fmt})

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith(f'.{fmt}"')
    rows = _rows(response)
    assert rows
    assert "id" in rows[0]


def test_a_grades_export_has_one_row_per_grade_with_what_the_issue_names(client, two_forces):
    rows = _rows(client.get(reverse("inspections:grade_list"), {"_export": "csv"}))

    assert len(rows) == Grade.objects.count() == 4
    assert list(rows[0]) == [field.name for field in GradeTable.export_fields]
    for name in (
        *("force", "force_code", "inspection", "period", "framework", "area", "area_label"),
        *("grade", "letter_id", "letter_url", "quote", "review_status"),
    ):
        assert name in rows[0]
    kent = next(row for row in rows if row["force"] == "Kent Police")
    assert kent["force_code"] == "E23000032"
    assert kent["date"] == "2024-12-05"  # ISO 8601
    assert kent["framework"] == "peel-2023-25"
    assert kent["letter_url"].startswith("http://testserver/letters/")
    assert kent["review_status"] == "read by the parser"


def test_exports_apply_the_filters_and_sort_on_screen(client, two_forces):
    gwent = get_force("gwent")
    url = reverse("inspections:grade_list")

    filtered = _rows(client.get(url, {"force": gwent.pk, "_export": "json"}))
    by_area = _rows(client.get(url, {"sort": "area", "_export": "csv"}))
    by_area_desc = _rows(client.get(url, {"sort": "-area", "_export": "csv"}))

    assert {row["force"] for row in filtered} == {"Gwent Police"}
    assert len(filtered) == 2
    assert [row["area"] for row in by_area] == sorted(row["area"] for row in by_area)
    assert [row["area"] for row in by_area_desc] == sorted(
        (row["area"] for row in by_area), reverse=True
    )


def test_a_corrected_grade_says_so(client, two_forces):
    grade = Grade.objects.first()
    grade.mark_edited(["grade"])
    grade.save()

    rows = _rows(client.get(reverse("inspections:grade_list"), {"_export": "json"}))

    statuses = {row["id"]: row["review_status"] for row in rows}
    assert statuses[grade.pk] == "corrected by staff"
    assert list(statuses.values()).count("read by the parser") == 3


def test_forces_export_carries_ons_codes_for_all_43(client):
    rows = _rows(client.get(reverse("inspections:force_list"), {"_export": "xlsx"}))

    assert len(rows) == 43
    codes = {row["slug"]: row["ons_code"] for row in rows}
    assert codes["metropolitan"] == "E23000001"
    assert codes["dyfed-powys"] == "W15000004"
    assert all(row["url"].startswith("http://testserver/forces/") for row in rows)


def test_list_pages_link_their_exports_with_their_filters(client, two_forces):
    gwent = get_force("gwent")
    page = client.get(reverse("inspections:grade_list"), {"force": gwent.pk, "sort": "area"})
    html = page.content.decode()

    for fmt in ("csv", "json", "xlsx"):
        assert f"?force={gwent.pk}&amp;sort=area&amp;_export={fmt}" in html


def test_an_unknown_format_is_refused(client):
    response = client.get(reverse("inspections:force_list"), {"_export": "latex"})

    assert response.status_code == 400
    assert b"csv, json, xlsx" in response.content


def test_an_export_over_the_cap_is_refused_with_the_way_round_it(client, monkeypatch):
    monkeypatch.setattr(exporting, "MAX_EXPORT_ROWS", 40)

    response = client.get(reverse("inspections:force_list"), {"_export": "csv"})

    assert response.status_code == 400
    assert b"43 rows" in response.content and b"/data/" in response.content


def test_exports_are_never_stored_by_the_page_cache(client, two_forces):
    url = reverse("inspections:grade_list")
    client.get(url, {"_export": "csv"})
    client.get(url)

    stored = [key for key in cache._cache if ":page:" in key]  # noqa: SLF001 - locmem's store
    # The page (a copy per encoding under one page key), not the export.
    assert len({key.rsplit(":", 1)[0] for key in stored}) == 1


def test_a_formula_is_kept_as_text_in_xlsx(client):
    inspection = make_answered_inspection()
    grade = inspection.grades.first()
    grade.quote = '=HYPERLINK("http://example.org")'
    grade.save()

    rows = _rows(client.get(reverse("inspections:grade_list"), {"_export": "xlsx"}))

    quote = next(row["quote"] for row in rows if row["id"] == grade.pk)
    assert not str(quote).startswith("=")
