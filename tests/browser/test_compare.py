"""The compare pages in a real browser, on the site as `make load` leaves it (the registry, the
inspectorate's reference grades and seeds/): axe clean at desktop and phone width, no page
wider than a 390 px phone, the chart drawn beside its table, sorting by an area's header."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PHONE, open_page

pytestmark = pytest.mark.browser

PAGES = (
    "/peel/",
    "/peel/2023-25/",
    "/peel/2016/?region=wales",
    "/peel/2021-22/?sort=-investigating-crime",
    "/areas/effectiveness/",
    "/areas/investigating-crime/",
    "/forces/leicestershire/",
)


def _violations(page):
    result = Axe().run(page)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_violations_at_desktop_width(base_url, page, path):
    assert open_page(page, base_url + path).status == 200
    assert _violations(page) == []


@pytest.mark.parametrize("path", PAGES)
def test_a_phone_neither_scrolls_the_page_sideways_nor_finds_violations(base_url, phone, path):
    assert open_page(phone, base_url + path).status == 200
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert _violations(phone) == []


def test_the_cycle_page_shows_every_force_and_draws_its_chart(base_url, page):
    open_page(page, base_url + "/peel/2023-25/")

    rows = page.locator("table.compare-table tbody tr")
    assert rows.count() == 43
    assert page.locator("#cycle-chart[data-drawn] .main-svg").first.is_visible()
    # The chart's table: a row per area with a count per grade, in words in the header.
    counts = page.get_by_role("table", name="Forces per grade and area, PEEL 2023–25")
    assert counts.locator("tbody tr").count() == 9
    assert "Requires improvement" in counts.locator("thead").inner_text()


def test_sorting_by_an_area_orders_the_forces_by_its_grade(base_url, page):
    open_page(page, base_url + "/peel/2018-19/")
    page.locator("thead a[href='?sort=effectiveness']").click()
    page.wait_for_url("**sort=effectiveness**")

    cells = page.locator("table.compare-table tbody tr td:nth-child(3)").all_inner_texts()
    ranks = {"Outstanding": 5, "Good": 4, "Requires improvement": 2, "Inadequate": 1}
    found = [next((r for w, r in ranks.items() if w in text), 0) for text in cells]
    assert found == sorted(found)
    assert found[-1] > found[0]


def test_screenshots_for_the_readme(base_url, phone, page, screenshots_dir):
    for name, path in (("peel-cycle", "/peel/2023-25/"), ("area", "/areas/effectiveness/")):
        open_page(phone, base_url + path)
        phone.locator("table.compare-table tbody tr").nth(3).scroll_into_view_if_needed()
        phone.screenshot(path=screenshots_dir / f"phone-{name}.png")
        assert (screenshots_dir / f"phone-{name}.png").stat().st_size > 10_000
    open_page(page, base_url + "/peel/2023-25/")
    page.locator("#distribution").scroll_into_view_if_needed()
    page.screenshot(path=screenshots_dir / "peel-cycle-chart.png")
