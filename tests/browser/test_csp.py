"""The Content-Security-Policy holds in a real browser: no page of ours trips it.

Violations are caught two ways: Chromium's console messages about the policy, and a
`securitypolicyviolation` listener that Playwright installs in every document before any of the
page's own scripts run (an init script is injected by the browser, not an inline <script> of
ours, so the policy does not apply to it).
"""

import re
from dataclasses import dataclass, field

import pytest

from devtools.pages import LIST_PATHS

pytestmark = pytest.mark.browser

LIST_PAGES = [
    *LIST_PATHS,
    "/forces/?name=wales",
    "/letters/?sort=-date",
    "/search/?q=police",
    "/search/?q=%22preventing+crime%22&scope=letter",
    # Swagger UI, from our own static files, with its start-up script a file of its own.
    "/api/docs/",
]
DETAIL_PREFIXES = ["/forces/", "/commissioners/", "/inspections/", "/letters/"]
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@dataclass
class Watched:
    page: object
    console: list[str] = field(default_factory=list)

    def record(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.console.append(message.text)


@pytest.fixture
def watched(browser):
    """A fresh page whose CSP violations, from the console and from events, are recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.add_init_script(COLLECT_VIOLATIONS)
    result = Watched(page)
    page.on("console", result.record)
    try:
        yield result
    finally:
        context.close()


def _visit(page, url) -> list[str]:
    """Open ``url``, let its charts draw, and return the violations seen there."""
    response = page.goto(url)
    assert response.status == 200, url
    if page.locator("[data-chart]").count():
        page.wait_for_selector("[data-chart][data-drawn]")
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


def _every_public_page(page, base_url) -> list[str]:
    urls = [base_url + path for path in LIST_PAGES]
    for prefix in DETAIL_PREFIXES:
        page.goto(base_url + prefix)
        href = page.locator(f"main table a[href^='{prefix}']").first.get_attribute("href")
        urls.append(base_url + href)
    return urls


def test_csp_holds_on_every_public_page_and_the_admin_login(base_url, watched):
    urls = [*_every_public_page(watched.page, base_url), base_url + "/admin/login/"]
    violations = {}
    for url in urls:
        seen = _visit(watched.page, url)
        if seen:
            violations[url] = seen

    assert violations == {}
    assert watched.console == []


def test_csp_policy_is_the_one_served(base_url, watched):
    response = watched.page.goto(base_url + "/")

    policy = response.headers["content-security-policy"]
    assert re.search(r"script-src 'self'(;|$)", policy)


def test_csp_collector_sees_an_inline_script_being_refused(base_url, watched):
    # The check above is only worth something if a violation would be caught: inject one.
    page = watched.page
    _visit(page, base_url + "/")

    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true;";
            document.body.append(script);
        }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")

    assert page.evaluate("window.__inlineRan === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))
    assert watched.console
