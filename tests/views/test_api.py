"""The JSON API: articles, language override, import, OpenAPI."""

import io

import pytest

from tests.helpers import MALFORMED_SEED_HEADERS, SEEDS


def test_article_detail_gives_the_publication_time_with_the_source_offset(client, french_article):
    body = client.get(f"/api/v1/articles/{french_article.id}").json
    assert body["published"] == "2024-12-05T11:58:00+01:00"
    assert body["language"] == "fr"
    assert body["language_confidence"] > 0.9
    assert body["machine_translated_from"] == "de"
    assert [b["kind"] for b in body["blocks"]][-1] == "hashtags"


def test_list_and_filter(client, french_article, german_article):
    assert len(client.get("/api/v1/articles").json["articles"]) == 2
    only = client.get("/api/v1/articles?language=de").json["articles"]
    assert [a["id"] for a in only] == [german_article.id]
    assert client.get("/api/v1/articles?language=zz").status_code == 400


def test_language_override_through_the_api_sticks(editor_client, french_article):
    url = f"/api/v1/articles/{french_article.id}/language"
    assert editor_client.put(url, json={"language": "it"}).json["language"] == "it"
    assert editor_client.get(f"/api/v1/articles/{french_article.id}").json["language"] == "it"
    assert editor_client.put(url, json={"language": None}).json["language"] == "fr"
    assert editor_client.put(url, json={"language": "xx"}).status_code == 422
    assert editor_client.put(url, data="nope").status_code == 400


def test_import_text_then_again_is_idempotent(editor_client):
    text = (SEEDS / "03-en-hawk-count-record.txt").read_text(encoding="utf-8")
    first = editor_client.post("/api/v1/articles", json={"text": text})
    assert first.status_code == 201
    again = editor_client.post("/api/v1/articles", json={"text": text})
    assert again.status_code == 200 and again.json["id"] == first.json["id"]


def test_import_refuses_bad_input_clearly(editor_client):
    assert editor_client.post("/api/v1/articles", json={"text": "   "}).status_code == 422
    assert (
        editor_client.post(
            "/api/v1/articles", data=b"\x00\x01", content_type="image/png"
        ).status_code
        == 415
    )
    upload = {"file": (__import__("io").BytesIO(b"GIF89a"), "x.gif", "image/gif")}
    assert editor_client.post("/api/v1/articles", data=upload).status_code == 415


def test_upload_larger_than_the_limit_is_413(tmp_path):
    from tests.helpers import add_user, make_app

    app = make_app(tmp_path, MAX_UPLOAD_MB=1)
    _user, token = add_user(app)
    response = app.test_client().post(
        "/api/v1/articles",
        data=b"x" * (2 * 1024 * 1024),
        content_type="text/plain",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 413
    assert response.json["error"]["status"] == 413
    app.extensions["reader.speech"].shutdown()


def test_openapi_document_lists_the_endpoints(client):
    doc = client.get("/api/v1/openapi.json").json
    assert doc["openapi"].startswith("3.")
    for path in ("/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/feedback"):
        assert path in doc["paths"]


def test_api_errors_are_json(client):
    response = client.get("/api/v1/articles/12345")
    assert response.status_code == 404
    assert response.json["error"]["message"]


@pytest.mark.parametrize("case", MALFORMED_SEED_HEADERS)
def test_a_malformed_seed_header_is_422_with_the_reason(editor_client, case):
    text, reason = MALFORMED_SEED_HEADERS[case]
    response = editor_client.post("/api/v1/articles", json={"text": text})
    assert response.status_code == 422
    assert reason in response.json["error"]["reason"]
    upload = {"file": (io.BytesIO(text.encode()), "seed.txt", "text/plain")}
    response = editor_client.post("/api/v1/articles", data=upload)
    assert response.status_code == 422
    assert reason in response.json["error"]["reason"]
