"""The site's own 404 and 500 pages, with DEBUG off as in production."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import include, path

pytestmark = pytest.mark.django_db

SECRET_DETAIL = "internal detail 8c1f: the settings module says"


def _raise(request):
    raise RuntimeError(SECRET_DETAIL)


# This module is also the URLconf of the tests marked with it: the site plus a failing view.
urlpatterns = [
    path("_test/fail/", _raise),
    path("", include("pccsite.urls")),
]


@pytest.fixture(autouse=True)
def _production_debug(settings):
    settings.DEBUG = False


def test_404_page_shows_the_navigation_and_a_way_on(client):
    response = client.get("/no-such-page/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in content
    assert '<nav class="site-nav" aria-label="Main">' in content
    assert 'href="/forces/"' in content and 'href="/letters/"' in content
    assert '<main id="main"' in content and 'lang="en-GB"' in content


def test_404_page_for_a_missing_record_gives_no_internal_details(client):
    response = client.get("/forces/no-such-force/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in content
    assert "matches the given query" not in content
    assert "URLconf" not in content and "Traceback" not in content


@pytest.mark.urls(__name__)
def test_500_page_is_the_site_template_without_a_traceback():
    client = Client(raise_request_exception=False)

    response = client.get("/_test/fail/")

    content = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in content
    assert '<nav class="site-nav" aria-label="Main">' in content
    assert SECRET_DETAIL not in content
    assert "RuntimeError" not in content and "Traceback" not in content


def test_500_template_renders_without_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        content = render_to_string("500.html")

    assert "<h1>Something went wrong</h1>" in content
    assert "/static/css/site.css" in content
