"""Shared fixtures. Real parts, not mocks: the seed letters are the real ones in seeds/."""

import os
import shutil
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"
SESSION_STARTED = time.time()

# Every process the suite starts (the browser tests' server, loads in subprocesses) inherits an
# in-memory page cache, never the developer's .cache/ folder that `make run` serves from.
os.environ["CACHE_URL"] = "locmem://"
# This process too: pytest-django read the settings before this file, and what runs outside a
# test's own `settings` (the session's database set-up importing the registry, whose saves bump
# the data version) would otherwise write to that folder.
django_settings.CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "suite"}
}

REGISTRY_FILES = sorted((ROOT / "data" / "reference").glob("commissioners-*.csv"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as `make load` leaves a site: the commissioner registry imported.

    Transactional tests restore the database from a copy taken when it was created
    (serialized_rollback), so the copy is taken again with the registry in it.
    """
    from django.db import connections

    from inspections.registry import import_registry

    with django_db_blocker.unblock():
        summary = import_registry(REGISTRY_FILES)
        assert not (summary.refused or summary.failed), summary
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None) is not None:
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES_DIR


@pytest.fixture
def letters_dir(tmp_path, seeds_dir) -> Path:
    """A copy of the seeds, so a test can change, add or remove a file and load again."""
    folder = tmp_path / "letters"
    shutil.copytree(seeds_dir, folder)
    return folder


@pytest.fixture(scope="session", autouse=True)
def _isolated_media_for_subprocesses(tmp_path_factory):
    """Loads run as subprocesses (manage.py load_letters) keep originals in a temporary folder
    too: they inherit this environment."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MEDIA_ROOT", str(tmp_path_factory.mktemp("media")))
        yield


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Original files stored by a test go to its own folder, never the developer's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each test gets an empty in-process page cache, never the developer's .cache/ folder."""
    from django.core.cache import cache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _dataset_dir(settings, tmp_path_factory):
    """The whole-dataset download (rebuilt after every load) goes to a folder of the test's."""
    settings.DATASET_DIR = tmp_path_factory.mktemp("dataset")
