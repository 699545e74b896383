"""The Content-Security-Policy holds in a real browser: no violation while reading and playing."""

from pathlib import Path

import pytest

from tests.browser.test_player import AUDIO, LONG

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts"

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


@pytest.fixture
def strict_page(browser):
    """A page under the app's real policy (the shared `page` fixture bypasses it)."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1100, "height": 900})
    yield context.new_page()
    context.close()


def test_reading_and_playing_break_no_policy(strict_page, server):
    page = strict_page
    page.add_init_script(RECORD_VIOLATIONS)
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    response = page.goto(f"{server}/articles/1")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    # Static files come from their fingerprinted URLs, cached for good.
    css = page.evaluate("document.querySelector('link[rel=stylesheet]').href")
    assert "/static/" in css and css.split("/static/")[1].split("/")[0].isalnum()
    page.click("#listen-button")
    # Predicates as functions: a string predicate is polled with eval(), which the policy blocks.
    page.wait_for_function(f"() => {AUDIO}.currentTime > 1.5 && !{AUDIO}.paused", timeout=LONG)
    page.keyboard.press("ArrowRight")  # next sentence: the player moves, styles are set by JS
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "csp-reading-page-playing.png"))
    assert page.evaluate("window.__violations") == []
    assert [text for text in console_errors if "Content Security Policy" in text] == []
    # The player's stylesheet works under the policy: the bar is laid out, not unstyled.
    position = "getComputedStyle(document.getElementById('player')).position"
    assert page.evaluate(position) == "fixed"
