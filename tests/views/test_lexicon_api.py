"""/api/v1/lexicon: editors only, and every change checked."""

import pytest

from reader.models import User
from tests.helpers import add_user

ENTRY = {"language": "fr", "pattern": "Kiev", "replacement": "Kiève"}


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def outsider_token(app):
    """A signed-up account whose role is no longer an editor's (a role the app may add)."""
    user, token = add_user(app, "someone", "editor")
    with app.extensions["reader.db"]() as session:
        session.get(User, user.id).role = "reader"
        session.commit()
    return token


def test_anonymous_callers_get_401_and_others_403(client, outsider_token):
    for method, url in [
        ("GET", "/api/v1/lexicon"),
        ("POST", "/api/v1/lexicon"),
        ("GET", "/api/v1/lexicon/1"),
        ("PUT", "/api/v1/lexicon/1"),
        ("PATCH", "/api/v1/lexicon/1"),
        ("DELETE", "/api/v1/lexicon/1"),
    ]:
        assert client.open(url, method=method, json=ENTRY).status_code == 401, (method, url)
        headers = bearer(outsider_token)
        assert client.open(url, method=method, json=ENTRY, headers=headers).status_code == 403


def test_an_editor_creates_reads_changes_and_deletes(client, editor):
    headers = bearer(editor.token)
    created = client.post("/api/v1/lexicon", json=ENTRY, headers=headers)
    assert created.status_code == 201
    body = created.json
    assert body["kind"] == "respelling" and body["created_by"] == "editor"
    url = f"/api/v1/lexicon/{body['id']}"
    assert client.get(url, headers=headers).json["replacement"] == "Kiève"
    listed = client.get("/api/v1/lexicon?language=fr&q=kie", headers=headers).json["entries"]
    assert [entry["id"] for entry in listed] == [body["id"]]
    assert client.get("/api/v1/lexicon?language=de", headers=headers).json["entries"] == []
    patched = client.patch(
        url, json={"kind": "phonemes", "replacement": "[[kj'Ev]]"}, headers=headers
    )
    assert patched.status_code == 200
    assert (patched.json["pattern"], patched.json["replacement"]) == ("Kiev", "kj'Ev")
    put = client.put(
        url, json={"language": "fr", "pattern": "Kyiv", "replacement": "Kiyiv"}, headers=headers
    )
    assert (put.json["pattern"], put.json["kind"]) == ("Kyiv", "respelling")
    assert client.delete(url, headers=headers).status_code == 204
    assert client.get(url, headers=headers).status_code == 404


def test_invalid_entries_are_refused_with_reasons(client, editor):
    headers = bearer(editor.token)
    bad = {"language": "xx", "pattern": "(a+)+", "is_regex": True, "replacement": " "}
    response = client.post("/api/v1/lexicon", json=bad, headers=headers)
    assert response.status_code == 422
    fields = response.json["error"]["fields"]
    assert set(fields) == {"language", "pattern", "replacement"}
    assert "repeat inside a repeat" in fields["pattern"]
    phonemes = {**ENTRY, "kind": "phonemes", "replacement": "kjɛv"}
    response = client.post("/api/v1/lexicon", json=phonemes, headers=headers)
    assert response.status_code == 422 and "replacement" in response.json["error"]["fields"]
    assert client.post("/api/v1/lexicon", json=ENTRY, headers=headers).status_code == 201
    same = client.post("/api/v1/lexicon", json=ENTRY, headers=headers)
    assert same.status_code == 422 and "already" in same.json["error"]["fields"]["pattern"]
    assert client.post("/api/v1/lexicon", data="x", headers=headers).status_code == 400
    flag = client.post("/api/v1/lexicon", json={**ENTRY, "is_regex": "yes"}, headers=headers)
    assert flag.status_code == 422


def test_who_changed_an_entry_is_kept(app, client, editor):
    _other, token = add_user(app, "second", "admin")
    created = client.post("/api/v1/lexicon", json=ENTRY, headers=bearer(editor.token)).json
    url = f"/api/v1/lexicon/{created['id']}"
    changed = client.patch(url, json={"note": "Kiev en français"}, headers=bearer(token)).json
    assert (changed["created_by"], changed["updated_by"]) == ("editor", "second")


@pytest.mark.parametrize(
    ("pattern", "query"),
    [("Київ", "київ"), ("ÉLYSÉE", "élysée"), ("STRAẞE", "straße"), ("Kiev", "KIE")],
)
def test_the_search_ignores_case_in_every_script(client, editor, pattern, query):
    # SQLite's own lower() and LIKE fold ASCII letters only; PostgreSQL's ILIKE folds them all.
    headers = bearer(editor.token)
    entry = {"language": "uk", "pattern": pattern, "replacement": "x" + pattern}
    created = client.post("/api/v1/lexicon", json=entry, headers=headers)
    assert created.status_code == 201, created.json
    listed = client.get(f"/api/v1/lexicon?q={query}", headers=headers).json["entries"]
    assert [found["id"] for found in listed] == [created.json["id"]]
