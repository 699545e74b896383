"""Importing from a web address: fetched over HTTP (a local server), extracted, stored."""

import functools
import http.server
import threading
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


@pytest.fixture
def site(app):
    # A loopback site: reachable only with the setting that lets imports reach private addresses.
    app.config["IMPORT_ALLOW_PRIVATE"] = True
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_import_a_page_by_its_address(editor_client, site):
    response = editor_client.post("/api/v1/articles", json={"url": f"{site}/fr_classic.html"})
    assert response.status_code == 201
    body = response.json
    assert body["language"] == "fr"
    assert body["source_url"] == f"{site}/fr_classic.html"
    assert body["title"]
    detail = editor_client.get(f"/api/v1/articles/{body['id']}").json
    assert len(detail["blocks"]) >= 2


def test_a_missing_page_is_a_clear_422(editor_client, site):
    response = editor_client.post("/api/v1/articles", json={"url": f"{site}/no-such-page.html"})
    assert response.status_code == 422
    assert "could not be fetched" in response.json["error"]["message"]


def test_the_import_form_takes_an_address(client, site):
    response = client.post("/import", data={"url": f"{site}/de_divsoup.html"})
    assert response.status_code == 302
    assert 'lang="de"' in client.get(response.headers["Location"]).get_data(as_text=True)
