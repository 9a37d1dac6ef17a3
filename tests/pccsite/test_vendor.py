"""The vendored plotly.js partial bundle: the file is the release it claims to be, its licence
ships beside it, and it draws every trace type the site's charts use.

`make vendor-plotly` fetches the release from the npm registry, checks the tarball against the
registry's integrity hash and rewrites static/vendor/plotly/; these tests keep that copy honest.
"""

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import pytest

from inspections import charts

VENDOR = Path(__file__).resolve().parents[2] / "static" / "vendor" / "plotly"
MANIFEST = json.loads((VENDOR / "VENDOR.json").read_text())
BUNDLE = VENDOR / "plotly-basic.min.js"


@pytest.mark.parametrize("name", sorted(MANIFEST["files"]))
def test_vendored_files_match_the_manifest(name):
    digest = hashlib.sha256((VENDOR / name).read_bytes()).hexdigest()

    assert digest == MANIFEST["files"][name]


def test_bundle_is_the_release_the_manifest_names():
    header = BUNDLE.read_text()[:200]

    assert f"v{MANIFEST['version']}" in header
    assert "MIT license" in header
    assert "MIT License" in (VENDOR / "LICENSE").read_text()


def test_bundle_registers_the_trace_types_the_manifest_lists():
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', BUNDLE.read_text()))

    assert registered == set(MANIFEST["traces"])


def test_every_chart_uses_only_trace_types_the_bundle_has():
    point = charts.GradePoint(
        when=dt.date(2022, 5, 1), area="preventing-crime", grade="good", inspection="PEEL"
    )
    figures = [charts.grade_timeline([point]), charts.grade_distribution({"good": 3})]

    used = {trace["type"] for figure in figures for trace in figure["data"]}

    assert used and used <= set(MANIFEST["traces"])


@pytest.mark.django_db
def test_favicon_is_linked_from_pages_and_served_for_browsers_that_ask(client):
    page = client.get("/")
    icon = client.get("/favicon.ico")

    assert b'rel="icon" href="/static/favicon.svg"' in page.content
    assert icon.status_code == 302 and icon["Location"] == "/static/favicon.svg"
    served = client.get(icon["Location"])
    served.close()
    assert served.status_code == 200
