"""Daily use in a real browser, in French, Arabic and Japanese, at 1280 and 390 pixels: the list,
import, the player's resume and seek, the reading settings, forms that keep what was typed.

Every wait is for a condition, with generous timeouts: the machine may be slow and noisy. The
screenshots go to test-artifacts/daily-use/ to be looked at.
"""

import re
import time

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

AUDIO = "document.getElementById('article-audio')"
LONG = 90_000
LANGS = ["fr", "ar", "ja"]
WIDTHS = [1280, 390]
SHOTS = ARTIFACTS / "daily-use"


@pytest.fixture
def wide_page(browser, request):
    """A fresh context (own cookies and localStorage) at the width the test names."""
    contexts = []

    def make(width=1280, lang="fr"):
        context = browser.new_context(
            locale={"fr": "fr-FR", "ar": "ar", "ja": "ja-JP"}.get(lang, lang),
            viewport={"width": width, "height": 900 if width > 500 else 800},
        )
        context.set_default_timeout(30_000)
        contexts.append(context)
        return context.new_page()

    yield make
    failed = getattr(request.node, "rep_call", None)
    for number, context in enumerate(contexts):
        if failed is not None and failed.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            for page in context.pages:
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{number}.png"))
        context.close()


def shot(page, name):
    """Save a screenshot to look at; nothing on the page may run off its sides."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{name}: the page is {widths[0]} px wide in {widths[1]}"


def article_in(page, server, language, lang):
    """Open the first article in `language` with the UI in `lang`; its id."""
    page.goto(f"{server}/?language={language}&lang={lang}")
    page.click(".article-card__title")
    page.wait_for_selector("article[data-article-id]")
    return page.get_attribute("article", "data-article-id")


def wait_rendered(page, seconds):
    """Until the track rendered so far is at least this long (the seek bar's max)."""
    page.wait_for_function(
        f"Number(document.getElementById('player-seek').max) >= {seconds}", timeout=LONG
    )


def sign_in(page, server, editor):
    name, password = editor
    page.goto(f"{server}/login")
    page.fill("#name", name)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("form.form button[type=submit]")


# ---- 4. the list ---------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_list_shows_the_first_article_teasers_and_the_listening_state(
    wide_page, server, lang, width
):
    page = wide_page(width, lang)
    page.goto(f"{server}/?lang={lang}")
    first = page.locator(".article-card").first
    box = first.locator(".article-card__title").bounding_box()
    assert box["y"] + box["height"] < page.viewport_size["height"]  # above the fold
    assert first.locator(".article-card__teaser").is_visible()
    # The language filter is one row (scrolling sideways on a phone), not four.
    chips = page.locator(".filters a")
    rows = {round(chips.nth(i).bounding_box()["y"]) for i in range(chips.count())}
    assert len(rows) == (1 if width < 500 else len(rows))
    # No line of the meta starts with a lone separator.
    assert "·" not in first.locator(".article-card__meta").inner_text()
    shot(page, f"list-{lang}-{width}")


def test_an_article_begun_shows_where_the_reader_stopped(wide_page, server):
    page = wide_page(1280, "fr")
    article_id = article_in(page, server, "ja", "fr")
    # The whole article rendered (as after a first listen), then a place saved at 0:12.
    page.evaluate(f"fetch('/articles/{article_id}/audio/timings')")
    page.wait_for_function(
        f"""(async () => (await (await fetch('/articles/{article_id}/audio/status')).json())
             .complete)()""",
        timeout=LONG,
        polling=1000,
    )
    page.evaluate(
        f"localStorage.setItem('reader:place:{article_id}', JSON.stringify({{time: 12.4, at: 1}}))"
    )
    page.goto(f"{server}/?language=ja&lang=fr")
    card = page.locator(f".article-card[data-article-id='{article_id}']")
    assert card.get_attribute("data-seconds")
    assert card.locator(".article-card__length").is_visible()
    state = card.locator(".article-card__listening")
    state.wait_for(state="visible")
    assert re.fullmatch(r"En écoute : 0:12 sur \d+:\d\d", state.inner_text().replace("\u202f", " "))


# ---- 1. resume, 6. seek by keyboard and ±15 s ---------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_place_is_offered_in_view_and_listen_resumes(wide_page, server, lang):
    page = wide_page(390 if lang == "ja" else 1280, lang)
    article_id = article_in(page, server, "fr", lang)
    page.evaluate(
        f"localStorage.setItem('reader:place:{article_id}', JSON.stringify({{time: 7, at: 1}}))"
    )
    page.reload()
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")  # a restored scroll
    offer = page.locator("#resume-offer")
    offer.wait_for(state="visible")
    page.wait_for_function(  # it slides in: measure where it comes to rest
        "document.getElementById('resume-offer').getAnimations()"
        ".every((a) => a.playState !== 'running')"
    )
    box = offer.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= page.viewport_size["height"]
    assert page.locator("#restart-button").is_visible()
    label = page.locator(".listen__label")
    assert label.inner_text() == label.get_attribute("data-label-resume")
    shot(page, f"resume-{lang}-{page.viewport_size['width']}")
    page.evaluate("window.scrollTo(0, 0)")
    page.click("#listen-button")  # Listen resumes: the place is not wiped
    page.wait_for_function(f"{AUDIO}.currentTime >= 6.5 && !{AUDIO}.paused", timeout=LONG)
    assert offer.is_hidden()


