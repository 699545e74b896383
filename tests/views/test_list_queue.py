"""The list for a listener: filtered by publication days, "Listen to all" and the queue buttons."""

import html
import json
import re

import pytest


def queue_of(page: str, attribute: str = "data-listen-all") -> list[dict]:
    """The JSON list the page hands the queue in the element carrying `attribute`."""
    match = re.search(attribute + r'[^>]*?data-queue="([^"]*)"', page)
    assert match, f"no {attribute} with data-queue"
    return json.loads(html.unescape(match.group(1)))


def queue_items(page: str) -> list[dict]:
    """Each card's own item, for "Add to queue" and "Play next"."""
    raw = re.findall(r'data-queue-item="([^"]*)"', page)
    return [json.loads(html.unescape(value)) for value in raw]


def test_listen_to_all_queues_the_list_as_filtered(
    client, french_article, german_article, english_article
):
    # French: 5 Dec 2024; German: 14 Mar 2025; English: 23 Sep 2025. Newest first.
    everything = queue_of(client.get("/").get_data(as_text=True))
    assert [item["id"] for item in everything] == [
        english_article.id,
        german_article.id,
        french_article.id,
    ]
    assert everything[1] == {
        "id": german_article.id,
        "title": german_article.title,
        "lang": "de",
        "dir": "ltr",
        "page": f"/articles/{german_article.id}",
        "audio": f"/articles/{german_article.id}/audio",
    }
    page = client.get("/?since=2024-12-01&until=2025-06-30").get_data(as_text=True)
    assert [item["id"] for item in queue_of(page)] == [german_article.id, french_article.id]
    assert [item["id"] for item in queue_items(page)] == [german_article.id, french_article.id]
    page = client.get("/?language=de&since=2024-12-01").get_data(as_text=True)
    assert [item["id"] for item in queue_of(page)] == [german_article.id]


def test_listen_to_all_takes_every_page_of_the_list(client, session, monkeypatch):
    from reader.views import articles as list_view
    from tests.helpers import load_seed

    monkeypatch.setattr(list_view, "PER_PAGE", 2)
    seeds = [load_seed(session, prefix) for prefix in ("01-fr", "02-de", "03-en", "04-es")]
    page = client.get("/").get_data(as_text=True)
    assert len(queue_items(page)) == 2
    assert sorted(item["id"] for item in queue_of(page)) == sorted(a.id for a in seeds)


def test_an_arabic_article_is_queued_right_to_left(client, arabic_article):
    (item,) = queue_of(client.get("/").get_data(as_text=True))
    assert item["dir"] == "rtl" and item["lang"] == "ar"


def test_the_filters_keep_one_another(client, french_article, german_article):
    page = client.get("/?language=fr&since=2024-12-01&lang=en").get_data(as_text=True)
    # The language links keep the days; the date form keeps the language; "Any date" drops days.
    assert 'href="/?language=de&amp;since=2024-12-01"' in page
    assert 'href="/?since=2024-12-01"' in page  # All languages
    assert '<input type="hidden" name="language" value="fr">' in page
    assert 'value="2024-12-01"' in page
    assert 'href="/?language=fr">Any date</a>' in page


def test_days_with_no_article_say_so(client, french_article):
    page = client.get("/?since=2030-01-01&lang=en").get_data(as_text=True)
    assert "No article was published on these days." in page
    assert "data-listen-all" not in page


@pytest.mark.parametrize(
    "query",
    ["since=yesterday", "until=2024-02-30", "since=2025-01-02&until=2025-01-01", "since=１２"],
)
def test_bad_days_are_a_clear_400_in_the_readers_language(client, query):
    response = client.get(f"/?{query}&lang=de")
    assert response.status_code == 400
    assert "Wählen Sie die Tage als Datum" in response.get_data(as_text=True)


def test_the_reading_page_offers_add_to_queue_and_play_next(client, french_article):
    page = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    (item,) = queue_items(page)
    assert item["id"] == french_article.id and item["page"] == f"/articles/{french_article.id}"
    # The player shows what is next and opens the queue (filled in by the player's script).
    assert 'class="player__next"' in page and 'id="player-queue-toggle"' in page
    assert 'id="queue"' in page and 'id="queue-item-template"' in page


def test_the_queue_and_its_announcer_are_in_the_pages_language(client, french_article):
    # The macros are imported with the page's context: without it their lang was empty.
    for url in ("/?lang=ar", f"/articles/{french_article.id}?lang=ar", "/search?q=Kyiv&lang=ar"):
        page = client.get(url).get_data(as_text=True)
        assert re.search(r'<section class="queue[^>]*lang="ar" dir="rtl"', page), url
        assert re.search(r'id="queue-announcer"[^>]*lang="ar" dir="rtl"', page), url
