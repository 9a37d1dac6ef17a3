"""The search page, /search/?q=…: ranked letters and findings with highlighted snippets."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode

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


def _results(hits, query):
    """(document, its letter, snippet, link to the words in the letter) for each hit."""
    ids = [pk for pk, _ in hits]
    documents = (
        SearchDocument.objects.filter(pk__in=ids)
        .select_related("letter__force", "letter__commissioner", "letter__inspection__force")
        .select_related("finding")
        .defer("body", "vector", "letter__text", "letter__spans", "letter__warnings")
    )
    by_id = {document.pk: document for document in documents}
    q = urlencode({"q": query.text})
    results = []
    for pk, snippet in hits:
        document = by_id.get(pk)
        if document is None:
            continue
        anchor = document.finding.anchor if document.finding_id else "match-1"
        url = f"{document.letter.get_absolute_url()}?{q}#{anchor}"
        results.append((document, document.letter, snippet, url))
    return results