def test_start_over_is_the_second_choice(wide_page, server):
    page = wide_page(1280, "fr")
    article_id = article_in(page, server, "fr", "fr")
    page.evaluate(
        f"localStorage.setItem('reader:place:{article_id}', JSON.stringify({{time: 7, at: 1}}))"
    )
    page.reload()
    page.click("#restart-button")
    page.wait_for_function(f"{AUDIO}.currentTime > 0.3 && !{AUDIO}.paused", timeout=LONG)
    assert page.evaluate(f"{AUDIO}.currentTime") < 6
    assert page.locator("#resume-offer").is_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_the_seek_bar_steps_five_seconds_and_the_buttons_fifteen(wide_page, server, lang):
    page = wide_page(1280, lang)
    article_in(page, server, "fr", lang)
    page.click("#listen-button")
    page.wait_for_function(f"{AUDIO}.currentTime > 0.5", timeout=LONG)
    wait_rendered(page, 40)
    page.click("#player-play")  # pause, so time stands still while we measure
    page.wait_for_function(f"{AUDIO}.paused")
    page.evaluate(f"{AUDIO}.currentTime = 2")
    page.focus("#player-seek")
    forward = "ArrowLeft" if lang == "ar" else "ArrowRight"  # time runs leftwards in Arabic
    page.keyboard.press(forward)
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 7) < 0.3")
    page.keyboard.press("PageUp")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 37) < 0.3")
    page.keyboard.press("PageDown")
    page.keyboard.press("ArrowDown")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 2) < 0.3")
    page.click("[data-action=forward-15]")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 17) < 0.3")
    page.click("[data-action=back-15]")
    page.wait_for_function(f"Math.abs({AUDIO}.currentTime - 2) < 0.3")
    page.focus("#player-seek")
    page.keyboard.press("Home")
    page.wait_for_function(f"{AUDIO}.currentTime < 0.1")
    shot(page, f"player-{lang}-1280")


# ---- 2. CJK typography, 8. small truths ----------------------------------------------------


def test_japanese_sentences_have_no_space_between_them(wide_page, server):
    page = wide_page(390, "ja")
    article_in(page, server, "ja", "ja")
    text = page.locator(".article__body p").first.inner_text()
    assert "。" in text and "。 " not in text
    shot(page, "article-ja-390")


def test_arabic_source_and_download_name(wide_page, server):
    page = wide_page(390, "ar")
    article_in(page, server, "ar", "ar")
    assert page.locator(".article__meta bdi").count() >= 1
    name = page.get_attribute(".player__download[download]", "download")
    assert name.endswith("-ar.mp3") and not name.startswith("reader-article")
    shot(page, "article-ar-390")


# ---- 3. import, 10. paste -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_import_errors_are_told_apart_and_the_form_keeps_what_was_typed(
    wide_page, server, editor, lang
):
    page = wide_page(390 if lang == "ar" else 1280, lang)
    sign_in(page, server, editor)
    page.goto(f"{server}/import?lang={lang}")
    seen = []
    for url in ("ftp://example.org/article", "not an address"):
        page.fill("#import-url", url)
        page.click("form.form button[type=submit]")
        page.wait_for_selector(".form-errors")
        seen.append(page.locator(".form-errors").inner_text())
        assert page.input_value("#import-url") == url
    page.fill("#import-url", "")
    page.click("form.form button[type=submit]")
    seen.append(page.locator(".form-errors").inner_text())
    assert len(set(seen)) == 3
    shot(page, f"import-{lang}-{page.viewport_size['width']}")


def test_pasted_text_is_imported_and_a_second_paste_finds_it(wide_page, server, editor):
    page = wide_page(1280, "fr")
    sign_in(page, server, editor)
    text = (
        "Harbour seals return to the bay of Cedar Point\n"
        "By Jane Doe\n\n"
        'The seals came back on Tuesday, and "nobody expected it", said the warden. '
        "It's the first colony on the sandbank since the '90s, and counting goes on.\n"
    )
    page.goto(f"{server}/import?lang=fr")
    page.fill("#import-text", text)
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert "/articles/" in page.url
    assert page.locator(".article__byline").inner_text() == "By Jane Doe"
    assert "“nobody expected it”" in page.locator(".article__body").inner_text()
    stored = page.url
    page.goto(f"{server}/import?lang=fr")
    page.fill("#import-text", text)
    page.click("form.form button[type=submit]")
    notice = page.locator("p.flash[role=status]")
    notice.wait_for()
    assert "déjà" in notice.inner_text()
    assert stored.endswith(notice.locator("a").get_attribute("href"))


