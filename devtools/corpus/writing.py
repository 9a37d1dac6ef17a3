"""Write a generated corpus to a folder: one .txt per letter and DIR/truth.json, streamed."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .generator import generate


@dataclass(frozen=True)
class WriteSummary:
    letters: int
    bytes: int
    truth_path: Path


def write_corpus(
    out_dir: Path,
    *,
    n: int,
    forces: int | Sequence[str] = 43,
    years: tuple[int, int] = (2014, 2025),
    seed: int | str = 0,
) -> WriteSummary:
    """Write ``n`` letters and their truth; memory stays flat however many letters there are.

    Each letter is written as soon as it is generated, and truth.json is written entry by entry
    (it is one JSON object keyed by file name, like seeds-truth.json).
    """
    letters = generate(n, forces, years, seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    truth_path = out_dir / "truth.json"
    total = 0
    count = 0
    with truth_path.open("w", encoding="utf-8", newline="\n") as truth_file:
        truth_file.write("{")
        for name, text, truth in letters:
            data = text.encode("utf-8")
            (out_dir / name).write_bytes(data)
            total += len(data)
            separator = "," if count else ""
            record = json.dumps(truth, ensure_ascii=False, indent=1).replace("\n", "\n ")
            truth_file.write(f"{separator}\n {json.dumps(name)}: {record}")
            count += 1
        truth_file.write("\n}\n")
    return WriteSummary(letters=count, bytes=total, truth_path=truth_path)
