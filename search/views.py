"""The search page, /search/?q=…: ranked letters and findings with highlighted snippets."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from inspections.models import AreaForImprovement, Force, Inspection

from .backends import search_backend
from .forms import SearchForm
from .models import SearchDocument
from .query import parse

PER_PAGE = 20
MAX_PAGE = 50


def search(request):
    form = SearchForm(request.GET or None)
    query = parse(request.GET.get("q"))
    context = {"form": form, "query": query, "results": [], "total": 0}
    if form.is_bound and form.is_valid() and query:
        page_number = _page_number(request)
        # Every row of the index is public (search/indexing.py): no join to the letters.
        documents = form.documents()
        found = search_backend().search(
            documents, query, offset=(page_number - 1) * PER_PAGE, limit=PER_PAGE
        )
        context.update(
            total=found.total,
            results=_results(found.hits, query),
            page=Paginator(range(min(found.total, PER_PAGE * MAX_PAGE)), PER_PAGE).get_page(
                page_number
            ),
            paging_query=_without_page(request),
        )
    return render(request, "search/search.html", context)


def _page_number(request):
    try:
        return min(max(1, int(request.GET.get("page", 1))), MAX_PAGE)
    except ValueError:
        return 1


def _without_page(request):
    params = [(k, v) for k, values in request.GET.lists() if k != "page" for v in values]
    return urlencode(params)


@dataclass(frozen=True)
class Result:
    """One hit as the page shows it: plain values, no model rows, its heading and line of
    facts written here (the template escapes them) rather than looked up piece by piece."""

    letter_id: int
    finding_id: int | None
    heading: str  # "Area for improvement 3 · <inspection>", "Letter from <name>, 1 May 2024"
    meta: str  # "<force> · 1 May 2024 · <file name>"
    snippet: SafeString
    url: str


def _heading(finding_label, inspection, commissioner, date, dates) -> str:
    if finding_label:
        return f"{finding_label} · {inspection}" if inspection else finding_label
    heading = f"Letter from {commissioner}" if commissioner else "Letter"
    return f"{heading}, {dates(date, 'j F Y')}" if date else heading


def _meta(force, date, file_name, dates) -> str:
    when = dates(date, "j M Y") if date else "Undated"
    return f"{force} · {when} · {file_name}" if force else f"{when} · {file_name}"


def _date_formatter():
    """date_format (what the |date filter calls), each date and format written once a page:
    month names come through translation, a noticeable cost per call."""
    written = {}

    def write(date, format_string):
        key = date, format_string
        if key not in written:
            written[key] = date_format(date, format_string)
        return written[key]

    return write


# The page's facts about each hit, in one query of plain values: building five model rows
# (document, letter, force, commissioner, inspection and its force) per hit was a sixth of
# the page's time.
_RESULT_FIELDS = (
    "pk",
    "letter_id",
    "finding_id",
    "finding__kind",
    "finding__number",
    "letter__date",
    "letter__file_name",
    "letter__force__name",
    "letter__commissioner__name",
    "letter__inspection_id",
    "letter__inspection__title",
    "letter__inspection__kind",
    "letter__inspection__period",
    "letter__inspection__force__name",
)


def _inspection_label(title, kind, period, force_name) -> str:
    """The inspection's name as Inspection.__str__ gives it: its title, else (built by
    __str__ itself, on an unsaved copy of its values) from its force, kind and period."""
    if title:
        return title
    return str(Inspection(title=title, kind=kind, period=period, force=Force(name=force_name)))


def _results(hits, query) -> list[Result]:
    """Each hit's facts, snippet and link to the words in the letter, in the hits' order."""
    ids = [pk for pk, _ in hits]
    rows = SearchDocument.objects.filter(pk__in=ids).values_list(*_RESULT_FIELDS)
    by_id = {row[0]: row for row in rows}
    q = urlencode({"q": query.text})
    dates = _date_formatter()
    results = []
    for pk, snippet in hits:
        row = by_id.get(pk)
        if row is None:
            continue
        (_, letter_id, finding_id, finding_kind, number, date, file_name, force, commissioner) = (
            row[:9]
        )
        if finding_id is not None:
            finding_label = f"{AreaForImprovement.Kind(finding_kind).label} {number}"
            anchor = f"{finding_kind}-{finding_id}"  # AreaForImprovement.anchor
            inspection = _inspection_label(*row[10:]) if row[9] is not None else ""
        else:
            finding_label, anchor, inspection = "", "match-1", ""
        url = f"{reverse('letters:letter_detail', args=[letter_id])}?{q}#{anchor}"
        results.append(
            Result(
                letter_id,
                finding_id,
                _heading(finding_label, inspection, commissioner, date, dates),
                _meta(force, date, file_name, dates),
                snippet,
                url,
            )
        )
    return results
