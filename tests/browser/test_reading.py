"""A person reads the seed article and listens to it, in a real browser."""

import pytest

pytestmark = pytest.mark.browser


def open_article(page, server, article_id=1, lang=None):
    query = f"?lang={lang}" if lang else ""
    page.goto(f"{server}/articles/{article_id}{query}")


def test_the_seed_article_shows_every_part_and_reads_aloud(page, server):
    open_article(page, server)
    assert page.locator("h1.article__title").inner_text().startswith("Premières pertes")
    assert page.locator("article time").inner_text() == "5 décembre 2024, 11h58"
    assert page.locator("#ai-notice a").count() == 2
    assert page.locator("h2.article__subheading").count() == 1
    assert page.locator(".tags .tag").count() == 11
    page.click("#listen-button")
    page.wait_for_function(
        "document.getElementById('article-audio').currentTime > 1.5", timeout=30_000
    )
    # The title is read first, so it is highlighted first; only one element at a time.
    page.wait_for_function("document.querySelectorAll('[aria-current=true]').length === 1")
    assert page.locator("#listen-button").get_attribute("data-playing") is not None


def test_listen_reports_a_clear_error_for_a_bad_request(page, server):
    open_article(page, server)
    page.evaluate(
        "document.querySelector('article').dataset.statusUrl = '/articles/1/audio/status?rate=9'"
    )
    page.click("#listen-button")
    page.wait_for_selector("#listen-status button")  # the retry button
    assert page.locator("#listen-status").inner_text().strip() != ""


def test_arabic_article_lays_out_right_to_left(page, server):
    page.goto(f"{server}/?language=ar")
    page.click(".article-card__title")
    assert page.locator("article").get_attribute("dir") == "rtl"
    direction = page.evaluate(
        "getComputedStyle(document.querySelector('.article__body')).direction"
    )
    assert direction == "rtl"


def test_feedback_from_the_notice_is_stored(page, server):
    open_article(page, server)
    page.click("#ai-notice a >> nth=1")
    page.select_option("#category", "pronunciation")
    page.fill("#message", "« Koursk » est bien prononcé, merci.")
    page.click("form.form button[type=submit]")
    page.wait_for_url("**/feedback/thanks**")
    assert page.locator("[role=status]").count() >= 1


@pytest.mark.parametrize("width", [1000, 390, 320])
def test_the_ai_notice_links_wrap_together(page, server, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_article(page, server)  # French: the longest "More info | Send feedback" we have
    links = page.locator("#ai-notice a")
    separator = page.locator("#ai-notice span[aria-hidden=true]")
    if separator.is_visible():
        boxes = [links.nth(0).bounding_box(), separator.bounding_box(), links.nth(1).bounding_box()]
        assert len({round(box["y"]) for box in boxes}) == 1  # one line, never a lone "|"
    else:
        assert width < 360  # only on the narrowest phones do the links wrap, without a "|"
    for box in [page.locator("#ai-notice").bounding_box(), links.nth(1).bounding_box()]:
        assert box["x"] + box["width"] <= width  # nothing runs off the screen
    icon = page.locator("#ai-notice svg").bounding_box()
    sentence = page.locator(".ai-notice__text").bounding_box()
    assert icon["y"] < sentence["y"] + 20  # the icon starts the sentence's first line
