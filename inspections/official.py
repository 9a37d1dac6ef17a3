"""The inspectorate's own PEEL grades, read from reference CSVs (data/reference/README.md).

    summary = import_grades(["data/reference/peel_pillar_grades_2015_2019.csv", ...])

Two kinds of file, told apart by their columns:
- pillar grades (2015-2019): one row per force and cycle, a grade per pillar column; each
  graded pillar is an OfficialGrade;
- grade counts (2021-25): one row per force and cycle with a count per grade (an
  OfficialGradeCount) and, where the source names them, "area=grade; ..." pairs, each an
  OfficialGrade.

The rules are the commissioner registry's, shared in inspections.csvimport:
- idempotent: a row is found again by force, cycle and the area's name as the file writes it;
- a bad row is refused with its file, line and reason and the other rows still load; a file
  that cannot be read at all (missing, not UTF-8 CSV, neither kind's columns) is named with
  the reason and the other files still load;
- what a person corrected in the admin (``edited_fields``) is kept, and each disagreement with
  the file is reported;
- an area whose wording the vocabulary does not know is kept as written, with a warning, on no
  area's column: never guessed;
- a row no longer in a file read whole without a refusal is removed, unless a person edited it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from rapidfuzz import fuzz

from pccsite.caching import bump_data_version, deferred_bumps

from . import csvimport
from . import vocabulary as vocab
from .csvimport import CuratedWriter, FileError, Summary, collect
from .models import Force, OfficialGrade, OfficialGradeCount

PROVENANCE = ("source_url", "checked", "note")
PILLAR_COLUMNS = ("force", "cycle", "effectiveness", "efficiency", "legitimacy", "page_version")
COUNT_COLUMNS = ("force", "cycle", "n_areas_graded", "outstanding", "good", "adequate")
COUNT_COLUMNS += ("requires_improvement", "inadequate", "named_areas")
PILLAR_FILE = (*PILLAR_COLUMNS, *PROVENANCE)
COUNT_FILE = (*COUNT_COLUMNS, *PROVENANCE)
GRADE_FIELDS = ("area", "grade", "grade_as_written", "page_version", *PROVENANCE)
COUNT_FIELDS = ("areas_graded", *(g.replace("-", "_") for g in vocab.FIVE_POINT), "named_areas")
COUNT_FIELDS += PROVENANCE
# Where a row was read: kept up to date, never counted as a change of what it says.
ORIGIN = ("source_file", "source_line")
NOT_GRADED = "not graded"
_URL = re.compile(r"https?://\S+")
_YES = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}
_FORCES = {name.casefold(): force.name for force in vocab.FORCES for name in force.all_names}
# Grade words as sources write them: "RI" is the press's short form of requires improvement.
_GRADE_WORDS = {
    "outstanding": "outstanding",
    "good": "good",
    "adequate": "adequate",
    "requires improvement": "requires-improvement",
    "requires-improvement": "requires-improvement",
    "ri": "requires-improvement",
    "inadequate": "inadequate",
}
_GRADE_AT_START = re.compile(
    r"(?P<word>requires[ -]improvement|outstanding|adequate|inadequate|good|ri)\b(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
# Every word of a source's area name found in exactly one area's name is that area ("managing
# suspects/offenders" is "Managing offenders and suspects"); a lower score, or two areas
# scoring alike, is not a match.
AREA_MATCH_SCORE = 100
# Press releases' wordings of an area that neither the vocabulary's names nor the word test
# reach, each read against the report it describes (kept here, not in the vocabulary, which
# the letter parser reads too).
SOURCE_WORDINGS = {
    "police powers and treating the public fairly and respectfully": "treatment-of-the-public",
    "treating the public fairly and with respect": "treatment-of-the-public",
}


class GradesError(FileError):
    """A file that cannot be read as reference grades at all."""


@dataclass
class Parsed:
    """One valid row: its grades (key, values) and, for a counts row, its counts."""

    source: str
    line: int
    force: str
    cycle: str
    grades: list[tuple[str, dict]]
    counts: dict | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.force}|{self.cycle}"


@dataclass
class GradesSummary(Summary):
    unverified: int = 0
    warnings: list[str] = field(default_factory=list)

    def __str__(self):
        return (
            f"{self.counted()}: {self.created} grades and counts created, "
            f"{self.updated} updated, {self.unchanged} unchanged, {self.removed} removed "
            f"({self.unverified} rows unverified), {len(self.refused)} rows refused, "
            f"{len(self.failed)} files unreadable, {len(self.warnings)} warnings, "
            f"{len(self.conflicts)} conflicts"
        )


def import_grades(paths: Iterable[str | os.PathLike]) -> GradesSummary:
    """Read every file, then write the valid rows in one transaction."""
    summary = GradesSummary()
    rows, whole = collect(paths, summary, read_rows, "the same force and cycle as")
    for row in rows:
        summary.warnings.extend(row.warnings)
    summary.unverified = sum(1 for row in rows if not _verified(row))
    with transaction.atomic(), deferred_bumps():
        _Writer(summary).write(rows, whole)
        bump_data_version()
    return summary


def _verified(row: Parsed) -> bool:
    values = row.counts if row.counts is not None else row.grades[0][1] if row.grades else {}
    return bool(values.get("checked") and values.get("source_url"))


def read_rows(source: str):
    """Every row of one file: Parsed when valid, else Refused with the reason."""
    return csvimport.read_rows(source, _parser_for, GradesError)


def _parser_for(source: str, header: list[str]):
    if "effectiveness" in header:
        kind, columns, parse = "pillar grades", PILLAR_FILE, parse_pillar_row
    elif "named_areas" in header:
        kind, columns, parse = "grade counts", COUNT_FILE, parse_count_row
    else:
        raise GradesError(
            f"{source}: neither pillar grades (columns {', '.join(PILLAR_FILE)}) nor grade "
            f"counts (columns {', '.join(COUNT_FILE)})"
        )
    missing = [column for column in columns if column not in header]
    if missing:
        raise GradesError(f"{source}: a file of {kind} missing columns: {', '.join(missing)}")
    return parse


def _common(values: dict, scale: tuple[str, ...]) -> tuple[str, str, dict]:
    """The force, the cycle and the provenance of a row of either kind, checked."""
    force = _FORCES.get(values["force"].casefold())
    if force is None:
        raise ValueError(f"unknown force {values['force']!r}")
    cycle = vocab.cycle_for("peel", values["cycle"])
    framework = vocab.framework_of_cycle(cycle)
    if cycle not in vocab.PEEL_CYCLES or framework is None or framework.scale != scale:
        raise ValueError(f"cycle {values['cycle']!r} is not a PEEL cycle of this file's grades")
    url = values["source_url"]
    if url and not _URL.fullmatch(url):
        raise ValueError(f"source_url {url!r} is not a web address")
    checked = _YES.get(values["checked"].casefold())
    if checked is None:
        raise ValueError(f"checked {values['checked']!r} is neither yes nor no")
    if checked and not url:
        raise ValueError("checked yes but no source_url: a checked row names its page")
    return force, cycle, {"source_url": url, "checked": checked, "note": values["note"]}


def parse_pillar_row(source: str, line: int, values: dict) -> Parsed:
    """A pillar row: a grade per pillar; an empty cell is a pillar the page had not graded."""
    force, cycle, provenance = _common(values, vocab.FOUR_POINT)
    grades = []
    for term in vocab.PILLARS:
        written = values[term.key]
        if not written:
            continue
        if written.casefold() == NOT_GRADED:
            grade = ""
        else:
            grade = _grade(written, term.key, vocab.FOUR_POINT)
        grades.append(
            (
                term.key,
                {
                    "area": term.key,
                    "grade": grade,
                    "grade_as_written": written,
                    "page_version": values["page_version"][:100],
                    **provenance,
                },
            )
        )
    return Parsed(source, line, force, cycle, grades)


def parse_count_row(source: str, line: int, values: dict) -> Parsed:
    """A counts row: its counts, and a grade for each "area=grade" pair it names."""
    force, cycle, provenance = _common(values, vocab.FIVE_POINT)
    counts = {"areas_graded": _count(values, "n_areas_graded")}
    for grade in vocab.FIVE_POINT:
        column = grade.replace("-", "_")
        counts[column] = _count(values, column)
    counts["named_areas"] = values["named_areas"]
    counts.update(provenance)
    parsed = Parsed(source, line, force, cycle, [], counts)
    given = [counts[g.replace("-", "_")] for g in vocab.FIVE_POINT]
    total = sum(n for n in given if n is not None)
    if counts["areas_graded"] is not None and (
        total > counts["areas_graded"] or (None not in given and total != counts["areas_graded"])
    ):
        parsed.warnings.append(
            f"{source}:{line}: the counts add up to {total}, not the {counts['areas_graded']} "
            "areas graded: kept as the source gives them"
        )
    framework = vocab.framework_of_cycle(cycle)
    for written, grade_text in _pairs(source, line, values["named_areas"], parsed.warnings):
        if any(name.casefold() == written.casefold() for name, _ in parsed.grades):
            parsed.warnings.append(f"{source}:{line}: area {written!r} named twice: first kept")
            continue
        grade = _grade(grade_text, written, vocab.FIVE_POINT)
        area = area_key(written, framework)
        same = next((w for w, values in parsed.grades if area and values["area"] == area), None)
        if same is not None:
            parsed.warnings.append(
                f"{source}:{line}: {written!r} and {same!r} both name "
                f"{vocab.AREA_LABELS[area]}: pages show the first"
            )
        if not area:
            parsed.warnings.append(
                f"{source}:{line}: area {written!r} is not one the vocabulary knows for "
                f"{vocab.cycle_label(cycle)}: kept as written, on no area's column"
            )
        parsed.grades.append(
            (
                written,
                {
                    "area": area,
                    "grade": grade,
                    "grade_as_written": grade_text[:200],
                    "page_version": "",
                    **provenance,
                },
            )
        )
    return parsed


def _pairs(source: str, line: int, text: str, warnings: list[str]):
    """("area as written", "grade as written") for each "area=grade" of ``named_areas``."""
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            warnings.append(
                f"{source}:{line}: {part!r} in named_areas is not an area=grade pair: kept "
                "only in the row's named_areas"
            )
            continue
        written, _, grade = part.partition("=")
        if not written.strip():
            raise ValueError(f"named_areas {part!r} names no area")
        yield " ".join(written.split())[:300], grade.strip()


def _grade(text: str, where: str, scale: tuple[str, ...]) -> str:
    """The grade key of a grade as a source writes it ("RI", "inadequate (plus ...)")."""
    match = _GRADE_AT_START.fullmatch(text.strip())
    grade = _GRADE_WORDS.get(match.group("word").casefold()) if match else None
    if grade is None:
        raise ValueError(f"{where}: {text!r} is not a grade")
    if grade not in scale:
        words = ", ".join(vocab.GRADE_LABELS[g].lower() for g in scale)
        raise ValueError(f"{where}: {text!r} is not on this cycle's scale ({words})")
    return grade


def _count(values: dict, column: str) -> int | None:
    text = values[column]
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"{column} {text!r} is not a whole number")
    return int(text)


def _normal(text: str) -> str:
    text = text.casefold().replace("&", " and ").replace("/", " ")
    text = re.sub(r"\basb\b", "antisocial behaviour", text).replace("anti-social", "antisocial")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def area_key(written: str, framework: vocab.Framework | None) -> str:
    """The framework's area a source's wording names, or "" when it names none for sure.

    Exact names and aliases first; then every word of the wording found in one area's name
    and in no other area's (rapidfuzz's token set ratio at 100). Anything less is left
    unmapped for a person to read, never guessed.
    """
    if framework is None:
        return ""
    keys = (*vocab.FRAMEWORK_AREAS.get(framework.key, ()),)
    keys += vocab.FRAMEWORK_EXTRA_AREAS.get(framework.key, ())
    terms = [term for term in (*vocab.AREAS, *vocab.PILLARS) if term.key in keys]
    wording = _normal(written)
    if SOURCE_WORDINGS.get(wording) in keys:
        return SOURCE_WORDINGS[wording]
    for term in terms:
        if wording in {_normal(name) for name in (term.label, *term.all_names)}:
            return term.key
    best = {
        term.key: max(
            fuzz.token_set_ratio(wording, _normal(name)) for name in (term.label, *term.all_names)
        )
        for term in terms
    }
    matched = [key for key, score in best.items() if score >= AREA_MATCH_SCORE]
    return matched[0] if len(matched) == 1 else ""


class _Writer(CuratedWriter):
    """Writes the valid rows around what people corrected."""

    def __init__(self, summary: GradesSummary):
        super().__init__(summary)
        self.forces = {force.name: force for force in Force.objects.all()}
        self.grades = {
            (row.force_id, row.cycle, row.area_as_written.casefold()): row
            for row in OfficialGrade.objects.all()
        }
        self.counts = {(row.force_id, row.cycle): row for row in OfficialGradeCount.objects.all()}

    def write(self, rows: list[Parsed], whole_files: list[str]) -> None:
        new_grades, new_counts, seen = [], [], set()
        for row in rows:
            force = self.forces[row.force]
            origin = {"source_file": os.path.basename(row.source), "source_line": row.line}
            for written, values in row.grades:
                key = (force.pk, row.cycle, written.casefold())
                seen.add(("grade", key))
                fields = {**values, **origin}
                if (existing := self.grades.get(key)) is not None:
                    self._update(existing, fields, GRADE_FIELDS, ORIGIN, row)
                else:
                    new_grades.append(
                        OfficialGrade(
                            force=force, cycle=row.cycle, area_as_written=written, **fields
                        )
                    )
            if row.counts is not None:
                key = (force.pk, row.cycle)
                seen.add(("count", key))
                fields = {**row.counts, **origin}
                if (existing := self.counts.get(key)) is not None:
                    self._update(existing, fields, COUNT_FIELDS, ORIGIN, row)
                else:
                    new_counts.append(OfficialGradeCount(force=force, cycle=row.cycle, **fields))
        OfficialGrade.objects.bulk_create(new_grades)
        OfficialGradeCount.objects.bulk_create(new_counts)
        self.summary.created += len(new_grades) + len(new_counts)
        self._remove_stale(seen, whole_files)

    def _remove_stale(self, seen: set, whole_files: list[str]) -> None:
        stale = [
            row
            for kind, rows in (("grade", self.grades), ("count", self.counts))
            for key, row in rows.items()
            if (kind, key) not in seen and row.source_file in whole_files
        ]
        for row in stale:
            if row.edited_fields:
                self.summary.conflicts.append(
                    f"{row.source_file}: kept {row._meta.verbose_name} {row.pk} ({row}), "
                    "corrected by a person; the file no longer lists it"
                )
                continue
            row.delete()
            self.summary.removed += 1
