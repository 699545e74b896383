"""Browser fixtures: a real server on a free port, Debian's chromium through Playwright."""

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM, serve_reader

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="session")
def running_server():
    """`reader seed` then `reader serve` on a free port, with real espeak-ng."""
    # Not under pytest's basetemp: a concurrent pytest run on the same machine prunes old
    # basetemp folders, which would delete the database under the running server.
    data = Path(tempfile.mkdtemp(prefix="reader-browser-"))
    with serve_reader(data, SPEECH_ENGINE="espeak") as running:
        yield running
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture(scope="session")
def server(running_server):
    """The running server's address, e.g. http://127.0.0.1:PORT."""
    return running_server.base


EDITOR = ("ed", "correct horse battery")


@pytest.fixture(scope="session")
def editor(running_server):
    """An editor account on the running server, made with `reader user add`: (name, password)."""
    name, password = EDITOR
    running_server.run_reader("user", "add", name, "--role", "editor", "--password", password)
    return EDITOR


@pytest.fixture(scope="session")
def browser():
    # tests/conftest.py skips (or with READER_REQUIRE_ALL_TIERS=1 fails) the browser tests
    # before this runs when chromium or playwright is missing.
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    # Playwright polls a string predicate of wait_for_function with eval(), which the app's
    # Content-Security-Policy forbids: these tests' own code, not the app's, so the policy is
    # bypassed here. tests/browser/test_security_policy.py opens its page without the bypass.
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 1100, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
