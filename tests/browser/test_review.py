"""A staff user uploads letters, reviews one, corrects and confirms it, in a real Chromium:
the upload's progress page continues by itself, the queue and the review screen are axe-clean,
the review screen is worked from the keyboard, and the public letter page then says what staff
corrected."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import _manage
from tests.conftest import FIXTURES_DIR

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-9"
KENT = FIXTURES_DIR / "letters" / "pcc-kent-peel-2021-22-summary-mismatch.txt"


def _violations(page):
    result = Axe().run(page)
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]]


@pytest.fixture(scope="module")
def base_url(own_site):
    """This module's own seeded site: the letters it uploads must not reach the shared one."""
    return own_site[0]


@pytest.fixture(scope="module")
def staff(own_site, base_url, browser):
    """A signed-in superuser's own browser context (the session's page stays anonymous)."""
    env = {
        **own_site[1],
        "DJANGO_SUPERUSER_USERNAME": "reviewer",
        "DJANGO_SUPERUSER_EMAIL": "reviewer@example.org",
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
    }
    _manage("createsuperuser", "--noinput", env=env)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill("reviewer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(base_url + "/admin/")
    try:
        yield page
    finally:
        context.close()


def test_staff_upload_review_correct_and_confirm(base_url, staff, page, tmp_path, screenshots_dir):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip, so not a Word document")

    staff.goto(base_url + "/admin/letters/letter/")
    staff.get_by_role("link", name="Upload letters").click()
    staff.wait_for_url("**/upload/")
    assert _violations(staff) == []
    staff.get_by_label("Letter files").set_input_files([str(KENT), str(broken)])
    staff.get_by_role("button", name="Upload and load").click()

    # The page asks for the next files by itself until the run is done.
    staff.get_by_text("Done: 2 of 2 files loaded").wait_for()
    assert "broken.docx" in staff.locator(".upload-failed").inner_text()
    assert _violations(staff) == []

    staff.get_by_role("link", name="Review the letters of this upload").click()
    staff.wait_for_url("**/review/?run=*")
    reasons = staff.locator(".review-table tbody tr").first.inner_text()
    assert "the counts it states disagree with the grades it names" in reasons
    assert _violations(staff) == []

    staff.get_by_role("link", name=KENT.name).click()
    staff.wait_for_url("**/review/*/")
    staff.locator("#review-form").wait_for()
    assert staff.locator(".letter-evidence mark").count() >= 5
    assert _violations(staff) == []

    # Keyboard only: the first grade's select, a new grade chosen with the arrow keys, then
    # "Save corrections" pressed with Enter.
    grade = staff.locator("select[name$='-grade']").first
    before = grade.input_value()
    grade.focus()
    staff.keyboard.press("ArrowDown" if before != "inadequate" else "ArrowUp")
    after = grade.input_value()
    assert after != before
    staff.get_by_role("button", name="Save corrections").focus()
    staff.keyboard.press("Enter")
    staff.get_by_text("Saved corrections").wait_for()
    assert staff.locator("select[name$='-grade']").first.input_value() == after
    assert "Corrected by reviewer on" in staff.locator("#review-form").inner_text()

    review_url = staff.url
    staff.screenshot(path=str(screenshots_dir / "review.png"))
    staff.get_by_role("button", name="Confirm", exact=True).focus()
    staff.keyboard.press("Enter")
    staff.get_by_text("Confirmed").first.wait_for()

    letter_id = _letter_id(staff, base_url)
    page.goto(f"{base_url}/letters/{letter_id}/")
    notes = page.locator(".review-notes").inner_text()
    assert "Confirmed by staff on" in notes
    assert "corrected by staff on" in notes and "the letter says" in notes
    assert "reviewer" not in page.content()
    assert _violations(page) == []

    # On a 390 px phone the review screen is one column, never wider than the screen.
    staff.set_viewport_size({"width": 390, "height": 844})
    staff.goto(review_url)
    assert staff.evaluate("document.documentElement.scrollWidth") <= 390
    text, form = (
        staff.locator(".review-text").bounding_box(),
        staff.locator("#review-form").bounding_box(),
    )
    assert form["y"] >= text["y"] + text["height"]
    assert _violations(staff) == []


def _letter_id(staff, base_url):
    staff.goto(base_url + f"/admin/letters/letter/?q={KENT.stem}")
    href = staff.locator("#result_list tbody th a").first.get_attribute("href")
    return re.search(r"/letter/(\d+)/change/", href).group(1)
