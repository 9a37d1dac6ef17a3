"""pccsite/db.py: the QuerySet pieces both apps share."""

import datetime as dt
import shutil

import pytest
from django.db import connection

from inspections.models import Force, Inspection
from letters.loading import load_letters
from pccsite.db import prebuilt
from tests.builders import get_force, make_inspection, make_letter
from tests.conftest import ROOT

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


def test_a_load_leaves_the_planner_statistics_fresh_on_postgresql(tmp_path):
    """PostgreSQL plans from ANALYZE's statistics: a load refreshes them (where autovacuum
    is off they would otherwise never exist). SQLite needs none."""
    if connection.vendor != "postgresql":
        pytest.skip("planner statistics are PostgreSQL's")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")

    load_letters(paths=[tmp_path / "seeds"])

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stats WHERE tablename = 'letters_letter' AND attname = 'date'"
        )
        assert cursor.fetchone()[0] == 1
