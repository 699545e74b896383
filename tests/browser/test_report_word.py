"""A listener reports a mispronounced word from the reading page, in a real browser."""

import pytest

from tests.helpers import open_sentence_report

pytestmark = pytest.mark.browser


def test_report_a_word_from_a_sentence(page, server):
    page.goto(f"{server}/articles/1")
    sentence = page.locator(".article__body p .s").first
    open_sentence_report(page, sentence)
    page.check("input[name=category][value=word]")
    page.click("label[for=word-1]")  # the radio is drawn as a button: its label is clicked
    assert page.is_checked("#word-1")
    page.click("form.report__form button[type=submit]")
    page.wait_for_url("**/feedback/thanks**")
    assert page.locator("[data-sent-report]").count() == 1
    remembered = page.evaluate("JSON.parse(localStorage.getItem('reader:reports'))")
    assert remembered and remembered[-1]["category"] == "word"
