"""The page-weight budget of a first visit to a force's page, in a real browser on a slow network.

`make bench` runs it on the national-size database it built; `python -m devtools.page_weight`
runs it alone on a fresh database of the seeds (the registry and seeds/ loaded, as `make load`
does) and rewrites the "Page weight" section of docs/benchmarks.md.

How, as close to production as one machine allows:
- the site runs under gunicorn with PCCSITE_ENV=production: static files collected with their
  hashed names and whitenoise's gzip and Brotli copies, pages gzipped by the middleware (TLS is
  left out, so SECURE_SSL_REDIRECT and HSTS are off for the run);
- Debian's Chromium, driven by Playwright, a fresh browser context (a cold cache) at a phone's
  size (390 x 844), the network throttled through the DevTools protocol
  (Network.emulateNetworkConditions) to Lighthouse's "slow 4G" mobile profile: 150 ms RTT and
  1.6 Mbps down, 750 kbps up, applied per request as Lighthouse's own DevTools throttling does it
  (latency 562.5 ms, 1,474.56 kbps down, 675 kbps up);
- bytes are what crossed the network (encodedDataLength: headers and compressed bodies) for
  every request of the visit until the network is idle;
- the grid and the chart count as visible at the first animation frame (frames wait for the
  render-blocking stylesheet) in which they have a size, and not before the first contentful
  paint; the chart is first the server's SVG drawing of its figure (inspections/chart_svg.py),
  then Plotly's interactive one (charts.js sets data-drawn), reported apart, outside the budget;
  all from the navigation's start in the page's own clock.

Budget: <= 500 KB transferred, grid and chart visible <= 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from devtools.serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
PHONE = {"width": 390, "height": 844}
BUDGET = {"bytes": 500 * 1000, "grid_s": 2.0, "chart_s": 2.0}
# Lighthouse's mobile "slow 4G" (constants.throttling.mobileSlow4G), as its DevTools throttling
# applies it per request: RTT x 3.75 and throughput x 0.9.
PROFILE = {
    "name": "Lighthouse slow 4G (DevTools throttling)",
    "rtt_ms": 150,
    "down_kbps": 1638.4,
    "up_kbps": 750,
    "latency_ms": 150 * 3.75,
    "download_kbps": 1638.4 * 0.9,
    "upload_kbps": 750 * 0.9,
}
SECTION = "## Page weight"
# Runs in the page before its HTML: notes the first frame in which each part has a size.
WATCH = """
window.__shown = {};
(function watch() {
  var parts = {grid: "#grid", chart: "[data-chart] svg", interactive: "[data-chart][data-drawn]"};
  Object.keys(parts).forEach(function (name) {
    var element = document.querySelector(parts[name]);
    if (!(name in window.__shown) && element && element.getBoundingClientRect().height > 0) {
      window.__shown[name] = performance.now();
    }
  });
  requestAnimationFrame(watch);
})();
"""


def _log(message: str) -> None:
    sys.stderr.write(f"[page-weight] {message}\n")
    sys.stderr.flush()


def production_env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update(
        {
            "DATABASE_URL": database_url,
            "PCCSITE_ENV": "production",
            "SECRET_KEY": "page-weight-bench-only",
            "DEBUG": "0",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "CACHE_URL": "locmem://",
            "GUNICORN_ACCESSLOG": "",
        }
    )
    return env


def _manage(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def seeded_database(work: Path) -> str:
    """A fresh SQLite database as `make load` leaves one: the registry and seeds/."""
    database = work / "page-weight.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{database}"
    env = {**production_env(url), "PCCSITE_ENV": "development", "MEDIA_ROOT": str(work / "media")}
    env["DATASET_DIR"] = str(work / "dataset")
    _manage("migrate", "--verbosity", "0", env=env)
    registry = sorted(str(p) for p in (ROOT / "data" / "reference").glob("commissioners-*.csv"))
    _manage("import_commissioners", *registry, env=env)
    _manage("load_letters", "seeds", env=env)
    return url


def busiest_force(database_url: str) -> str:
    """The slug of the force with the most grades: the heaviest force page."""
    code = (
        "import django; django.setup()\n"
        "from django.db.models import Count\n"
        "from inspections.models import Force\n"
        "f = Force.objects.annotate(n=Count('inspections__grades')).order_by('-n', 'name')[0]\n"
        "print(f.slug)\n"
    )
    env = {**production_env(database_url), "DJANGO_SETTINGS_MODULE": "pccsite.settings"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def measure(database_url: str, slug: str, runs: int = 3) -> dict:
    """Serve the site as in production and visit /forces/<slug>/ ``runs`` times, each with a
    cold cache; the median run is reported with every run's numbers."""
    env = production_env(database_url)
    _log("collectstatic (hashed names, gzip and Brotli copies)")
    _manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            *("-c", "pccsite/gunicorn.conf.py", "--workers", "2"),
            *("--bind", f"127.0.0.1:{port}", "pccsite.wsgi:application"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        url = f"{base}/forces/{slug}/"
        wait_until_up(url, server, name="gunicorn")
        visits = [_visit(url) for _ in range(runs)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    visits.sort(key=lambda visit: visit["interactive_s"] or float("inf"))
    median = visits[len(visits) // 2]
    return {
        **median,
        "date": dt.date.today().isoformat(),
        "path": f"/forces/{slug}/",
        "runs": [
            {key: visit[key] for key in ("bytes", "grid_s", "chart_s", "interactive_s")}
            for visit in visits
        ],
    }


def _visit(url: str) -> dict:
    if not (CHROMIUM.is_file() or shutil.which(str(CHROMIUM))):
        raise SystemExit(f"Chromium is not installed at {CHROMIUM} (`make browser-deps`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            context = browser.new_context(
                viewport=PHONE, device_scale_factor=2, is_mobile=True, locale="en-GB"
            )
            page = context.new_page()
            page.set_default_timeout(60_000)
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send(
                "Network.emulateNetworkConditions",
                {
                    "offline": False,
                    "latency": PROFILE["latency_ms"],
                    "downloadThroughput": PROFILE["download_kbps"] * 1000 / 8,
                    "uploadThroughput": PROFILE["upload_kbps"] * 1000 / 8,
                },
            )
            responses: dict[str, dict] = {}
            sizes: dict[str, int] = {}
            cdp.on(
                "Network.responseReceived",
                lambda event: responses.__setitem__(event["requestId"], event["response"]),
            )
            cdp.on(
                "Network.loadingFinished",
                lambda event: sizes.__setitem__(
                    event["requestId"], int(event["encodedDataLength"])
                ),
            )
            page.add_init_script(WATCH)
            page.goto(url, wait_until="commit")
            page.wait_for_function("() => 'interactive' in window.__shown")
            page.wait_for_load_state("networkidle")
            shown = page.evaluate(
                """() => {
                    const paint = performance.getEntriesByName('first-contentful-paint')[0];
                    const after = (t) => t === undefined ? null : Math.max(t, paint.startTime);
                    return {grid: after(window.__shown.grid), chart: after(window.__shown.chart),
                            interactive: after(window.__shown.interactive)};
                }"""
            )
            resources = []
            for request_id, size in sizes.items():
                response = responses.get(request_id, {})
                headers = {k.lower(): v for k, v in response.get("headers", {}).items()}
                resources.append(
                    {
                        "url": re.sub(r"^https?://[^/]+", "", response.get("url", "?")),
                        "bytes": size,
                        "encoding": headers.get("content-encoding", "none"),
                    }
                )
            context.close()
        finally:
            browser.close()
    seconds = {name: (None if ms is None else ms / 1000) for name, ms in shown.items()}
    return {
        "bytes": sum(item["bytes"] for item in resources),
        "grid_s": seconds["grid"],
        "chart_s": seconds["chart"],
        "interactive_s": seconds["interactive"],
        "resources": sorted(resources, key=lambda item: -item["bytes"]),
    }


def verdicts(result: dict) -> list[tuple[str, str, str, bool]]:
    """(what, budget, measured, met) for each line of the budget."""
    grid, chart = result["grid_s"], result["chart_s"]
    return [
        (
            "bytes transferred",
            f"<= {BUDGET['bytes'] / 1000:.0f} KB",
            f"{result['bytes'] / 1000:.0f} KB",
            result["bytes"] <= BUDGET["bytes"],
        ),
        (
            "grid visible",
            f"<= {BUDGET['grid_s']:.1f} s",
            f"{grid:.2f} s" if grid is not None else "never",
            grid is not None and grid <= BUDGET["grid_s"],
        ),
        (
            "chart visible",
            f"<= {BUDGET['chart_s']:.1f} s",
            f"{chart:.2f} s" if chart is not None else "never",
            chart is not None and chart <= BUDGET["chart_s"],
        ),
    ]


def _seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.2f} s"


def pass_fail_lines(result: dict) -> list[str]:
    return [
        *(
            f"{'PASS' if met else 'FAIL'} {what}: {measured} (budget {budget})"
            for what, budget, measured, met in verdicts(result)
        ),
        f"(not budgeted) chart interactive, Plotly drawn: {_seconds(result['interactive_s'])}",
    ]


def render_section(result: dict) -> list[str]:
    runs = "; ".join(
        f"{run['bytes'] / 1000:.0f} KB, grid {_seconds(run['grid_s'])}, chart "
        f"{_seconds(run['chart_s'])}, interactive {_seconds(run['interactive_s'])}"
        for run in result["runs"]
    )
    lines = [
        SECTION,
        "",
        f"Measured on {result.get('date', 'an unrecorded date')}. "
        f"A first visit to `{result['path']}` ({result['where']}) in Debian's Chromium at "
        "390 x 844 with a cold cache, served by gunicorn as in production (hashed static files "
        "with whitenoise's Brotli and gzip copies, pages gzipped). Network throttled with "
        f"Network.emulateNetworkConditions to {PROFILE['name']}: {PROFILE['rtt_ms']} ms RTT, "
        f"{PROFILE['down_kbps'] / 1000:.1f} Mbps down, {PROFILE['up_kbps']} kbps up, applied per "
        f"request as latency {PROFILE['latency_ms']} ms, {PROFILE['download_kbps']:.2f} kbps "
        f"down, {PROFILE['upload_kbps']:.0f} kbps up. The chart is visible first as the "
        "server's SVG drawing of its figure, painted with the HTML; Plotly (the largest "
        "download) makes it interactive later. The median of "
        f"{len(result['runs'])} visits by the time Plotly drew; every visit: {runs}.",
        "",
        "| budget line | budget | measured | |",
        "|---|---|---|---|",
    ]
    for what, budget, measured, met in verdicts(result):
        lines.append(f"| {what} | {budget} | {measured} | {'met' if met else '**missed**'} |")
    lines.append(
        "| chart interactive (Plotly drawn over the SVG) | not budgeted "
        f"| {_seconds(result['interactive_s'])} | |"
    )
    lines += ["", "| resource | content-encoding | bytes on the wire |", "|---|---|---|"]
    for item in result["resources"]:
        lines.append(f"| `{item['url']}` | {item['encoding']} | {item['bytes']:,} |")
    return lines


def write_section(report: Path, section: list[str]) -> None:
    """Replace the report's page-weight section (or add it at the end)."""
    text = report.read_text(encoding="utf-8") if report.exists() else "# Benchmarks\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    block = "\n".join(section) + "\n\n"
    text = (
        pattern.sub(lambda _m: block, text)
        if pattern.search(text)
        else text.rstrip() + ("\n\n" + block)
    )
    report.write_text(text.rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a fresh database of the seeds")
    parser.add_argument("--force", help="a force's slug (default: the one with most grades)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--where", help="what the database holds, for the report")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "benchmarks.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="page-weight-") as work:
        database_url = args.database_url or seeded_database(Path(work))
        where = args.where or ("the seeds" if not args.database_url else "the given database")
        slug = args.force or busiest_force(database_url)
        result = {**measure(database_url, slug, args.runs), "where": where}
    lines = pass_fail_lines(result)
    sys.stdout.write("\n".join(lines) + "\n")
    write_section(args.report, render_section(result))
    return 0 if all(met for *_rest, met in verdicts(result)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
