"""Plotly figures as plain data: rows in, a {"data": [...], "layout": {...}} dict out.

Templates put a figure in the page as JSON (``Figure.json``, what ``json_script`` writes, made
compact) and static/js/charts.js draws every chart with Plotly.newPlot, so pages need no inline
script. Keeping the builders free of requests and models lets tests check exactly what would be
plotted. The points of a timeline also write the rows of its accessible table.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.dates import MONTHS
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from . import vocabulary as vocab
from .templatetags.dashboard import grade_badge

# Okabe-Ito colours (distinguishable with colour-blindness), paired with a marker symbol and a
# dash per series so that no series is told apart by colour alone.
SERIES_COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#8C564B",
    "#7F7F7F",
    "#B8860B",
    "#4B0082",
    "#2F4F4F",
    "#A52A2A",
    "#006400",
)
SERIES_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star", "hexagon")
SERIES_DASHES = ("solid", "dot", "dash", "longdash", "dashdot")
GRADE_COLOURS = {
    "outstanding": "#1B6E3A",
    "good": "#3A7DC4",
    "adequate": "#8A6D00",
    "requires-improvement": "#B35300",
    "inadequate": "#B3261E",
}
FONT = {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14}
QUOTE_LIMIT = 70
# A cycle grades up to ten areas on one date: drawn at the same height, the dots of every area
# with the same grade sat on one another and a cycle looked like three dots. Each area's line
# sits at its own small offset inside its grade's band (band edges are drawn as grid lines),
# at most this far from the band's middle, so no two areas ever cover each other.
BAND_SPREAD = 0.36
# What json_script escapes so that JSON cannot close its <script> element; str.replace is many
# times faster than json_script's str.translate on a timeline's tens of kilobytes.
JSON_SCRIPT_ESCAPES = (("&", "\\u0026"), ("<", "\\u003C"), (">", "\\u003E"))


class Figure(dict):
    """A Plotly figure, ``{"data": [...], "layout": {...}}``, that writes itself into a page."""

    @property
    def json(self) -> SafeString:
        """Compact JSON, escaped as ``json_script`` escapes it, for a <script> element."""
        text = json.dumps(self, cls=DjangoJSONEncoder, separators=(",", ":"), ensure_ascii=False)
        for character, escaped in JSON_SCRIPT_ESCAPES:
            text = text.replace(character, escaped)
        return mark_safe(text)


@dataclass(frozen=True)
class GradePoint:
    """One grade on a timeline: where it sits, what it says, and where its words are.

    Pages draw the timeline and its accessible table from the same points, so each grade's
    labels and links are worked out once.
    """

    when: dt.date | None
    area: str
    grade: str
    inspection: str
    quote: str = ""
    url: str = ""
    inspection_url: str = ""
    from_letter: bool = False
    # What the force page's grid groups columns by (inspections.overview).
    inspection_id: int | None = None
    kind: str = ""
    cycle: str = ""
    pk: int | None = None

    @property
    def area_label(self) -> str:
        return vocab.AREA_LABELS.get(self.area, self.area)

    @property
    def grade_label(self) -> str:
        return vocab.GRADE_LABELS.get(self.grade, self.grade)

    @property
    def when_label(self) -> str:
        """The date as pages write it (DATE_FORMAT, "5 December 2024"), without a formatter
        per row."""
        if self.when is None:
            return ""
        return f"{self.when.day} {_month(get_language(), self.when.month)} {self.when.year}"

    @property
    def table_row(self) -> SafeString:
        """The point as a row of includes/grade_table.html, written here because a template
        per row cost more than the rest of a force's page."""
        url = _escape(self.url)
        if self.quote:
            words = f'<a href="{url}" class="quote-link">“{_escape(self.quote)}”</a>'
        elif self.from_letter:
            words = f'<a href="{url}">The letter</a>'
        else:
            words = "—"
        return mark_safe(
            f"<tr><td>{self._when_cell}</td>"
            f"<td>{_escape(self.area_label)}</td><td>{_badge(self.grade)}</td>"
            f'<td><a href="{_escape(self.inspection_url)}">{_escape(self.inspection)}</a></td>'
            f"<td>{words}</td></tr>"
        )

    @property
    def _when_cell(self) -> str:
        """The date in a <time> element with its ISO date, as the time_tag filter writes it."""
        if self.when is None:
            return "Not known"
        return f'<time datetime="{self.when.isoformat()}">{_escape(self.when_label)}</time>'


