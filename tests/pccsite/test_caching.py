"""The page cache: served from the cache until the data changes, never for staff."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.builders import get_force, make_inspection
from tests.conftest import ROOT


@pytest.fixture
def loaded_seeds(db, seeds_dir, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_letters", str(seeds_dir), verbosity=0)


def test_force_page_second_request_is_served_without_queries(
    client, loaded_seeds, django_assert_num_queries
):
    url = get_force("leicestershire").get_absolute_url()
    first = client.get(url)

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert second.content == first.content


def test_force_page_shows_an_admin_correction_on_the_next_request(
    client, loaded_seeds, django_capture_on_commit_callbacks
):
    force = get_force("leicestershire")
    client.get(force.get_absolute_url())
    grade = force.inspections.get(kind="serious-organised-crime").grades.get()

    with django_capture_on_commit_callbacks(execute=True):
        grade.grade = "inadequate"
        grade.save()
    response = client.get(force.get_absolute_url())

    assert b"Inadequate" in response.content


def test_home_page_counts_a_new_load_on_the_next_request(
    client, db, seeds_dir, tmp_path, django_capture_on_commit_callbacks
):
    client.get("/")
    (tmp_path / "letter.txt").write_text((seeds_dir / "000_d820f821642f4c39.txt").read_text())

    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_letters", str(tmp_path), verbosity=0)
    response = client.get("/")

    assert response.context is not None, "the page was served from a stale cache"
    assert {label: n for label, n, _url, _note in response.context["counts"]}["Letters"] == 1


def test_signed_in_staff_always_get_a_live_page(client, admin_user, loaded_seeds):
    client.force_login(admin_user)
    url = get_force("leicestershire").get_absolute_url()
    client.get(url)

    response = client.get(url)

    assert response.context is not None  # rendered, not replayed from the cache


def test_cache_does_not_store_error_pages(client, db):
    # The data version is not bumped here (no commit runs in the test's transaction), so only
    # the 404 not having been cached lets the second request see the new inspection.
    url = "/inspections/4242/"
    assert client.get(url).status_code == 404
    make_inspection(pk=4242)

    assert client.get(url).status_code == 200


# What one instance serves, in a process of its own: the letters its home page links to.
HOME_LETTERS = """
import django, re
django.setup()
from django.test import Client
page = Client().get("/").content.decode()
print(len(set(re.findall(r'href="/letters/(\\d+)/"', page))))
"""


def _instance_env(database: Path, cache: Path) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CACHE_URL": f"file://{cache}"}
    env.update({"DJANGO_SETTINGS_MODULE": "pccsite.settings", "DEBUG": "0"})
    return env


def _run(args, env):
    finished = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert finished.returncode == 0, finished.stderr[-3000:]
    return finished.stdout


def test_two_databases_sharing_one_cache_never_serve_each_others_pages(tmp_path, seeds_dir):
    # Issue 10, item 1: a test run beside `make run` (another database, the same cache folder)
    # served its pages to the development site. Two instances here: A with one letter, B empty.
    cache = tmp_path / "shared-cache"
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _run(["manage.py", "migrate", "-v0"], _instance_env(first, cache))
    shutil.copy(first, second)
    seed = seeds_dir / "000_d820f821642f4c39.txt"
    _run(["manage.py", "load_letters", str(seed)], _instance_env(first, cache))

    a_count = _run(["-c", HOME_LETTERS], _instance_env(first, cache)).strip()
    b_count = _run(["-c", HOME_LETTERS], _instance_env(second, cache)).strip()
    a_again = _run(["-c", HOME_LETTERS], _instance_env(first, cache)).strip()

    assert (a_count, b_count, a_again) == ("1", "0", "1")
