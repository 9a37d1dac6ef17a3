"""The JSON API: every endpoint's responses validated against the OpenAPI description the
site serves (openapi-core), its filters, bounded pages, conditional GETs, CORS, read-only
methods and pinned query counts."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from openapi_core import OpenAPI
from openapi_core.exceptions import OpenAPIError
from openapi_core.testing import MockRequest, MockResponse

from api.pagination import MAX_PAGE_SIZE
from inspections.models import AreaForImprovement, Grade, Inspection
from letters.loading import load_letters
from letters.models import Letter
from pccsite.caching import bump_data_version, version_key
from tests.builders import get_force, make_answered_inspection

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    return OpenAPI.from_dict(json.loads(response.content))


@pytest.fixture
def loaded(seeds_dir, fixtures_dir):
    """The real seed and fixture letters, loaded as the command loads them."""
    load_letters(paths=[seeds_dir, fixtures_dir / "letters"])
    return Letter.objects.count()


def get_valid(client, openapi, url, **params):
    """GET ``url`` and validate the response against the schema; returns its JSON."""
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    request = MockRequest("http://testserver", "get", url, args=params)
    try:
        openapi.validate_response(
            request,
            MockResponse(response.content, status_code=200, content_type=response["Content-Type"]),
        )
    except OpenAPIError as exc:
        # The exception's text holds the whole body; its causes name what is wrong.
        causes = getattr(exc.__cause__, "schema_errors", None) or [exc.__cause__ or exc]
        pytest.fail(f"{url} does not match the schema: " + "; ".join(str(c)[:300] for c in causes))
    return response.json()


def _detail_urls():
    # Rows the public API shows: the fixtures include texts that are not a commissioner's
    # response, which are stored but hidden (a detail of one is a 404, as on the site).
    grade = Grade.objects.public().first()
    inspection = Inspection.objects.public().filter(grades__in=Grade.objects.public()).first()
    letter = (
        Letter.objects.public()
        .filter(grades__isnull=False, commissioner__isnull=False)
        .order_by("pk")
        .first()
    )
    return [
        reverse("api:force-detail", args=[letter.force.slug]),
        reverse("api:commissioner-detail", args=[letter.commissioner.slug]),
        reverse("api:inspection-detail", args=[inspection.pk]),
        reverse("api:letter-detail", args=[letter.pk]),
        reverse("api:grade-detail", args=[grade.pk]),
        reverse("api:finding-detail", args=[AreaForImprovement.objects.public().first().pk]),
    ]


LISTS = ["force", "commissioner", "inspection", "letter", "grade", "finding"]


def test_the_schema_is_a_valid_openapi_3_document_naming_every_endpoint(client):
    from openapi_spec_validator import validate

    schema = client.get("/api/openapi.json").json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    for name in ("forces", "commissioners", "inspections", "letters", "grades", "findings"):
        assert f"/api/{name}/" in schema["paths"]
    assert "/api/forces/{slug}/" in schema["paths"]
    assert "/api/letters/{id}/" in schema["paths"]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_validates_against_the_schema(client, openapi, loaded, name):
    body = get_valid(client, openapi, reverse(f"api:{name}-list"))

    assert body["count"] > 0
    assert body["results"]


def test_every_detail_validates_against_the_schema(client, openapi, loaded):
    for url in _detail_urls():
        get_valid(client, openapi, url)


def test_a_letter_follows_the_extraction_contract_and_its_spans_point_into_its_text(
    client, openapi, loaded
):
    letter = (
        Letter.objects.filter(commissioner__isnull=False, grades__isnull=False)
        .filter(areas_for_improvement__isnull=False)
        .distinct()
        .first()
    )
    body = get_valid(client, openapi, reverse("api:letter-detail", args=[letter.pk]))

    for key in ("date", "reference", "force", "commissioner", "recipient", "inspection"):
        assert key in body
    assert body["force"] == letter.force.name
    assert body["force_code"] == letter.force.ons_code
    assert set(body["inspection"]) >= {"kind", "title", "period", "published"}
    assert set(body["recipient"]) == {"name", "salutation"}
    assert {"area", "grade", "quote"} <= set(body["grades"][0])
    assert {"number", "text", "response"} <= set(body["areas_for_improvement"][0])
    for grade in body["grades"]:
        if grade["start"] is not None:
            assert body["text"][grade["start"] : grade["end"]] == grade["quote"]
    for start, end in body["spans"].values():
        assert 0 <= start < end <= len(body["text"])


def test_an_inspection_carries_its_grades_and_findings(client, openapi):
    inspection = make_answered_inspection()
    body = get_valid(client, openapi, reverse("api:inspection-detail", args=[inspection.pk]))

    assert {g["area"] for g in body["grades"]} == {"preventing-crime", "investigating-crime"}
    assert body["areas_for_improvement"][0]["response"] == "We have started recording it."
    assert body["force"]["ons_code"] == "E23000021"
    assert body["framework"] == "peel-2023-25"


def test_inspections_carry_the_section_55_clock_read_today(client, openapi, settings):
    import datetime as dt

    from tests.builders import make_inspection

    settings.SECTION55_TODAY = dt.date(2025, 6, 30)
    late = make_answered_inspection(published=dt.date(2025, 1, 2))  # its letter: 28 Jan 2025
    Letter.objects.filter(inspection=late).update(date=dt.date(2025, 3, 31))
    waiting = make_inspection(published=dt.date(2025, 6, 1))
    unpublished = make_inspection(published=None)

    rows = {
        row["id"]: row
        for row in get_valid(client, openapi, reverse("api:inspection-list"))["results"]
    }

    assert (rows[late.pk]["response_due"], rows[late.pk]["responded"]) == (
        "2025-02-27",
        "2025-03-31",
    )
    assert (rows[late.pk]["response_status"], rows[late.pk]["days_late"]) == ("late", 32)
    assert rows[waiting.pk]["response_status"] == "not-yet-due"
    assert rows[waiting.pk]["responded"] is None
    assert rows[unpublished.pk]["response_status"] is None
    assert rows[unpublished.pk]["response_due"] is None


def test_a_new_day_is_a_new_response_for_conditional_gets(client, settings):
    import datetime as dt

    from django.utils import timezone

    settings.SECTION55_TODAY = timezone.localdate()
    url = reverse("api:inspection-list")
    first = client.get(url)

    # Midnight: the clock moved on, the data did not.
    settings.SECTION55_TODAY = timezone.localdate() + dt.timedelta(days=1)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (again.status_code, since.status_code) == (200, 200)
    assert again["ETag"] != first["ETag"]


def test_forces_are_found_by_slug_with_their_ons_codes(client, openapi):
    body = get_valid(client, openapi, reverse("api:force-detail", args=["gwent"]))

    assert body["ons_code"] == "W15000002"
    assert body["url"] == "http://testserver/forces/gwent/"


def test_lists_take_the_tables_filters(client, openapi, loaded):
    force = Letter.objects.public().filter(grades__isnull=False).order_by("pk").first().force
    url = reverse("api:grade-list")

    body = get_valid(client, openapi, url, force=str(force.pk), grade="good")

    public = Grade.objects.public()
    assert body["count"] == public.filter(inspection__force=force, grade="good").count()
    assert all(row["force"]["slug"] == force.slug for row in body["results"])
    assert all(row["grade"] == "good" for row in body["results"])
    welsh = get_valid(client, openapi, reverse("api:force-list"), country="Wales")
    assert {row["ons_code"][:3] for row in welsh["results"]} == {"W15"}
    assert welsh["count"] == 4


def test_pages_are_bounded(client, openapi):
    url = reverse("api:force-list")

    first = get_valid(client, openapi, url, page_size="10")
    huge = get_valid(client, openapi, url, page_size=str(MAX_PAGE_SIZE * 10))

    assert len(first["results"]) == 10
    assert first["next"].endswith("page=2&page_size=10")
    assert len(huge["results"]) == 43  # capped at MAX_PAGE_SIZE, and there are only 43
    assert client.get(url, {"page": "99"}).status_code == 404


def test_ids_and_order_are_stable_between_pages(client, openapi):
    url = reverse("api:force-list")
    pages = [get_valid(client, openapi, url, page=str(n), page_size="20") for n in (1, 2, 3)]
    slugs = [row["slug"] for page in pages for row in page["results"]]

    assert len(slugs) == len(set(slugs)) == 43


def test_conditional_get_answers_304_until_the_data_changes(client):
    url = reverse("api:force-list")
    first = client.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]

    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get(reverse("api:grade-list"), HTTP_IF_NONE_MATCH=etag).status_code == 200

    cache.set(version_key(), "another version")  # as bump_data_version does after a change
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_conditional_get_costs_no_query(client, django_assert_num_queries):
    etag = client.get(reverse("api:grade-list"))["ETag"]

    with django_assert_num_queries(0):
        response = client.get(reverse("api:grade-list"), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_a_change_moves_last_modified_on(client, django_capture_on_commit_callbacks):
    url = reverse("api:force-list")
    etag = client.get(url)["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        bump_data_version()

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_cors_is_open_for_get_on_the_api_only(client):
    api = client.get(reverse("api:force-list"), HTTP_ORIGIN="https://example.org")
    page = client.get(reverse("inspections:force_list"), HTTP_ORIGIN="https://example.org")
    preflight = client.options(
        reverse("api:force-list"),
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert api["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in api["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in page
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, method):
    inspection = make_answered_inspection()
    for url in (reverse("api:inspection-list"), reverse("api:inspection-detail", args=[1])):
        response = getattr(client, method)(url, data={}, content_type="application/json")
        assert response.status_code == 405
    assert Inspection.objects.get() == inspection


def test_docs_are_served_from_our_own_static_files_with_no_inline_script(client):
    page = client.get(reverse("api:docs")).content.decode()
    script = client.get(reverse("api:docs"), {"script": ""})

    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "<script>" not in page and "cdn" not in page.lower()
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/openapi.json" in script.content.decode()


# Queries per request, whatever the number of rows: count, page, and each prefetch.
QUERY_COUNTS = {
    "force-list": 2,  # count, page (counts and latest commissioner are subqueries)
    "force-detail": 1,
    "commissioner-list": 2,
    "commissioner-detail": 1,
    "inspection-list": 2,
    "inspection-detail": 3,  # inspection with counts, grades, findings
    "letter-list": 2,
    "letter-detail": 3,  # letter with force/commissioner/inspection, grades, findings
    "grade-list": 2,
    "grade-detail": 1,
    "finding-list": 2,
    "finding-detail": 1,
}


def _url(name, inspection):
    letter = inspection.letters.get()
    args = {
        "force-detail": [inspection.force.slug],
        "commissioner-detail": [letter.commissioner.slug],
        "inspection-detail": [inspection.pk],
        "letter-detail": [letter.pk],
        "grade-detail": [inspection.grades.first().pk],
        "finding-detail": [inspection.areas_for_improvement.first().pk],
    }.get(name, [])
    return reverse(f"api:{name}", args=args)


@pytest.mark.parametrize("name", QUERY_COUNTS)
@pytest.mark.parametrize("forces", [1, 4])
def test_query_counts_stay_flat(client, django_assert_num_queries, name, forces):
    slugs = ["leicestershire", "kent", "essex", "gwent"][:forces]
    inspections = [make_answered_inspection(get_force(slug)) for slug in slugs]
    url = _url(name, inspections[0])

    with django_assert_num_queries(QUERY_COUNTS[name]):
        response = client.get(url)
    assert response.status_code == 200
