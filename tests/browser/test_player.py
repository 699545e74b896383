"""A listener uses the player: follows the highlight, skips around, keeps their place, in a browser.

Every wait is for a condition, with generous timeouts: the machine may be slow and noisy.
"""

import pytest

pytestmark = pytest.mark.browser

AUDIO = "document.getElementById('article-audio')"
CURRENT = "document.querySelectorAll('[aria-current=true]')"
LONG = 90_000


def open_article(page, server, article_id=1, lang=None):
    query = f"?lang={lang}" if lang else ""
    page.goto(f"{server}/articles/{article_id}{query}")


def open_arabic_article(page, server, lang="ar"):
    page.goto(f"{server}/?language=ar&lang={lang}")
    page.click(".article-card__title")
    page.wait_for_selector("article[dir=rtl]")


def listen(page):
    """Press Listen and wait until the audio is actually playing."""
    page.click("#listen-button")
    page.wait_for_function(f"{AUDIO}.currentTime > 0.5 && !{AUDIO}.paused", timeout=LONG)


def body_sentence(page, n):
    """The n-th sentence of the article body (1-based), as a locator."""
    return page.locator(".article__body .s").nth(n - 1)


def wait_until_current(page, locator, timeout=LONG):
    handle = locator.element_handle()
    page.wait_for_function(
        f"(el) => el.getAttribute('aria-current') === 'true' && {CURRENT}.length === 1",
        arg=handle,
        timeout=timeout,
    )


def cue_of(page, locator):
    """The timing-track cue of a body sentence (waits for the render on the server)."""
    return page.evaluate(
        """async (el) => {
            const block = Number(el.closest('[data-block]').dataset.block);
            const start = Number(el.dataset.start);
            const id = document.querySelector('article').dataset.articleId;
            const track = await (await fetch(`/articles/${id}/audio/timings`)).json();
            return track.sentences.find((c) => c.block === block && c.span && c.span[0] === start);
        }""",
        locator.element_handle(),
    )


def current_text(page):
    return page.evaluate(f"{CURRENT}[0] ? {CURRENT}[0].textContent : null")


def blur(page):
    page.evaluate("document.activeElement && document.activeElement.blur()")


def test_listen_plays_and_the_highlight_moves_to_the_second_sentence(page, server):
    open_article(page, server)
    listen(page)
    assert page.locator("#player").is_visible()
    page.wait_for_function(f"{AUDIO}.currentTime > 1.5", timeout=LONG)
    second = body_sentence(page, 2)
    wait_until_current(page, second, timeout=120_000)
    assert page.evaluate(f"{CURRENT}.length") == 1
    assert current_text(page) == second.text_content()


def record_first_seek(page):
    page.evaluate(
        f"""window.firstSeek = null;
            {AUDIO}.addEventListener('seeked', () => {{
              if (window.firstSeek === null) window.firstSeek = {AUDIO}.currentTime; }});"""
    )


def click_first_word(page, locator):
    """Click the start of a sentence's first line: its first word, whatever its layout."""
    locator.scroll_into_view_if_needed()
    box = page.evaluate(
        "(el) => { const r = el.getClientRects()[0];"
        " return {x: r.left + 3, y: r.top + r.height / 2}; }",
        locator.element_handle(),
    )
    page.mouse.click(box["x"], box["y"])


def test_clicking_the_fifth_sentence_plays_from_its_start(page, server):
    open_article(page, server)
    listen(page)
    fifth = body_sentence(page, 5)
    cue = cue_of(page, fifth)
    record_first_seek(page)
    click_first_word(page, fifth)  # a click on a word plays from that word (words.js)
    wait_until_current(page, fifth)
    page.wait_for_function(f"window.firstSeek !== null && !{AUDIO}.paused", timeout=LONG)
    assert abs(page.evaluate("window.firstSeek") - cue["start"]) < 0.1
    page.wait_for_function(f"{AUDIO}.currentTime >= {cue['start']}", timeout=LONG)


