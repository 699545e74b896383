"""Huge ids, odd JSON and races answer 4xx, never 500; the API answers errors as JSON."""

import re
import threading

import pytest
from sqlalchemy import func, select

from reader.models import Article

HUGE = "99999999999999999999"  # above SQLite's largest integer, 2**63 - 1
JSON = {"Accept": "application/json"}


def _urls_with_huge_ids(app):
    for rule in app.url_map.iter_rules():
        ints = [name for name, conv in rule._converters.items() if conv.regex.startswith(r"\d")]
        if not ints:
            continue
        url = re.sub(
            r"<(?:[^:>]+:)?([^>]+)>", lambda m, i=ints: HUGE if m[1] in i else "x", rule.rule
        )
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, url


def test_every_route_with_an_id_answers_404_for_a_huge_one(app, editor_client):
    swept = list(_urls_with_huge_ids(app))
    assert len(swept) > 10
    for method, url in swept:
        response = editor_client.open(url, method=method, json={}, headers=JSON)
        # 405 where the same path is another route's <string> with other methods (the lexicon's)
        assert response.status_code in (404, 405), (method, url, response.status_code)
        assert response.get_json()["error"]["status"] == response.status_code


@pytest.mark.parametrize(
    "url",
    [
        f"/feedback?article={HUGE}",
        f"/about/audio?article={HUGE}",
        f"/feedback/report?article={HUGE}&block=0&sentence=0",
        f"/feedback/thanks?article={HUGE}",
    ],
)
def test_a_huge_id_in_a_query_is_no_500(client, url):
    assert client.get(url).status_code in (200, 404)


def test_a_huge_article_id_in_feedback_is_a_422(client):
    body = {"kind": "other", "message": "Une remarque assez longue.", "article_id": int(HUGE)}
    response = client.post("/api/v1/feedback", json=body)
    assert response.status_code == 422
    assert "article_id" in response.get_json()["error"]["fields"]
    body["article_id"] = HUGE
    assert client.post("/api/v1/feedback", json=body).status_code == 422


@pytest.mark.parametrize("language", [[], {}, ["de"], 3, True])
def test_a_language_that_is_not_a_string_is_a_422(client, editor, french_article, language):
    response = client.put(
        f"/api/v1/articles/{french_article.id}/language",
        json={"language": language},
        headers={"Authorization": f"Bearer {editor.token}"},
    )
    assert response.status_code == 422


def test_the_same_text_imported_sixteen_times_at_once_is_stored_once(app, editor):
    text = "Un titre\nLe même texte, importé seize fois en même temps."
    statuses, barrier = [], threading.Barrier(16)

    def send():
        client = app.test_client()
        barrier.wait()
        response = client.post(
            "/api/v1/articles",
            json={"text": text},
            headers={"Authorization": f"Bearer {editor.token}"},
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=send) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses) == [200] * 15 + [201]
    with app.extensions["reader.db"]() as session:
        assert session.scalar(select(func.count()).select_from(Article)) == 1


@pytest.mark.parametrize("url", ["/api/v1/nowhere", "/api/v1/articles/x"])
def test_an_unknown_api_url_is_a_json_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_a_wrong_method_on_the_api_is_a_json_405_with_allow(client):
    response = client.delete("/api/v1/articles")
    assert response.status_code == 405
    assert response.get_json()["error"]["status"] == 405
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize("url", ["/", "/api/v1/articles"])
def test_trace_is_a_405_with_allow(client, url):
    response = client.open(url, method="TRACE")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
