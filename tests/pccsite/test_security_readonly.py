"""The public site is read-only: every public page answers 405 to anything but GET and HEAD."""

import pytest
from django.test import Client

from devtools.pages import LIST_PATHS
from tests.builders import make_answered_inspection

pytestmark = pytest.mark.django_db

LIST_PAGES = LIST_PATHS


@pytest.fixture
def public_pages():
    inspection = make_answered_inspection()
    letter = inspection.letters.get()
    return [
        *LIST_PAGES,
        inspection.force.get_absolute_url(),
        letter.commissioner.get_absolute_url(),
        inspection.get_absolute_url(),
        letter.get_absolute_url(),
    ]


@pytest.fixture
def browser_like_client():
    # CSRF checks on, as for a real client: the answer must be 405, not the CSRF middleware's 403.
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_public_pages_refuse_unsafe_methods_with_405(public_pages, browser_like_client, method):
    for url in public_pages:
        response = getattr(browser_like_client, method)(url, data={"name": "x"})

        assert response.status_code == 405, (method, url)
        assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}, url


def test_public_pages_still_answer_get_and_head(public_pages, browser_like_client):
    for url in public_pages:
        assert browser_like_client.get(url).status_code == 200, url
        assert browser_like_client.head(url).status_code == 200, url


def test_refused_post_is_not_served_from_the_page_cache(public_pages, browser_like_client):
    url = public_pages[0]
    browser_like_client.get(url)

    assert browser_like_client.post(url).status_code == 405


def test_admin_login_still_requires_a_csrf_token(browser_like_client):
    response = browser_like_client.post("/admin/login/", {"username": "a", "password": "b"})

    assert response.status_code == 403
