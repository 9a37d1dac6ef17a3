"""pccsite/db.py: the QuerySet pieces both apps share."""

import datetime as dt

import pytest

from inspections.models import Force, Inspection
from pccsite.db import prebuilt
from tests.builders import get_force, make_inspection, make_letter

pytestmark = pytest.mark.django_db


def test_a_prebuilt_queryset_is_built_once_and_read_afresh_each_call():
    builds = []

    @prebuilt
    def forces_with_counts():
        builds.append(1)
        return Force.objects.with_counts()

    force = get_force()
    before = forces_with_counts().get(pk=force.pk).inspection_count
    make_inspection()  # written after the QuerySet was built: the next call must see it
    after = forces_with_counts().get(pk=force.pk).inspection_count

    assert after == before + 1
    assert len(builds) == 1
    assert forces_with_counts() is not forces_with_counts()


def test_a_prebuilt_queryset_is_built_once_per_argument():
    @prebuilt
    def published_since(day):
        return Inspection.objects.filter(published__gte=day)

    make_letter(inspection=make_inspection(published=dt.date(2020, 1, 1)))
    make_letter(inspection=make_inspection(published=dt.date(2024, 1, 1)))

    assert published_since(dt.date(2019, 1, 1)).count() == 2
    assert published_since(dt.date(2023, 1, 1)).count() == 1
    # Evaluating a clone caches nothing in the built QuerySet.
    assert list(published_since(dt.date(2023, 1, 1))) != []
    assert published_since(dt.date(2023, 1, 1))._result_cache is None
