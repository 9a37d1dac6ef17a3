"""Score extraction-contract letters against a truth file, as score_extraction.py does.

The suite imports ``score``/``score_all`` so that it asserts the same numbers the project's
scorer (/work/shared/tools/score_extraction.py) prints: scalars compare after normalising (NFKC,
plain quotes and dashes, folded whitespace, case, a trailing full stop), grades and AFIs by F1
over sets, ``grades_optional`` forgiven, each AFI response by the words it must begin with, and
``pcc_response`` (absent counts as true). Besides the overall score it gives the *informative*
score (only fields whose true value is stated), grade precision and recall, and how many texts
were classified right as a commissioner's response or not.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
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
# The per-field table groups grades, AFIs and the response flag under these names.
FIELDS = (*SCALARS, "grades", "afis", "afi_responses", "pcc_response")


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
        name = key.split(".")[1]
        return name in inspection, inspection.get(name)
    return key in want, want.get(key)


def load_truth(directory) -> dict:
    """The truth file for a folder of letters: seeds/ -> tests/fixtures/seeds-truth.json."""
    path = Path(__file__).resolve().parent / "fixtures" / f"{Path(directory).name}-truth.json"
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass
class FieldScore:
    """Points and fields for one field, over every letter (informative: true value stated)."""

    points: float = 0.0
    fields: int = 0
    informative_points: float = 0.0
    informative_fields: int = 0

    def add(self, value: float, *, informative: bool) -> None:
        self.points += value
        self.fields += 1
        if informative:
            self.informative_points += value
            self.informative_fields += 1

    @property
    def percent(self) -> float:
        return 100.0 * self.points / self.fields if self.fields else 100.0


@dataclass
class Score:
    points: float = 0.0
    fields: int = 0
    informative_points: float = 0.0
    informative_fields: int = 0
    grades_expected: int = 0
    grades_extracted: int = 0
    grades_right: int = 0
    responses_right: int = 0
    responses_total: int = 0
    responses_negative: int = 0
    letters: int = 0
    mismatches: list[str] = field(default_factory=list)
    by_field: dict[str, FieldScore] = field(default_factory=dict)

    def add(self, name: str, value: float, *, informative: bool) -> None:
        self.points += value
        self.fields += 1
        if informative:
            self.informative_points += value
            self.informative_fields += 1
        self.by_field.setdefault(name, FieldScore()).add(value, informative=informative)

    @property
    def percent(self) -> float:
        return 100.0 * self.points / self.fields if self.fields else 0.0

    @property
    def informative(self) -> float:
        if not self.informative_fields:
            return 0.0
        return 100.0 * self.informative_points / self.informative_fields

    @property
    def precision(self) -> float:
        if self.grades_extracted:
            return self.grades_right / self.grades_extracted
        return 1.0 if not self.grades_expected else 0.0

    @property
    def recall(self) -> float:
        return self.grades_right / self.grades_expected if self.grades_expected else 1.0

    def summary(self) -> str:
        """The scorer's summary lines, then one line per field."""
        lines = [
            f"informative: {self.informative:.1f}% ({self.informative_fields} fields)",
            f"grades: precision {self.precision:.2f}, recall {self.recall:.2f} "
            f"({self.grades_expected} expected, {self.grades_extracted} extracted, "
            f"{self.grades_right} right)",
            f"pcc_response: {self.responses_right}/{self.responses_total} texts classified right "
            f"({self.responses_negative} of them not responses)",
            f"score: {self.percent:.1f}% ({self.fields} fields, {self.letters} letters)",
            "",
            f"{'field':<30}{'score':>8}{'fields':>8}{'informative':>13}{'stated':>8}",
        ]
        for name in FIELDS:
            part = self.by_field.get(name)
            if part is None:
                continue
            informative = (
                100.0 * part.informative_points / part.informative_fields
                if part.informative_fields
                else 100.0
            )
            lines.append(
                f"{name:<30}{part.percent:>7.1f}%{part.fields:>8}{informative:>12.1f}%"
                f"{part.informative_fields:>8}"
            )
        return "\n".join(lines)


def _score_scalars(result: Score, name: str, want: dict, got: dict) -> None:
    for key in SCALARS:
        present, expected = _expected(want, key)
        if not present:
            continue
        actual = pick(got, key)
        ok = norm(expected) == norm(actual)
        result.add(key, float(ok), informative=expected is not None)
        if not ok:
            result.mismatches.append(f"{name}: {key}: expected {expected!r}, got {actual!r}")


def _score_grades(result: Score, name: str, want: dict, got: dict) -> None:
    wanted = {(norm(a), norm(g)) for a, g in want["grades"]}
    optional = {(norm(a), norm(g)) for a, g in want.get("grades_optional", [])}
    found = {(norm(g.get("area")), norm(g.get("grade"))) for g in got.get("grades", [])}
    scored = found - (optional - wanted)
    value = f1(wanted, scored)
    result.add("grades", value, informative=bool(wanted))
    result.grades_expected += len(wanted)
    result.grades_extracted += len(scored)
    result.grades_right += len(wanted & scored)
    if value < 1:
        result.mismatches.append(
            f"{name}: grades F1 {value:.2f}: expected {sorted(wanted)}, got {sorted(found)}"
        )


