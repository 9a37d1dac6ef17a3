"""The page cache: served from the cache until the data changes, never for staff."""

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

import brotli
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


# Issue 10, item 2: every distinct query string was rendered and cached for an hour, so random
# query strings slowed a cached page from 2 ms to 2 s and grew the cache without bound.
def test_unknown_parameters_are_served_from_the_canonical_page(
    client, loaded_seeds, django_assert_num_queries
):
    canonical = client.get("/letters/", {"page": "2", "sort": "-date"})

    with django_assert_num_queries(0):
        odd = client.get("/letters/?utm_source=x&sort=-date&page=2&nonce=8123")
        reordered = client.get("/letters/?page=2&sort=-date")
        padded = client.get("/letters/?page=2&sort=-date&force=&words=&per_page=25")

    assert odd.content == reordered.content == padded.content == canonical.content
    assert b"nonce" not in odd.content


def test_a_detail_page_ignores_any_query_string(client, loaded_seeds, django_assert_num_queries):
    url = get_force("leicestershire").get_absolute_url()
    page = client.get(url)

    with django_assert_num_queries(0):
        for number in range(5):
            assert client.get(f"{url}?n={number}").content == page.content


def test_a_page_caches_a_bounded_number_of_variants(
    client, loaded_seeds, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_VARIANTS = 3
    for number in range(5):
        client.get("/letters/", {"words": f"word{number}"})

    with django_assert_num_queries(0):
        client.get("/letters/", {"words": "word0"})
    response = client.get("/letters/", {"words": "word4"})

    assert response.context is not None, "a variant past the bound was cached"


def test_a_long_query_string_is_answered_but_not_cached(client, loaded_seeds):
    long = {"words": "x" * 2000}
    client.get("/letters/", long)

    response = client.get("/letters/", long)

    assert response.status_code == 200
    assert response.context is not None


# Issue 13, "Light pages": cached pages move about a tenth of their bytes.
@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_a_cached_hit_is_compressed_and_decompresses_to_the_page(client, loaded_seeds, encoding):
    url = get_force("leicestershire").get_absolute_url()
    plain = client.get(url).content

    hit = client.get(url, HTTP_ACCEPT_ENCODING=f"{encoding}, deflate")

    assert hit["Content-Encoding"] == encoding
    assert "Accept-Encoding" in hit["Vary"]
    # A third on these small seed pages; list pages at national size shrink to about a tenth.
    assert int(hit["Content-Length"]) == len(hit.content) < len(plain) / 3
    unpack = gzip.decompress if encoding == "gzip" else brotli.decompress
    assert unpack(hit.content) == plain


def test_a_page_is_stored_in_the_encoding_asked_for_and_a_hit_reads_only_that_copy(
    client, loaded_seeds
):
    """Each encoding's copy has its own key, made when a client first asks for it."""
    from django.core.cache import cache

    from pccsite.caching import _page_key

    url = get_force("leicestershire").get_absolute_url()
    key = _page_key(url, "")
    client.get(url, HTTP_ACCEPT_ENCODING="br")  # rendered, stored for Brotli only

    assert cache.get(f"{key}:br") is not None
    assert cache.get(f"{key}:gzip") is None
    brotli_hit = client.get(url, HTTP_ACCEPT_ENCODING="br")
    gzip_miss = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    gzip_hit = client.get(url, HTTP_ACCEPT_ENCODING="gzip")

    assert brotli_hit.context is None  # served from the cache, no template rendered
    assert brotli_hit["Content-Encoding"] == "br"
    assert gzip_miss.context is not None  # no gzip copy yet: rendered, and stored
    assert gzip_hit.context is None
    assert gzip.decompress(gzip_hit.content) == brotli.decompress(brotli_hit.content)


def test_a_cached_hit_prefers_brotli_and_respects_refusals(client, loaded_seeds):
    client.get("/")

    both = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    no_br = client.get("/", HTTP_ACCEPT_ENCODING="br;q=0, gzip")
    none = client.get("/", HTTP_ACCEPT_ENCODING="identity")

    assert (both["Content-Encoding"], no_br["Content-Encoding"]) == ("br", "gzip")
    assert not none.has_header("Content-Encoding")


def test_an_uncached_public_page_is_compressed_too(client, loaded_seeds):
    response = client.get("/inspections/", HTTP_ACCEPT_ENCODING="gzip")

    assert response.context is not None  # rendered now, not replayed
    assert response["Content-Encoding"] == "gzip"
    assert b"Inspections" in gzip.decompress(response.content)


def test_pages_with_secrets_are_never_compressed(client, admin_client):
    # BREACH: a compressed page that reflects input beside a secret (a CSRF token, a session's
    # data) leaks the secret through its length. The admin and sign-in pages stay plain.
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    admin = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    staff_page = admin_client.get("/inspections/", HTTP_ACCEPT_ENCODING="gzip")

    for response in (login, admin, staff_page):
        assert response.status_code == 200
        assert not response.has_header("Content-Encoding")


def test_a_live_only_parameter_counts_only_on_a_page_that_takes_it(
    client, loaded_seeds, django_assert_num_queries
):
    # ?q= marks a search on a letter's page (answered live); elsewhere it is any parameter.
    url = get_force("leicestershire").get_absolute_url()
    client.get(url)

    with django_assert_num_queries(0):
        assert client.get(url, {"q": "anything", "_export": "csv"}).status_code == 200
    letter = client.get("/letters/").context["table"].page.object_list[0].record
    first = client.get(letter.get_absolute_url(), {"q": "police"})
    again = client.get(letter.get_absolute_url(), {"q": "police"})

    assert first.context is not None and again.context is not None  # both rendered live
