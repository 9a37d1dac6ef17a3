"""What the top of a force's page says: a headline sentence and a grid of grades.

Both are built from the timeline's points (charts.GradePoint, the public grades the page
already reads), so they cost no query of their own and can never disagree with the chart or
its table below them.

The grid puts areas in rows and inspections in columns, newest first, one table per PEEL
framework: a 2015 pillar grade and a 2023-25 area grade are on different scales and answer
different questions, so they never share a table. Inspections of other kinds with grades
(crime data integrity, serious and organised crime) get a table of their own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from html import escape

from django.utils import dateformat
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from pccsite.dates import time_tag

from . import vocabulary as vocab
from .charts import GradePoint
from .models import area_order
from .templatetags.dashboard import grade_badge

OTHER = "other"
UNDATED = "undated"
PEEL_PREFIX = "peel"
# Phrases for a grade inside a sentence ("rated requires improvement in 2 of 9 areas").
GRADE_WORDS = {grade: label.lower() for grade, label in vocab.GRADE_LABELS.items()}


@dataclass
class GridColumn:
    """One inspection: a column of the grid."""

    inspection_id: int | None
    name: str
    url: str
    kind: str
    cycle: str
    when: dt.date | None

    @property
    def kind_label(self) -> str:
        return vocab.KIND_LABELS.get(self.kind, self.kind)

    @property
    def cycle_label(self) -> str:
        return vocab.cycle_label(self.cycle) if self.cycle else ""

    @property
    def is_peel(self) -> bool:
        return self.kind.startswith(PEEL_PREFIX)

    @property
    def header_html(self) -> SafeString:
        """The column's header cell (includes/force_overview.html's markup, written here with
        the cells: a dense grid has dozens of columns)."""
        label = escape(self.kind_label)
        if self.cycle_label:
            label += f" {escape(self.cycle_label)}"
        when = time_tag(self.when, "date not known")
        return mark_safe(  # noqa: S308 - every value escaped above; time_tag escapes its own
            f'<th scope="col"><a href="{escape(self.url)}" title="{escape(self.name)}">{label}'
            f'</a> <span class="grade-grid__date">{conditional_escape(when)}</span></th>'
        )

    @cached_property
    def data_label(self) -> str:
        """What a phone shows beside each cell of the column (its header is off screen)."""
        label = self.kind_label
        if self.cycle_label:
            label += f" {self.cycle_label}"
        if self.when:
            label += f", {dateformat.format(self.when, 'M Y')}"
        return label


@dataclass
class GridRow:
    """One area: its grade at each of the group's inspections (a list: two letters about one
    inspection may read different grades, and the page shows both rather than pick one)."""

    area: str
    cells: list[tuple[GridColumn, list[GradePoint]]]

    @property
    def label(self) -> str:
        return vocab.AREA_LABELS.get(self.area, self.area)

    @property
    def cells_html(self) -> SafeString:
        """The row's cells, written here rather than by template loops: a busy force's grid
        has hundreds of cells, and rendering them through the template was a third of its
        page's time. The markup is includes/force_overview.html's."""
        return mark_safe("".join(_cell_html(column, points) for column, points in self.cells))  # noqa: S308 - every value escaped in _cell_html


@dataclass
class GridGroup:
    """The inspections of one PEEL framework (or the other kinds), with their areas."""

    key: str
    title: str
    scale: tuple[str, ...]
    columns: list[GridColumn] = field(default_factory=list)
    rows: list[GridRow] = field(default_factory=list)

    @property
    def scale_label(self) -> str:
        return ", ".join(vocab.GRADE_LABELS[grade] for grade in self.scale)


def force_grid(points: Iterable[GradePoint]) -> list[GridGroup]:
    """The grid's tables, newest framework first; the other kinds' table last."""
    columns: dict[int | None, GridColumn] = {}
    by_cell: dict[tuple[int | None, str], list[GradePoint]] = defaultdict(list)
    for point in points:
        key = point.inspection_id
        column = columns.get(key)
        if column is None:
            columns[key] = GridColumn(
                key, point.inspection, point.inspection_url, point.kind, point.cycle, point.when
            )
        elif point.when and (column.when is None or point.when < column.when):
            # An inspection is dated by its publication, else its first letter.
            column.when = point.when
        cell = by_cell[(key, point.area)]
        if all(other.grade != point.grade for other in cell):
            cell.append(point)

    groups: dict[str, GridGroup] = {}
    newest_first = sorted(
        columns.values(), key=lambda c: (c.when or dt.date.min, c.inspection_id or 0), reverse=True
    )
    for column in newest_first:
        framework = vocab.framework_for(column.when) if column.is_peel else None
        if column.is_peel and framework is None:
            # Neither published nor answered on a known date: no framework to file it under.
            title = "PEEL inspections without a date"
            group = groups.setdefault(UNDATED, GridGroup(UNDATED, title, vocab.GRADES))
        elif framework is None:
            group = groups.setdefault(OTHER, GridGroup(OTHER, "Other inspections", vocab.GRADES))
        else:
            group = groups.setdefault(
                framework.key, GridGroup(framework.key, framework.label, framework.scale)
            )
        group.columns.append(column)
    ordered = sorted(groups.values(), key=_group_order)
    for group in ordered:
        areas = {area for (inspection, area) in by_cell if inspection in _ids(group.columns)}
        group.rows = [
            GridRow(area, [(c, by_cell.get((c.inspection_id, area), [])) for c in group.columns])
            for area in sorted(areas, key=area_order)
        ]
    return ordered


NOT_GRADED = (
    '<span class="muted" aria-hidden="true">—</span><span class="visually-hidden">Not graded</span>'
)


def _cell_html(column: GridColumn, points: list[GradePoint]) -> str:
    """One cell: each grade read for the area at the inspection, its quote behind a <details>
    (a keyboard and a tap open it; hover is not needed), or "Not graded"."""
    empty = "" if points else ' class="grade-grid__empty"'
    label = escape(column.data_label)
    parts = [f'<td data-label="{label}"{empty}><div class="grade-grid__grades">']
    for point in points:
        url = escape(point.url)
        if point.quote:
            quote = escape(point.quote)
            summary = f'<summary title="“{quote}”">'
            hint = "show the letter’s words"
            body = f'<q>{quote}</q> <a href="{url}">Read it in the letter</a>'
        else:
            summary = "<summary>"
            hint = "show where it was read"
            if point.from_letter:
                body = (
                    "The letter states it without words to quote: "
                    f'<a href="{url}">read the letter</a>'
                )
            else:
                body = f'Entered by staff: <a href="{url}">the inspection</a>'
        parts.append(
            f'<details class="grade-grid__cell">{summary}{grade_badge(point.grade)}'
            f'<span class="visually-hidden"> ({hint})</span></summary>'
            f'<div class="grade-grid__quote">{body}</div></details>'
        )
    if not points:
        parts.append(NOT_GRADED)
    parts.append("</div></td>")
    return "".join(parts)


def _ids(columns: Sequence[GridColumn]) -> set[int | None]:
    return {column.inspection_id for column in columns}


def _group_order(group: GridGroup) -> tuple[int, str]:
    keys = [framework.key for framework in vocab.FRAMEWORKS]
    if group.key in keys:
        return (-keys.index(group.key), group.key)
    return (1 if group.key == UNDATED else 2, group.key)


def latest_peel(points: Iterable[GradePoint]) -> tuple[GridColumn, dict[str, str]] | None:
    """The newest dated PEEL inspection with grades, and its grade per area (where two letters
    read different grades for one area, the later read)."""
    by_inspection: dict[int | None, list[GradePoint]] = defaultdict(list)
    for point in points:
        if point.kind.startswith(PEEL_PREFIX) and point.when and point.grade in vocab.GRADE_RANK:
            by_inspection[point.inspection_id].append(point)
    if not by_inspection:
        return None

    def newest(item):
        inspection_id, grades = item
        return (min(p.when for p in grades), inspection_id or 0)

    inspection_id, grades = max(by_inspection.items(), key=newest)
    first = grades[0]
    column = GridColumn(
        inspection_id,
        first.inspection,
        first.inspection_url,
        first.kind,
        first.cycle,
        min(p.when for p in grades),
    )
    return column, {point.area: point.grade for point in grades}


def headline(points: Iterable[GradePoint], inspections: Iterable = ()) -> str:
    """ "Rated good in 5 of 9 areas at its latest PEEL inspection, 2023–25: adequate in 2,
    requires improvement in 1 and inadequate in 1." ("" when no PEEL grade is known).

    ``inspections`` (the page's newest, each with ``when``) tell whether a newer PEEL
    inspection has no grades loaded: the sentence then says "its latest PEEL inspection with
    grades loaded", never passing an older report off as the latest."""
    latest = latest_peel(points)
    if latest is None:
        return ""
    column, grades = latest
    newer = any(
        inspection.kind.startswith(PEEL_PREFIX)
        and inspection.pk != column.inspection_id
        and getattr(inspection, "when", None)
        and inspection.when > column.when
        for inspection in inspections
    )
    return headline_sentence(grades, _inspection_phrase(column, graded_only=newer))


def headline_sentence(grades: dict[str, str], inspection: str) -> str:
    """The sentence for one inspection's grade per area; ``inspection`` names it ("its latest
    PEEL inspection, 2023–25"). The overall grade, where a report gave one, is not an area."""
    overall = grades.get(vocab.OVERALL_AREA)
    areas = [grade for area, grade in grades.items() if area != vocab.OVERALL_AREA]
    if not areas:
        return f"Rated {GRADE_WORDS[overall]} overall at {inspection}." if overall else ""
    counts = Counter(areas)
    # The most common grade leads; ties and the rest go best first, as the scale runs.
    ranked = sorted(counts, key=lambda grade: (-counts[grade], vocab.GRADES.index(grade)))
    lead, rest = ranked[0], sorted(ranked[1:], key=vocab.GRADES.index)
    total = len(areas)
    if total == 1:
        sentence = f"Rated {GRADE_WORDS[lead]} in the one area graded at {inspection}"
    elif counts[lead] == total:
        sentence = f"Rated {GRADE_WORDS[lead]} in all {total} areas at {inspection}"
    else:
        sentence = f"Rated {GRADE_WORDS[lead]} in {counts[lead]} of {total} areas at {inspection}"
    if rest:
        sentence += ": " + _and_list([f"{GRADE_WORDS[grade]} in {counts[grade]}" for grade in rest])
    sentence += "."
    if overall:
        sentence += f" Overall: {GRADE_WORDS[overall]}."
    return sentence


def _inspection_phrase(column: GridColumn, *, graded_only: bool = False) -> str:
    """ "its latest PEEL inspection, 2023–25"; a pillar report names its pillar."""
    phrase = "its latest PEEL inspection"
    if graded_only:
        phrase += " with grades loaded"
    when = column.cycle_label or (str(column.when.year) if column.when else "")
    if column.kind != PEEL_PREFIX:
        pillar = column.kind_label.removeprefix("PEEL ").strip()
        when = f"{pillar} {when}".strip()
    return f"{phrase}, {when}" if when else phrase


def _and_list(items: Sequence[str]) -> str:
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def force_overview(points: Sequence[GradePoint], inspections: Sequence = ()) -> dict:
    """The force page's ``headline`` and ``grid``, from the points its timeline draws and the
    newest inspections it lists."""
    return {"headline": headline(points, inspections), "grid": force_grid(points)}