def _score_afi_responses(result: Score, name: str, want: dict, got: dict) -> None:
    # Each response must begin with the words the truth gives (the rest is not scored).
    responses = {
        a.get("number"): norm(a.get("response") or "") for a in got.get("areas_for_improvement", [])
    }
    pairs = want["afi_responses"]
    wrong = [n for n, start in pairs if not (responses.get(n) or "").startswith(norm(start))]
    value = (len(pairs) - len(wrong)) / len(pairs) if pairs else 1.0
    result.add("afi_responses", value, informative=bool(pairs))
    if wrong:
        result.mismatches.append(
            f"{name}: AFI responses {len(pairs) - len(wrong)}/{len(pairs)}: wrong or missing "
            f"for {wrong}"
        )


def _score_afis(result: Score, name: str, want: dict, got: dict) -> None:
    wanted = [(n, norm(t)) for n, t in want["afis"]]
    found = [(a.get("number"), norm(a.get("text"))) for a in got.get("areas_for_improvement", [])]
    value = f1(wanted, found)
    result.add("afis", value, informative=bool(wanted))
    if value < 1:
        missing = sorted(set(wanted) - set(found))
        extra = sorted(set(found) - set(wanted))
        result.mismatches.append(
            f"{name}: AFIs F1 {value:.2f}: missing {missing}, unexpected {extra}"
        )


def _score_response(result: Score, name: str, want: dict, got: dict | None) -> None:
    expected = want["pcc_response"]
    result.responses_total += 1
    result.responses_negative += expected is False
    if got is None:
        return
    actual = got.get("pcc_response", True)
    ok = bool(expected) == bool(actual)
    result.add("pcc_response", float(ok), informative=True)
    result.responses_right += ok
    if not ok:
        result.mismatches.append(f"{name}: pcc_response: expected {expected!r}, got {actual!r}")


def _missing(result: Score, name: str, want: dict) -> None:
    """A letter the extraction lacks scores nothing for every field its truth has."""
    keys = [key for key in SCALARS if _expected(want, key)[0]]
    keys += [key for key in ("grades", "afis", "afi_responses", "pcc_response") if key in want]
    for key in keys:
        result.points += 0
        result.fields += 1
        result.by_field.setdefault(key, FieldScore()).fields += 1
    result.mismatches.append(f"{name}: missing from the extraction")


def score_all(extraction_letters, truth: dict) -> Score:
    """Every score_extraction.py figure for extraction-contract letters against ``truth``.

    ``extraction_letters`` is the ``letters`` list, or the whole ``--json`` document.
    """
    if isinstance(extraction_letters, dict):
        extraction_letters = extraction_letters.get("letters", [])
    by_name = {PurePath(letter.get("source", "")).name: letter for letter in extraction_letters}
    result = Score(letters=len(truth))
    for name, want in sorted(truth.items()):
        got = by_name.get(name)
        if "pcc_response" in want:
            _score_response(result, name, want, got)
        if got is None:
            _missing(result, name, want)
            continue
        _score_scalars(result, name, want, got)
        if "grades" in want:
            _score_grades(result, name, want, got)
        if "afi_responses" in want:
            _score_afi_responses(result, name, want, got)
        if "afis" in want:
            _score_afis(result, name, want, got)
    return result


def score(extraction_letters, truth: dict) -> tuple[float, list[str]]:
    """(percent, mismatches) of extraction-contract letters against ``truth``."""
    result = score_all(extraction_letters, truth)
    return result.percent, result.mismatches


def extract(path) -> dict:
    """A letter file read as ``load_letters --dry-run --json`` reads it: decode, parse, contract."""
    import hashlib

    from letters.parsing import decode_letter, parse_letter

    data = path.read_bytes()
    text, _ = decode_letter(data, source=str(path))
    parsed = parse_letter(text, source=str(path))
    return parsed.to_contract(source=str(path), sha256=hashlib.sha256(data).hexdigest())


def hard_wrapped(text: str, width: int) -> str:
    """Each line longer than ``width`` broken at spaces into lines of at most ``width``, as a
    PDF's text layer or a plain-text email prints a paragraph."""
    import textwrap

    lines = []
    for line in text.split("\n"):
        if len(line) <= width:
            lines.append(line)
            continue
        lines.extend(
            textwrap.wrap(
                line,
                width,
                break_long_words=False,
                break_on_hyphens=False,
                replace_whitespace=False,
            )
            or [line]
        )
    return "\n".join(lines)


def extract_wrapped(path, width: int) -> dict:
    """``extract`` of the letter hard-wrapped to ``width``."""
    from letters.parsing import decode_letter, parse_letter

    text, _ = decode_letter(path.read_bytes(), source=str(path))
    parsed = parse_letter(hard_wrapped(text, width), source=str(path))
    return parsed.to_contract(source=str(path), sha256="")
