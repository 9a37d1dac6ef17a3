"""Per-page server time for `make bench` (run by devtools.benchmark in a child process).

Uses Django's test client in-process against the database in DATABASE_URL, so the numbers are
the server's own time (URL routing, queries, templates, middleware) without network or client
parsing. Prints JSON on stdout: per kind of page, p50/p95 with the cache cold and warm, the
number of queries on a cold render, and one sample path per kind for the load test.
"""

import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccsite.settings")


def _percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=40)
    args = parser.parse_args(argv)

    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from inspections.models import Commissioner, Force, Inspection
    from letters.models import Letter

    def spread(queryset):
        # Evenly spaced objects, so the sample covers small and large forces alike.
        ids = list(queryset.order_by("pk").values_list("pk", flat=True))
        step = max(1, len(ids) // args.samples)
        chosen = set(ids[::step][: args.samples])
        return list(queryset.filter(pk__in=chosen))

    pages = {
        "home": [reverse("inspections:home")],
        "forces list": [reverse("inspections:force_list")],
        "force": [f.get_absolute_url() for f in spread(Force.objects.all())],
        "commissioners list": [reverse("inspections:commissioner_list")],
        "commissioner": [c.get_absolute_url() for c in spread(Commissioner.objects.registered())],
        "inspections list": [reverse("inspections:inspection_list")],
        "inspection": [i.get_absolute_url() for i in spread(Inspection.objects.all())],
        "letters list": [reverse("letters:letter_list")],
        "letter": [x.get_absolute_url() for x in spread(Letter.objects.all())],
        "areas for improvement": [reverse("inspections:finding_list")],
    }
    client = Client()
    results = {}
    for name, urls in pages.items():
        repeats = max(1, args.samples // len(urls))
        cold, warm, queries = [], [], 0
        for url in urls:
            for _ in range(repeats):
                cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = client.get(url)
                    cold.append((time.perf_counter() - started) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
                queries = max(queries, len(captured.captured_queries))
                started = time.perf_counter()
                client.get(url)
                warm.append((time.perf_counter() - started) * 1000)
        results[name] = {
            "count": len(cold),
            "cold_p50_ms": statistics.median(cold),
            "cold_p95_ms": _percentile(cold, 0.95),
            "warm_p50_ms": statistics.median(warm),
            "warm_p95_ms": _percentile(warm, 0.95),
            "queries": queries,
        }
    # The load test hits the biggest force and its most prolific commissioner: the worst case.
    biggest_force = max(Force.objects.all(), key=lambda f: f.letters.count())
    # (The generated corpus signs with fictional names, which the registry resolves to nobody:
    # then the busiest is the one holding most terms.)
    busiest = max(
        Commissioner.objects.registered(), key=lambda c: (c.letters.count(), c.terms.count())
    )
    paths = {
        "home": reverse("inspections:home"),
        "force": biggest_force.get_absolute_url(),
        "commissioner": busiest.get_absolute_url(),
        "letter": Letter.objects.order_by("-date").first().get_absolute_url(),
    }
    json.dump({"samples": args.samples, "pages": results, "paths": paths}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
