import datetime as dt

import pytest
from django.test import RequestFactory

from inspections.models import AreaForImprovement, Commissioner, Force
from inspections.tables import CommissionerTable, FindingTable, ForceTable
from tests.builders import (
    get_force,
    make_answered_inspection,
    make_commissioner,
    make_inspection,
    make_term,
)

pytestmark = pytest.mark.django_db


def _render(table):
    request = RequestFactory().get("/")
    return table.as_html(request)


def test_force_table_links_force_and_commissioner():
    commissioner = make_answered_inspection().letters.get().commissioner

    html = _render(ForceTable(Force.objects.with_stats().filter(slug="leicestershire")))

    assert 'href="/forces/leicestershire/"' in html
    assert f'href="{commissioner.get_absolute_url()}"' in html
    assert 'class="grade grade--good">Good</span>' in html


def test_force_table_without_grades_says_so():
    html = _render(ForceTable(Force.objects.with_stats().filter(slug="kent")))

    assert "No PEEL grades yet" in html and "—" in html


def test_force_table_announces_sort_order():
    table = ForceTable(Force.objects.with_stats(), order_by="-afi_count")

    html = _render(table)

    assert 'aria-sort="descending"' in html


def test_commissioner_table_shows_terms_and_letters():
    signer = make_answered_inspection().letters.get().commissioner
    make_term(signer, role="pcc", start=dt.date(2016, 5, 12), end=dt.date(2021, 5, 12))
    former = make_commissioner(term={"end": dt.date(2016, 5, 11)})
    rows = (
        Commissioner.objects.with_letter_stats()
        .with_term_span()
        .filter(pk__in=[signer.pk, former.pk])
    )

    html = _render(CommissionerTable(rows.order_by("pk")))

    assert html.count('<time datetime="2012-11-22">22 November 2012</time>') == 2
    assert "In office" in html and "11 May 2016" in html
    assert ">1</td>" in html and "No response loaded" in html


def test_finding_table_links_to_the_words_in_the_letter():
    make_answered_inspection()
    afi = AreaForImprovement.objects.get()

    html = _render(FindingTable(AreaForImprovement.objects.with_context()))

    assert f'href="{afi.evidence_url}"' in html
    assert "We have started recording it." in html


def test_inspections_list_sorted_by_a_tied_count_pages_through_every_row_once(client):
    # 30 inspections, all with no grades: every row ties on the sorted column.
    made = {make_inspection(force=get_force(), title=f"Tied {n}").pk for n in range(30)}

    pages = [client.get("/inspections/", {"sort": "-grade_count", "page": page}) for page in (1, 2)]
    shown = [
        row.record.pk for response in pages for row in response.context["table"].page.object_list
    ]

    assert len(shown) == len(set(shown)) == 30
    assert set(shown) == made
    # SQLite happens to return ties in insertion order; PostgreSQL promises no order at all,
    # so the guarantee is the primary key closing the ORDER BY.
    assert pages[0].context["table"].data.data.query.order_by[-1] == "-pk"
