"""ETag and Last-Modified for every API response, from the data version (pccsite.caching).

The version is replaced after every change to the data (a load's batch, an admin save), and
its time kept beside it, so a client that polls with If-None-Match or If-Modified-Since gets
304 Not Modified, for one cache read and no query, until something changes. The ETag is the
version hashed with the request's path and query, so every URL has its own.
"""

import hashlib

from django.views.decorators.http import condition

from pccsite.caching import data_version_and_time


def _version(request):
    if not hasattr(request, "_data_version"):
        request._data_version = data_version_and_time()
    return request._data_version


def _etag(request, *args, **kwargs):
    version, _ = _version(request)
    return hashlib.sha256(f"{version} {request.get_full_path()}".encode()).hexdigest()[:32]


def _last_modified(request, *args, **kwargs):
    from datetime import UTC, datetime

    _, when = _version(request)
    return datetime.fromtimestamp(int(when), tz=UTC)


class ConditionalMixin:
    """For DRF views: answer conditional GETs from the data version before any query."""

    def dispatch(self, request, *args, **kwargs):
        respond = condition(etag_func=_etag, last_modified_func=_last_modified)(super().dispatch)
        return respond(request, *args, **kwargs)
