"""The owner's flows end to end, in a real browser against a real server speaking with espeak-ng.

A listener reports a mispronounced name, an editor fixes it in the lexicon from the report and
marks it fixed, and the listener comes back to hear it right; a listener without an account
changes only what their own browser hears. Each test uses its own browser contexts (fresh
localStorage) and its own report, so the order of the tests does not matter.
"""

import re
from contextlib import contextmanager

import pytest

from tests.browser.conftest import ARTIFACTS
from tests.helpers import open_sentence_report

pytestmark = pytest.mark.browser

LONG = 90_000  # a first render of a sentence by espeak-ng on a busy machine
# A name of the French seed that no starter entry (seeds/lexicon.csv) covers: espeak-ng says
# A~dri'i, a nasal "an"; the Ukrainian name is [andrij].
WORD = "Andrii"
PHONEMES = "andr'ij"


@contextmanager
def new_page(browser, request, name):
    """A page in a fresh context (own cookies, localStorage); a screenshot if the test fails."""
    context = browser.new_context(locale="fr-FR", viewport={"width": 1100, "height": 900})
    context.set_default_timeout(30_000)
    page = context.new_page()
    try:
        yield page
    finally:
        failed = getattr(request.node, "rep_call", None)
        if failed is not None and failed.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{name}.png"), full_page=True)
        context.close()


def sentence_audio(page, server, block, index) -> bytes:
    """One sentence's audio as the server renders it now (no browser cache in between)."""
    response = page.request.get(
        f"{server}/articles/1/sentences/{block}/{index}/audio", timeout=LONG
    )
    assert response.ok, response.status
    assert len(response.body()) > 1000
    return response.body()


def sign_in(page, server, name, password):
    page.goto(f"{server}/login")
    page.fill("#name", name)
    page.fill("#password", password)
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    assert "/login" not in page.url, page.locator(".field-error").all_inner_texts()


def report_word(page, server, word) -> dict:
    """As a listener: report the word as mispronounced from its sentence; the sent report."""
    page.goto(f"{server}/articles/1")
    sentence = page.locator(".article__body p .s", has_text=word)
    assert sentence.count() == 1
    open_sentence_report(page, sentence)
    page.check("input[name=category][value=word]")
    label = page.locator("label.word-pick__word", has_text=re.compile(f"^{word}$"))
    label.click()  # the radio is drawn as a button: its label is clicked
    assert page.is_checked(f"#{label.get_attribute('for')}")
    page.click("form.report__form button[type=submit]")
    page.wait_for_url("**/feedback/thanks**")
    sent = page.locator("[data-sent-report]")
    assert sent.count() == 1
    report = {
        "id": int(sent.get_attribute("data-sent-report")),
        "block": sent.get_attribute("data-block"),
        "sentence": sent.get_attribute("data-sentence"),
    }
    remembered = page.evaluate("JSON.parse(localStorage.getItem('reader:reports'))")
    assert any(r["id"] == report["id"] and r["category"] == "word" for r in remembered)
    return report


