"""Benchmarks for a national-size corpus: `make bench` runs `python -m devtools.benchmark`.

What it measures, from nothing but this repository and the machine's local services:
1. load throughput (letters/s) of `load_letters` on a generated corpus, on SQLite and (when one
   answers at 127.0.0.1:5432) PostgreSQL, the loader's peak memory at two corpus sizes (it
   should be flat), and the time to reload the unchanged corpus;
2. per-page server time (p50, p95) for every kind of page, with the cache cold and warm;
   search (p50, p95) for questions of every shape on each database, and the whole-dataset
   download's build time;
3. requests/s and p99 latency from a second process (wrk) against gunicorn with several workers
   on 127.0.0.1, for the home, force, commissioner and letter pages, beside a bare Django view
   measured in the same run as the ceiling;
4. the page-weight budget of a first visit to a force page in Chromium on a throttled slow 4G
   network (devtools/page_weight.py: bytes transferred, when the grid and chart show).
It writes a markdown report (docs/benchmarks.md by default) with the date and the machine.
Each step runs the project's own commands in subprocesses, so what is measured is what users run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

from devtools.serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# Several people may share one PostgreSQL server: PCCSITE_BENCH_DB names a database of one's own.
PG_BENCH_DB = os.environ.get("PCCSITE_BENCH_DB", "pccsite_bench")

TARGETS = {
    "load_sqlite_letters_per_s": 200,
    "reload_s": 5.0,
    "page_p95_ms": 50.0,
    "throughput_ratio": 0.5,
    "search_p95_ms": 50.0,
}


def _log(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


def _env(database_url: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"DATABASE_URL": database_url, "DEBUG": "0", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def _manage(*args: str, env: dict[str, str]) -> tuple[float, int, subprocess.CompletedProcess]:
    """Run manage.py; return wall seconds, the child's peak RSS in KiB, and the result."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # wait4 gives this child's own rusage (peak RSS), not the sum over all children.
    stdout, stderr = "", ""
    _pid, status, rusage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stdout = process.stdout.read()
    stderr = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    return elapsed, rusage.ru_maxrss, result


