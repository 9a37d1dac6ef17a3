"""Login throttling for the admin: too many failed sign-ins pause one address, or one username
from one address.

Two counters, both within ``LOGIN_FAILURE_WINDOW`` seconds of their first failure:
- per client address and username: after ``LOGIN_FAILURE_LIMIT`` (5) failures, that username is
  refused from that address (someone guessing one person's password);
- per client address: after ``LOGIN_ADDRESS_FAILURE_LIMIT`` (20) failures for any usernames,
  that address is refused (someone trying many names); higher, because an office shares one
  address and one person's typos should not lock out their colleagues.
A username alone is never counted: otherwise anyone who knows a staff member's username could
lock them out at every address, for as long as they kept trying. Refused attempts are not
counted, so a lock ends when its window does. A successful sign-in clears that address's counter
for that username (not the address's own counter, which an attacker with an account of their
own could otherwise reset). Counters live in the shared cache (django.core.cache), so every
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

from pccsite.caching import cache_namespace


def _setting(name: str, default):
    return getattr(settings, name, default)


def limit() -> int:
    """Failures of one username from one address before that pair is refused."""
    return _setting("LOGIN_FAILURE_LIMIT", 5)


def address_limit() -> int:
    """Failures from one address, whatever the usernames, before the address is refused."""
    return _setting("LOGIN_ADDRESS_FAILURE_LIMIT", 20)


def window() -> int:
    return _setting("LOGIN_FAILURE_WINDOW", 15 * 60)


def _key(kind: str, value: str) -> str:
    # Hashed: usernames are user input, and some cache backends refuse odd characters in keys.
    digest = hashlib.sha256(value.encode()).hexdigest()
    # In the database's namespace: its users are not another database's users.
    return f"{cache_namespace()}:login-failures:{kind}:{digest}"


def client_address(request) -> str:
    return request.META.get(_setting("LOGIN_THROTTLE_IP_HEADER", "REMOTE_ADDR"), "") or "unknown"


def _pair_key(request) -> str:
    username = (request.POST.get("username") or "").strip().lower()
    # NUL cannot appear in a header, so no address and username can pass for another pair.
    return _key("ip-user", f"{client_address(request)}\0{username}")


def _keys(request) -> dict[str, int]:
    """The counters this attempt counts against, each with its limit."""
    return {_key("ip", client_address(request)): address_limit(), _pair_key(request): limit()}


def _locked_until(keys: dict[str, int]) -> float | None:
    """When the latest lock on any of ``keys`` ends, or None when none is locked."""
    ends = [
        record["started"] + window()
        for key, record in cache.get_many(list(keys)).items()
        if record["failures"] >= keys[key]
    ]
    return max(ends) if ends else None


def record_failure(keys) -> None:
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


def reset(keys) -> None:
    cache.delete_many(list(keys))


def refused(until: float) -> HttpResponse:
    minutes = max(1, math.ceil((until - time.time()) / 60))
    response = HttpResponse(
        "Too many failed sign-in attempts from this address. "
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
            reset([_pair_key(request)])
        else:
            record_failure(keys)
        return response

    return wrapper
