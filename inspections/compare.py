"""Letters' grades beside the inspectorate's own, per force, area and PEEL cycle.

The cycle pages (/peel/<cycle>/), the area pages (/areas/<key>/), and the official grades on
the inspection and force pages all read through here: two queries (the letters' grades of the
cycles and areas asked for, and the inspectorate's), folded into one ``Cell`` per force,
cycle and area. A cell knows both grades, where each came from, and whether they disagree;
pages write it in words as well as colour.

Which grade a cell sorts and counts by: the inspectorate's where its page gives one, else the
letter's (``Cell.grade``). Movement between cycles compares one source at both ends, never a
letter's grade with a page's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from . import vocabulary as vocab
from .models import Force, Grade, OfficialGrade, OfficialGradeCount, area_order
from .templatetags.dashboard import grade_badge

LETTER = "letter"
PAGE = "inspectorate's page"
NOT_GRADED = mark_safe('<span class="grade grade--none">Not graded</span>')
UNVERIFIED = mark_safe(' <em class="unverified">unverified</em>')
# A dash keeps a phone's column narrow; the words are there for screen readers.
NO_GRADE = mark_safe(
    '<span class="muted">—<span class="visually-hidden">No grade loaded</span></span>'
)


@dataclass(frozen=True)
class LetterGrade:
    grade: str
    url: str
    inspection_id: int


@dataclass
class Cell:
    """One force's grade for one area in one cycle, from the letters and from the page."""

    letter: LetterGrade | None = None
    official: OfficialGrade | None = None

    @property
    def official_grade(self) -> str:
        return self.official.grade if self.official is not None else ""

    @property
    def letter_grade(self) -> str:
        return self.letter.grade if self.letter is not None else ""

    @property
    def grade(self) -> str:
        """The grade the cell sorts and counts by: the page's, else the letter's."""
        return self.official_grade or self.letter_grade

    @property
    def rank(self) -> int:
        return vocab.GRADE_RANK.get(self.grade, 0)

    @property
    def disagrees(self) -> bool:
        return bool(
            self.official_grade and self.letter_grade and self.official_grade != self.letter_grade
        )

    @property
    def disagreement(self) -> str:
        """ "letter: good; inspectorate's page: requires improvement", or "" when they agree."""
        if not self.disagrees:
            return ""
        return f"{LETTER}: {_word(self.letter_grade)}; {PAGE}: {_word(self.official_grade)}"

    @property
    def html(self) -> SafeString:
        """The cell in words and colour, each grade linking to its source."""
        parts = []
        if self.letter is not None:
            parts.append(
                format_html(
                    '<a href="{}" class="source">Letter</a> {}',
                    self.letter.url,
                    grade_badge(self.letter.grade),
                )
            )
        if self.official is not None:
            parts.append(official_html(self.official))
        if not parts:
            return NO_GRADE
        if self.disagrees:
            parts.append(
                format_html('<strong class="disagree">Differ: {}</strong>', self.disagreement)
            )
        return format_html_join("", '<span class="cell-line">{}</span>', ((p,) for p in parts))


def _word(grade: str) -> str:
    return vocab.GRADE_LABELS.get(grade, grade).lower() if grade else "not graded"


def official_html(official: OfficialGrade) -> SafeString:
    """ "Inspectorate [Good] unverified": "Inspectorate" links to the page where there is one."""
    badge = grade_badge(official.grade) if official.grade else NOT_GRADED
    if official.source_url:
        label = format_html('<a href="{}" class="source">Inspectorate</a>', official.source_url)
    else:
        label = "Inspectorate"
    marker = "" if official.verified else UNVERIFIED
    return format_html("{} {}{}", label, badge, marker)


@dataclass
class ForceRow:
    """A force's cells in one cycle (by area) or one area (by cycle), for a table row."""

    force: Force
    cells: dict[str, Cell] = field(default_factory=dict)
    count: OfficialGradeCount | None = None

    @property
    def region(self) -> str:
        return vocab.REGION_LABELS.get(vocab.REGION_OF_FORCE.get(self.force.slug, ""), "")

    @property
    def sort(self) -> dict[str, int]:
        """Each column's sort key: the cell's grade rank, 0 where there is none."""
        return defaultdict(int, {key: cell.rank for key, cell in self.cells.items()})

    def cell(self, key: str) -> Cell:
        return self.cells.get(key) or Cell()


