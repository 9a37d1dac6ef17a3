"""ETag and Last-Modified for every API response, from the data version (pccsite.caching).

The version is replaced after every change to the data (a load's batch, an admin save), and
its time kept beside it, so a client that polls with If-None-Match or If-Modified-Since gets
304 Not Modified, for one cache read and no query, until something changes. The ETag is the
version hashed with the day and the request's path and query, so every URL has its own and a
new day (the section 55 clock's) is a new response; Last-Modified is never before today's
midnight, for the same reason.
"""

import hashlib
from datetime import UTC, datetime

from django.utils import timezone
from django.views.decorators.http import condition

from inspections import section55
from pccsite.caching import data_version_and_time


def _version(request):
    if not hasattr(request, "_data_version"):
        request._data_version = data_version_and_time()
    return request._data_version


def _etag(request, *args, **kwargs):
    version, _ = _version(request)
    # Inspections carry the section 55 clock read today: a new day is a new response.
    key = f"{version} {section55.today().isoformat()} {request.get_full_path()}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _last_modified(request, *args, **kwargs):
    _, when = _version(request)
    changed = datetime.fromtimestamp(int(when), tz=UTC)
    # The clock moves at the site's midnight, whether or not the data changed.
    today = section55.today()
    midnight = timezone.make_aware(datetime(today.year, today.month, today.day))
    return max(changed, midnight.astimezone(UTC))


class ConditionalMixin:
    """For DRF views: answer conditional GETs from the data version before any query."""

    def dispatch(self, request, *args, **kwargs):
        respond = condition(etag_func=_etag, last_modified_func=_last_modified)(super().dispatch)
        return respond(request, *args, **kwargs)
