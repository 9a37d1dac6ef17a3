"""The public site is read-only: its pages answer GET and HEAD, and 405 to anything else."""

from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from pccsite.caching import cache_public_page


def read_only(view):
    """A public page: cached, GET and HEAD only.

    CSRF-exempt because the view never acts on an unsafe method: without the exemption the CSRF
    middleware, which runs before the view, would answer a POST with 403 instead of the honest
    405 Method Not Allowed. Nothing that writes is ever wrapped in this.
    """
    return csrf_exempt(require_safe(cache_public_page(view)))


def read_only_uncached(view):
    """A public page that is never stored by the page cache (search answers, the data page
    whose files are rebuilt after the cache is invalidated): GET and HEAD only, 405 else."""
    return csrf_exempt(require_safe(view))
