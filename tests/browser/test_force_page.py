"""A force's page in a real browser on the seeds: the headline and grid lead, the grid reads on a
390 px phone without the page scrolling sideways, a grade's quote opens from the keyboard, the
chart shows before Plotly and Plotly replaces it, the glossary links land on their entries, and
axe finds nothing on a phone or a desktop.
"""

import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from inspections import vocabulary as vocab
from tests.browser.conftest import PHONE, open_page

pytestmark = pytest.mark.browser

TRUTH = json.loads((Path(__file__).parents[1] / "fixtures" / "seeds-truth.json").read_text())
FORCE = "/forces/leicestershire/"


def _seed_grades():
    """(area label, grade label) of every Leicestershire grade the seeds state."""
    grades = set()
    for letter in TRUTH.values():
        if isinstance(letter, dict) and letter.get("force") == "Leicestershire Police":
            grades |= {
                (vocab.AREA_LABELS[area], vocab.GRADE_LABELS[grade])
                for area, grade in letter["grades"]
            }
    return grades


def test_grid_holds_every_seed_grade_in_words_and_colour(base_url, page):
    open_page(page, base_url + FORCE)
    grid = page.locator("section[aria-labelledby='grid']")

    shown = set()
    for row in grid.locator("tbody tr").all():
        area = row.locator("th").inner_text().strip()
        for badge in row.locator(".grade").all():
            word = badge.inner_text().strip()
            shown.add((area, word))
            colour_class = "grade--" + word.lower().replace(" ", "-")
            assert colour_class in badge.get_attribute("class")
            # Colour as well as the word: the badge's background is not the page's white.
            background = badge.evaluate("b => getComputedStyle(b).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")

    assert shown == _seed_grades()
    headline = page.locator("#headline").inner_text()
    # The seeds' newest PEEL report (2023/24) has no grades read: the headline says so.
    assert re.match(
        r"Rated \w+ in \d+ of \d+ areas at its latest PEEL inspection with grades loaded, ",
        headline,
    )
    # The headline and the grid come before the timeline.
    order = page.evaluate(
        "['headline', 'grid', 'timeline'].map(id => "
        "document.getElementById(id).getBoundingClientRect().top)"
    )
    assert order == sorted(order)


def test_a_grade_quote_opens_from_the_keyboard(base_url, page):
    open_page(page, base_url + FORCE)
    summary = page.locator("section[aria-labelledby='grid'] details summary").first
    quote = page.locator("section[aria-labelledby='grid'] details .grade-grid__quote").first

    assert not quote.is_visible()
    # Tab from the grid's introduction, as a keyboard user arrives.
    page.locator("section[aria-labelledby='grid'] a.term").last.focus()
    for _ in range(8):
        page.keyboard.press("Tab")
        if summary.evaluate("s => document.activeElement === s"):
            break
    assert summary.evaluate("s => document.activeElement === s")
    page.keyboard.press("Enter")

    assert quote.is_visible()
    assert summary.evaluate("s => document.activeElement === s")
    link = quote.get_by_role("link", name="Read it in the letter")
    assert re.search(r"/letters/\d+/#grade-\d+$", link.get_attribute("href"))
    page.keyboard.press("Tab")
    assert link.evaluate("a => document.activeElement === a")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # closes again
    assert not quote.is_visible()


def test_grid_reads_on_a_phone_as_cards_without_sideways_scrolling(base_url, phone):
    open_page(phone, base_url + FORCE)

    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    grid = phone.locator(".grade-grid").first
    assert grid.evaluate("g => g.scrollWidth <= g.clientWidth")  # no scroll box either
    # Each cell names its inspection, since the header row is not shown.
    cell = grid.locator("td").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert "PEEL" in label
    phone.locator(".grade-grid summary").first.click()
    assert phone.locator(".grade-grid .grade-grid__quote").first.is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_chart_is_drawn_before_plotly_and_replaced_by_it(base_url, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + FORCE)
        static = page.locator("#force-timeline svg.chart__static")
        assert static.is_visible()
        assert static.get_attribute("aria-hidden") == "true"
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()

    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        open_page(page, base_url + FORCE)
        assert page.locator("#force-timeline .chart__static").count() == 0
        assert page.locator("#force-timeline .main-svg").count() >= 1
    finally:
        context.close()


def test_glossary_links_land_on_their_entries(base_url, page):
    open_page(page, base_url + FORCE)
    link = page.locator("a.term", has_text="PEEL").first

    link.click()

    page.wait_for_url(re.compile(r"/glossary/#term-peel$"))
    assert page.locator("#term-peel").is_visible()
    assert (
        "Police effectiveness, efficiency and legitimacy" in page.locator("#term-peel").inner_text()
    )


@pytest.mark.parametrize("path", [FORCE, "/glossary/", "/forces/kent/"])
def test_axe_finds_no_violations_on_the_force_page_and_glossary(base_url, page, phone, path):
    axe = Axe()
    for tab in (page, phone):
        open_page(tab, base_url + path)
        if tab.locator(".grade-grid summary").count():
            tab.locator(".grade-grid summary").first.click()  # the quote open, too
        result = axe.run(tab)
        assert result.violations_count == 0, [
            (v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]
        ]


def test_phone_screenshot_of_a_force_page_for_the_readme(base_url, phone, screenshots_dir):
    open_page(phone, base_url + FORCE)
    phone.locator("h1").evaluate("h => h.scrollIntoView({block: 'start'})")

    target = screenshots_dir / "phone-force.png"
    phone.screenshot(path=str(target), full_page=False)

    assert target.stat().st_size > 10_000