# ---- 5. session expired, 7. the limit said in advance -------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_expired_session_keeps_the_message_and_says_so(wide_page, server, lang):
    page = wide_page(1280 if lang != "ja" else 390, lang)
    page.goto(f"{server}/feedback?article=1&lang={lang}")
    message = "Le mot « Koursk » est lu trop vite."
    page.fill("#message", message)
    counter = page.locator("#message-count")
    assert re.search(r"5\D?000", counter.inner_text())
    page.context.clear_cookies()  # the session is gone, as after a long pause
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".form-errors")
    errors = page.locator(".form-errors").inner_text()
    assert "CSRF" not in errors and errors.strip()
    assert page.input_value("#message") == message
    shot(page, f"feedback-expired-{lang}-{page.viewport_size['width']}")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")  # sent again, it goes through
    assert "/feedback/thanks" in page.url


def test_a_long_paste_is_kept_whole_and_the_counter_warns(wide_page, server):
    page = wide_page(1280, "fr")
    page.goto(f"{server}/feedback?lang=fr")
    page.fill("#message", "x" * 5003)
    assert len(page.input_value("#message")) == 5003  # no silent cut
    counter = page.locator("#message-count")
    assert "char-count--over" in counter.get_attribute("class")
    assert "5" in counter.inner_text() and "003" in counter.inner_text()


# ---- 9. reading settings -------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
def test_the_reading_settings_panel(wide_page, server, lang, width):
    page = wide_page(width, lang)
    article_in(page, server, "fr", lang)
    page.click(".settings__toggle")
    panel = page.locator(".settings__panel")
    panel.wait_for(state="visible")
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # on screen, even on a phone
    page.wait_for_function("document.querySelectorAll('#setting-voice option').length >= 1")
    shot(page, f"settings-{lang}-{width}")
    body_size = "parseFloat(getComputedStyle(document.querySelector('.article__body')).fontSize)"
    before = page.evaluate(body_size)
    page.select_option("#setting-font-size", "larger")
    assert page.evaluate(body_size) > before * 1.2
    page.check("input[name=setting-theme][value=dark]")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.reload()  # kept in this browser
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    assert page.evaluate(body_size) > before * 1.2
    shot(page, f"dark-{lang}-{width}")
    page.click(".settings__toggle")
    page.check("input[name=setting-theme][value=system]")
    assert page.evaluate("document.documentElement.dataset.theme") is None


def test_a_voice_hashtags_and_speed_from_the_settings_reach_the_player(wide_page, server):
    page = wide_page(1280, "fr")
    article_in(page, server, "fr", "fr")
    page.click(".settings__toggle")
    page.wait_for_function("document.querySelectorAll('#setting-voice option').length >= 2")
    options = page.locator("#setting-voice option")
    other = [
        v for v in (options.nth(i).get_attribute("value") for i in range(options.count())) if v
    ][0]
    page.select_option("#setting-voice", other)
    with page.expect_response(lambda r: "/voices/sample" in r.url, timeout=LONG) as sample:
        page.click("#setting-voice-sample")
    assert sample.value.ok and "voice=" in sample.value.url
    page.check("#setting-hashtags")
    page.select_option("#setting-speed", "1.5")
    page.click(".settings__toggle")  # close
    page.click("#listen-button")
    page.wait_for_function(f"{AUDIO}.currentTime > 0.3", timeout=LONG)
    source = page.evaluate(f"{AUDIO}.currentSrc")
    assert "hashtags=read" in source and "voice=" in source
    assert page.evaluate(f"{AUDIO}.playbackRate") == 1.5


def test_the_sleep_timer_pauses_the_reading(wide_page, server):
    page = wide_page(1280, "fr")
    page.clock.install()
    article_in(page, server, "fr", "fr")
    page.click(".settings__toggle")
    page.select_option("#setting-sleep", "15")
    page.click(".settings__toggle")
    page.click("#listen-button")
    started = time.monotonic()
    while page.evaluate(f"{AUDIO}.paused || {AUDIO}.currentTime < 0.3"):
        assert time.monotonic() - started < LONG / 1000, "the audio never started"
        page.clock.run_for(200)  # the player's polling and timers run on the fake clock
        page.wait_for_timeout(200)
    page.clock.run_for("15:01")
    page.wait_for_function(f"{AUDIO}.paused")
    assert page.input_value("#setting-sleep") == "off"  # a timer runs once


def test_the_interface_language_chosen_can_be_undone(wide_page, server):
    page = wide_page(1280, "ja")  # the browser asks for Japanese
    page.goto(f"{server}/?lang=ar")
    assert page.evaluate("document.documentElement.lang") == "ar"
    page.goto(f"{server}/")
    assert page.evaluate("document.documentElement.lang") == "ar"  # the choice sticks
    page.click(".settings__toggle")
    page.click("#setting-language-undo")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "ja"


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_and_the_open_settings_have_no_serious_accessibility_violations(
    wide_page, server, lang
):
    from axe_playwright_python.sync_playwright import Axe

    page = wide_page(390, lang)
    page.goto(f"{server}/?lang={lang}")
    found = Axe().run(page).response["violations"]
    article_in(page, server, "fr", lang)
    page.click(".settings__toggle")
    page.wait_for_function("document.querySelectorAll('#setting-voice option').length >= 1")
    found += Axe().run(page).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