def letter_grades(cycles: Iterable[str], areas: Iterable[str]) -> dict[tuple, LetterGrade]:
    """The letters' grade per (force id, cycle, area): the newest where letters differ."""
    rows = (
        Grade.objects.public()
        .dated()
        .filter(
            inspection__cycle__in=list(cycles),
            inspection__kind__in=vocab.PEEL_KINDS,
            area__in=list(areas),
        )
        .order_by(F("when").asc(nulls_first=True), "pk")
        .values_list(
            "pk",
            "inspection__force_id",
            "inspection__cycle",
            "area",
            "grade",
            "letter_id",
            "start",
            "inspection_id",
        )
    )
    letter_url = reverse("letters:letter_detail", args=[0]).replace("/0/", "/{}/")
    inspection_url = reverse("inspections:inspection_detail", args=[0]).replace("/0/", "/{}/")
    found = {}
    for pk, force_id, cycle, area, grade, letter_id, start, inspection_id in rows:
        if letter_id and start is not None:
            url = f"{letter_url.format(letter_id)}#grade-{pk}"
        elif letter_id:
            url = letter_url.format(letter_id)
        else:
            url = inspection_url.format(inspection_id)
        found[(force_id, cycle, area)] = LetterGrade(grade, url, inspection_id)
    return found


def official_grades(cycles: Iterable[str], areas: Iterable[str], force=None):
    """The inspectorate's grade per (force id, cycle, area); the first row where a page names
    one area twice over ("preventing crime" and "preventing crime and ASB")."""
    rows = OfficialGrade.objects.filter(cycle__in=list(cycles), area__in=list(areas))
    if force is not None:
        rows = rows.filter(force=force)
    found = {}
    for row in rows.order_by("source_line", "pk"):
        found.setdefault((row.force_id, row.cycle, row.area), row)
    return found


def cells(cycles, areas, force=None) -> dict[tuple, Cell]:
    """Both sources folded into one Cell per (force id, cycle, area): two queries."""
    letters = letter_grades(cycles, areas)
    if force is not None:
        letters = {key: value for key, value in letters.items() if key[0] == force.pk}
    official = official_grades(cycles, areas, force)
    return {key: Cell(letters.get(key), official.get(key)) for key in {*letters, *official}}


# --- the cycle page ----------------------------------------------------------------------------


def cycle_areas(cycle: str, found: dict[tuple, Cell] | None = None) -> list[str]:
    """The area columns of a cycle's page: its framework's areas, then the framework's
    occasional areas (serious and organised crime ...) that a loaded grade has."""
    framework = vocab.framework_of_cycle(cycle)
    areas = list(vocab.FRAMEWORK_AREAS[framework.key])
    extra = vocab.FRAMEWORK_EXTRA_AREAS.get(framework.key, ())
    present = {key[2] for key in (found or {})}
    return areas + [area for area in extra if area in present]


def cycle_rows(cycle: str, forces) -> tuple[list[ForceRow], list[str]]:
    """A row per force of ``forces`` with its cells in ``cycle``, and the area columns."""
    framework = vocab.framework_of_cycle(cycle)
    every = (
        *vocab.FRAMEWORK_AREAS[framework.key],
        *vocab.FRAMEWORK_EXTRA_AREAS.get(framework.key, ()),
    )
    found = cells([cycle], every)
    counts = {row.force_id: row for row in OfficialGradeCount.objects.filter(cycle=cycle)}
    rows = []
    for force in forces:
        row = ForceRow(force, count=counts.get(force.pk))
        for area in every:
            if (cell := found.get((force.pk, cycle, area))) is not None:
                row.cells[area] = cell
        rows.append(row)
    return rows, cycle_areas(cycle, found)


def distribution(rows: list[ForceRow], areas: list[str], scale) -> list[tuple[str, dict]]:
    """(area, {grade: number of forces}) by each cell's grade (the page's, else the letter's)."""
    table = []
    for area in areas:
        counts = dict.fromkeys(scale, 0)
        for row in rows:
            grade = row.cell(area).grade
            if grade in counts:
                counts[grade] += 1
        table.append((area, counts))
    return table


def count_totals(rows: list[ForceRow]) -> dict | None:
    """The inspectorate's counts added up over the rows that have them (2021-25), with how
    many forces that is; None where no row has counts. A count a source does not give adds
    nothing, so the totals are at least what the sources say."""
    counted = [row.count for row in rows if row.count is not None]
    if not counted:
        return None
    totals = dict.fromkeys(vocab.FIVE_POINT, 0)
    for count in counted:
        for grade, n in count.counts:
            totals[grade] += n or 0
    incomplete = sum(1 for count in counted if any(n is None for _, n in count.counts))
    return {"forces": len(counted), "totals": totals, "incomplete": incomplete}


# --- the area page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    """How a force's grade in an area moved from one cycle to the next."""

    before: str
    after: str
    direction: str  # "up", "same", "down"
    source: str  # LETTER or PAGE: the same at both ends
    across_break: bool

    @property
    def words(self) -> str:
        text = f"{self.direction} from {vocab.cycle_label(self.before)} ({self.source})"
        if self.across_break:
            text += ", across a framework change: not like for like"
        return text


def area_cycles(area: str) -> list[str]:
    """The PEEL cycles whose framework grades ``area``, oldest first."""
    return [
        cycle
        for cycle in vocab.PEEL_CYCLES
        if area
        in (
            *vocab.FRAMEWORK_AREAS[vocab.framework_of_cycle(cycle).key],
            *vocab.FRAMEWORK_EXTRA_AREAS.get(vocab.framework_of_cycle(cycle).key, ()),
        )
    ]


