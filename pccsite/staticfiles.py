"""Serve the installed plotly package's plotly.min.js as the static file "vendor/plotly.min.js".

The site must never load plotly.js from a CDN, and a 4.8 MB copy of it in git would drift from
the Python package's version. This finder exposes the file the pinned ``plotly`` wheel ships, so
``runserver``, WhiteNoise and ``collectstatic`` (hashed and compressed in production) all find
it like any other static file.
"""

from pathlib import Path

import plotly
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage

PLOTLY_JS = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
PREFIX = "vendor"


class PlotlyFinder(BaseFinder):
    """Finds vendor/plotly.min.js in the installed plotly package."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=str(PLOTLY_JS.parent))
        self.storage.prefix = PREFIX

    def check(self, **kwargs):
        if not PLOTLY_JS.is_file():
            return [Error(f"plotly.min.js is missing from the plotly package: {PLOTLY_JS}")]
        return []

    def find(self, path, find_all=False, **kwargs):
        if path != f"{PREFIX}/{PLOTLY_JS.name}":
            return [] if find_all else None
        match = str(PLOTLY_JS)
        return [match] if find_all else match

    def list(self, ignore_patterns):
        yield PLOTLY_JS.name, self.storage
