"""Public pages for letters: the list, and each letter with its evidence highlighted."""

from django.shortcuts import get_object_or_404, render

from pccsite.listing import ListingView

from .filters import LetterFilter
from .highlighting import FIELD_LABELS, Span, field_anchor, field_spans, highlight
from .models import Letter
from .tables import LetterTable


def letter_detail(request, pk):
    letter = get_object_or_404(Letter.objects.with_context(), pk=pk)
    grades = list(letter.grades.all())
    findings = list(letter.areas_for_improvement.all())
    spans = [*field_spans(letter.spans), *_grade_spans(grades), *_finding_spans(findings)]
    context = {
        "letter": letter,
        "highlighted": highlight(letter.text, spans),
        "fields": _fields(letter),
        "grades": grades,
        "findings": findings,
        "differences": letter.grade_summary_differences(grades),
    }
    return render(request, "letters/letter_detail.html", context)


class LetterListView(ListingView):
    queryset = Letter.objects.listing().latest_first()
    filterset_class = LetterFilter
    table_class = LetterTable
    heading = "Letters"
    intro = "Commissioners' letters answering inspections, as loaded from their files."


def _grade_spans(grades):
    return [
        Span(g.start, g.end, g.anchor, "grade", f"Grade: {g.area_label}, {g.grade_label}")
        for g in grades
        if g.start is not None
    ]


def _finding_spans(findings):
    spans = []
    for f in findings:
        label = f"{f.get_kind_display()} {f.number}"
        if f.start is not None:
            spans.append(Span(f.start, f.end, f.anchor, "finding", label))
        if f.response_start is not None:
            spans.append(
                Span(
                    f.response_start,
                    f.response_end,
                    f"{f.anchor}-response",
                    "response",
                    f"Response to {label}",
                )
            )
    return spans


def _fields(letter):
    """The letter's facts in reading order: (label, anchor or None, value, url or None)."""
    spans = letter.spans or {}
    inspection_url = letter.inspection.get_absolute_url() if letter.inspection else None
    facts = [
        ("reference", letter.reference or None, None),
        ("date", letter.date, None),
        ("force", letter.force, letter.force and letter.force.get_absolute_url()),
        ("recipient", letter.recipient_name or None, None),
        ("inspection.title", letter.inspection, inspection_url),
        ("inspection.published", letter.inspection and letter.inspection.published, inspection_url),
        (
            "commissioner",
            letter.commissioner,
            letter.commissioner and letter.commissioner.get_absolute_url(),
        ),
    ]
    return [
        (FIELD_LABELS[key], field_anchor(key) if key in spans else None, value, url)
        for key, value, url in facts
    ]
