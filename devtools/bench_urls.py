"""URLs for benchmark runs only (PCCSITE_BENCH=1): the site plus a bare view as the ceiling.

The bare view does no database or template work, so its requests/s is the most the stack
(gunicorn, Django's middleware) can serve on the machine; page throughput is reported as a share
of it. It is never routed in a normal run.
"""

from django.http import HttpResponse
from django.urls import include, path


def bare(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("_bench/bare/", bare),
    path("", include("pccsite.urls")),
]
