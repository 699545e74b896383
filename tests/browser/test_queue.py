"""A listener queues articles and hears them one after another, in a real browser.

The server reads with the silent engine (audio of silence as long as the text would take), so
three short articles play through in seconds; the gap between them is measured on the <audio>
element's own events and printed (bench, not assertion: the machine is shared and noisy).
"""

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.helpers import serve_reader

pytestmark = pytest.mark.browser

LONG = 90_000
AUDIO = "document.getElementById('article-audio')"
ARTICLE_ID = "document.querySelector('article').dataset.articleId"

# Newest first in the list: Bremen (3 Dec), Lyon (2 Dec), Porto (1 Dec); a fourth from November.
SHORT_ARTICLES = {
    "a-fr-lyon.txt": (
        "Title: Le tram de Lyon roule la nuit\nDate-Line: 2 décembre 2024, 10h00\nLanguage: fr\n\n"
        "Le tram roule désormais toute la nuit le samedi. La ville teste ce service un mois.\n"
    ),
    "b-de-bremen.txt": (
        "Title: Bremen öffnet den Weihnachtsmarkt\nDate-Line: 3. Dezember 2024, 09:00\n"
        "Language: de\n\nDer Markt auf dem Marktplatz ist seit heute geöffnet. "
        "Er schließt um zehn.\n"
    ),
    "c-en-porto.txt": (
        "Title: Porto lights the river\nDate-Line: December 1, 2024, 18:00\nLanguage: en\n\n"
        "The bridges over the river were lit for the first time tonight. Crowds watched.\n"
    ),
    "d-en-autumn.txt": (
        "Title: Autumn leaves in the park\nDate-Line: November 5, 2024, 08:00\nLanguage: en\n\n"
        "The park keeps its leaves on the paths this year, for the birds.\n"
    ),
}

# Every <audio> event of the page, with the article it belonged to and when (ms).
RECORD_EVENTS = """
window.__audioEvents = [];
document.addEventListener('DOMContentLoaded', () => {
  const audio = document.getElementById('article-audio');
  if (!audio) return;
  const types = ['play', 'playing', 'pause', 'ended', 'waiting', 'loadstart', 'canplay'];
  for (const type of types) {
    audio.addEventListener(type, () => window.__audioEvents.push({
      type, at: performance.now(),
      article: document.querySelector('article').dataset.articleId }), { capture: true });
  }
});
// The lock screen's handlers, kept where the test can call them as the system would.
window.__mediaHandlers = {};
if (navigator.mediaSession) {
  const set = navigator.mediaSession.setActionHandler.bind(navigator.mediaSession);
  navigator.mediaSession.setActionHandler = (action, handler) => {
    window.__mediaHandlers[action] = handler;
    set(action, handler);
  };
}
"""


@contextmanager
def serving_short_articles(data: Path, engine: str):
    """A running server (its data in `data`) whose library holds the four short articles."""
    seeds = data / "seeds"
    seeds.mkdir()
    for name, text in SHORT_ARTICLES.items():
        (seeds / name).write_text(text, encoding="utf-8")
    with serve_reader(data, seed=False, SPEECH_ENGINE=engine) as running:
        running.run_reader("seed", "--path", str(seeds))
        yield running


@pytest.fixture(scope="module")
def queue_server():
    """A server with four short articles, read by the silent engine."""
    data = Path(tempfile.mkdtemp(prefix="reader-queue-"))
    with serving_short_articles(data, "silent") as running:
        yield running.base
    shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def listener(page):
    page.add_init_script(RECORD_EVENTS)
    return page


def titles_in_queue(page):
    return page.locator("#queue .queue__link").all_text_contents()


def card(page, title):
    return page.locator(".article-card", has_text=title)


def wait_playing_article(page, title):
    """Until the page shows the article `title` and its audio plays past its start."""
    page.wait_for_function(
        f"""(title) => document.querySelector('.article__title').textContent.includes(title)
             && !{AUDIO}.paused && {AUDIO}.currentTime > 0.2""",
        arg=title,
        timeout=LONG,
    )


def test_listen_to_all_plays_on_into_the_next_article_without_a_click(listener, queue_server):
    page = listener
    # The list filtered by date: only December's three.
    page.goto(f"{queue_server}/?since=2024-12-01&until=2024-12-31")
    assert page.locator(".article-card").count() == 3
    page.click("[data-listen-all]")
    # That one click; from here on the articles follow one another by themselves.
    wait_playing_article(page, "Bremen")
    assert page.locator(".player__next-title").text_content() == "Le tram de Lyon roule la nuit"
    wait_playing_article(page, "Lyon")
    assert page.url.endswith(page.evaluate(f"'/articles/' + {ARTICLE_ID}"))
    # The text on the page is the article being heard: its own sentences are highlighted.
    page.wait_for_function(
        "document.querySelector('.article__body .s[aria-current=true]') !== null", timeout=LONG
    )
    assert "tram" in page.locator(".article__body").text_content()
    wait_playing_article(page, "Porto")
    events = page.evaluate("window.__audioEvents")
    gaps = []
    for index, event in enumerate(events):
        if event["type"] != "ended":
            continue
        playing = next(e for e in events[index:] if e["type"] == "playing")
        assert playing["article"] != event["article"], "\n".join(map(str, events))
        gaps.append(round(playing["at"] - event["at"]))
    assert len(gaps) == 2
    print(f"\nqueue gap, ended -> next playing (ms): {gaps} (paragraph pause: 750 ms)")
    # The last one in the queue: nothing is up next.
    assert page.locator(".player__next").is_hidden()
    page.wait_for_function(f"{AUDIO}.ended", timeout=LONG)
    assert page.evaluate(f"{AUDIO}.paused")
    # Each was heard to its end, so the list marks all three as listened.
    page.goto(f"{queue_server}/?since=2024-12-01")
    assert page.locator(".badge--listened:visible").count() == 3


