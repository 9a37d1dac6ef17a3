"""/section-55/ in a real browser on the seeded site: the clock read from the seed letters'
dates, its filters and sorting, axe clean on a desktop and a 390 px phone.

The four seed inspections with a publication date were each answered within 56 days
(tests/fixtures/seeds-truth.json: the State of Policing letter on the 56th day itself), so
every row reads "On time".
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

TRUTH = json.loads((Path(__file__).parents[1] / "fixtures" / "seeds-truth.json").read_text())


def _published_seed_inspections():
    rows = []
    for letter in TRUTH.values():
        if isinstance(letter, dict) and (letter.get("inspection") or {}).get("published"):
            published = dt.date.fromisoformat(letter["inspection"]["published"])
            rows.append((published, dt.date.fromisoformat(letter["date"])))
    return rows


def test_every_seed_response_is_read_on_time(base_url, page):
    expected = _published_seed_inspections()
    assert all((answered - published).days <= 56 for published, answered in expected)

    page.goto(base_url + "/section-55/")

    rows = page.locator("main table tbody tr")
    assert rows.count() == len(expected)
    statuses = rows.locator("td:nth-child(6)").all_inner_texts()
    assert statuses == ["On time"] * len(expected)
    assert page.locator("main").get_by_text("On time: 4").count() == 1


def test_filters_and_sorting_work_from_the_form(base_url, page):
    page.goto(base_url + "/section-55/")

    page.select_option("#id_status", "late")
    page.get_by_role("button", name="Filter").click()

    assert "status=late" in page.url
    assert page.locator("main table tbody").inner_text().strip() == (
        "No inspections match these filters."
    )

    page.goto(base_url + "/section-55/")
    page.locator("main table thead a", has_text="Days to respond").click()
    days = [int(d) for d in page.locator("main table tbody td:nth-child(7)").all_inner_texts()]
    assert days == sorted(days)


@pytest.mark.parametrize("query", ["", "?status=no-response-loaded", "?sort=-days"])
def test_axe_finds_no_violations_on_desktop_and_phone(base_url, page, browser, query):
    url = base_url + "/section-55/" + query
    phone = browser.new_context(viewport=PHONE, locale="en-GB", reduced_motion="reduce")
    try:
        small = phone.new_page()
        for tab in (page, small):
            tab.goto(url)
            result = Axe().run(tab)
            assert result.violations_count == 0, result.generate_report()
        width = small.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"]
    finally:
        phone.close()


def test_the_navigation_leads_to_it(base_url, page):
    page.goto(base_url + "/")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Section 55").click()

    assert page.url == base_url + "/section-55/"
    assert page.locator("h1").inner_text() == "Section 55 responses"


def test_phone_screenshot_for_the_readme(base_url, browser, screenshots_dir):
    phone = browser.new_context(
        viewport=PHONE, locale="en-GB", reduced_motion="reduce", device_scale_factor=2
    )
    try:
        small = phone.new_page()
        small.goto(base_url + "/section-55/")
        # From the summary: the counts by status, the filters and the first rows.
        small.locator(".clock-summary").evaluate("box => box.scrollIntoView({block: 'start'})")
        target = screenshots_dir / "phone-section-55.png"
        small.screenshot(path=str(target), full_page=False)
    finally:
        phone.close()

    assert target.stat().st_size > 10_000
