"""Score extraction-contract letters against a truth file, as score_extraction.py does.

The suite imports ``score`` so that it asserts the same number the project's scorer prints:
scalars compare after normalising (NFKC, plain quotes and dashes, folded whitespace, case, a
trailing full stop), grades and AFIs by F1 over sets, ``grades_optional`` forgiven.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path, PurePath

SCALARS = (
    "date",
    "reference",
    "force",
    "commissioner",
    "recipient",
    "inspection.kind",
    "inspection.period",
    "inspection.published",
    "causes_of_concern_count",
    "areas_for_improvement_count",
)


def norm(value):
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).replace("\u2019", "'").replace("\u2013", "-")
        return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()
    return value


def pick(letter: dict, dotted: str):
    node = letter
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    if dotted in ("commissioner", "recipient") and isinstance(node, dict):
        node = node.get("name")
    return node


def f1(expected, got) -> float:
    expected, got = set(expected), set(got)
    if not expected and not got:
        return 1.0
    hits = len(expected & got)
    if not hits:
        return 0.0
    precision, recall = hits / len(got), hits / len(expected)
    return 2 * precision * recall / (precision + recall)


def _expected(want: dict, key: str):
    """(present, value) of a scalar in a truth record."""
    if key.startswith("inspection."):
        inspection = want.get("inspection", {})
        field = key.split(".")[1]
        return field in inspection, inspection.get(field)
    return key in want, want.get(key)


def load_truth(directory) -> dict:
    """The truth file for a folder of letters: seeds/ -> tests/fixtures/seeds-truth.json."""
    path = Path(__file__).resolve().parent / "fixtures" / f"{Path(directory).name}-truth.json"
    return json.loads(path.read_text(encoding="utf-8"))


def score(extraction_letters, truth: dict) -> tuple[float, list[str]]:
    """(percent, mismatches) of extraction-contract letters against ``truth``.

    ``extraction_letters`` is the ``letters`` list, or the whole ``--json`` document.
    """
    if isinstance(extraction_letters, dict):
        extraction_letters = extraction_letters.get("letters", [])
    by_name = {PurePath(letter.get("source", "")).name: letter for letter in extraction_letters}
    points, fields = 0.0, 0
    mismatches: list[str] = []
    for name, want in sorted(truth.items()):
        got = by_name.get(name)
        if got is None:
            fields += sum(1 for key in SCALARS if _expected(want, key)[0])
            fields += ("grades" in want) + ("afis" in want)
            mismatches.append(f"{name}: missing from the extraction")
            continue
        for key in SCALARS:
            present, expected = _expected(want, key)
            if not present:
                continue
            actual = pick(got, key)
            ok = norm(expected) == norm(actual)
            points += ok
            fields += 1
            if not ok:
                mismatches.append(f"{name}: {key}: expected {expected!r}, got {actual!r}")
        if "grades" in want:
            wanted = {(norm(a), norm(g)) for a, g in want["grades"]}
            optional = {(norm(a), norm(g)) for a, g in want.get("grades_optional", [])}
            found = {(norm(g.get("area")), norm(g.get("grade"))) for g in got.get("grades", [])}
            value = f1(wanted, found - (optional - wanted))
            points += value
            fields += 1
            if value < 1:
                mismatches.append(
                    f"{name}: grades F1 {value:.2f}: expected {sorted(wanted)}, got {sorted(found)}"
                )
        if "afis" in want:
            wanted = [(n, norm(t)) for n, t in want["afis"]]
            found = [
                (a.get("number"), norm(a.get("text"))) for a in got.get("areas_for_improvement", [])
            ]
            value = f1(wanted, found)
            points += value
            fields += 1
            if value < 1:
                missing = sorted(set(wanted) - set(found))
                extra = sorted(set(found) - set(wanted))
                mismatches.append(
                    f"{name}: AFIs F1 {value:.2f}: missing {missing}, unexpected {extra}"
                )
    percent = 100.0 * points / fields if fields else 0.0
    return percent, mismatches


def extract(path) -> dict:
    """A letter file read as ``load_letters --dry-run --json`` reads it: decode, parse, contract."""
    import hashlib

    from letters.parsing import decode_letter, parse_letter

    data = path.read_bytes()
    text, _ = decode_letter(data, source=str(path))
    parsed = parse_letter(text, source=str(path))
    return parsed.to_contract(source=str(path), sha256=hashlib.sha256(data).hexdigest())