def move(before: str, after: str, old: Cell, new: Cell) -> Move | None:
    """The move between two cycles' cells, comparing one source at both ends (the page's
    where both have it, else the letters'); None when no source graded both."""
    for source, first, second in (
        (PAGE, old.official_grade, new.official_grade),
        (LETTER, old.letter_grade, new.letter_grade),
    ):
        if first in vocab.GRADE_RANK and second in vocab.GRADE_RANK:
            difference = vocab.GRADE_RANK[second] - vocab.GRADE_RANK[first]
            direction = "up" if difference > 0 else "down" if difference < 0 else "same"
            across = vocab.framework_of_cycle(before) != vocab.framework_of_cycle(after)
            return Move(before, after, direction, source, across)
    return None


def area_rows(area: str, forces) -> tuple[list[ForceRow], list[str], dict]:
    """A row per force with its cell per cycle, the cycles, and each cell's move from the
    cycle before (keyed by (force id, cycle))."""
    found = cells(area_cycles(area), [area])
    # A cycle nobody has a grade for (PEEL 2014 gave no pillar grades) is no column.
    cycles = [cycle for cycle in area_cycles(area) if any(key[1] == cycle for key in found)]
    rows, moves = [], {}
    for force in forces:
        row = ForceRow(force)
        for cycle in cycles:
            if (cell := found.get((force.pk, cycle, area))) is not None:
                row.cells[cycle] = cell
        for before, after in zip(cycles, cycles[1:], strict=False):
            change = move(before, after, row.cell(before), row.cell(after))
            if change is not None:
                moves[(force.pk, after)] = change
        rows.append(row)
    return rows, cycles, moves


def move_summary(cycles: list[str], moves: dict) -> list[dict]:
    """Per pair of consecutive cycles: forces up, same and down, and whether a framework
    changed between them."""
    summary = []
    for before, after in zip(cycles, cycles[1:], strict=False):
        counts = {"up": 0, "same": 0, "down": 0}
        for (_, cycle), change in moves.items():
            if cycle == after:
                counts[change.direction] += 1
        summary.append(
            {
                "before": vocab.cycle_label(before),
                "after": vocab.cycle_label(after),
                "across_break": vocab.framework_of_cycle(before) != vocab.framework_of_cycle(after),
                **counts,
            }
        )
    return summary


# --- the inspection and force pages ----------------------------------------------------------


@dataclass(frozen=True)
class Beside:
    """An area of an inspection: what its letters say and what the inspectorate's page says."""

    area: str
    official: OfficialGrade
    letter_grades: tuple[str, ...]

    @property
    def area_label(self) -> str:
        return self.official.area_label

    @property
    def html(self) -> SafeString:
        return official_html(self.official)

    @property
    def agrees(self) -> bool:
        return bool(self.official.grade) and self.letter_grades == (self.official.grade,)

    @property
    def disagreement(self) -> str:
        """ "the letter says good; the inspectorate's page says requires improvement"."""
        graded = self.official.grade
        if not graded or not self.letter_grades or graded in self.letter_grades:
            return ""
        said = " or ".join(_word(grade) for grade in self.letter_grades)
        return f"the letter says {said}; the inspectorate's page says {_word(graded)}"


def beside_inspection(inspection, grades) -> list[Beside]:
    """The inspectorate's grades of the inspection's force and cycle, beside the letters'
    ``grades`` of it (one query). A pillar report is compared on its own pillar only."""
    if inspection.kind not in vocab.PEEL_KINDS or not inspection.cycle:
        return []
    rows = OfficialGrade.objects.filter(force=inspection.force_id, cycle=inspection.cycle)
    if inspection.kind.startswith("peel-"):
        rows = rows.filter(area=inspection.kind.removeprefix("peel-"))
    said = defaultdict(list)
    for grade in grades:
        if grade.grade not in said[grade.area]:
            said[grade.area].append(grade.grade)
    rows = sorted(rows, key=lambda row: (area_order(row.area or "~"), row.area_as_written))
    return [Beside(row.area, row, tuple(said.get(row.area, ()))) for row in rows]


def official_by_cycle(force) -> list[dict]:
    """The inspectorate's grades and counts of a force, per cycle, newest first (two queries)."""
    grades = defaultdict(list)
    for row in OfficialGrade.objects.filter(force=force):
        grades[row.cycle].append(row)
    counts = {row.cycle: row for row in OfficialGradeCount.objects.filter(force=force)}
    cycles = [c for c in reversed(vocab.PEEL_CYCLES) if c in grades or c in counts]
    return [
        {
            "cycle": cycle,
            "label": vocab.cycle_label(cycle),
            "grades": sorted(
                grades.get(cycle, []),
                key=lambda row: (area_order(row.area or "~"), row.area_as_written),
            ),
            "count": counts.get(cycle),
        }
        for cycle in cycles
    ]
