"""The site in a real browser, with the seed letters loaded by the real loader.

Expected values come from tests/fixtures/seeds-truth.json (what a careful reader extracts from
the seeds), never from the page itself.
"""

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from devtools.pages import LIST_PATHS
from inspections import vocabulary as vocab
from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

TRUTH = json.loads((Path(__file__).parents[1] / "fixtures" / "seeds-truth.json").read_text())
LIST_PAGES = LIST_PATHS
DETAIL_LINKS = {
    "force": "/forces/",
    "commissioner": "/commissioners/",
    "inspection": "/inspections/",
    "letter": "/letters/",
}


@pytest.fixture(scope="session")
def site_pages(base_url, page):
    """Every list page plus one detail page of each kind, found by following links."""
    pages = [base_url + path for path in LIST_PAGES]
    for kind, prefix in DETAIL_LINKS.items():
        page.goto(base_url + prefix)
        link = page.locator(f"main table a[href^='{prefix}']").first
        pages.append(base_url + link.get_attribute("href"))
        assert kind  # every kind has a detail page in the seeded site
    return pages


def _expected_leicestershire_points():
    """(area label, ISO date, rank) for every seed grade: published date, else letter date."""
    points = set()
    for letter in TRUTH.values():
        if not isinstance(letter, dict) or letter.get("force") != "Leicestershire Police":
            continue
        when = letter["inspection"].get("published") or letter["date"]
        for area, grade in letter["grades"]:
            points.add((vocab.AREA_LABELS[area], when, vocab.GRADE_RANK[grade]))
    return points


def test_every_page_renders_with_a_title_and_landmarks(site_pages, page):
    for url in site_pages:
        response = page.goto(url)

        assert response.status == 200, url
        assert page.locator("h1").count() == 1, url
        assert page.locator("main#main").count() == 1, url
        assert page.locator("nav[aria-label='Main']").count() == 1, url
        assert page.evaluate("document.documentElement.lang") == "en-GB"


def test_no_request_leaves_the_site(site_pages, page):
    requested = []

    def record(request):
        requested.append(request.url)

    page.on("request", record)
    try:
        for url in site_pages:
            open_page(page, url)
    finally:
        page.remove_listener("request", record)

    origin = re.match(r"https?://[^/]+", site_pages[0]).group(0)
    assert requested and all(url.startswith(origin) for url in requested)
    assert any(url.endswith("/static/vendor/plotly/plotly-basic.min.js") for url in requested)


def test_force_timeline_draws_every_seed_grade(base_url, page):
    open_page(page, base_url + "/forces/leicestershire/")

    traces = page.evaluate(
        "Array.from(document.getElementById('force-timeline').data, t => "
        "({name: t.name, x: t.x, y: t.y}))"
    )

    plotted = {
        (trace["name"], x[:10], round(y))
        for trace in traces
        for x, y in zip(trace["x"], trace["y"], strict=True)
        if x is not None
    }
    assert plotted == _expected_leicestershire_points()


def test_force_timeline_marks_framework_breaks(base_url, page):
    open_page(page, base_url + "/forces/leicestershire/")

    shapes = page.evaluate("document.getElementById('force-timeline').layout.shapes")

    breaks = {shape["x0"][:10] for shape in shapes if shape["type"] == "line"}
    assert {f.starts.isoformat() for f in vocab.FRAMEWORKS[1:3]} <= breaks


def test_forces_table_sorts_and_filters(base_url, page):
    page.goto(base_url + "/forces/")
    letters_header = page.locator("th", has=page.get_by_role("link", name=re.compile("^Letters")))

    letters_header.get_by_role("link").click()
    letters_header.get_by_role("link").click()

    assert letters_header.get_attribute("aria-sort") == "descending"
    first_row = page.locator("main table tbody tr").first
    assert first_row.locator("td").first.inner_text() == "Leicestershire Police"

    page.get_by_label("Name").fill("wales")
    page.get_by_role("button", name="Filter").click()

    names = page.locator("main table tbody tr td:first-child").all_inner_texts()
    assert names == ["North Wales Police", "South Wales Police"]


def test_grade_quote_leads_to_its_highlighted_words_in_the_letter(base_url, page):
    page.goto(base_url + "/forces/leicestershire/")
    quote = page.locator("a.quote-link").first
    expected_words = quote.inner_text().strip("“”")

    quote.click()

    page.wait_for_url(re.compile(r"/letters/\d+/#grade-\d+$"))
    anchor = page.url.rsplit("#", 1)[1]
    mark = page.locator(f"mark#{anchor}")
    assert mark.is_visible()
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert " ".join(mark.inner_text().split()) == " ".join(expected_words.split())
    assert mark.evaluate("m => m.getBoundingClientRect().top") < page.viewport_size["height"]


def test_skip_link_is_the_first_tab_stop_and_moves_to_main(base_url, page):
    page.goto(base_url + "/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Enter")

    assert focused == "Skip to main content"
    assert page.url.endswith("#main")


def test_axe_finds_no_violations(site_pages, page):
    axe = Axe()
    failures = {}
    for url in site_pages:
        open_page(page, url)
        result = axe.run(page)
        if result.violations_count:
            failures[url] = [
                (v["id"], [n["target"] for n in v["nodes"]][:3])
                for v in result.response["violations"]
            ]

    assert failures == {}


@pytest.mark.parametrize(
    "name, path",
    [
        ("home", "/"),
        ("force", "/forces/leicestershire/"),
        ("letter", None),
        ("search", "/search/?q=%22preventing+crime%22"),
    ],
)
def test_screenshots_for_the_readme(base_url, page, screenshots_dir, name, path):
    if path is None:
        # The letter behind the most grades on the force page, scrolled to its first grade.
        page.goto(base_url + "/forces/leicestershire/")
        links = [
            a.split("#")[0]
            for a in page.locator("a.quote-link").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"
            )
        ]
        letter = max(set(links), key=links.count)
        path = next(
            a
            for a in page.locator("a.quote-link").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"
            )
            if a.startswith(letter)
        )
    open_page(page, base_url + path)

    target = screenshots_dir / f"{name}.png"
    page.screenshot(path=str(target), full_page=False)

    assert target.stat().st_size > 10_000
    assert dt.datetime.fromtimestamp(target.stat().st_mtime).date() == dt.date.today()
