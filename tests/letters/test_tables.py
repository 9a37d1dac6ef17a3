"""letters.tables: the letters list's table."""

import pytest
from django.test import RequestFactory

from letters.models import Letter
from letters.tables import LetterTable
from tests.builders import make_answered_inspection, make_letter

pytestmark = pytest.mark.django_db


def _render(table):
    return table.as_html(RequestFactory().get("/letters/"))


def test_letter_table_links_the_letter_and_what_it_answers():
    letter = make_answered_inspection().letters.get()

    html = _render(LetterTable(Letter.objects.listing()))

    for linked in (letter, letter.force, letter.commissioner, letter.inspection):
        assert f'href="{linked.get_absolute_url()}"' in html


def test_letter_table_says_what_a_letter_lacks():
    make_letter(date=None, force=None)

    html = _render(LetterTable(Letter.objects.listing()))

    assert "Undated" in html and "Unknown" in html and "—" in html


def test_letter_table_sorts_ties_by_primary_key():
    table = LetterTable(Letter.objects.listing(), order_by="force")

    assert table.data.data.query.order_by[-1] == "pk"
