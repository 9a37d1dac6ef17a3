"""A letter's text as HTML with every extracted fact wrapped in a <mark>.

Every piece of text is escaped; only our own <mark> and <strong> tags are markup. Facts may
overlap (a force name inside an inspection title, a grade's quote inside an AFI's response), so
marks are kept properly nested: when an inner mark outlives the mark around it, it is closed and
reopened, and only its first part carries the id that links point at.

Some letters carry the emphasis of the page they were copied from as Markdown's ``**``
("**POLICE & CRIME\nCOMMISSIONER**"). Those words are shown in <strong> and the asterisks are
not shown. Spans are offsets into the text as stored, and stay so: the emphasis is one more
nested element and the markers are left out of the output, so every mark still covers exactly
its words.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Labels for the keys of Letter.spans, in the order a reader meets them.
FIELD_LABELS = {
    "reference": "Reference",
    "date": "Date of the letter",
    "force": "Force",
    "recipient": "Addressed to",
    "inspection.title": "Inspection",
    "inspection.period": "Inspection period",
    "inspection.published": "Inspection published",
    "grade_summary": "Grades counted",
    "causes_of_concern_count": "Causes of concern counted",
    "areas_for_improvement_count": "Areas for improvement counted",
    "commissioner": "Signed by",
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    anchor: str  # the id of the first <mark>, for links to the words
    kind: str  # a CSS modifier: grade, afi, response, field
    label: str  # what the words are evidence of, shown on hover


def field_anchor(field: str) -> str:
    return "fact-" + field.replace(".", "-").replace("_", "-")


def field_spans(spans: dict) -> list[Span]:
    """Spans of the letter's own fields (Letter.spans: {"field": [start, end]})."""
    result = []
    for field, bounds in (spans or {}).items():
        if isinstance(bounds, list | tuple) and len(bounds) == 2:
            label = FIELD_LABELS.get(field, field.replace("_", " ").replace(".", ": "))
            result.append(Span(bounds[0], bounds[1], field_anchor(field), "field", label))
    return result


EMPHASIS = "emphasis"  # the kind of the spans of the words between a pair of ** markers
_MARKER = re.compile(r"\*\*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def emphasis(text: str) -> tuple[list[Span], list[tuple[int, int]]]:
    """The words between paired ``**`` markers as spans, and the markers' own ranges.

    A marker opens before a non-space and closes after one, and a pair never crosses a blank
    line (Markdown's rule); unpaired markers are ordinary text. One pass over the markers.
    """
    breaks = [match.start() for match in _PARAGRAPH_BREAK.finditer(text)]
    spans: list[Span] = []
    markers: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _MARKER.finditer(text):
        at = match.start()
        if opened is not None and bisect.bisect(breaks, opened) != bisect.bisect(breaks, at):
            opened = None  # a blank line since the opening marker: that one was text
        if opened is not None and at > opened + 2 and not text[at - 1].isspace():
            spans.append(Span(opened + 2, at, "", EMPHASIS, ""))
            markers += [(opened, opened + 2), (at, at + 2)]
            opened = None
        elif match.end() < len(text) and not text[match.end()].isspace():
            opened = at
    return spans, markers


def highlight(text: str, spans: list[Span]) -> SafeString:
    """Escape ``text`` and wrap each valid span in marks; invalid spans are left out.

    Emphasised words (``**...**``) are wrapped in <strong> and their markers left out.
    """
    emphasised, markers = emphasis(text)
    valid = [s for s in spans if _is_valid(s, len(text))] + emphasised
    starts: dict[int, list[Span]] = {}
    for span in sorted(valid, key=lambda s: (s.start, -s.end, s.anchor)):
        starts.setdefault(span.start, []).append(span)
    # Leading blank lines (page furniture before a letterhead) are not shown; no fact sits there.
    lead = min([len(text) - len(text.lstrip()), *(s.start for s in valid)])
    edges = (edge for marker in markers for edge in marker)
    bounds = sorted({lead, len(text), *(s.start for s in valid), *(s.end for s in valid), *edges})
    marker_starts = [start for start, _ in markers]  # in order, never overlapping
    parts: list[str] = []
    stack: list[Span] = []
    for position, following in zip(bounds, [*bounds[1:], None], strict=True):
        _close_ending(stack, position, parts)
        for span in starts.get(position, []):
            parts.append(_open(span, first=True))
            stack.append(span)
        if following is not None and not _within(markers, marker_starts, position):
            parts.append(escape(text[position:following]))
    return mark_safe("".join(parts))  # noqa: S308 - every text piece is escaped above


def _within(markers: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether ``position`` is inside a marker (a piece never straddles a marker's edge)."""
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < markers[index][1]


def _is_valid(span: Span, length: int) -> bool:
    return (
        isinstance(span.start, int)
        and isinstance(span.end, int)
        and 0 <= span.start < span.end <= length
    )


def _close_ending(stack: list[Span], position: int, parts: list[str]) -> None:
    """Close the marks that end here, reopening any inner marks that go on past this point."""
    if not any(span.end == position for span in stack):
        return
    reopen = []
    while any(span.end == position for span in stack):
        span = stack.pop()
        parts.append("</strong>" if span.kind == EMPHASIS else "</mark>")
        if span.end != position:
            reopen.append(span)
    for span in reversed(reopen):
        parts.append(_open(span, first=False))
        stack.append(span)


def _open(span: Span, *, first: bool) -> str:
    if span.kind == EMPHASIS:
        return "<strong>"
    if first:
        return format_html(
            '<mark id="{}" class="fact fact--{}" title="{}">', span.anchor, span.kind, span.label
        )
    return format_html('<mark class="fact fact--{}" title="{}">', span.kind, span.label)
