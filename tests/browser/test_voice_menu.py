"""A listener picks a voice in the menu beside Listen: kept in the browser, heard at once."""

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.helpers import serve_reader

pytestmark = [pytest.mark.browser, pytest.mark.neural, pytest.mark.slow]
AUDIO = "document.getElementById('article-audio')"
LONG = 120_000


@pytest.fixture(scope="module")
def auto_server():
    """A server under auto (Kokoro, Piper, espeak-ng), with one worker to spare the cores."""
    data = Path(tempfile.mkdtemp(prefix="reader-voices-"))
    try:
        with serve_reader(data, SPEECH_ENGINE="auto", SPEECH_WORKERS="1") as running:
            yield running.base
    finally:
        shutil.rmtree(data, ignore_errors=True)


def english_article(page, server) -> None:
    page.goto(f"{server}/?language=en&lang=en")
    page.click(".article-card__title")
    page.wait_for_selector("#player-voice", state="attached")


def test_the_chosen_voice_is_kept_and_read_with(browser, auto_server):
    # bypass_csp: the test waits on conditions written as JavaScript, which the CSP forbids.
    context = browser.new_context(
        locale="en-US", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        english_article(page, auto_server)
        page.wait_for_load_state("load", timeout=LONG)
        assert errors == []
        labels = page.eval_on_selector_all("#player-voice option", "els => els.map(e => e.text)")
        assert labels[0] == "Kumo, neural voice (Kokoro-82M)"
        assert "Joe, neural voice (Piper)" in labels
        with page.expect_navigation(timeout=LONG):
            page.select_option("#player-voice", "piper:en_US-joe-medium")
        page.wait_for_selector("#player-voice", state="attached")
        assert page.input_value("#player-voice") == "piper:en_US-joe-medium"
        page.click("#listen-button")
        page.wait_for_function(f"{AUDIO}.currentTime > 0.3 && !{AUDIO}.paused", timeout=LONG)
        assert "voice=piper%3Aen_US-joe-medium" in page.evaluate(f"{AUDIO}.src")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "voice-menu-1280.png"))
        page.set_viewport_size({"width": 390, "height": 800})
        page.screenshot(path=str(ARTIFACTS / "voice-menu-390.png"))
        # Back to the server's choice: forgotten, and no voice rides along any more.
        with page.expect_navigation(timeout=LONG):
            page.select_option("#player-voice", index=0)
        page.wait_for_selector("#player-voice", state="attached")
        assert page.evaluate("JSON.parse(localStorage.getItem('reader:settings')).voices") == {}
    finally:
        context.close()
