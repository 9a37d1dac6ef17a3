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

What one page may store is bounded (issue 10: random query strings filled Redis by megabytes a
second and made every request a slow render):
- only its canonical query string: the parameters the page knows (a ListingView's filters, sort,
  page and page size; none for other pages), with empty and default values dropped and names
  sorted. The request itself is rewritten to that query before the view runs, so
  ``?utm_source=x&page=2`` renders, and is served, exactly as ``?page=2``;
- at most ``PAGE_CACHE_VARIANTS`` query strings per path per data version (free-text filters
  can take any value), none longer than ``MAX_CACHED_QUERY`` characters, no page over
  ``PAGE_CACHE_MAX_BYTES``.
Pages are stored compressed, a copy per encoding a client asked for (Brotli or gzip, each under
its own key), and sent as the client's Accept-Encoding asks, with ``Vary: Accept-Encoding``, so
a cached hit fetches and moves a fraction of the page's bytes; a client that takes neither gets
the gzip copy decompressed.
Public pages hold no secrets (no CSRF token, nothing of a session), so compressing them gives
BREACH nothing to find.

Only anonymous GET/HEAD requests are cached: signed-in staff always see live pages.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import gzip
import hashlib
import os
import re
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import brotli
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_vary_headers

PAGE_TIMEOUT = 60 * 60
# Requests with these parameters, on a page that takes them (a list's exports, a letter page's
# searched words), are answered live and never stored: exports (?_export=, any filter, sort and
# format: endless variants, each rare) and searched words (?q=), which anyone can vary without
# end. On a page that does not take them they are dropped like any unknown parameter.
UNCACHED_PARAMS = ("_export", "q")
# Longer query strings are answered but not stored: no filter value of ours needs more.
MAX_CACHED_QUERY = 256
# Quality 5: within a few per cent of Brotli's best on these pages at a hundredth of the time.
BROTLI_QUALITY = 5

# A query parameter's cleaner: its canonical value, or None to drop it (empty, the default, or
# not a value the page takes).
Cleaner = Callable[[str], str | None]

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


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _page_key(path: str, query: str) -> str:
    return f"{cache_namespace()}:page:{_digest(f'{path}?{query}')}"


def keep(value: str) -> str | None:
    """The cleaner of a free parameter (a filter's words): any value but an empty one."""
    return value or None


def canonical_query(query: QueryDict, known: Mapping[str, Cleaner]) -> QueryDict:
    """Only the ``known`` parameters, their values cleaned (dropped when the cleaner says so),
    by sorted name; the values of one name keep their order (``sort=a&sort=b`` is not
    ``sort=b&sort=a``)."""
    canonical = QueryDict(mutable=True)
    for name in sorted(set(query) & set(known)):
        values = [known[name](value) for value in query.getlist(name)]
        if values := [value for value in values if value is not None]:
            canonical.setlist(name, values)
    canonical._mutable = False
    return canonical


def takes_query(**cleaners: Cleaner):
    """Name the query parameters a function view reads, with their cleaners (a class-based
    view's class says so itself: ``query_parameters()``). Any other parameter is dropped."""

    def decorate(view):
        view.query_parameters = cleaners
        return view

    return decorate


def query_parameters(view) -> Mapping[str, Cleaner]:
    """The parameters a page takes: its class's ``query_parameters()`` (ListingView), or a
    function view's ``query_parameters`` attribute; none otherwise."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None and hasattr(view_class, "query_parameters"):
        return view_class.query_parameters()
    return getattr(view, "query_parameters", {})


_TOKEN = re.compile(r"\s*([\w*-]+)\s*(?:;\s*q\s*=\s*([\d.]+))?\s*$")


def accepted_encoding(header: str) -> str | None:
    """Brotli or gzip, as the Accept-Encoding header allows (Brotli first), else None."""
    allowed = {}
    for part in header.split(","):
        if match := _TOKEN.match(part):
            try:
                allowed[match[1].lower()] = float(match[2]) if match[2] else 1.0
            except ValueError:
                continue
    for encoding in ("br", "gzip"):
        if allowed.get(encoding, allowed.get("*", 0)) > 0:
            return encoding
    return None


@dataclass(frozen=True)
class CachedPage:
    """A rendered page as stored for one encoding, under its own key, so that a hit fetches and
    unpickles only the bytes it sends, with the headers the view set."""

    version: str
    status: int
    headers: tuple[tuple[str, str], ...]
    encoding: str
    body: bytes

    @classmethod
    def of(cls, version: str, response, encoding: str) -> CachedPage:
        """The page compressed for ``encoding`` ("br" or "gzip")."""
        content = response.content
        if encoding == "br":
            body = brotli.compress(content, quality=BROTLI_QUALITY)
        else:
            body = gzip.compress(content, compresslevel=6, mtime=0)
        headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("content-length", "content-encoding", "vary")
        )
        return cls(version, response.status_code, headers, encoding, body)

    def response(self, encoding: str | None) -> HttpResponse:
        """The page for a client taking ``encoding`` (None: neither; the gzip copy is sent
        decompressed)."""
        body = self.body if encoding else gzip.decompress(self.body)
        response = HttpResponse(body, status=self.status)
        for name, value in self.headers:
            response[name] = value
        if encoding:
            response["Content-Encoding"] = encoding
        patch_vary_headers(response, ("Accept-Encoding",))
        return response


def _room_for_variant(path: str, version: str) -> bool:
    """Whether this path may store one more query string in this data version."""
    key = f"{cache_namespace()}:variants:{_digest(path)}:{version}"
    cache.add(key, 0, PAGE_TIMEOUT)
    try:
        stored = cache.incr(key)
    except ValueError:  # evicted between add and incr
        return False
    return stored <= getattr(settings, "PAGE_CACHE_VARIANTS", 200)


def _worth_storing(request, response, query: str) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not response.has_header("Content-Encoding")
        and len(query) <= MAX_CACHED_QUERY
        and len(response.content) <= getattr(settings, "PAGE_CACHE_MAX_BYTES", 2 * 1024 * 1024)
    )


def cache_public_page(view):
    """Serve a view's successful anonymous GET responses from the cache, by canonical URL."""
    known = query_parameters(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        # Every visitor, staff too, gets the page of the canonical query: one page, one URL.
        request.GET = canonical_query(request.GET, known)
        query = request.GET.urlencode()
        request.META["QUERY_STRING"] = query
        cacheable = (
            request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
            and not any(param in request.GET for param in UNCACHED_PARAMS)
        )
        if not cacheable:
            return view(request, *args, **kwargs)
        encoding = accepted_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        key, versions = _page_key(request.path, query), version_key()
        # One round trip for the version and the page: a cache hit is the common case, and
        # on Redis the second trip was a tenth of a cached page's cost.
        copy = f"{key}:{encoding or 'gzip'}"
        found = cache.get_many([versions, copy])
        version = found.get(versions) or data_version()
        stored = found.get(copy)
        if isinstance(stored, CachedPage) and stored.version == version:
            return stored.response(encoding)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if _worth_storing(request, response, query) and _room_for_variant(request.path, version):
            # Only the copy this client takes: compressing a dense page both ways took 6 ms of
            # its render, and nearly every visitor takes Brotli; a client taking the other
            # encoding renders the page once more and stores its own copy.
            page = CachedPage.of(version, response, encoding or "gzip")
            cache.set(f"{key}:{page.encoding}", page, PAGE_TIMEOUT)
            if encoding:
                # The copy just made is what this client takes: sent as it is, the page is not
                # compressed a second time on its way out (PublicGZipMiddleware).
                return page.response(encoding)
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
