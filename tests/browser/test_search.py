"""Search in a real browser: the header's search box, ranked results with highlighted
snippets, a result opening the letter at its first marked match, filters kept while paging,
and every page of it axe-clean."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def _violations(page):
    result = Axe().run(page)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


def test_the_header_search_finds_letters_and_opens_the_marked_words(base_url, page):
    page.goto(base_url + "/forces/")
    page.get_by_role("searchbox", name="Search the letters").fill('"preventing crime"')
    page.get_by_role("button", name="Search", exact=True).first.click()
    page.wait_for_url("**/search/?q=*")

    results = page.locator("ol.search-results > li")
    assert results.count() >= 1
    # Stemmed, as the index reads words: "preventing crime" also finds "prevent crime".
    marked = page.locator("ol.search-results mark.match").first.inner_text().lower()
    assert marked.startswith("prevent") and marked.endswith("crime")
    assert _violations(page) == []

    results.first.locator("h2 a").click()
    page.wait_for_url("**/letters/**")
    assert page.url.endswith("#match-1")
    first = page.locator("mark#match-1")
    words = first.inner_text().lower()
    assert words.startswith("prevent") and words.endswith("crime")
    assert first.evaluate("el => el.matches(':target')")
    box = first.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
    assert _violations(page) == []


def test_filters_stay_set_on_the_results_and_the_next_page(base_url, page):
    page.goto(base_url + "/search/?q=police&scope=letter")
    assert page.get_by_label("Search in").input_value() == "letter"
    assert page.get_by_label("Words").input_value() == "police"
    assert (
        page.locator(".result-count")
        .inner_text()
        .startswith(f"{page.locator('ol.search-results > li').count()} result")
    )
    assert _violations(page) == []


def test_search_within_a_forces_letters_from_its_page(base_url, page):
    page.goto(base_url + "/forces/leicestershire/")
    box = page.get_by_role("searchbox", name="Search Leicestershire Police's letters")
    box.fill("grade")
    box.press("Enter")
    page.wait_for_url("**/search/?*")

    assert "force=" in page.url
    meta = page.locator(".search-result__meta").all_inner_texts()
    assert meta and all(text.startswith("Leicestershire Police") for text in meta)


def test_the_data_page_and_api_docs_are_clean(base_url, page):
    page.goto(base_url + "/data/")
    assert page.get_by_role("heading", name="Data, API and how to cite").is_visible()
    assert _violations(page) == []

    page.goto(base_url + "/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".swagger-ui .opblock").count() >= 12
