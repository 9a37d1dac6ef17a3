"""letters.filters: the letters list's filters."""

import pytest

from letters.filters import LetterFilter
from letters.models import Letter
from tests.builders import get_force, make_answered_inspection, make_letter

pytestmark = pytest.mark.django_db


def _filtered(**params):
    return list(LetterFilter(params, queryset=Letter.objects.all()).qs)


def test_letter_filter_by_force_commissioner_and_words():
    signed = make_answered_inspection().letters.get()
    elsewhere = make_letter(force=get_force("kent"), text="Dear Mr Cooke, about vetting.")

    assert _filtered(force=get_force("kent").pk) == [elsewhere]
    assert _filtered(commissioner=signed.commissioner.pk) == [signed]
    assert _filtered(words="VETTING") == [elsewhere]


def test_letter_filter_offers_commissioners_by_name():
    make_answered_inspection()
    make_answered_inspection(get_force("kent"))

    choices = LetterFilter({}, queryset=Letter.objects.all()).filters["commissioner"].queryset

    assert [c.name for c in choices] == sorted(c.name for c in choices)