@dataclass(frozen=True)
class Shade:
    """A stretch of time to shade, such as a commissioner's time in office."""

    start: dt.date
    end: dt.date
    label: str


def points_from_grades(rows: Iterable) -> list[GradePoint]:
    """GradePoints from the rows of ``GradeQuerySet.timeline``.

    Links are those of ``Grade.evidence_url`` and ``Inspection.get_absolute_url``, and the
    inspection's name that of ``str(Inspection)``, worked out once per route and inspection:
    reversing per grade cost more than the rest of a force's page.
    """
    letter_url = _url_former("letters:letter_detail")
    inspection_url = _url_former("inspections:inspection_detail")
    inspections = {}
    points = []
    for row in rows:
        inspection_id = row.inspection_id
        if inspection_id not in inspections:
            inspections[inspection_id] = (_inspection_name(row), inspection_url(inspection_id))
        name, own_page = inspections[inspection_id]
        letter_id = row.letter_id
        if letter_id and row.start is not None:
            url = f"{letter_url(letter_id)}#grade-{row.pk}"
        elif letter_id:
            url = letter_url(letter_id)
        else:
            url = own_page
        points.append(
            GradePoint(
                when=row.when,
                area=row.area,
                grade=row.grade,
                inspection=name,
                quote=row.quote,
                url=url,
                inspection_url=own_page,
                from_letter=bool(letter_id),
                inspection_id=inspection_id,
                kind=row.inspection__kind,
                cycle=getattr(row, "inspection__cycle", ""),
                pk=row.pk,
            )
        )
    return points


def _inspection_name(row) -> str:
    """``str(Inspection)`` from a timeline row: its title, else force, kind and period."""
    if row.inspection__title:
        return row.inspection__title
    kind = vocab.KIND_LABELS.get(row.inspection__kind, row.inspection__kind)
    return f"{row.inspection__force__name} {kind} {row.inspection__period}".strip()


def grade_timeline(
    points: Sequence[GradePoint], *, shade: Shade | None = None, shades: Sequence[Shade] = ()
) -> dict | None:
    """A line per area across inspections; None when no point has a date and a known grade.

    Lines break where the PEEL framework changes, because grades either side of a break are not
    like for like; dotted vertical lines mark the breaks. ``shades`` (or one ``shade``) are
    stretches of time drawn behind the lines, such as a commissioner's terms of office.
    """
    shades = [*([shade] if shade else []), *shades]
    plotted = [p for p in points if p.when is not None and p.grade in vocab.GRADE_RANK]
    if not plotted:
        return None
    areas = sorted({p.area for p in plotted}, key=_area_order)
    traces = [
        _area_trace(area, [p for p in plotted if p.area == area], i, _offset(i, len(areas)))
        for i, area in enumerate(areas)
    ]
    first = min(p.when for p in plotted)
    last = max(p.when for p in plotted)
    for each in shades:
        first, last = min(first, each.start), max(last, each.end)
    shapes, annotations = _framework_breaks(first, last)
    for index, each in enumerate(shades):
        shapes.insert(index, _shade_shape(each))
        annotations.append(_label(each.start, each.label, y=0.02, anchor="bottom"))
    return Figure(data=traces, layout=_timeline_layout(first, last, shapes, annotations))


