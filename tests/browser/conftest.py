"""A real server with the seed letters loaded, and one headless Chromium for the whole session.

The server runs in a subprocess on a temporary SQLite database (not pytest-django's test
database, whose flushes would wipe the 43 forces the data migration creates). Chromium is
Debian's: Playwright cannot download its own browser here.
"""

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.serving import free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}


def _manage(*args: str, env: dict) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


@contextlib.contextmanager
def _served_site(tmp_path_factory):
    """The site as `make load` leaves it (the commissioner registry, the inspectorate's grades
    and seeds/), served by `manage.py runserver` on a free port: yields its URL and the
    environment that points at its database."""
    database = tmp_path_factory.mktemp("site") / "browser.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "PCCSITE_ENV": "development",
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        # The dataset download (build_dataset, as make load runs it) goes beside the database.
        "DATASET_DIR": str(database.parent / "dataset"),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    _manage("migrate", "--verbosity", "0", env=env)
    registry = sorted(
        str(path) for path in (ROOT / "data" / "reference").glob("commissioners-*.csv")
    )
    _manage("import_commissioners", *registry, env=env)
    grades = sorted(str(path) for path in (ROOT / "data" / "reference").glob("peel_*.csv"))
    _manage("import_grades", *grades, env=env)
    _manage("load_letters", "seeds", env=env)
    _manage("build_dataset", env=env)
    url = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", url.removeprefix("http://")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(url + "/", process, name="runserver", error=RuntimeError)
        yield url, env
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """The seeded site the read-only browser tests share. A test that adds letters or users
    takes `own_site` instead, so what the shared site shows never depends on test order."""
    with _served_site(tmp_path_factory) as (url, _env):
        yield url


@pytest.fixture(scope="module")
def own_site(tmp_path_factory):
    """A seeded site of the test module's own, to change: (its URL, its environment)."""
    with _served_site(tmp_path_factory) as served:
        yield served


@pytest.fixture(scope="session")
def browser():
    if not (CHROMIUM.is_file() or shutil.which(str(CHROMIUM))):
        reason = f"Chromium is not installed at {CHROMIUM} (`make browser-deps` installs it)"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextlib.contextmanager
def _new_page(browser, viewport: dict, **options):
    """A page in a context of its own, in British English with motion reduced."""
    context = browser.new_context(
        viewport=viewport, locale="en-GB", reduced_motion="reduce", **options
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def page(browser):
    """One page for the session: tests navigate it rather than opening their own."""
    with _new_page(browser, {"width": 1280, "height": 900}) as desktop:
        yield desktop


@pytest.fixture(scope="session")
def phone(browser):
    """One 390 px phone page (at twice the pixels) for the session, navigated like `page`."""
    with _new_page(browser, PHONE, device_scale_factor=2) as small:
        yield small


def open_page(page, url):
    """Go to ``url`` and wait for its charts to be drawn; the response, for its status."""
    response = page.goto(url)
    if page.locator("[data-chart]").count():
        page.wait_for_selector("[data-chart][data-drawn]")
    return response


@pytest.fixture(scope="session")
def screenshots_dir(tmp_path_factory) -> Path:
    """Where the README's screenshots go: docs/screenshots/ when PCCSITE_SCREENSHOTS=1 asks
    for them, else a scratch folder (the tests still take and check them). Written on every
    run, they left the tree dirty with pixel-level differences after each `make test`."""
    if os.environ.get("PCCSITE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        return SCREENSHOTS
    return tmp_path_factory.mktemp("screenshots")