def test_a_reported_word_is_fixed_by_an_editor_and_heard_right(browser, request, server, editor):
    with (
        new_page(browser, request, "listener") as listener,
        new_page(browser, request, "editor") as desk,
    ):
        # The listener reports the name; the sentence and a neighbour sound like this before.
        report = report_word(listener, server, WORD)
        block, index = report["block"], report["sentence"]
        neighbour = "0" if index != "0" else "1"
        listener.goto(f"{server}/articles/1")
        reported = listener.locator(f'[data-block="{block}"] .s[data-sentence="{index}"]')
        other = listener.locator(f'[data-block="{block}"] .s[data-sentence="{neighbour}"]')
        assert WORD in reported.inner_text() and WORD not in other.inner_text()
        before = sentence_audio(listener, server, block, index)
        neighbour_before = sentence_audio(listener, server, block, neighbour)

        # The editor signs in, finds the report with the word marked and fixes it from there.
        sign_in(desk, server, *editor)
        desk.goto(f"{server}/admin/feedback")
        card = desk.locator(f"#report-{report['id']}")
        card.wait_for()
        assert card.get_attribute("data-status") == "new"
        assert card.locator(".report-card__sentence mark").inner_text() == WORD
        ARTIFACTS.mkdir(exist_ok=True)
        desk.screenshot(path=str(ARTIFACTS / "owner-flow-inbox.png"), full_page=True)
        card.locator(f'a[href$="/admin/lexicon/new?report={report["id"]}"]').click()
        desk.wait_for_url(f"**/admin/lexicon/new?report={report['id']}")
        assert desk.input_value("#pattern") == WORD
        assert desk.input_value("#language") == "fr"
        desk.select_option("#kind", "phonemes")
        desk.fill("#replacement", PHONEMES)
        desk.screenshot(path=str(ARTIFACTS / "owner-flow-lexicon-form.png"), full_page=True)
        with desk.expect_navigation():
            desk.click("form.form button[type=submit]:not([formaction])")
        assert desk.url.endswith("/admin/feedback"), desk.url  # back in the inbox
        card = desk.locator(f"#report-{report['id']}")
        with desk.expect_navigation():
            card.locator("button[name=status][value=fixed]").click()
        desk.locator(f'#report-{report["id"]}[data-status="fixed"]').wait_for()

        # The listener comes back: a note under the sentence's paragraph, and "Listen again".
        listener.goto(f"{server}/articles/1")
        note = listener.locator(f'[data-fixed-report="{report["id"]}"]')
        note.wait_for()
        expected = listener.evaluate("document.querySelector('article').dataset.textFixedWord")
        assert note.locator("span").inner_text() == expected
        assert listener.evaluate(
            "(note) => note.previousElementSibling.dataset.block", note.element_handle()
        ) == str(block)
        note.scroll_into_view_if_needed()
        listener.screenshot(path=str(ARTIFACTS / "owner-flow-fixed-note.png"))
        again = note.locator("button").first
        assert again.inner_text() == listener.evaluate(
            "document.querySelector('article').dataset.textListenAgain"
        )
        with listener.expect_request(f"**/articles/1/sentences/{block}/{index}/audio"):
            again.click()

        # What they hear: the reported sentence is spoken anew, its neighbour as before.
        assert sentence_audio(listener, server, block, index) != before
        assert sentence_audio(listener, server, block, neighbour) == neighbour_before


def test_a_listener_without_an_account_changes_only_their_own_listening(browser, request, server):
    with new_page(browser, request, "listener") as page:
        page.goto(f"{server}/articles/1")
        assert page.locator("article").get_attribute("lang") == "fr"
        page.click("details.language-override summary")
        select = page.locator("#listen-language")
        select.wait_for(state="visible")
        # Not the form that changes the article for everyone.
        assert page.locator("#article-language").count() == 0
        assert page.locator('form[action$="/articles/1/language"]').count() == 0
        assert select.input_value() == "fr"
        assert page.locator("#listen-language-note").is_hidden()

        with page.expect_navigation():  # the choice reloads the page
            select.select_option("de")
        page.wait_for_load_state()
        assert page.evaluate("JSON.parse(localStorage.getItem('reader:language:1'))") == "de"
        assert page.locator("#listen-language").input_value() == "de"
        page.locator("#listen-language-note").wait_for(state="visible")
        assert page.locator("article").get_attribute("lang") == "fr"  # the page is unchanged

        # The audio requests carry the choice; they are stopped there (no German render needed).
        requested = []

        def stop(route):
            requested.append(route.request.url)
            route.abort()

        page.route(re.compile(r"/articles/1/audio"), stop)
        with page.expect_request(re.compile(r"/articles/1/audio.*[?&]language=de(&|$)")):
            page.click("#listen-button")
        assert requested and all("language=de" in url for url in requested), requested

        # Even a hand-made request with a valid CSRF token is sent to sign in.
        page.goto(f"{server}/feedback/report?article=1&block=1&sentence=0")
        token = page.input_value("input[name=csrf_token]")
        response = page.request.post(
            f"{server}/articles/1/language",
            form={"csrf_token": token, "language": "de"},
            max_redirects=0,
        )
        assert response.status == 302
        assert "/login" in response.headers["location"]

    with new_page(browser, request, "fresh") as fresh:
        # Someone else still reads and hears the article in French.
        fresh.goto(f"{server}/articles/1")
        assert fresh.locator("article").get_attribute("lang") == "fr"
        assert fresh.locator("#listen-language").input_value() == "fr"
        assert fresh.locator("#listen-language-note").is_hidden()
        assert fresh.evaluate("localStorage.getItem('reader:language:1')") is None
        # Importing is for editors: the form sends a listener to sign in.
        fresh.goto(f"{server}/import")
        assert re.search(r"/login(\?|$)", fresh.url), fresh.url
        assert fresh.locator("#name").count() == 1
