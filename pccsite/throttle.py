"""Login throttling for the admin: too many failed sign-ins lock a username or an address out.

After ``LOGIN_FAILURE_LIMIT`` failed attempts for one username, or from one client address,
within ``LOGIN_FAILURE_WINDOW`` seconds of the first of them, further attempts are refused with
429 Too Many Requests until the window has passed; a successful sign-in clears the counters of
that username and that address. Counters live in the shared cache (django.core.cache), so every
gunicorn worker sees the same ones: use the file or Redis cache in production, not locmem.

Behind a reverse proxy every request comes from the proxy's address; set
``LOGIN_THROTTLE_IP_HEADER`` (e.g. "HTTP_X_REAL_IP") to the META key the proxy fills in with the
client's address, or every failure counts against the proxy.
"""

from __future__ import annotations

import functools
import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


def _setting(name: str, default):
    return getattr(settings, name, default)


def limit() -> int:
    return _setting("LOGIN_FAILURE_LIMIT", 5)


def window() -> int:
    return _setting("LOGIN_FAILURE_WINDOW", 15 * 60)


def _key(kind: str, value: str) -> str:
    # Hashed: usernames are user input, and some cache backends refuse odd characters in keys.
    digest = hashlib.sha256(value.encode()).hexdigest()
    return f"pccsite:login-failures:{kind}:{digest}"


def client_address(request) -> str:
    return request.META.get(_setting("LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR"), "") or "unknown"


def _keys(request) -> list[str]:
    keys = [_key("ip", client_address(request))]
    username = (request.POST.get("username") or "").strip().lower()
    if username:
        keys.append(_key("user", username))
    return keys


def _locked_until(keys: list[str]) -> float | None:
    """When the latest lock on any of ``keys`` ends, or None when none is locked."""
    ends = [
        record["started"] + window()
        for record in cache.get_many(keys).values()
        if record["failures"] >= limit()
    ]
    return max(ends) if ends else None


def record_failure(keys: list[str]) -> None:
    # Read-modify-write, not atomic: two workers failing at the same instant may count once.
    # That loosens the limit by a request or two at worst, and keeps the window's start stored.
    now = time.time()
    for key in keys:
        record = cache.get(key)
        if record is None or record["started"] + window() <= now:
            record = {"started": now, "failures": 0}
        record["failures"] += 1
        # The window runs from the first failure; the entry expires when it ends.
        remaining = max(1, math.ceil(record["started"] + window() - now))
        cache.set(key, record, remaining)


def reset(keys: list[str]) -> None:
    cache.delete_many(keys)


def refused(until: float) -> HttpResponse:
    minutes = max(1, math.ceil((until - time.time()) / 60))
    response = HttpResponse(
        "Too many failed sign-in attempts for this username or from this address. "
        f"Sign-in is paused: try again in {minutes} minute{'s' if minutes != 1 else ''}.\n",
        status=429,
        content_type="text/plain; charset=utf-8",
    )
    response["Retry-After"] = str(max(1, math.ceil(until - time.time())))
    return response


def throttle_login(view):
    """Wrap a login view: refuse attempts while locked, count failures, reset on success."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        keys = _keys(request)
        until = _locked_until(keys)
        if until is not None:
            return refused(until)
        response = view(request, *args, **kwargs)
        # The login view signs the user in and redirects only when the form is valid (for the
        # admin: a known, active staff user with the right password); it re-renders otherwise.
        if response.status_code == 302 and request.user.is_authenticated:
            reset(keys)
        else:
            record_failure(keys)
        return response

    return wrapper
