"""The force page's page-weight budget, in bytes (the timing belongs to `make bench` alone), and
the bench's report of it; the chart's static drawing that lets the page meet its time budget."""

import datetime as dt
import gzip
import re

import brotli
import pytest
from django.contrib.staticfiles import finders

from devtools import page_weight
from inspections import chart_svg, charts
from inspections import vocabulary as vocab
from letters.loading import load_letters
from tests.builders import get_force

# What a response's status line and headers cost on the wire, generously.
HEADERS = 600


@pytest.mark.django_db
def test_a_first_visit_to_a_force_page_fits_the_bytes_budget(client, seeds_dir):
    """The page as the middleware compresses it and every file it asks for as whitenoise serves
    it (its Brotli copy, written at Brotli's default quality), one request each."""
    assert not load_letters(paths=[seeds_dir]).failed
    response = client.get(
        get_force("leicestershire").get_absolute_url(), HTTP_ACCEPT_ENCODING="gzip"
    )
    body = response.content
    page = (
        gzip.decompress(body).decode()
        if response.get("Content-Encoding") == "gzip"
        else body.decode()
    )
    page_bytes = len(body) if response.get("Content-Encoding") else len(gzip.compress(body))
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="/static/([^"]+)"', page)

    sizes = {"page": page_bytes + HEADERS}
    for asset in assets:
        path = finders.find(asset)
        assert path, asset
        with open(path, "rb") as file:
            sizes[asset] = len(brotli.compress(file.read())) + HEADERS

    assert "vendor/plotly/plotly-basic.min.js" in sizes  # the heaviest part is counted
    assert sum(sizes.values()) <= page_weight.BUDGET["bytes"], sizes


def _figure():
    points = [
        charts.GradePoint(dt.date(2017, 3, 2), "effectiveness", "good", "PEEL 2016"),
        charts.GradePoint(dt.date(2022, 5, 1), "preventing-crime", "adequate", "PEEL 2021/22"),
        charts.GradePoint(dt.date(2024, 12, 5), "preventing-crime", "good", "PEEL 2023–25 <b>"),
        charts.GradePoint(dt.date(2024, 12, 5), "workforce", "good", "PEEL 2023–25"),
    ]
    return charts.grade_timeline(points)


def test_static_chart_draws_the_figure_it_is_given():
    figure = _figure()

    svg = chart_svg.timeline_svg(figure)

    assert svg.startswith('<svg class="chart__static"') and 'aria-hidden="true"' in svg
    markers = sum(1 for trace in figure["data"] for x in trace["x"] if x is not None)
    assert svg.count("<circle") + svg.count("<rect x") + svg.count("<polygon") >= markers
    # The line breaks at the framework change: preventing crime's two grades are not joined.
    assert svg.count("<polyline") == 0
    for label in vocab.GRADE_LABELS.values():
        assert f">{label}</text>" in svg
    for trace in figure["data"]:
        assert f">{trace['name']}</text>" in svg  # the legend
    framework_lines = [s for s in figure["layout"]["shapes"] if s["type"] == "line"]
    assert svg.count('stroke-dasharray="2 3"') >= len(framework_lines)
    assert "<b>" not in svg


def test_static_chart_joins_grades_within_a_framework_and_is_empty_without_a_figure():
    points = [
        charts.GradePoint(dt.date(2021, 9, 1), "preventing-crime", "adequate", "A"),
        charts.GradePoint(dt.date(2022, 5, 1), "preventing-crime", "good", "B"),
    ]

    assert chart_svg.timeline_svg(charts.grade_timeline(points)).count("<polyline") == 1
    assert chart_svg.timeline_svg(None) == ""


RESULT = {
    "path": "/forces/leicestershire/",
    "date": "2026-12-07",
    "where": "the seeds",
    "bytes": 348_000,
    "grid_s": 1.3,
    "chart_s": 1.3,
    "interactive_s": 3.5,
    "runs": [{"bytes": 348_000, "grid_s": 1.3, "chart_s": 1.3, "interactive_s": 3.5}],
    "resources": [{"url": "/static/x.js", "bytes": 1000, "encoding": "br"}],
}


def test_bench_says_pass_or_fail_against_each_budget_line():
    assert page_weight.pass_fail_lines(RESULT)[:3] == [
        "PASS bytes transferred: 348 KB (budget <= 500 KB)",
        "PASS grid visible: 1.30 s (budget <= 2.0 s)",
        "PASS chart visible: 1.30 s (budget <= 2.0 s)",
    ]
    slow = {**RESULT, "bytes": 612_000, "chart_s": None}
    assert [line.split(":")[0] for line in page_weight.pass_fail_lines(slow)[:3]] == [
        "FAIL bytes transferred",
        "PASS grid visible",
        "FAIL chart visible",
    ]


def test_bench_rewrites_its_own_section_of_the_report_and_keeps_the_rest(tmp_path):
    report = tmp_path / "benchmarks.md"
    report.write_text(
        "# Benchmarks\n\n## Loading\n\nkept\n\n## Page weight\n\nstale figures\n\n"
        "## Search\n\nkept too\n"
    )

    page_weight.write_section(report, page_weight.render_section(RESULT))

    text = report.read_text()
    assert "stale figures" not in text and text.count("## Page weight") == 1
    assert "kept\n" in text and "kept too" in text
    assert "| bytes transferred | <= 500 KB | 348 KB | met |" in text
    assert "150 ms RTT, 1.6 Mbps down, 750 kbps up" in text
    assert "Measured on 2026-12-07. A first visit to `/forces/leicestershire/`" in text