def _check(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode != 0:
        raise SystemExit(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


def generate_corpus(out: Path, letters: int, seed: int) -> None:
    if (out / "truth.json").exists() and len(list(out.glob("*.txt"))) == letters:
        _log(f"reusing the corpus in {out}")
        return
    shutil.rmtree(out, ignore_errors=True)
    _log(f"generating {letters} letters into {out}")
    env = _env("sqlite:///:memory:")
    elapsed, _rss, result = _manage(
        "generate_corpus",
        "--forces",
        "43",
        "--years",
        "2014-2025",
        "--letters",
        str(letters),
        "--seed",
        str(seed),
        "--out",
        str(out),
        env=env,
    )
    _check(result, "generate_corpus")
    _log(f"generated in {elapsed:.1f}s")


def _subset(corpus: Path, count: int, out: Path) -> Path:
    """A folder of symlinks to the first `count` letters, for the memory-flatness comparison."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for path in sorted(corpus.glob("*.txt"))[:count]:
        (out / path.name).symlink_to(path.resolve())
    return out


def postgres_available() -> bool:
    try:
        import psycopg

        psycopg.connect(PG_ADMIN_URL, connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 - any failure means "no PostgreSQL here"
        return False


def _fresh_database(kind: str, work: Path) -> str:
    if kind == "sqlite":
        path = work / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {PG_BENCH_DB}")
    return f"postgresql://postgres@127.0.0.1:5432/{PG_BENCH_DB}"


def registry_files() -> list[str]:
    """The commissioner registry every site loads before its letters (make load)."""
    return sorted(str(path) for path in (ROOT / "data" / "reference").glob("commissioners-*.csv"))


def _migrate(env: dict[str, str]) -> None:
    """A database as `make load` leaves it before the letters: migrated, the registry in."""
    _check(_manage("migrate", "--verbosity", "0", env=env)[2], "migrate")
    _check(_manage("import_commissioners", *registry_files(), env=env)[2], "import_commissioners")


# The load as `make load` runs it: the whole-dataset download is built after it, on its own
# (bench_dataset), and the report adds the two for a plain load_letters, which builds it itself.
NO_DATASET = ("--no-dataset",)


def bench_load(kind: str, corpus: Path, letters: int, work: Path) -> dict:
    """Load the corpus into a fresh database, then reload it unchanged."""
    url = _fresh_database(kind, work)
    env = _env(url)
    _migrate(env)

    small = _subset(corpus, max(letters // 5, 1), work / "subset")
    _log(f"{kind}: loading {letters // 5} letters (memory baseline)")
    # The subset links to the corpus's files, outside its own folder: followed on purpose.
    _t, small_rss, result = _manage(
        "load_letters", str(small), "--follow-links", *NO_DATASET, env=env
    )
    _check(result, "load_letters (subset)")
    url = _fresh_database(kind, work)
    env = _env(url)
    _migrate(env)

    _log(f"{kind}: loading {letters} letters")
    load_s, rss, result = _manage("load_letters", str(corpus), *NO_DATASET, env=env)
    _check(result, "load_letters")
    _log(f"{kind}: loaded in {load_s:.1f}s; reloading unchanged")
    reload_s, _rss, result = _manage("load_letters", str(corpus), *NO_DATASET, env=env)
    _check(result, "load_letters (reload)")
    return {
        "database": kind,
        "url": url,
        "letters": letters,
        "load_s": load_s,
        "letters_per_s": letters / load_s,
        "reload_s": reload_s,
        "peak_rss_mib": rss / 1024,
        "peak_rss_small_mib": small_rss / 1024,
        "small_letters": letters // 5,
    }


def bench_pages(database_url: str, samples: int) -> dict:
    """Per-page server time, measured in a child process with the test client."""
    # Its own in-process cache: the shared .cache/ folder would mix in other runs' pages.
    env = _env(database_url, PCCSITE_BENCH="1", CACHE_URL="locmem://bench-pages")
    result = subprocess.run(
        [sys.executable, "-m", "devtools.benchmark_pages", "--samples", str(samples)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    _check(result, "page timings")
    return json.loads(result.stdout)


def bench_search(database_url: str, samples: int) -> dict:
    """Search times on one database, measured in a child process with the test client."""
    env = _env(database_url, CACHE_URL="locmem://bench-search")
    result = subprocess.run(
        [sys.executable, "-m", "devtools.benchmark_search", "--samples", str(samples)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    _check(result, "search timings")
    return json.loads(result.stdout)


def bench_dataset(database_url: str, work: Path) -> dict:
    """The whole-dataset download's build (make load's step after load_letters, which no longer
    builds it: timed here, not in bench_load), and the files' sizes."""
    folder = work / "dataset"
    env = _env(database_url, DATASET_DIR=str(folder))
    seconds, rss, result = _manage("build_dataset", env=env)
    _check(result, "build_dataset")
    manifest = json.loads((folder / "manifest.json").read_text())
    return {
        "build_s": seconds,
        "peak_rss_mib": rss / 1024,
        "files": {name: info["bytes"] for name, info in manifest["files"].items()},
    }


# What a browser sends: cached pages are stored compressed, and a client that takes neither
# Brotli nor gzip (wrk's default) gets a page decompressed on every hit, which no visitor does.
BROWSER_ACCEPT_ENCODING = "gzip, deflate, br"


def _wrk(url: str, duration: int, connections: int) -> dict:
    result = subprocess.run(
        [
            *("wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"),
            *("-H", f"Accept-Encoding: {BROWSER_ACCEPT_ENCODING}", url),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return {
        "rps": rps,
        "p99_ms": float(p99.group(1)) * factor,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors.group(0) if errors else "",
    }


def redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def bench_throughput(
    database_url: str,
    paths: dict[str, str],
    *,
    workers: int,
    duration: int,
    connections: int,
    rounds: int,
    cache_url: str,
) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make bench installs Debian's wrk)")
    port = free_port()
    env = _env(database_url, PCCSITE_BENCH="1", CACHE_URL=cache_url, GUNICORN_ACCESSLOG="")
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "pccsite/gunicorn.conf.py",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "pccsite.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(base + "/_bench/bare/")
        targets = {"bare view": "/_bench/bare/", **paths}
        for path in targets.values():
            # A warm-up pass so every worker has imported everything and filled its cache.
            _wrk(base + path, 2, connections)
        # Two cores are shared by wrk and the workers, so single runs swing widely; rounds
        # interleave the pages and the medians are reported.
        runs: dict[str, list[dict]] = {name: [] for name in targets}
        for round_number in range(rounds):
            for name, path in targets.items():
                _log(f"wrk round {round_number + 1}/{rounds}: {name} {path}")
                runs[name].append(_wrk(base + path, duration, connections))
        return {
            name: {
                "path": targets[name],
                "rps": statistics.median(run["rps"] for run in results),
                "p99_ms": statistics.median(run["p99_ms"] for run in results),
                "non_2xx": sum(run["non_2xx"] for run in results),
                "rps_runs": [round(run["rps"]) for run in results],
            }
            for name, results in runs.items()
        }
    finally:
        server.terminate()
        server.wait(timeout=30)


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}"


def _mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def render_report(data: dict) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Run on {data['date']} on {data['machine']} with `make bench` "
        f"({data['letters']} generated letters, seed {data['seed']}).",
        *_load_note(data),
        "",
        "## Loading",
        "",
        "| database | letters | load (s) | letters/s | reload unchanged (s) "
        "| peak memory (MiB) | peak memory at 1/5 of the letters (MiB) |",
        "|---|---|---|---|---|---|---|",
    ]
    for load in data["loads"]:
        lines.append(
            f"| {load['database']} | {load['letters']} | {load['load_s']:.1f} "
            f"| {load['letters_per_s']:.0f} | {load['reload_s']:.2f} | {load['peak_rss_mib']:.0f} "
            f"| {load['peak_rss_small_mib']:.0f} ({load['small_letters']} letters) |"
        )
    lines += [
        "",
        "`load_letters --no-dataset` as `make load` runs it: its files parsed by one worker "
        f"process per processor ({os.cpu_count()} here; `--jobs`; peak memory is the largest "
        "process's). `make load` builds the whole-dataset download after it, and a plain "
        "`load_letters` builds it itself once the load has committed: that build is timed on "
        'its own under "Whole-dataset download", not in these times.' + _load_with_dataset(data),
        "",
        "## Server time per page",
        "",
        f"Measured with Django's test client in one process on SQLite, "
        f"{data['pages']['samples']} pages of each kind; cold = cache cleared first.",
        "",
        "| page | cold p50 (ms) | cold p95 (ms) | warm p50 (ms) | warm p95 (ms) | queries |",
        "|---|---|---|---|---|---|",
    ]
    for name, page in data["pages"]["pages"].items():
        lines.append(
            f"| {name} | {page['cold_p50_ms']:.1f} | {page['cold_p95_ms']:.1f} "
            f"| {page['warm_p50_ms']:.1f} | {page['warm_p95_ms']:.1f} | {page['queries']} |"
        )
    lines += _search_section(data)
    throughput = data["throughput"]
    bare = throughput["bare view"]["rps"]
    lines += [
        "",
        "## Throughput under load",
        "",
        f"gunicorn, {data['workers']} workers, on 127.0.0.1, SQLite, page cache "
        f"`{data['cache']}`; wrk (2 threads, {data['connections']} connections) from a second "
        f"process, sending a browser's `Accept-Encoding: {BROWSER_ACCEPT_ENCODING}`, "
        f"{data['rounds']} interleaved rounds of {data['duration']} s per page after a "
        "warm-up; medians reported, with every round's requests/s.",
        "",
        "| page | path | requests/s | p99 (ms) | share of the bare view | non-2xx "
        "| rounds (requests/s) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in throughput.items():
        rounds = ", ".join(str(r) for r in row["rps_runs"])
        lines.append(
            f"| {name} | `{row['path']}` | {row['rps']:.0f} | {row['p99_ms']:.1f} "
            f"| {row['rps'] / bare:.0%} | {row['non_2xx']} | {rounds} |"
        )
    sqlite = next(load for load in data["loads"] if load["database"] == "sqlite")
    worst_p95 = max(page["warm_p95_ms"] for page in data["pages"]["pages"].values())
    worst_cold = max(page["cold_p95_ms"] for page in data["pages"]["pages"].values())
    ratios = {
        name: row["rps"] / bare
        for name, row in throughput.items()
        if name in ("force", "commissioner")
    }
    lines += [
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        f"| load >= {TARGETS['load_sqlite_letters_per_s']} letters/s on SQLite "
        f"| {sqlite['letters_per_s']:.0f} "
        f"| {_mark(sqlite['letters_per_s'] >= TARGETS['load_sqlite_letters_per_s'])} |",
        f"| reload of {sqlite['letters']} unchanged letters <= {TARGETS['reload_s']:.0f} s "
        f"| {sqlite['reload_s']:.2f} s | {_mark(sqlite['reload_s'] <= TARGETS['reload_s'])} |",
        f"| every page p95 <= {TARGETS['page_p95_ms']:.0f} ms (warm) | {worst_p95:.1f} ms "
        f"| {_mark(worst_p95 <= TARGETS['page_p95_ms'])} |",
        f"| every page p95 <= {TARGETS['page_p95_ms']:.0f} ms (cold cache) "
        f"| {worst_cold:.1f} ms | {_mark(worst_cold <= TARGETS['page_p95_ms'])} |",
    ]
    for name, ratio in ratios.items():
        lines.append(
            f"| {name} page >= 50% of the bare view's requests/s | {ratio:.0%} "
            f"| {_mark(ratio >= TARGETS['throughput_ratio'])} |"
        )
    for search in data.get("searches", []):
        worst = max(row["p95_ms"] for row in search["searches"].values())
        lines.append(
            f"| search p95 <= {TARGETS['search_p95_ms']:.0f} ms on {search['database']} "
            f"({search['letters']} letters) | {worst:.1f} ms "
            f"| {_mark(worst <= TARGETS['search_p95_ms'])} |"
        )
    flat = sqlite["peak_rss_mib"] <= sqlite["peak_rss_small_mib"] * 1.25
    lines.append(
        f"| loader memory flat in the number of files | {sqlite['peak_rss_small_mib']:.0f} MiB "
        f"at {sqlite['small_letters']}, {sqlite['peak_rss_mib']:.0f} MiB at {sqlite['letters']} "
        f"| {_mark(flat)} |"
    )
    weight = data.get("page_weight")
    if weight:
        from devtools import page_weight

        for what, budget, measured, met in page_weight.verdicts(weight):
            lines.append(f"| force page {what} {budget} (slow 4G) | {measured} | {_mark(met)} |")
        lines += ["", *page_weight.render_section(weight)]
    lines.append("")
    return "\n".join(lines)


def _load_with_dataset(data: dict) -> str:
    """The SQLite load and the dataset's build together: what a plain load_letters takes."""
    sqlite = next((load for load in data["loads"] if load["database"] == "sqlite"), None)
    if sqlite is None or not data.get("dataset"):
        return ""
    total = sqlite["load_s"] + data["dataset"]["build_s"]
    return (
        f" On SQLite the two together take {total:.1f} s "
        f"({sqlite['letters'] / total:.0f} letters/s)."
    )


def _load_note(data: dict) -> list[str]:
    load = data.get("load_average")
    if not load:
        return []
    return [
        "",
        f"The machine's 1-minute load average was {load['start'][0]:.1f} at the start and "
        f"{load['end'][0]:.1f} at the end, on {load['cores']} cores: above the number of cores, "
        "other work shared the processors and every time below is longer for it.",
    ]


def _search_section(data: dict) -> list[str]:
    lines = [
        "",
        "## Search",
        "",
        "Server time of `/search/` (and of a letter page marking a search's matches) with "
        "Django's test client in one process; search pages are never cached, so each request "
        "runs the full-text query, the count and the snippets. PostgreSQL: a GIN-indexed "
        "tsvector ranked by ts_rank, snippets by ts_headline; SQLite: FTS5 ranked by bm25.",
    ]
    for search in data.get("searches", []):
        lines += [
            "",
            f"### {search['database']}: {search['letters']} letters, "
            f"{search['documents']} searchable rows (letters and findings)",
            "",
            "The machine's load average while timing: "
            + ", ".join(f"{value:.1f}" for value in search["load_average"])
            + " (1, 5, 15 min) on its cores; CPU is the Django process's own time (on SQLite "
            "that includes the database's work, on PostgreSQL the server's is not in it).",
            "",
            "| question | example | results | p50 (ms) | p95 (ms) | CPU p95 (ms) | queries |",
            "|---|---|---|---|---|---|---|",
        ]
        for name, row in search["searches"].items():
            results = "" if row["results"] is None else row["results"]
            lines.append(
                f"| {name} | `{row['example']}` | {results} | {row['p50_ms']:.1f} "
                f"| {row['p95_ms']:.1f} | {row['cpu_p95_ms']:.1f} | {row['queries']} |"
            )
    dataset = data.get("dataset")
    if dataset:
        sizes = ", ".join(
            f"{name} {size / 2**20:.1f} MiB" for name, size in dataset["files"].items()
        )
        lines += [
            "",
            "## Whole-dataset download",
            "",
            f"`build_dataset` on SQLite (the step `make load` runs after `load_letters`; "
            f"not in the load's time above): {dataset['build_s']:.1f} s, "
            f"peak memory {dataset['peak_rss_mib']:.0f} MiB; {sizes}.",
        ]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--samples", type=int, default=40, help="pages of each kind to time")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args(argv)

    args.work.mkdir(parents=True, exist_ok=True)
    load_at_start = os.getloadavg()
    corpus = args.work / f"corpus-{args.letters}-{args.seed}"
    generate_corpus(corpus, args.letters, args.seed)

    loads = [bench_load("sqlite", corpus, args.letters, args.work)]
    if not args.skip_postgres and postgres_available():
        loads.append(bench_load("postgresql", corpus, args.letters, args.work))
    else:
        _log("PostgreSQL skipped")
    sqlite_url = loads[0]["url"]

    _log("timing pages")
    pages = bench_pages(sqlite_url, args.samples)
    searches = []
    for load in loads:
        _log(f"timing search on {load['database']}")
        searches.append(bench_search(load["url"], args.samples))
    _log("building the dataset download")
    dataset = bench_dataset(sqlite_url, args.work)
    _log("load test")
    cache_url = "redis://127.0.0.1:6379/5" if redis_available() else f"file://{args.work / 'cache'}"
    throughput = bench_throughput(
        sqlite_url,
        pages["paths"],
        workers=args.workers,
        duration=args.duration,
        connections=args.connections,
        rounds=args.rounds,
        cache_url=cache_url,
    )
    _log("page weight of a force page in Chromium on slow 4G")
    from devtools import page_weight

    weight = page_weight.measure(sqlite_url, page_weight.busiest_force(sqlite_url))
    weight["where"] = f"the force with most grades in the {args.letters} generated letters"
    sys.stderr.write("\n".join(page_weight.pass_fail_lines(weight)) + "\n")
    data = {
        "date": dt.date.today().isoformat(),
        "machine": machine_description(),
        "letters": args.letters,
        "seed": args.seed,
        "loads": loads,
        "pages": pages,
        "searches": searches,
        "dataset": dataset,
        "throughput": throughput,
        "page_weight": weight,
        "workers": args.workers,
        "duration": args.duration,
        "connections": args.connections,
        "rounds": args.rounds,
        "cache": cache_url.split("://")[0],
        # Other work on the machine inflates every time here: the report says how busy it was.
        "load_average": {"start": load_at_start, "end": os.getloadavg(), "cores": os.cpu_count()},
    }
    report = render_report(data)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    (args.work / "benchmarks.json").write_text(json.dumps(data, indent=2, default=str))
    sys.stdout.write(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
