"""The parser's benchmark: `make bench` runs `python -m devtools.parse_bench` (and `make
bench-parser` runs it alone).

It measures, on this machine, in one process:
1. the practice set (tests/fixtures/realworld, 116 texts shaped like real published responses),
   the seed letters and the fixture letters: total parse time, and the practice set's scores
   per field, exactly as score_extraction.py computes them;
2. adversarial inputs under the loader's 5 MB size limit, built to make a backtracking
   recogniser blow up (long runs of newlines, quoted grade words, "AFI 1 -" lines, "good"
   words, names, dates ...): seconds per MB at two sizes, and how the time grows with the size
   (linear is about 4x for 4x the input; quadratic would be 16x).
Times are CPU seconds of this process (time.process_time), so other work on a shared machine
does not count against the parser. Targets: every shape under 1 s per MB, the whole practice set
under 1 s. It writes a markdown report (docs/parser-benchmark.md by default) and exits 1 when a
target is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import time
from pathlib import Path

from devtools.benchmark import machine_description
from letters.parsing import LetterParseError, decode_letter, parse_letter

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
SETS = {
    "practice set": [REALWORLD / "letters", REALWORLD / "negatives"],
    "seeds": [ROOT / "seeds"],
    "fixture letters": [ROOT / "tests" / "fixtures" / "letters"],
}
# Units repeated to fill the input; each is what some recogniser repeats or scans for.
ADVERSARIAL = {
    "newlines": "\n",
    "blank lines with spaces": " \n",
    "quoted grade words": "'good' ",
    "quoted grade words, mixed": "\"outstanding\" 'adequate' \u201crequires improvement\u201d ",
    "grade words": "good ",
    "grade words and areas": "good preventing crime adequate investigating crime ",
    "AFI lines": "AFI 1 -\n",
    "AFI labels": "AFI 1 - ",
    "numbered items": "1. ",
    "dates": "11th April ",
    "capitalised names": "Jane Smith ",
    "names that speak": "Jane Smith said ",
    "titles": "Police and Crime Commissioner ",
    "salutations": "Dear ",
    "pipes": "| ",
    "hyphens": "- ",
    "dots": ". ",
    "quotes": "'\"\u201c",
    "letters": "a",
    "spaces": " ",
    # Hard-wrapped prose: every line is unwrapped for names and is a candidate table row.
    "wrapped prose": "Police and Crime Commissioner Jane Smith said the force was good at\n",
    "wrapped rows": "How effectively does the force keep people\nsafe?Good\n",
    # Shapes that once took seconds per megabyte or grew with the square of the size (issue 10).
    "numbers": "1 2 3 4 ",
    "areas": "preventing crime and ",
    "page furniture": "Skip to content\nHide Ad\n",
    "captions twice": "Jane SmithJane Smith\n",
    "dates then spaces": "11th April 2023" + " " * 50,
}
TARGET_S_PER_MB = 1.0
TARGET_PRACTICE_S = 1.0


def _log(message: str) -> None:
    sys.stderr.write(f"[parse-bench] {message}\n")
    sys.stderr.flush()


def _files(folders: list[Path]) -> list[Path]:
    return sorted(path for folder in folders for path in folder.glob("*.txt"))


def time_set(paths: list[Path]) -> tuple[float, list[dict]]:
    """CPU seconds to parse every file (best of three), and their contract entries."""
    texts = [(path, decode_letter(path.read_bytes(), source=str(path))[0]) for path in paths]
    best = float("inf")
    entries: list[dict] = []
    for _ in range(3):
        started = time.process_time()
        entries = [
            parse_letter(text, source=str(path)).to_contract(source=str(path), sha256="")
            for path, text in texts
        ]
        best = min(best, time.process_time() - started)
    return best, entries


def adversarial_text(unit: str, size: int) -> str:
    body = unit * (size // len(unit))
    signature = "Yours sincerely,\n\nJane Smith\nPolice and Crime Commissioner\n"
    return f"Dear Mr Smith,\n\n{body}\n\n{signature}"


def time_text(text: str, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        with contextlib.suppress(LetterParseError):
            parse_letter(text)
        best = min(best, time.process_time() - started)
    return best


def bench_adversarial(large: int) -> list[dict]:
    rows = []
    small = large // 4
    for name, unit in ADVERSARIAL.items():
        small_s = time_text(adversarial_text(unit, small), repeat=2)
        text = adversarial_text(unit, large)
        large_s = time_text(text)
        megabytes = len(text.encode("utf-8")) / 1_000_000
        rows.append(
            {
                "shape": name,
                "unit": unit,
                "megabytes": megabytes,
                "seconds": large_s,
                "s_per_mb": large_s / megabytes,
                "growth": large_s / max(small_s, 1e-6),
            }
        )
        _log(f"{name}: {large_s / megabytes:.2f} s/MB")
    return rows


def render_report(data: dict) -> str:
    from tests.scoring import score_all  # noqa: PLC0415 - the suite's scorer, same figures

    lines = [
        "# Parser benchmark",
        "",
        f"Run on {data['date']} on {data['machine']} with `make bench` "
        f"(`python -m devtools.parse_bench`), load average {data['load']} (CPU times, so a "
        "busy machine slows them less than wall-clock ones).",
        "",
        "## Letters",
        "",
        "Times are CPU seconds of the benchmark's process (best of three for the sets).",
        "",
        "| set | texts | parse time (s, best of 3) | ms per text |",
        "|---|---|---|---|",
    ]
    for name, (seconds, entries) in data["sets"].items():
        lines.append(
            f"| {name} | {len(entries)} | {seconds:.3f} | {1000 * seconds / len(entries):.1f} |"
        )
    truth = data["truth"]
    result = score_all(data["sets"]["practice set"][1], truth)
    lines += ["", "## Practice set scores", "", "```", result.summary(), "```", ""]
    lines += [
        "## Adversarial inputs",
        "",
        f"Each unit repeated to {data['large'] / 1_000_000:.1f} MB inside a minimal letter; growth "
        "is the time at that size over the time at a quarter of it (linear is about 4x).",
        "",
        "| shape | unit | MB | seconds | s per MB | growth (4x input) |",
        "|---|---|---|---|---|---|",
    ]
    for row in data["adversarial"]:
        unit = repr(row["unit"]).replace("|", "\\|")
        lines.append(
            f"| {row['shape']} | `{unit}` | {row['megabytes']:.2f} | {row['seconds']:.2f} "
            f"| {row['s_per_mb']:.2f} | {row['growth']:.1f}x |"
        )
    worst = max(data["adversarial"], key=lambda row: row["s_per_mb"])
    practice = data["sets"]["practice set"][0]
    lines += [
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "|---|---|---|",
        f"| every adversarial shape < {TARGET_S_PER_MB:.0f} s per MB | {worst['s_per_mb']:.2f} "
        f"s/MB ({worst['shape']}) | {_mark(worst['s_per_mb'] < TARGET_S_PER_MB)} |",
        f"| the whole practice set < {TARGET_PRACTICE_S:.0f} s | {practice:.2f} s "
        f"| {_mark(practice < TARGET_PRACTICE_S)} |",
        "",
    ]
    return "\n".join(lines)


# Sections written by hand (the held-out sets' figures, measured once and never regenerated)
# follow this line in the report, and a new run keeps them.
KEEP_MARKER = "<!-- written by hand below: make bench-parser keeps it -->"


def _kept_tail(report: Path) -> str:
    try:
        text = report.read_text(encoding="utf-8")
    except OSError:
        return ""
    at = text.find(KEEP_MARKER)
    return "\n" + text[at:] if at >= 0 else ""


def _mark(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main(argv: list[str] | None = None) -> int:
    import json

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0, help="adversarial input size")
    parser.add_argument("--report", type=Path, default=ROOT / "docs" / "parser-benchmark.md")
    args = parser.parse_args(argv)

    sets = {}
    for name, folders in SETS.items():
        _log(f"parsing the {name}")
        sets[name] = time_set(_files(folders))
    large = int(args.megabytes * 1_000_000)
    data = {
        "date": dt.date.today().isoformat(),
        "machine": machine_description(),
        "load": " / ".join(f"{value:.1f}" for value in os.getloadavg()),
        "sets": sets,
        "truth": json.loads((REALWORLD / "truth.json").read_text(encoding="utf-8")),
        "large": large,
        "adversarial": bench_adversarial(large),
    }
    report = render_report(data) + _kept_tail(args.report)
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(report, encoding="utf-8")
    sys.stdout.write(report)
    worst = max(row["s_per_mb"] for row in data["adversarial"])
    met = worst < TARGET_S_PER_MB and sets["practice set"][0] < TARGET_PRACTICE_S
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
