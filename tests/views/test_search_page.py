"""The search page and GET /api/v1/articles?q=: results, passages escaped and marked, errors."""

import json

from reader.library import articles
from reader.library.search.query import MAX_QUERY_LENGTH
from tests import databases


def test_api_search_returns_the_article_with_its_marked_passage(client, french_article):
    body = client.get("/api/v1/articles?q=soldats").get_json()
    (found,) = body["articles"]
    assert found["id"] == french_article.id
    assert "<mark>soldats</mark>" in found["match"]["passage"]
    assert found["links"]["audio"] == f"/articles/{french_article.id}/audio"


def test_api_search_in_japanese(client, japanese_article, french_article):
    body = client.get("/api/v1/articles", query_string={"q": "特急"}).get_json()
    assert [a["id"] for a in body["articles"]] == [japanese_article.id]


def test_api_search_refuses_a_query_too_long(client):
    response = client.get("/api/v1/articles", query_string={"q": "x" * (MAX_QUERY_LENGTH + 1)})
    assert response.status_code == 400
    assert "longer" in response.get_json()["error"]["message"]


def test_the_passage_is_escaped(client, session, french_article):
    paragraph = next(b for b in french_article.blocks if b.kind == "paragraph")
    articles.edit_block(session, french_article, paragraph.position, "<script>x</script> zèbre")
    body = client.get("/api/v1/articles?q=zebre").get_json()
    passage = body["articles"][0]["match"]["passage"]
    assert "<script>" not in passage
    page = client.get("/search?q=zebre").get_data(as_text=True)
    assert "<script>x" not in page
    if databases.backend() == "sqlite":
        # FTS5 gives the text as stored, escaped here; PostgreSQL's ts_headline drops tags.
        assert "&lt;script&gt;" in passage and "&lt;script&gt;x" in page
    assert "<mark>zèbre</mark>" in page


def test_search_page_lists_results_and_offers_them_to_the_queue(
    client, french_article, german_article
):
    page = client.get("/search?q=soldats&lang=fr").get_data(as_text=True)
    assert f'data-article-id="{french_article.id}"' in page
    assert f'data-article-id="{german_article.id}"' not in page
    assert "data-listen-results" in page
    start = page.index("data-queue=") + len('data-queue="')
    raw = page[start : page.index('"', start)]
    import html

    queue = json.loads(html.unescape(raw))
    assert queue == [
        {
            "id": french_article.id,
            "title": french_article.title,
            "lang": "fr",
            "dir": "ltr",
            "page": f"/articles/{french_article.id}",
            "audio": f"/articles/{french_article.id}/audio",
        }
    ]
    # Each result can be queued on its own too.
    assert page.count("data-queue-add") == 1 and page.count("data-queue-next") == 1


def test_search_page_says_when_nothing_matches_in_the_readers_language(client, french_article):
    page = client.get("/search?q=introuvable&lang=fr").get_data(as_text=True)
    assert "Aucun article" in page
    assert "data-listen-results" not in page


def test_search_page_without_a_query_shows_the_box(client):
    page = client.get("/search").get_data(as_text=True)
    assert 'type="search"' in page


def test_search_page_refuses_a_query_too_long(client):
    response = client.get("/search", query_string={"q": "x" * (MAX_QUERY_LENGTH + 1)})
    assert response.status_code == 400


def test_every_page_has_the_search_box(client):
    assert 'role="search"' in client.get("/").get_data(as_text=True)


def test_an_empty_api_query_lists_every_article(client, french_article, german_article):
    body = client.get("/api/v1/articles?q=").get_json()
    assert {a["id"] for a in body["articles"]} == {french_article.id, german_article.id}
    assert all("match" not in a for a in body["articles"])