def test_a_sentence_tapped_before_listening_starts_the_audio_there(page, server):
    open_article(page, server, article_id=3)
    third = body_sentence(page, 3)
    record_first_seek(page)
    third.click()
    wait_until_current(page, third)
    page.wait_for_function(f"window.firstSeek !== null && !{AUDIO}.paused", timeout=LONG)
    cue = cue_of(page, third)
    assert abs(page.evaluate("window.firstSeek") - cue["start"]) < 0.1
    assert page.locator("#player").is_visible()


def test_errors_are_explained_in_the_readers_language_with_a_retry(page, server):
    open_article(page, server, lang="de")
    page.evaluate(
        "document.querySelector('article').dataset.statusUrl = '/articles/1/audio/status?rate=9'"
    )
    page.click("#listen-button")
    retry = page.locator("#listen-status button")
    retry.wait_for()
    assert retry.inner_text() == "Erneut versuchen"
    assert "Die Sprechgeschwindigkeit" in page.locator("#listen-status").inner_text()


def test_speed_two_applies_with_pitch_kept_and_is_remembered(page, server):
    open_article(page, server)
    listen(page)
    page.select_option("#player-speed", "2")
    page.wait_for_function(f"{AUDIO}.playbackRate === 2")
    assert page.evaluate(f"{AUDIO}.preservesPitch") is True
    page.reload()
    assert page.locator("#player-speed").input_value() == "2"
    open_article(page, server, article_id=2)  # the speed is global, not per article
    listen(page)
    page.wait_for_function(f"{AUDIO}.playbackRate === 2")


def test_reload_offers_to_resume_where_the_listener_stopped(page, server):
    open_article(page, server)
    assert page.locator("#resume-offer").is_hidden()
    listen(page)
    page.wait_for_function(f"{AUDIO}.currentTime > 6", timeout=LONG)
    page.click("#player-play")  # pause: the place is saved
    page.wait_for_function(f"{AUDIO}.paused")
    stopped_at = page.evaluate(f"{AUDIO}.currentTime")
    page.reload()
    offer = page.locator("#resume-offer")
    offer.wait_for(state="visible")
    assert offer.inner_text().strip() != ""
    page.click("#resume-button")
    page.wait_for_function(
        f"{AUDIO}.currentTime >= {stopped_at} - 0.5 && !{AUDIO}.paused", timeout=LONG
    )
    assert page.locator("#resume-offer").is_hidden()


def test_keyboard_controls_play_skip_and_change_speed(page, server):
    open_article(page, server)
    assert page.get_attribute("#player-play", "aria-keyshortcuts") == "Space K"
    page.keyboard.press("k")  # K starts listening from anywhere on the page
    page.wait_for_function(f"{AUDIO}.currentTime > 0.5 && !{AUDIO}.paused", timeout=LONG)
    blur(page)
    page.keyboard.press("k")
    page.wait_for_function(f"{AUDIO}.paused")
    page.keyboard.press("Space")
    page.wait_for_function(f"!{AUDIO}.paused")
    page.keyboard.press("Space")
    page.wait_for_function(f"{AUDIO}.paused")
    page.keyboard.press("k")
    page.wait_for_function(f"!{AUDIO}.paused")

    # Arrows move sentence by sentence; Shift+arrows paragraph by paragraph.
    first = body_sentence(page, 1)
    first.click()
    wait_until_current(page, first)
    blur(page)
    page.keyboard.press("ArrowRight")
    wait_until_current(page, body_sentence(page, 2))
    page.keyboard.press("ArrowLeft")
    wait_until_current(page, first)
    page.keyboard.press("Shift+ArrowRight")
    wait_until_current(page, page.locator("[data-block='1'] .s").first)
    page.keyboard.press("Shift+ArrowLeft")
    wait_until_current(page, first)

    page.keyboard.press("+")
    page.wait_for_function(f"{AUDIO}.playbackRate === 1.25")
    page.keyboard.press("-")
    page.keyboard.press("-")
    page.wait_for_function(f"{AUDIO}.playbackRate === 0.75")
    page.wait_for_function("document.getElementById('player-announcer').textContent.trim() !== ''")

    # Not while typing: a shortcut pressed in a form field belongs to the field.
    page.focus("#player-seek")
    page.keyboard.press("k")
    assert page.evaluate(f"{AUDIO}.paused") is False


