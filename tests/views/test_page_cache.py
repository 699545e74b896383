"""The reading page anonymous readers share: rendered once per article revision and language,
rendered again as soon as an editor, an import or another server process changes the article."""

from dataclasses import replace

import pytest

from reader.library import articles as article_service
from reader.library.importer import draft_from_path
from tests.helpers import SEEDS, load_seed, make_app


def cached_pages(app) -> int:
    return len(app.extensions["reader.page_cache"])


def refuse_to_load(monkeypatch):
    """From now on, a page that needs rendering fails the test: only cached pages answer."""

    def loaded(*_args):
        pytest.fail("the reading page was rendered again")

    monkeypatch.setattr(article_service, "get_article", loaded)


def test_a_second_reader_gets_the_page_without_it_being_rendered_again(
    app, client, french_article, monkeypatch
):
    first = client.get(f"/articles/{french_article.id}")
    assert first.status_code == 200 and cached_pages(app) == 1
    refuse_to_load(monkeypatch)
    second = app.test_client().get(f"/articles/{french_article.id}")
    assert second.status_code == 200
    assert second.data == first.data
    assert second.content_type == "text/html; charset=utf-8"
    # The headers every response gets are still there.
    assert "Content-Security-Policy" in second.headers and "X-Request-ID" in second.headers


def test_a_readers_page_carries_no_session_and_no_csrf_token(client, french_article):
    response = client.get(f"/articles/{french_article.id}")
    assert "Set-Cookie" not in response.headers
    assert 'name="csrf-token"' not in response.get_data(as_text=True)


def test_an_editor_gets_the_page_with_their_forms_and_token_never_the_readers(
    app, client, editor_client, french_article
):
    client.get(f"/articles/{french_article.id}")  # the reader's page, cached
    page = editor_client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert 'name="csrf-token"' in page and 'name="csrf_token"' in page
    assert 'action="/articles/1/language"' in page
    assert cached_pages(app) == 1
    # ...and the reader never gets the editor's.
    reader_page = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert 'name="csrf_token"' not in reader_page and "Sign out" not in reader_page


def test_each_ui_language_has_its_own_page(app, client, french_article):
    german = client.get(f"/articles/{french_article.id}", headers={"Accept-Language": "de"})
    english = client.get(f"/articles/{french_article.id}", headers={"Accept-Language": "en"})
    assert 'lang="de"' in german.get_data(as_text=True).split(">", 2)[1]
    assert "Wrong language?" in english.get_data(as_text=True)
    assert "Wrong language?" not in german.get_data(as_text=True)
    chosen = app.test_client()
    chosen.set_cookie("reader_lang", "it")
    italian = chosen.get(f"/articles/{french_article.id}", headers={"Accept-Language": "de"})
    assert '<html lang="it"' in italian.get_data(as_text=True)
    assert cached_pages(app) == 3


def test_an_editors_language_override_is_on_the_next_readers_page(
    client, editor_client, french_article
):
    before = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert "Language: French" in before
    editor_client.post(f"/articles/{french_article.id}/language", data={"language": "de"})
    after = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert "Language: German" in after and "chosen by a reader" in after


def test_an_edited_paragraph_is_on_the_next_readers_page(client, editor, french_article):
    client.get(f"/articles/{french_article.id}")
    text = "Le pont rouvre ce soir aux piétons."
    response = client.patch(
        f"/api/v1/articles/{french_article.id}/blocks/1",
        json={"text": text},
        headers={"Authorization": f"Bearer {editor.token}"},
    )
    assert response.status_code == 200
    assert text in client.get(f"/articles/{french_article.id}").get_data(as_text=True)


def test_a_reimported_body_is_on_the_next_readers_page(app, client, session, french_article):
    client.get(f"/articles/{french_article.id}")
    (path,) = SEEDS.glob("01-fr-*.txt")
    draft = draft_from_path(path)
    rewritten = replace(
        draft.blocks[1], text="Un paragraphe réécrit par la rédaction, tout entier."
    )
    blocks = [draft.blocks[0], rewritten, *draft.blocks[2:]]
    article_service.store_article(session, replace(draft, blocks=blocks))
    page = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert "Un paragraphe réécrit par la rédaction, tout entier." in page


def test_a_change_made_by_another_server_process_is_seen(tmp_path, french_article, app, client):
    """Two apps on one database stand for two web workers: each has its own cache."""
    client.get(f"/articles/{french_article.id}")
    other = make_app(tmp_path / "other", DATABASE_URL=app.config["DATABASE_URL"])
    try:
        with other.extensions["reader.db"]() as session:
            article = article_service.get_article(session, french_article.id)
            article_service.override_language(session, article, "it")
    finally:
        other.extensions["reader.speech"].shutdown()
    assert "Language: Italian" in client.get(f"/articles/{french_article.id}").get_data(
        as_text=True
    )


def test_a_flashed_message_is_shown_not_swallowed_by_the_cache(app, client, french_article):
    client.get(f"/articles/{french_article.id}")
    with client.session_transaction() as session:
        session["_flashes"] = [("message", "Merci pour votre retour.")]
    page = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert "Merci pour votre retour." in page
    assert "Merci pour votre retour." not in client.get(f"/articles/{french_article.id}").get_data(
        as_text=True
    )


def test_a_missing_article_is_still_a_localized_404(client):
    response = client.get("/articles/999", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert "Cet article n’existe pas." in response.get_data(as_text=True)


def test_the_cache_can_be_turned_off(tmp_path):
    app = make_app(tmp_path, PAGE_CACHE_PAGES=0)
    try:
        with app.extensions["reader.db"]() as session:
            article = load_seed(session, "02-de")
        client = app.test_client()
        assert client.get(f"/articles/{article.id}").status_code == 200
        assert cached_pages(app) == 0
    finally:
        app.extensions["reader.speech"].shutdown()


def test_the_cache_keeps_the_most_recently_read_pages(tmp_path):
    from reader.views.page_cache import PageCache

    pages = PageCache(2)
    pages.put("a", b"A")
    pages.put("b", b"B")
    assert pages.get("a") == b"A"  # read: now the most recent
    pages.put("c", b"C")
    assert (pages.get("a"), pages.get("b"), pages.get("c")) == (b"A", None, b"C")


def test_a_missing_page_is_rendered_once_for_readers_asking_at_once(app):
    """The others wait for the one render (a list's time step ending under load had every
    reader render the same list at once)."""
    import threading
    import time

    from reader.views import page_cache

    store = page_cache.PageCache(4)
    renders, pages = [], []
    release = threading.Event()

    def render():
        renders.append(1)
        release.wait(10)
        return "key", "<p>page</p>"

    def ask():
        with app.app_context():
            pages.append(page_cache.cached("key", render, store).get_data())

    readers = [threading.Thread(target=ask) for _ in range(4)]
    for reader in readers:
        reader.start()
    time.sleep(0.3)  # every reader has asked and found no page (its render is held back)
    release.set()
    for reader in readers:
        reader.join(10)
    assert len(renders) == 1
    assert pages == [b"<p>page</p>"] * 4