def grade_distribution(counts: Mapping[str, int]) -> dict | None:
    """Bars of how many grades each value received; None when there are none."""
    grades = [grade for grade in vocab.GRADES if counts.get(grade)]
    if not grades:
        return None
    labels = [vocab.GRADE_LABELS[grade] for grade in grades]
    values = [counts[grade] for grade in grades]
    trace = {
        "type": "bar",
        "x": labels,
        "y": values,
        "text": [str(value) for value in values],
        "textposition": "outside",
        # The count above the tallest bar is drawn outside the plot area, not cut at its top.
        "cliponaxis": False,
        "marker": {"color": [GRADE_COLOURS[grade] for grade in grades]},
        "hovertemplate": "%{x}: %{y}<extra></extra>",
    }
    layout = {
        "font": FONT,
        "margin": {"l": 56, "r": 16, "t": 32, "b": 48},
        "height": 320,
        "showlegend": False,
        # At national size counts run into the hundreds: a tick per integer (dtick 1) printed
        # 132 labels over each other. A few whole-number ticks, and room above the tallest bar
        # for its count.
        "yaxis": {
            "title": {"text": "Grades"},
            "range": [0, max(values) * 1.15],
            "nticks": 6,
            "tickformat": ",d",
            "automargin": True,
            "fixedrange": True,
        },
        "xaxis": {"fixedrange": True, "automargin": True},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
    return Figure(data=[trace], layout=layout)


@functools.lru_cache(maxsize=32)
def _badge(grade: str) -> str:
    return grade_badge(grade)


def _escape(text: str) -> str:
    """What the template's autoescape writes (django.utils.html.escape), without its wrappers."""
    return html.escape(text, quote=True)


@functools.lru_cache(maxsize=128)
def _month(language: str | None, month: int) -> str:
    """The month's name in the active language (translating it per row was slow)."""
    return str(MONTHS[month])


def _url_former(view_name: str) -> Callable[[int], str]:
    """pk -> the URL of a route taking one integer, with a single reverse()."""
    marker = 918_273_645_546
    head, tail = reverse(view_name, args=[marker]).split(str(marker))
    return lambda pk: f"{head}{pk}{tail}"


def _area_order(area: str) -> tuple[int, str]:
    keys = list(vocab.AREA_LABELS)
    return (keys.index(area), area) if area in keys else (len(keys), area)


def _offset(index: int, count: int) -> float:
    """The area's height within a grade's band: evenly spread about its middle."""
    if count < 2:
        return 0.0
    step = min(0.09, 2 * BAND_SPREAD / (count - 1))
    return round((index - (count - 1) / 2) * step, 3)


def _area_trace(area: str, points: list[GradePoint], index: int, offset: float = 0.0) -> dict:
    xs, ys, custom = [], [], []
    previous = None
    for point in sorted(points, key=lambda p: p.when):
        framework = vocab.framework_for(point.when)
        if previous is not None and framework != previous:
            # A gap (None) stops the line from joining grades of different frameworks.
            xs.append(None)
            ys.append(None)
            custom.append(None)
        previous = framework
        xs.append(point.when.isoformat())
        ys.append(vocab.GRADE_RANK[point.grade] + offset)
        custom.append([point.grade_label, _safe(point.inspection), _quote(point.quote), point.url])
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "name": vocab.AREA_LABELS.get(area, area),
        "x": xs,
        "y": ys,
        "customdata": custom,
        "connectgaps": False,
        "line": {
            "color": SERIES_COLOURS[index % len(SERIES_COLOURS)],
            "dash": SERIES_DASHES[index % len(SERIES_DASHES)],
            "width": 2,
        },
        "marker": {"symbol": SERIES_SYMBOLS[index % len(SERIES_SYMBOLS)], "size": 9},
        # Hover is unified per date (every area graded on that date in one box), so each
        # line names its area through the legend marker and says grade, inspection and quote.
        "hovertemplate": "<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}",
    }


def _framework_breaks(first: dt.date, last: dt.date) -> tuple[list[dict], list[dict]]:
    shapes, annotations = [], []
    shown = [
        f
        for f in vocab.FRAMEWORKS
        if f.starts <= last and f == vocab.framework_for(max(first, f.starts))
    ]
    for index, framework in enumerate(shown):
        # Labels alternate between two rows so that close breaks do not print over each other.
        y = 1.0 if index % 2 == 0 else 0.93
        label = f"{framework.label.split(' (')[0]} · {len(framework.scale)}-point scale"
        annotations.append(_label(max(first, framework.starts), label, y=y, anchor="top"))
        if framework.starts <= first:
            continue
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": framework.starts.isoformat(),
                "x1": framework.starts.isoformat(),
                "y0": 0,
                "y1": 1,
                "line": {"color": "#505a5f", "width": 1, "dash": "dot"},
            }
        )
    return shapes, annotations


