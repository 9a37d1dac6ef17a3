"""Public pages for letters: the list, each letter with its evidence highlighted, and each
letter's original file and its text as read."""

import os

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from pccsite.caching import keep, takes_query
from pccsite.dates import time_tag
from pccsite.listing import ListingView
from search.backends import search_backend
from search.query import parse

from .filters import LetterFilter
from .highlighting import FIELD_LABELS, Span, field_anchor, field_spans, highlight
from .models import ORIGINAL_CONTENT_TYPES, Attribution, Letter
from .review import public_notes
from .tables import LetterTable


# ?q= marks a search's words on the page; the page cache answers it live, never stores it.
@takes_query(q=keep)
def letter_detail(request, pk):
    letter = get_object_or_404(Letter.objects.public().with_context(), pk=pk)
    grades = list(letter.grades.public())
    findings = list(letter.areas_for_improvement.public())
    query = parse(request.GET.get("q"))
    matches = _match_spans(letter, query)
    spans = [
        *field_spans(letter.spans),
        *_grade_spans(grades),
        *_finding_spans(findings),
        *matches,
    ]
    context = {
        "letter": letter,
        "query": query,
        "matches": len(matches),
        "highlighted": highlight(letter.text, spans),
        "fields": _fields(letter),
        "commissioner_note": _commissioner_note(letter),
        "grades": grades,
        "findings": findings,
        "differences": letter.grade_summary_differences(grades),
        "review_notes": public_notes(letter, grades, findings),
    }
    return render(request, "letters/letter_detail.html", context)


def letter_text(request, pk):
    """The text the parser read (from a PDF, a scan, a Word document or a page), as stored."""
    letter = get_object_or_404(_visible(request).only("text", "file_name"), pk=pk)
    response = HttpResponse(letter.text, content_type="text/plain; charset=utf-8")
    name = f"{os.path.splitext(letter.file_name)[0]}.txt"
    response["Content-Disposition"] = f'inline; filename="{_ascii(name)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def letter_original(request, pk):
    """The file as loaded, from the storage backend, served so that it cannot act as a page.

    PDFs open inline (the browser's own viewer); every other format downloads as an attachment,
    and a sandbox policy stops a saved web page from running script even if opened. The content
    type is the format's own, and nosniff stops a browser from guessing another.
    """
    letter = get_object_or_404(_visible(request).only("original", "format", "file_name"), pk=pk)
    if not letter.original:
        raise Http404("No original file is kept for this letter.")
    try:
        handle = letter.original.open("rb")
    except FileNotFoundError as exc:
        raise Http404("The original file is missing from storage.") from exc
    inline = letter.format == "pdf"
    response = FileResponse(
        handle,
        as_attachment=not inline,
        filename=letter.file_name,
        content_type=ORIGINAL_CONTENT_TYPES[letter.format],
    )
    response["X-Content-Type-Options"] = "nosniff"
    if not inline:
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _visible(request):
    """Letters this visitor may open: the public ones; staff (the admin links here) all."""
    return Letter.objects.all() if request.user.is_staff else Letter.objects.public()


def _ascii(name: str) -> str:
    return name.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")


class LetterListView(ListingView):
    export_name = "letters"
    queryset = Letter.objects.public().listing().latest_first()
    filterset_class = LetterFilter
    table_class = LetterTable
    heading = "Letters"
    intro = "Commissioners' letters answering inspections, as loaded from their files."


def _match_spans(letter, query):
    """The words a search (``?q=``) matched, as the search index reads them: #match-1 …"""
    if not query:
        return []
    document = letter.search_documents.filter(kind="letter").values_list("pk", flat=True)
    document_id = document.first()
    if document_id is None:
        return []
    found = search_backend().match_spans(document_id, letter.text, query)
    label = f"Matches your search for {query.text}"
    return [
        Span(start, end, f"match-{number}", "match", label)
        for number, (start, end) in enumerate(found, start=1)
    ]


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
        ("date", time_tag(letter.date) or None, None),
        ("force", letter.force, letter.force and letter.force.get_absolute_url()),
        ("recipient", letter.recipient_name or None, None),
        ("inspection.title", letter.inspection, inspection_url),
        (
            "inspection.published",
            time_tag(letter.inspection and letter.inspection.published) or None,
            inspection_url,
        ),
        (
            "commissioner",
            letter.commissioner or letter.commissioner_name_as_written or None,
            letter.commissioner and letter.commissioner.get_absolute_url(),
        ),
    ]
    return [
        (FIELD_LABELS[key], field_anchor(key) if key in spans else None, value, url)
        for key, value, url in facts
    ]


def _commissioner_note(letter):
    """How the letter's commissioner was read: inferred, respelt, or not in office."""
    person, written = letter.commissioner, letter.commissioner_name_as_written
    if "commissioner" in letter.edited_fields:
        return "Commissioner chosen by staff." if person else ""
    attribution = letter.commissioner_attribution
    if attribution == Attribution.INFERRED and person:
        return (
            f"Inferred from the date: the text names no commissioner, and {person.name} held "
            "the office then."
        )
    if attribution == Attribution.NAMED and person and written and written != person.name:
        return f"Written “{written}” in the letter; the registry’s name is {person.name}."
    if attribution == Attribution.NOT_IN_OFFICE:
        return (
            f"The letter names “{written}”, whom the registry of office-holders does not have "
            "in office for this force then: not attributed until staff review it."
        )
    return ""
