"""The site on a 390 px wide phone, in a real browser: no page wider than the screen, tables
that scroll inside their box and say so (to eyes, to screen readers, to keyboards), axe clean.

The seeded site's every list page (also filtered, sorted and paged), every detail page its
tables link to, a force with no letters and the 404 page.
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from devtools.pages import LIST_PATHS
from tests.browser.conftest import PHONE, open_page

pytestmark = pytest.mark.browser

MORE_LIST_PAGES = (
    "/forces/?page=2",
    "/forces/?has_letters=true&sort=-letter_count",
    "/letters/?sort=-date",
    "/inspections/?cycle=2023-25",
    "/areas-for-improvement/?kind=afi",
)
DETAIL_PREFIXES = ("/forces/", "/commissioners/", "/inspections/", "/letters/")
HINT = "Scroll sideways to see all of the table."


@pytest.fixture(scope="session")
def every_page(base_url, phone):
    """Every public page of the seeded site, by following the list tables' links."""
    paths = [*LIST_PATHS, *MORE_LIST_PAGES, "/forces/avon-and-somerset/"]
    for prefix in DETAIL_PREFIXES:
        phone.goto(base_url + prefix + ("?has_letters=true" if prefix == "/forces/" else ""))
        links = phone.locator(f"main table a[href^='{prefix}']").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        paths += sorted(set(links))
    return [base_url + path for path in dict.fromkeys(paths)]


def test_no_page_is_wider_than_a_phone(every_page, phone, base_url):
    too_wide = {}
    for url in [*every_page, base_url + "/no-such-page/"]:
        response = open_page(phone, url)
        assert response.status in (200, 404), url
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[url] = width

    assert too_wide == {}
    assert len(every_page) > 20


def test_axe_finds_no_violations_on_a_phone(every_page, phone):
    axe = Axe()
    failures = {}
    for url in every_page:
        open_page(phone, url)
        result = axe.run(phone)
        if result.violations_count:
            failures[url] = [
                (v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in result.response["violations"]
            ]

    assert failures == {}


def test_a_table_wider_than_the_phone_says_it_scrolls(base_url, phone):
    open_page(phone, base_url + "/forces/")
    box = phone.get_by_role(
        "region", name=re.compile("^Forces, each with its grades at its latest PEEL cycle")
    )
    hint = phone.locator(".table-hint").first

    assert hint.is_visible() and hint.inner_text().endswith(HINT)
    assert box.get_attribute("aria-describedby") == hint.get_attribute("id")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert box.get_attribute("data-more") == "right"  # the shadow is on the side with more
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_keyboard_reaches_and_scrolls_a_wide_table(base_url, phone):
    open_page(phone, base_url + "/letters/")
    box = phone.locator(".table-container")

    box.focus()  # a tab stop: the box has tabindex 0 while its table is wider than it
    phone.keyboard.press("ArrowRight")

    assert box.evaluate("b => document.activeElement === b && b.tabIndex === 0")
    phone.wait_for_function("() => document.querySelector('.table-container').scrollLeft > 0")
    # More to see either side now: both shadows show, once the scroll event (dispatched with
    # the next frame, after scrollLeft changes) has been handled.
    phone.wait_for_function(
        "() => document.querySelector('.table-container').dataset.more === 'both'", timeout=5000
    )
    assert box.get_attribute("data-more") == "both"


def test_a_table_that_fits_has_no_hint_and_no_tab_stop(base_url, phone):
    open_page(phone, base_url + "/")  # the grade distribution: two narrow columns

    box = phone.get_by_role("region", name="Grades in the latest cycle", exact=True)

    assert box.evaluate("b => b.scrollWidth <= b.clientWidth")
    assert box.get_attribute("tabindex") is None
    assert box.get_attribute("aria-describedby") is None
    assert phone.locator(".table-hint:visible").count() == 0


def test_phone_screenshot_of_a_list_page_for_the_readme(base_url, phone, screenshots_dir):
    open_page(phone, base_url + "/letters/")
    # The list from its count of results: the hint, the caption and the first rows.
    phone.locator(".result-count").evaluate("count => count.scrollIntoView({block: 'start'})")
    phone.evaluate("window.scrollBy(0, -16)")

    target = screenshots_dir / "phone-letters.png"
    phone.screenshot(path=str(target), full_page=False)

    assert target.stat().st_size > 10_000
