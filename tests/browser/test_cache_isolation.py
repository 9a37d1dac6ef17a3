"""The live server the browser tests drive keeps its pages to itself (issue 10, item 1).

It serves a database of its own; with the developer's cache folder (.cache/, the default
CACHE_URL) it stored its pages where `make run` would serve them. Every process the suite starts
inherits an in-memory cache (tests/conftest.py), so the folder is never written during a run.
"""

import urllib.request

import pytest

from tests.conftest import ROOT, SESSION_STARTED

pytestmark = pytest.mark.browser


def test_live_server_writes_nothing_to_the_developers_page_cache(base_url):
    for path in ("/", "/forces/", "/letters/?page=1"):
        with urllib.request.urlopen(base_url + path, timeout=30) as response:
            assert response.status == 200

    written = [
        path.name
        for path in (ROOT / ".cache").glob("**/*")
        if path.is_file() and path.stat().st_mtime >= SESSION_STARTED
    ]

    assert written == []
