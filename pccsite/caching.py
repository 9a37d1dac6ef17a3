"""Whole-page caching for the public dashboard, invalidated whenever the data changes.

Every cached page is stored with the *data version* it was rendered at: a token kept in the
shared cache and replaced
(never incremented, so concurrent writers cannot lose an update) after each transaction that
changes letters or inspections — saves and deletes through the ORM or the admin (signals), and
every batch the loader writes (it calls ``bump_data_version`` itself, because bulk operations
send no signals). A page stored with an older version is re-rendered when next asked for, so
every gunicorn worker sees new data on its next request without any coordination. The cache must be
shared between processes for that (a file cache by default, Redis in production via CACHE_URL).

Only anonymous GET/HEAD requests are cached: signed-in staff always see live pages.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import time
import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "pccsite:data-version"
# When the version was last replaced (seconds since the epoch): the API's Last-Modified.
VERSION_TIME_KEY = "pccsite:data-version-time"
PAGE_TIMEOUT = 60 * 60
# Requests with these parameters are answered live and never stored: exports (?_export=, any
# filter, sort and format: endless variants, each rare) and searched words (?q=, on a letter's
# page), which anyone can vary without end.
UNCACHED_PARAMS = ("_export", "q")

# While the loader writes thousands of rows it bumps once per batch itself; per-row signals
# would otherwise queue one cache write per saved row.
_deferred = contextvars.ContextVar("pccsite_bumps_deferred", default=False)


def data_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        # add() so two workers starting at once agree on one token.
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def data_version_and_time() -> tuple[str, float]:
    """The data version and when it was set, in one round trip when both are there.

    A cache that lost the time (evicted, restarted) starts it again now: clients then fetch
    once more, which is the safe mistake.
    """
    found = cache.get_many([VERSION_KEY, VERSION_TIME_KEY])
    version = found.get(VERSION_KEY) or data_version()
    when = found.get(VERSION_TIME_KEY)
    if when is None:
        cache.add(VERSION_TIME_KEY, time.time(), timeout=None)
        when = cache.get(VERSION_TIME_KEY) or time.time()
    return version, when


def bump_data_version() -> None:
    """Invalidate every cached page, once the current transaction (if any) has committed."""
    transaction.on_commit(
        lambda: cache.set_many(
            {VERSION_KEY: uuid.uuid4().hex, VERSION_TIME_KEY: time.time()}, timeout=None
        )
    )


def _page_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"pccsite:page:{digest}"


def cache_public_page(view):
    """Serve a view's successful anonymous GET responses from the cache."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        cacheable = (
            request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and not any(param in request.GET for param in UNCACHED_PARAMS)
        )
        if not cacheable:
            return view(request, *args, **kwargs)
        key = _page_key(request)
        # One round trip for the version and the page: a cache hit is the common case, and
        # on Redis the second trip was a tenth of a cached page's cost.
        found = cache.get_many([VERSION_KEY, key])
        version = found.get(VERSION_KEY) or data_version()
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            return stored[1]
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.cookies:
            cache.set(key, (version, response), PAGE_TIMEOUT)
        return response

    return wrapper


@contextlib.contextmanager
def deferred_bumps():
    """Inside this block, model signals do not bump the version; the caller bumps itself."""
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)


def bumps_deferred() -> bool:
    """Whether the loader is writing (and will bump, and tell the search index, itself)."""
    return _deferred.get()


def bump_on_change(sender, **kwargs):
    """Signal receiver for post_save/post_delete of the dashboard's models."""
    if not _deferred.get():
        bump_data_version()
