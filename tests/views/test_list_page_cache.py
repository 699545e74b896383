"""The anonymous list page kept rendered: imports, edits and removals show at once."""

import time
from types import SimpleNamespace

import pytest

from reader.library import articles
from reader.views import articles as article_views
from reader.views import page_cache
from tests.helpers import load_seed


@pytest.fixture
def now(monkeypatch):
    """The clock the list's time steps are taken from, still unless a test moves it (a slow
    host would otherwise cross a step between two requests)."""
    clock = [1000.0]
    monkeypatch.setattr(
        page_cache, "time", SimpleNamespace(monotonic=lambda: clock[0], time=time.time)
    )
    return clock


@pytest.fixture
def renders(monkeypatch, now):
    """How many times the list is rendered."""
    counted = []
    render = article_views._list_page

    def counting():
        counted.append(1)
        return render()

    monkeypatch.setattr(article_views, "_list_page", counting)
    return counted


def test_an_anonymous_list_is_rendered_once_per_query(client, session, renders):
    load_seed(session, "01-fr")
    first = client.get("/").get_data(as_text=True)
    assert client.get("/").get_data(as_text=True) == first
    assert len(renders) == 1
    client.get("/?language=fr")
    client.get("/?language=fr")
    client.get("/?lang=de")  # another UI language: another page
    assert len(renders) == 3


def test_an_import_shows_at_once(client, session, renders):
    load_seed(session, "01-fr")
    assert "Volunteers Count Record" not in client.get("/").get_data(as_text=True)
    load_seed(session, "03-en")
    assert "Volunteers Count Record" in client.get("/").get_data(as_text=True)


def test_an_edit_and_a_removal_show_at_once(client, session, renders):
    french = load_seed(session, "01-fr")
    english = load_seed(session, "03-en")
    client.get("/")
    block = next(block for block in english.blocks if block.kind == "paragraph")
    articles.edit_block(session, english, block.position, "Hawks were counted again today.")
    assert "Hawks were counted again today." in client.get("/").get_data(as_text=True)
    session.delete(english)
    session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "Volunteers Count Record" not in page and french.title in page


def test_the_list_is_rendered_again_after_a_few_seconds(client, session, renders, now):
    load_seed(session, "01-fr")
    client.get("/")
    client.get("/")
    now[0] += page_cache.LIST_PAGE_SECONDS
    client.get("/")  # an audio length that appeared meanwhile would show now
    assert len(renders) == 2


def test_an_editor_gets_the_list_rendered_with_their_forms(editor_client, session, renders):
    load_seed(session, "01-fr")
    for _ in range(2):
        assert 'name="csrf-token"' in editor_client.get("/").get_data(as_text=True)
    assert len(renders) == 2


def test_bad_list_arguments_are_still_a_clear_400(client, renders):
    for _ in range(2):
        assert client.get("/?page=two").status_code == 400
        assert client.get("/?language=xx").status_code == 400