def _shade_shape(shade: Shade) -> dict:
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": shade.start.isoformat(),
        "x1": shade.end.isoformat(),
        "y0": 0,
        "y1": 1,
        "fillcolor": "rgba(0, 114, 178, 0.12)",
        "line": {"width": 0},
        "layer": "below",
    }


def _label(when: dt.date, text: str, *, y: float, anchor: str) -> dict:
    return {
        "x": when.isoformat(),
        "xref": "x",
        "xanchor": "left",
        "y": y,
        "yref": "paper",
        "yanchor": anchor,
        "text": _safe(text),
        "showarrow": False,
        "font": {"size": 12, "color": "#3d4448"},
        "bgcolor": "rgba(255,255,255,0.85)",
    }


def _timeline_layout(first: dt.date, last: dt.date, shapes, annotations) -> dict:
    margin = max(dt.timedelta(days=120), (last - first) / 20)
    return {
        "font": FONT,
        "height": 460,
        "margin": {"l": 8, "r": 16, "t": 40, "b": 40},
        "hovermode": "x unified",
        "hoverlabel": {"align": "left", "namelength": -1},
        "legend": {"orientation": "h", "y": -0.08, "yanchor": "top", "x": 0},
        "xaxis": {
            "type": "date",
            "range": [(first - margin).isoformat(), (last + margin).isoformat()],
            "hoverformat": "%-d %B %Y",
        },
        "yaxis": {
            "range": [0.5, len(vocab.GRADES) + 0.5],
            "tickvals": [vocab.GRADE_RANK[grade] for grade in vocab.GRADES],
            "ticktext": [vocab.GRADE_LABELS[grade] for grade in vocab.GRADES],
            "fixedrange": True,
            "automargin": True,
            "title": {"text": ""},
            # Lines between the grade bands, not through them: each band holds its areas.
            "showgrid": False,
            "zeroline": False,
            "minor": {
                "tickvals": [rank + 0.5 for rank in range(1, len(vocab.GRADES))],
                "showgrid": True,
                "gridcolor": "#d8dadb",
                "ticklen": 0,
            },
        },
        "shapes": shapes,
        "annotations": annotations,
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }


def _safe(text: str) -> str:
    """Plotly renders a little HTML in labels: letter text must show as text, never markup."""
    return html.escape(text, quote=False)


def _quote(quote: str) -> str:
    if not quote:
        return ""
    quote = " ".join(quote.split())
    if len(quote) > QUOTE_LIMIT:
        quote = quote[: QUOTE_LIMIT - 1].rstrip() + "…"
    return _safe(f"“{quote}”")


def area_distribution(rows: Sequence[tuple[str, Mapping[str, int]]]) -> dict | None:
    """Stacked horizontal bars: per area, how many forces got each grade; None when empty.

    Bars run sideways so the areas' long names read on a phone; each grade is a trace named in
    words (the legend and hover say the grade, colour only helps), best grade first.
    """
    if not any(sum(counts.values()) for _, counts in rows):
        return None
    labels = [vocab.AREA_LABELS.get(area, area) for area, _ in rows]
    grades = [g for g in vocab.GRADES if any(counts.get(g) for _, counts in rows)]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": vocab.GRADE_LABELS[grade],
            "y": labels,
            "x": [counts.get(grade, 0) for _, counts in rows],
            "marker": {"color": GRADE_COLOURS[grade], "line": {"color": "#ffffff", "width": 1}},
            "hovertemplate": f"%{{y}}: %{{x}} {_safe(vocab.GRADE_LABELS[grade].lower())}"
            "<extra></extra>",
        }
        for grade in grades
    ]
    layout = {
        "font": FONT,
        "barmode": "stack",
        "height": 120 + 36 * len(rows),
        "margin": {"l": 16, "r": 16, "t": 16, "b": 48},
        "legend": {"orientation": "h", "y": -0.12, "traceorder": "normal"},
        "xaxis": {"title": {"text": "Forces"}, "rangemode": "tozero", "fixedrange": True},
        "yaxis": {"autorange": "reversed", "automargin": True, "fixedrange": True},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
    return Figure(data=traces, layout=layout)
