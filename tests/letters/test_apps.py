"""The letters app wires its own models' signals: a changed letter invalidates cached pages."""

import pytest

from pccsite.caching import data_version
from tests.builders import make_letter

pytestmark = pytest.mark.django_db


def test_letter_saved_bumps_the_page_cache_version(django_capture_on_commit_callbacks):
    letter = make_letter()
    before = data_version()

    with django_capture_on_commit_callbacks(execute=True):
        letter.reference = "HMICFRS/2025/1"
        letter.save()

    assert data_version() != before


def test_letter_deleted_bumps_the_page_cache_version(django_capture_on_commit_callbacks):
    letter = make_letter()
    before = data_version()

    with django_capture_on_commit_callbacks(execute=True):
        letter.delete()

    assert data_version() != before