def test_the_queue_reorders_by_keyboard_and_by_drag_and_stays_after_a_reload(page, queue_server):
    page.goto(queue_server)
    for title in ("Bremen", "Porto", "Autumn"):
        card(page, title).locator("[data-queue-add]").click()
    card(page, "Lyon").locator("[data-queue-next]").click()  # nothing plays: next is first
    assert page.locator("#queue").is_visible()
    assert titles_in_queue(page) == [
        "Le tram de Lyon roule la nuit",
        "Bremen öffnet den Weihnachtsmarkt",
        "Porto lights the river",
        "Autumn leaves in the park",
    ]
    # Keyboard: the focused article's "Move down" button, then Alt+↑ back, then down twice.
    first = page.locator("#queue .queue__item").first
    first.locator('[data-queue-move="1"]').focus()
    page.keyboard.press("Enter")
    assert titles_in_queue(page)[:2] == [
        "Bremen öffnet den Weihnachtsmarkt",
        "Le tram de Lyon roule la nuit",
    ]
    # The focus followed the article it moved.
    assert "Lyon" in page.evaluate("document.activeElement.closest('.queue__item').textContent")
    page.keyboard.press("Alt+ArrowUp")
    assert titles_in_queue(page)[0] == "Le tram de Lyon roule la nuit"
    page.keyboard.press("Alt+ArrowDown")
    page.keyboard.press("Alt+ArrowDown")
    assert titles_in_queue(page)[2] == "Le tram de Lyon roule la nuit"
    # Said to screen readers: the title and its place ("… number 3 of 4", in the page's language).
    page.wait_for_function(
        """(() => { const t = document.getElementById('queue-announcer').textContent;
                    return t.includes('Lyon') && t.includes('3') && t.includes('4'); })()""",
        timeout=5_000,
    )
    # Drag: the last article's handle up to the top.
    handle = page.locator("#queue .queue__item").last.locator(".queue__handle")
    target = page.locator("#queue .queue__item").first.bounding_box()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 6):
        y = box["y"] + (target["y"] + 2 - box["y"]) * step / 5
        page.mouse.move(box["x"] + box["width"] / 2, y)
    page.mouse.up()
    order = [
        "Autumn leaves in the park",
        "Bremen öffnet den Weihnachtsmarkt",
        "Porto lights the river",
        "Le tram de Lyon roule la nuit",
    ]
    assert titles_in_queue(page) == order
    # Remove one, reload: the queue is kept in this browser.
    page.locator("#queue .queue__item").nth(2).locator("[data-queue-remove]").click()
    page.reload()
    assert titles_in_queue(page) == [order[0], order[1], order[3]]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "queue-list.png"), full_page=True)


def test_media_session_next_and_previous_move_through_the_queue(listener, queue_server):
    page = listener
    page.goto(queue_server)
    for title in ("Porto", "Lyon", "Bremen"):
        card(page, title).locator("[data-queue-add]").click()
    page.click("[data-queue-play]")
    wait_playing_article(page, "Porto")
    page.evaluate("window.__mediaHandlers.nexttrack()")
    wait_playing_article(page, "Lyon")
    assert page.evaluate("navigator.mediaSession.metadata.title") == "Le tram de Lyon roule la nuit"
    assert page.locator(".queue__item[aria-current=true] .queue__link").text_content() == (
        "Le tram de Lyon roule la nuit"
    )
    page.evaluate("window.__mediaHandlers.previoustrack()")
    wait_playing_article(page, "Porto")
    # "Play next" on the page being heard puts an article right after it.
    page.goto(f"{queue_server}/?language=en")
    card(page, "Autumn").locator("[data-queue-next]").click()
    page.go_back()
    page.wait_for_selector("#player-queue-toggle:not([hidden])", state="attached")
    assert page.locator(".player__next-title").text_content() == "Autumn leaves in the park"


def serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in Axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_the_list_and_the_player_with_a_queue_are_accessible_and_screenshot(page, queue_server):
    page.goto(queue_server)
    for title in ("Bremen", "Lyon", "Porto", "Autumn"):
        card(page, title).locator("[data-queue-add]").click()
    assert serious_violations(page) == []
    page.click("[data-queue-play]")
    wait_playing_article(page, "Bremen")
    page.click("#player-queue-toggle")
    assert page.locator("#queue").is_visible()
    page.keyboard.press("Escape")
    assert page.locator("#queue").is_hidden()
    page.click("#player-queue-toggle")
    assert serious_violations(page) == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "queue-player.png"))
