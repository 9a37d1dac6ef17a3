"""Compare what the parser reads from a built document with what it reads from the .txt."""

from __future__ import annotations

import re
from pathlib import Path

from letters.parsing import decode_letter, parse_letter

ROOT = Path(__file__).resolve().parents[3]
LETTER_PATHS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "tests/fixtures/letters").glob("*.txt")
)


def letter_text(path: Path) -> str:
    text, _ = decode_letter(path.read_bytes(), source=str(path))
    return text


def contract(text: str, name: str) -> dict:
    return parse_letter(text, source=name).to_contract(source=name, sha256="")


def folded(value):
    """A contract without source and sha256, whitespace folded: a quote may span a wrap."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip()
    if isinstance(value, dict):
        return {k: folded(v) for k, v in value.items() if k not in ("source", "sha256")}
    if isinstance(value, list):
        return [folded(v) for v in value]
    return value


def differences(expected: dict, got: dict) -> dict:
    """The contract fields that differ: {field: (from the .txt, from the document)}."""
    expected, got = folded(expected), folded(got)
    return {key: (expected[key], got.get(key)) for key in expected if expected[key] != got.get(key)}


def facts(letter: dict) -> dict:
    """What must survive OCR: the force, the date and the grades."""
    return {
        "force": letter["force"],
        "date": letter["date"],
        "grades": sorted((g["area"], g["grade"]) for g in letter["grades"]),
    }
