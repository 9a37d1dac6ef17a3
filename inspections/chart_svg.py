"""A timeline figure (charts.grade_timeline) drawn as a static SVG, in the page's own HTML.

Plotly is 330 KB even compressed: on a slow 4G phone it arrives seconds after the page, and a
chart drawn only by it is blank until then (and for good without JavaScript). The page carries
this drawing of the same figure, which the browser paints with the HTML; static/js/charts.js
replaces it with Plotly's interactive chart (hover, zoom, a click to the letter) once Plotly has
loaded. It reads the Figure dict itself, so the two drawings cannot disagree about the data.

Decorative to assistive technology (aria-hidden): the figure's caption and the grade table
below it say everything it shows, in words.
"""

from __future__ import annotations

import datetime as dt
import html

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 140, 8, 8, 26
LEGEND_ROW = 18
TEXT = "#3d4448"
DASHES = {"solid": "", "dot": "2 3", "dash": "6 4", "longdash": "10 4", "dashdot": "6 3 2 3"}


def timeline_svg(figure: dict | None) -> SafeString:
    """The figure as one <svg>; "" without a figure."""
    if not figure:
        return mark_safe("")
    layout, traces = figure["layout"], figure["data"]
    start, end = (dt.date.fromisoformat(day[:10]) for day in layout["xaxis"]["range"])
    low, high = layout["yaxis"]["range"]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max((end - start).days, 1)

    def x(day: str) -> float:
        return LEFT + plot_w * (dt.date.fromisoformat(day[:10]) - start).days / span

    def y(value: float) -> float:
        return TOP + plot_h * (high - value) / (high - low)

    parts = [_shapes(layout.get("shapes", []), x, y(low), y(high))]
    parts += _y_axis(layout["yaxis"], y)
    parts += _x_axis(start, end, x)
    for trace in traces:
        parts.append(_trace(trace, x, y))
    legend, legend_height = _legend(traces)
    height = HEIGHT + legend_height
    return mark_safe(
        f'<svg class="chart__static" viewBox="0 0 {WIDTH} {height}" aria-hidden="true" '
        f'focusable="false" font-family="system-ui, sans-serif" font-size="11">'
        + "".join(parts)
        + legend
        + "</svg>"
    )


def _shapes(shapes: list[dict], x, bottom: float, top: float) -> str:
    out = []
    for shape in shapes:
        if shape.get("type") == "rect":
            left, right = x(shape["x0"]), x(shape["x1"])
            out.append(
                f'<rect x="{left:.1f}" y="{top:.1f}" width="{max(right - left, 0):.1f}" '
                f'height="{bottom - top:.1f}" fill="rgba(0,114,178,0.12)"/>'
            )
        elif shape.get("type") == "line":
            at = x(shape["x0"])
            out.append(
                f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{top:.1f}" y2="{bottom:.1f}" '
                'stroke="#505a5f" stroke-dasharray="2 3"/>'
            )
    return "".join(out)


def _y_axis(yaxis: dict, y) -> list[str]:
    out = []
    for value in yaxis.get("minor", {}).get("tickvals", []):
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            'stroke="#d8dadb"/>'
        )
    for value, label in zip(yaxis["tickvals"], yaxis["ticktext"], strict=True):
        out.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" fill="{TEXT}">'
            f"{html.escape(label)}</text>"
        )
    return out


def _x_axis(start: dt.date, end: dt.date, x) -> list[str]:
    years = list(range(start.year + 1, end.year + 1))
    step = max(1, len(years) // 6 + (1 if len(years) % 6 else 0)) if len(years) > 6 else 1
    out = []
    baseline = HEIGHT - BOTTOM
    for year in years[::step]:
        at = x(f"{year}-01-01")
        out.append(
            f'<line x1="{at:.1f}" x2="{at:.1f}" y1="{baseline}" y2="{baseline + 4}" '
            f'stroke="{TEXT}"/><text x="{at:.1f}" y="{baseline + 16}" text-anchor="middle" '
            f'fill="{TEXT}">{year}</text>'
        )
    out.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{baseline}" y2="{baseline}" stroke="{TEXT}"/>'
    )
    return out


def _trace(trace: dict, x, y) -> str:
    colour = trace["line"]["color"]
    dash = DASHES.get(trace["line"].get("dash", "solid"), "")
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    out, run = [], []
    points = list(zip(trace["x"], trace["y"], strict=True))
    for day, value in [*points, (None, None)]:
        if day is None:
            if len(run) > 1:
                coords = " ".join(f"{a:.1f},{b:.1f}" for a, b in run)
                out.append(
                    f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"{dash_attr}/>'
                )
            run = []
            continue
        run.append((x(day), y(value)))
    symbol = trace.get("marker", {}).get("symbol", "circle")
    for day, value in points:
        if day is not None:
            out.append(_marker(symbol, x(day), y(value), colour))
    return "".join(out)


def _marker(symbol: str, cx: float, cy: float, colour: str, size: float = 4.0) -> str:
    """The trace's marker shape, so series differ by shape as well as colour."""
    if symbol == "square":
        return (
            f'<rect x="{cx - size:.1f}" y="{cy - size:.1f}" width="{2 * size:.1f}" '
            f'height="{2 * size:.1f}" fill="{colour}"/>'
        )
    if symbol == "diamond":
        corners = [
            (cx, cy - size - 1),
            (cx + size + 1, cy),
            (cx, cy + size + 1),
            (cx - size - 1, cy),
        ]
    elif symbol == "triangle-up":
        corners = [(cx, cy - size - 1), (cx + size + 1, cy + size), (cx - size - 1, cy + size)]
    elif symbol in ("cross", "x", "star", "hexagon"):
        # A ring: unlike every other marker here, so still told apart without colour.
        return (
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{size:.1f}" fill="#fff" stroke="{colour}" '
            'stroke-width="2"/>'
        )
    else:
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{size:.1f}" fill="{colour}"/>'
    coords = " ".join(f"{a:.1f},{b:.1f}" for a, b in corners)
    return f'<polygon points="{coords}" fill="{colour}"/>'


def _legend(traces: list[dict]) -> tuple[str, int]:
    """Two columns of entries under the plot: the marker, the line and the area's name."""
    out = []
    column_width = (WIDTH - 16) / 2
    for index, trace in enumerate(traces):
        row, column = divmod(index, 2)
        left = 8 + column * column_width
        top = HEIGHT + 6 + row * LEGEND_ROW
        colour = trace["line"]["color"]
        out.append(
            f'<line x1="{left:.1f}" x2="{left + 22:.1f}" y1="{top:.1f}" y2="{top:.1f}" '
            f'stroke="{colour}" stroke-width="2"/>'
            + _marker(trace.get("marker", {}).get("symbol", "circle"), left + 11, top, colour)
            + f'<text x="{left + 28:.1f}" y="{top + 4:.1f}" fill="{TEXT}">'
            f"{html.escape(trace['name'], quote=False)}</text>"
        )
    rows = (len(traces) + 1) // 2
    return "".join(out), rows * LEGEND_ROW + 8 if traces else 0
