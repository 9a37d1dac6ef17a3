"""Whole-page caching for the public dashboard, invalidated whenever the data changes.

Every cached page is stored with the *data version* it was rendered at: a token kept in the
shared cache and replaced
(never incremented, so concurrent writers cannot lose an update) after each transaction that
changes letters or inspections — saves and deletes through the ORM or the admin (signals), and
every batch the loader writes (it calls ``bump_data_version`` itself, because bulk operations
send no signals). A page stored with an older version is re-rendered when next asked for, so
every gunicorn worker sees new data on its next request without any coordination. The cache must be
shared between processes for that (a file cache by default, Redis in production via CACHE_URL).

Every key is in the namespace of the database the site reads (``cache_namespace``): a
fingerprint of DATABASES["default"]'s engine, name, host and port. Two instances on different
databases that share one cache (a test server beside `make run`, staging beside production on
one Redis) then never serve each other's pages or bump each other's version. The loader and the
site must therefore name the database the same way (the same DATABASE_URL), or set
``PAGE_CACHE_NAMESPACE`` to one value for both.

Only anonymous GET/HEAD requests are cached: signed-in staff always see live pages.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import os
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction

PAGE_TIMEOUT = 60 * 60
# Requests with these parameters are answered live and never stored: exports (?_export=, any
# filter, sort and format: endless variants, each rare) and searched words (?q=, on a letter's
# page), which anyone can vary without end.
UNCACHED_PARAMS = ("_export", "q")

# While the loader writes thousands of rows it bumps once per batch itself; per-row signals
# would otherwise queue one cache write per saved row.
_deferred = contextvars.ContextVar("pccsite_bumps_deferred", default=False)


def cache_namespace() -> str:
    """The prefix of every key this site stores: which database its pages were read from.

    Read from the live connection's settings, so pytest-django's renamed test database (or a
    settings override) is a namespace of its own.
    """
    if explicit := getattr(settings, "PAGE_CACHE_NAMESPACE", ""):
        return f"pccsite:{explicit}"
    db = connections[DEFAULT_DB_ALIAS].settings_dict
    return _fingerprint(db["ENGINE"], str(db["NAME"]), db.get("HOST") or "", db.get("PORT") or "")


@functools.lru_cache(maxsize=16)
def _fingerprint(engine: str, name: str, host: str, port) -> str:
    if engine.endswith("sqlite3") and not name.startswith(("file:", ":memory:")):
        # db.sqlite3 and /path/to/db.sqlite3 are one database.
        name = os.path.realpath(name)
    identity = "\0".join((engine, name, host, str(port)))
    return f"pccsite:{hashlib.sha256(identity.encode()).hexdigest()[:16]}"


def version_key() -> str:
    return f"{cache_namespace()}:data-version"


def version_time_key() -> str:
    """When the version was last replaced (seconds since the epoch): the API's Last-Modified."""
    return f"{cache_namespace()}:data-version-time"


def data_version() -> str:
    key = version_key()
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        # add() so two workers starting at once agree on one token.
        cache.add(key, version, timeout=None)
        version = cache.get(key, version)
    return version


def data_version_and_time() -> tuple[str, float]:
    """The data version and when it was set, in one round trip when both are there.

    A cache that lost the time (evicted, restarted) starts it again now: clients then fetch
    once more, which is the safe mistake.
    """
    versions, times = version_key(), version_time_key()
    found = cache.get_many([versions, times])
    version = found.get(versions) or data_version()
    when = found.get(times)
    if when is None:
        cache.add(times, time.time(), timeout=None)
        when = cache.get(times) or time.time()
    return version, when


def bump_data_version() -> None:
    """Invalidate every cached page, once the current transaction (if any) has committed."""
    keys = version_key(), version_time_key()
    transaction.on_commit(
        lambda: cache.set_many({keys[0]: uuid.uuid4().hex, keys[1]: time.time()}, timeout=None)
    )


def _page_key(request) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"{cache_namespace()}:page:{digest}"


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
        key, versions = _page_key(request), version_key()
        # One round trip for the version and the page: a cache hit is the common case, and
        # on Redis the second trip was a tenth of a cached page's cost.
        found = cache.get_many([versions, key])
        version = found.get(versions) or data_version()
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
