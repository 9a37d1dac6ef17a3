"""letters' data migrations, run on rows built as an earlier release stored them."""

import datetime as dt
import importlib

import pytest
from django.apps import apps

from inspections.models import Grade, Inspection
from tests.builders import make_grade, make_inspection, make_letter

pytestmark = pytest.mark.django_db

split = importlib.import_module("letters.migrations.0005_split_merged_inspections")


def _letter_stating(published_words, inspection, **kwargs):
    text = f"Re: PEEL 2023/24, an inspection of Leicestershire Police, published {published_words}."
    start = text.index(published_words)
    title = "PEEL 2023/24, an inspection of Leicestershire Police"
    return make_letter(
        text=text,
        inspection=inspection,
        spans={
            "inspection.published": [start, start + len(published_words)],
            "inspection.title": [4, 4 + len(title)],
        },
        **kwargs,
    )


def test_split_merged_inspections_moves_a_letter_stating_a_date_months_apart():
    # As the old loader stored them: one inspection (by period) for two reports.
    merged = make_inspection(period="2023/24", cycle="2023-25", published=dt.date(2024, 12, 5))
    december = _letter_stating("5th December 2024", merged)
    again = _letter_stating("5 December 2024", merged)
    march = _letter_stating("7 March 2024", merged)
    for letter in (december, again, march):
        make_grade(inspection=merged, letter=letter, area="preventing-crime")

    split.split_merged_inspections(apps, None)

    moved = Inspection.objects.get(published=dt.date(2024, 3, 7))
    assert (moved.force, moved.kind, moved.period, moved.cycle, moved.natural_key) == (
        merged.force,
        "peel",
        "2023/24",
        "2023-25",
        "2024-03-07",
    )
    assert moved.title == "PEEL 2023/24, an inspection of Leicestershire Police"
    assert list(moved.letters.all()) == [march]
    assert set(merged.letters.all()) == {december, again}
    assert Grade.objects.get(letter=march).inspection == moved
    assert Grade.objects.filter(inspection=merged).count() == 2


def test_split_merged_inspections_joins_an_existing_inspection_of_that_date():
    merged = make_inspection(period="2023/24", published=dt.date(2024, 12, 5))
    march_report = make_inspection(period="2023/24", published=dt.date(2024, 3, 7))
    _letter_stating("5th December 2024", merged)
    march = _letter_stating("7 March 2024", merged)

    split.split_merged_inspections(apps, None)

    assert list(march_report.letters.all()) == [march]
    assert Inspection.objects.count() == 2


def test_split_merged_inspections_leaves_letters_a_person_filed():
    merged = make_inspection(period="2023/24", published=dt.date(2024, 12, 5))
    _letter_stating("5th December 2024", merged)
    _letter_stating("7 March 2024", merged, edited_fields=["inspection"])

    split.split_merged_inspections(apps, None)

    assert Inspection.objects.count() == 1 and merged.letters.count() == 2