def test_scrolling_away_pauses_following_until_back_to_current(page, server):
    open_article(page, server)
    listen(page)
    page.wait_for_function(f"{CURRENT}.length === 1", timeout=LONG)
    page.mouse.move(500, 300)
    page.mouse.wheel(0, 6000)
    back = page.locator("#follow-back")
    back.wait_for(state="visible", timeout=30_000)
    back.click()
    back.wait_for(state="hidden", timeout=30_000)
    page.wait_for_function(
        f"""(() => {{ const box = {CURRENT}[0].getBoundingClientRect();
                      return box.bottom > 0 && box.top < innerHeight; }})()""",
        timeout=30_000,
    )


def test_finishing_an_article_marks_it_listened_in_the_list(page, server):
    open_arabic_article(page, server, lang="fr")
    article_id = page.get_attribute("article", "data-article-id")
    listen(page)
    # Wait for the whole track, then skip to its last second rather than listen to all of it.
    page.wait_for_function(
        """(async () => { const id = document.querySelector('article').dataset.articleId;
             const s = await (await fetch(`/articles/${id}/audio/status`)).json();
             return s.complete; })()""",
        timeout=LONG,
        polling=1000,
    )
    page.evaluate(
        f"""(async () => {{ const id = document.querySelector('article').dataset.articleId;
             const track = await (await fetch(`/articles/${{id}}/audio/timings`)).json();
             const end = track.sentences[track.sentences.length - 1].end;
             {AUDIO}.currentTime = Math.max(0, end - 1); }})()"""
    )
    page.wait_for_function(
        f"localStorage.getItem('reader:listened:{article_id}') !== null", timeout=LONG
    )
    page.goto(f"{server}/?language=ar")
    badge = page.locator(f"[data-article-id='{article_id}'] .badge--listened")
    assert badge.is_visible()
    assert page.locator(".badge--listened:visible").count() == 1


def test_lock_screen_gets_title_artwork_and_handlers(page, server):
    open_article(page, server)
    listen(page)
    metadata = page.evaluate(
        """(() => { const m = navigator.mediaSession.metadata;
             return m && { title: m.title, album: m.album, artwork: m.artwork.length }; })()"""
    )
    assert metadata["title"].startswith("Premières pertes")
    assert metadata["album"] == "reader"
    assert metadata["artwork"] >= 1
    artwork = page.request.get(f"{server}/static/artwork-512.png")
    assert artwork.ok and artwork.headers["content-type"] == "image/png"
    download = page.request.get(f"{server}{page.get_attribute('.player__download', 'href')}")
    assert download.ok


def test_arabic_article_and_its_player_are_laid_out_right_to_left(page, server):
    open_arabic_article(page, server)
    assert page.locator("article").get_attribute("dir") == "rtl"
    listen(page)
    player = page.locator("#player")
    assert player.get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.getElementById('player')).direction") == "rtl"

    def left(selector):
        return page.locator(selector).bounding_box()["x"]

    # Mirrored: "previous" sits on the right, elapsed time on the right, remaining on the left.
    assert left("[data-action=previous-sentence]") > left("[data-action=next-sentence]")
    assert left("#player-elapsed") > left("#player-remaining")
    assert page.get_attribute("[data-action=previous-sentence]", "aria-keyshortcuts") == (
        "ArrowRight"
    )


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_reading_page_has_no_serious_accessibility_violations(page, server, lang):
    from axe_playwright_python.sync_playwright import Axe

    open_article(page, server, lang=lang)
    listen(page)  # check the page with the player open, the highlight and the live region in use
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_opus_is_streamed_and_mp3_serves_a_browser_without_opus(page, server):
    open_article(page, server)
    listen(page)
    assert "format=opus" in page.evaluate(f"{AUDIO}.currentSrc")
    # A browser that cannot play Ogg/Opus (older Safari) gets MP3 and still plays.
    page.add_init_script("HTMLMediaElement.prototype.canPlayType = () => '';")
    open_article(page, server)
    listen(page)
    assert "format=mp3" in page.evaluate(f"{AUDIO}.currentSrc")
