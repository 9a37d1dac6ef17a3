"""Shared fixtures. Real parts, not mocks: the seed letters are the real ones in seeds/."""

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = ROOT / "seeds"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"


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
