"""Soak test: `make soak` runs `python -m devtools.soak`.

A bounded run of the site under load while the loader writes to the same SQLite database:
1. generate two corpora with different seeds (`manage.py generate_corpus`), migrate a fresh
   SQLite database and load the first;
2. serve it with gunicorn (several workers, 127.0.0.1, a fresh file page cache);
3. drive wrk (32 connections, 30 s) over every kind of public page, crawled from the site's own
   lists, and a second in start `load_letters` on the second corpus;
4. pass only with zero socket errors, zero non-2xx responses, no "database is locked" or
   traceback in the server's log, and every letter of the second corpus written.
It prints the numbers and writes them to docs/soak.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from devtools.benchmark import generate_corpus, machine_description, registry_files
from devtools.pages import LIST_PATHS
from devtools.serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
DETAIL_PAGES = {
    "/forces/": r"/forces/[\w-]+/",
    "/commissioners/": r"/commissioners/[\w-]+/",
    "/inspections/": r"/inspections/\d+/",
    "/letters/": r"/letters/\d+/",
}
LIST_PAGES = [
    *LIST_PATHS,
    "/letters/?page=2",
    "/inspections/?page=3",
    "/areas-for-improvement/?page=2",
    "/forces/?name=wales",
]
# Every request picks the next path, so each wrk thread walks the whole list in turn.
WRK_SCRIPT = """
local paths = {%s}
local index = 0
request = function()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end
"""


def _log(message: str) -> None:
    sys.stderr.write(f"[soak] {message}\n")
    sys.stderr.flush()


def _env(database_url: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update({"DATABASE_URL": database_url, "DEBUG": "0", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def _manage(*args: str, env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {args[0]} failed:\n{result.stdout}\n{result.stderr}")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def crawl(base: str, per_kind: int) -> list[str]:
    """The list pages plus up to ``per_kind`` detail pages of each kind, found by their links."""
    paths = list(LIST_PAGES)
    for listing, pattern in DETAIL_PAGES.items():
        found = list(dict.fromkeys(re.findall(f'href="({pattern})"', _get(base + listing))))
        if not found:
            raise SystemExit(f"no detail pages linked from {listing}")
        paths.extend(found[:per_kind])
    return paths


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def parse_wrk(out: str) -> dict:
    latency = {
        percent: _ms(value, unit)
        for percent, value, unit in re.findall(
            r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M
        )
    }
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": latency["50"],
        "p99_ms": latency["99"],
        "errors": sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        "error_detail": socket_errors.group(0) if socket_errors else "none",
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def _letter_count(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as connection:
        return connection.execute("SELECT COUNT(*) FROM letters_letter").fetchone()[0]


def _fresh_database(path: Path) -> str:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}"


def soak(args: argparse.Namespace) -> dict:
    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    served = work / f"corpus-{args.letters}-{args.seed}"
    incoming = work / f"corpus-{args.letters}-{args.load_seed}"
    generate_corpus(served, args.letters, args.seed)
    generate_corpus(incoming, args.letters, args.load_seed)

    database = work / "soak.sqlite3"
    env = _env(_fresh_database(database))
    _log(f"migrating and loading {args.letters} letters (seed {args.seed})")
    _manage("migrate", "--verbosity", "0", env=env)
    _manage("import_commissioners", *registry_files(), env=env)
    _manage("load_letters", str(served), env=env)
    before = _letter_count(database)

    cache = work / "soak-cache"
    shutil.rmtree(cache, ignore_errors=True)
    server_env = {**env, "CACHE_URL": f"file://{cache}", "GUNICORN_ACCESSLOG": ""}
    server_log = work / "soak-gunicorn.log"
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with server_log.open("w") as log:
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "-c",
                "pccsite/gunicorn.conf.py",
                "--workers",
                str(args.workers),
                "--bind",
                f"127.0.0.1:{port}",
                "pccsite.wsgi:application",
            ],
            cwd=ROOT,
            env=server_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_up(base + "/", server, timeout=60, name="gunicorn")
        paths = crawl(base, args.per_kind)
        script = work / "soak.lua"
        script.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths))
        _log(f"wrk: {args.connections} connections for {args.duration}s over {len(paths)} pages")
        wrk = subprocess.Popen(
            [
                "wrk",
                "-t2",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(script),
                base + "/",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(args.load_after)
        _log(f"loading {args.letters} more letters (seed {args.load_seed}) under load")
        started = time.perf_counter()
        load = subprocess.run(
            [sys.executable, "manage.py", "load_letters", str(incoming)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        load_s = time.perf_counter() - started
        wrk_out, wrk_err = wrk.communicate(timeout=args.duration + 120)
        if wrk.returncode != 0:
            raise SystemExit(f"wrk failed:\n{wrk_out}\n{wrk_err}")
    finally:
        server.terminate()
        server.wait(timeout=60)

    log_text = server_log.read_text(errors="replace")
    written = _letter_count(database) - before
    return {
        "date": dt.date.today().isoformat(),
        "machine": machine_description(),
        "letters": args.letters,
        "seed": args.seed,
        "load_seed": args.load_seed,
        "workers": args.workers,
        "connections": args.connections,
        "duration": args.duration,
        "pages": len(paths),
        "wrk": parse_wrk(wrk_out),
        "load_status": load.returncode,
        "load_output": (load.stdout + load.stderr).strip()[-2000:],
        "load_s": load_s,
        "load_after": args.load_after,
        # How much of the load ran while wrk was still sending requests.
        "load_under_wrk_s": max(0.0, min(load_s, args.duration - args.load_after)),
        "written": written,
        "locked": log_text.count("database is locked"),
        "tracebacks": log_text.count("Traceback"),
    }


def failures(data: dict) -> list[str]:
    wrk = data["wrk"]
    problems = []
    if wrk["errors"]:
        problems.append(f"socket errors ({wrk['error_detail']})")
    if wrk["non_2xx"]:
        problems.append(f"{wrk['non_2xx']} non-2xx responses")
    if data["load_status"] != 0:
        problems.append(f"load_letters exited {data['load_status']}: {data['load_output']}")
    if data["written"] != data["letters"]:
        problems.append(f"the concurrent load wrote {data['written']} of {data['letters']} letters")
    if data["locked"] or data["tracebacks"]:
        problems.append(
            f"server log: {data['locked']} 'database is locked', {data['tracebacks']} tracebacks"
        )
    return problems


def render_report(data: dict) -> str:
    wrk = data["wrk"]
    problems = failures(data)
    verdict = "**passed**" if not problems else "**failed**: " + "; ".join(problems)
    return "\n".join(
        [
            "# Soak test",
            "",
            f"Run on {data['date']} on {data['machine']} with `make soak`: {verdict}.",
            "",
            f"gunicorn with {data['workers']} workers on 127.0.0.1 served a fresh SQLite "
            f"database (WAL mode) seeded with {data['letters']} generated letters (seed "
            f"{data['seed']}), with a fresh file page cache. wrk (2 threads, "
            f"{data['connections']} connections, {data['duration']} s, 10 s timeout) walked "
            f"{data['pages']} public pages (every list, later pages and a filter, and detail "
            "pages of each kind crawled from the lists). A second in, `load_letters` "
            f"loaded {data['letters']} more generated letters (seed {data['load_seed']}) into "
            "the same database; every batch it commits invalidates the page cache, so the "
            "workers re-render pages from the database while it writes.",
            "",
            "| measure | value |",
            "|---|---|",
            f"| requests | {wrk['requests']} |",
            f"| requests/s | {wrk['rps']:.0f} |",
            f"| latency p50 | {wrk['p50_ms']:.1f} ms |",
            f"| latency p99 | {wrk['p99_ms']:.1f} ms |",
            f"| socket errors | {wrk['errors']} ({wrk['error_detail']}) |",
            f"| non-2xx responses | {wrk['non_2xx']} |",
            f"| letters the concurrent load wrote | {data['written']} of {data['letters']} |",
            f"| time the concurrent load took | {data['load_s']:.1f} s, started "
            f"{data['load_after']:.0f} s into the run; {data['load_under_wrk_s']:.1f} s of it "
            "under wrk |",
            f"| 'database is locked' in the server log | {data['locked']} |",
            f"| tracebacks in the server log | {data['tracebacks']} |",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026, help="corpus served from the start")
    parser.add_argument("--load-seed", type=int, default=2027, help="corpus loaded under load")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--duration", type=int, default=30, help="seconds of load")
    parser.add_argument("--load-after", type=float, default=1.0, help="seconds before loading")
    parser.add_argument("--per-kind", type=int, default=10, help="detail pages of each kind")
    parser.add_argument("--work", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "soak.md")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make soak installs Debian's wrk)")

    data = soak(args)
    report = render_report(data)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    problems = failures(data)
    for problem in problems:
        _log(f"FAILED: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
