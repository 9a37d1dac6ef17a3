"""Tooling for the people building pccsite, never for the site's visitors.

A Django app only so that ``manage.py generate_corpus`` is a management command; the settings
install it everywhere but production, and nothing that serves requests imports it.

- ``corpus/``        the synthetic letter corpus with its truth (pure Python; docs/corpus.md)
- ``management/commands/generate_corpus.py``  writes a corpus to a folder
- ``benchmark.py``   ``make bench``: load rate, page times, throughput (docs/benchmarks.md)
- ``benchmark_pages.py``  per-page server time, run by benchmark.py in a child process
- ``bench_urls.py``  the site plus a bare view, the URLconf of benchmark runs (PCCSITE_BENCH=1)
- ``soak.py``        ``make soak``: wrk against gunicorn while the loader writes (docs/soak.md)
- ``pages.py``       the public list pages, named once for the soak and the tests

This package's ``__init__`` imports nothing: the soak and tests import ``devtools.pages``
before any settings exist.
"""
