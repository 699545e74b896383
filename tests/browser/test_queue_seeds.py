"""The issue's "done when": a listener queues the ten seed articles and hears them one by one.

A real server reads with espeak-ng (the fastest real engine, at a high rate); the browser queues
every article of the list with its own "Add to queue", plays the queue, and moves on with the
player's "next track" (what a headset or the lock screen sends) once each article's audio has
started, rather than listening to ten articles through; the last one is then heard to its end.
"""

import shutil
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_queue import AUDIO, RECORD_EVENTS, titles_in_queue
from tests.helpers import SEEDS, serve_reader

pytestmark = pytest.mark.browser

SEED_COUNT = 10
FAST_RATE = "450"  # words per minute: espeak-ng's own upper range, still every word said
START_SECONDS = 180
WAIT_MS = 60_000  # for one article's first audio on a busy host (the render starts on arrival)
# The article on the page, in the player's title and in the queue, all one: the id and title.
SHOWN = """(item) => {
  const flat = (text) => text.replace(/\\s+/g, ' ').trim();
  const article = document.querySelector('article[data-article-id]');
  const current = document.querySelector('#queue .queue__item[aria-current=true]');
  return article.dataset.articleId === String(item.id)
    && flat(document.querySelector('.article__title').textContent) === flat(item.title)
    && flat(document.querySelector('.player__title').textContent) === flat(item.title)
    && current !== null && current.dataset.id === String(item.id);
}"""
# Heard: the <audio> element plays past its start and the page follows it sentence by sentence.
HEARD = f"""() => !{AUDIO}.paused && {AUDIO}.currentTime > 0.2
  && document.querySelector('.article__body .s[aria-current=true]') !== null"""


@pytest.fixture(scope="module")
def seeded_server():
    """`reader seed` (the ten seed articles) and `reader serve` with espeak-ng, read fast."""
    data = Path(tempfile.mkdtemp(prefix="reader-queue-seeds-"))
    try:
        # Its start preloads espeak-ng's voices: slow on a host other test runs keep busy.
        with serve_reader(
            data, start_seconds=START_SECONDS, SPEECH_ENGINE="espeak", SPEECH_RATE=FAST_RATE
        ) as running:
            yield running.base
    finally:
        shutil.rmtree(data, ignore_errors=True)


def queued_items(page) -> list[dict]:
    """Each card's own queue item (id, title, page, …), in the list's order."""
    return page.evaluate(
        "Array.from(document.querySelectorAll('.article-card [data-queue-item]'),"
        " (holder) => JSON.parse(holder.dataset.queueItem))"
    )


def test_the_ten_seed_articles_are_heard_one_after_another(page, seeded_server):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_EVENTS)
    page.goto(seeded_server)
    items = queued_items(page)
    assert len(items) == len(list(SEEDS.glob("*.txt"))) == SEED_COUNT
    for item in items:
        page.locator(f'.article-card[data-article-id="{item["id"]}"] [data-queue-add]').click()
    assert titles_in_queue(page) == [item["title"] for item in items]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "queue-ten-seeds.png"), full_page=True)

    page.click("[data-queue-play]")
    for number, item in enumerate(items, start=1):
        page.wait_for_function(SHOWN, arg=item, timeout=WAIT_MS)
        page.wait_for_function(HEARD, timeout=WAIT_MS)
        assert page.url.endswith(item["page"]), (number, page.url)
        following = items[number]["title"] if number < len(items) else None
        if following:
            assert page.locator(".player__next-title").text_content() == following
            page.evaluate("window.__mediaHandlers.nexttrack()")
    # The tenth is the last: nothing is up next, and heard to its end it stops there.
    assert page.locator(".player__next").is_hidden()
    page.wait_for_function(f"Number.isFinite({AUDIO}.duration)", timeout=WAIT_MS)
    page.evaluate(f"{AUDIO}.currentTime = {AUDIO}.duration - 1")
    page.wait_for_function(f"{AUDIO}.ended", timeout=WAIT_MS)
    page.wait_for_timeout(1_000)  # room for a wrong move on to another article, if any
    assert page.evaluate(f"{AUDIO}.paused")
    assert page.url.endswith(items[-1]["page"])
    page.wait_for_function(SHOWN, arg=items[-1], timeout=1_000)
    assert page.locator("#player-message").is_hidden()
    assert errors == []
    # Every article started once: each `playing` of the <audio> belongs to the queue's order.
    events = page.evaluate("window.__audioEvents")
    started = []
    for event in events:
        if event["type"] == "playing" and (not started or started[-1] != event["article"]):
            started.append(event["article"])
    assert started == [str(item["id"]) for item in items]
