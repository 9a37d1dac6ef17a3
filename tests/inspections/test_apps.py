"""The inspections app wires its own models' signals: any change invalidates cached pages."""

import pytest

from pccsite.caching import data_version
from tests.builders import get_force, make_afi, make_commissioner, make_grade, make_inspection

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "make", [get_force, make_commissioner, make_inspection, make_grade, make_afi]
)
def test_saved_row_bumps_the_page_cache_version(make, django_capture_on_commit_callbacks):
    row = make()
    before = data_version()

    with django_capture_on_commit_callbacks(execute=True):
        row.save()

    assert data_version() != before


def test_deleted_row_bumps_the_page_cache_version(django_capture_on_commit_callbacks):
    grade = make_grade()
    before = data_version()

    with django_capture_on_commit_callbacks(execute=True):
        grade.delete()

    assert data_version() != before
