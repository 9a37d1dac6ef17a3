"""Search timings for `make bench` (run by devtools.benchmark in a child process, once per
database).

Times /search/ through Django's test client in-process against the database in DATABASE_URL
(the server's own time: routing, the full-text query, the count, snippets, template), for
questions of every shape: a word in nearly every letter, a rarer one, a phrase, words in any
order, a question with filters, a later page, and a letter page with its matches marked.
Search is never cached, so every request is a cold one. Prints JSON on stdout.
"""

import argparse
import json
import os
import re
import statistics
import time
from urllib.parse import urlencode

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pccsite.settings")

QUESTIONS = {
    "common word": {"q": "police"},
    "rarer word": {"q": "custody"},
    "phrase": {"q": '"requires improvement"'},
    "words in any order": {"q": "improvement victims force"},
    "phrase and words": {"q": '"preventing crime" good'},
    "filtered by force and dates": {"q": "crime", "date_from": "2018-01-01"},
    "findings only": {"q": "investigation", "scope": "finding"},
    "page 5 of a common word": {"q": "police", "page": "5"},
}


RESULTS = re.compile(r'role="status">(\d+) results? for')


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
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from inspections.models import Force
    from letters.models import Letter
    from search.models import SearchDocument

    biggest = max(Force.objects.all(), key=lambda force: force.letters.count())
    QUESTIONS["filtered by force and dates"]["force"] = str(biggest.pk)
    letters = list(Letter.objects.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(letters) // args.samples)
    marked = [
        f"{reverse('letters:letter_detail', args=[pk])}?{urlencode({'q': 'police crime'})}"
        for pk in letters[::step][: args.samples]
    ]
    client = Client()
    results = {}
    cases = {name: [f"{reverse('search:search')}?{urlencode(q)}"] for name, q in QUESTIONS.items()}
    cases["letter page with matches marked"] = marked
    for name, urls in cases.items():
        client.get(urls[0])  # warm the connection and Python's caches, not the page cache
        times, cpu, queries, total = [], [], 0, None
        repeats = max(1, args.samples // len(urls))
        for url in urls:
            for _ in range(repeats):
                with CaptureQueriesContext(connection) as captured:
                    started, processor = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    times.append((time.perf_counter() - started) * 1000)
                    cpu.append((time.process_time() - processor) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url} answered {response.status_code}")
                queries = max(queries, len(captured.captured_queries))
                found = RESULTS.search(response.content.decode())
                if found:
                    total = int(found.group(1))
        results[name] = {
            "count": len(times),
            "p50_ms": statistics.median(times),
            "p95_ms": _percentile(times, 0.95),
            # This process's CPU: all of it on SQLite (in-process), Django's part on PostgreSQL.
            "cpu_p95_ms": _percentile(cpu, 0.95),
            "queries": queries,
            "results": total,
            "example": urls[0],
        }
    json.dump(
        {
            "load_average": os.getloadavg(),
            "database": connection.vendor,
            "documents": SearchDocument.objects.count(),
            "letters": len(letters),
            "searches": results,
        },
        __import__("sys").stdout,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
