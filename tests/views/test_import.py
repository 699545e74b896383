"""The import page: a file or an address becomes an article; bad input gets a clear error."""

import io

import pytest
from markupsafe import escape

from tests.helpers import MALFORMED_SEED_HEADERS, SEEDS


def test_uploading_a_seed_file_opens_the_new_article(client):
    data = {"file": (io.BytesIO((SEEDS / "02-de-strassenbahn-linie-7.txt").read_bytes()), "a.txt")}
    response = client.post("/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'lang="de"' in page


def test_uploading_a_web_page_extracts_the_article(client):
    html = (SEEDS.parent / "tests" / "data" / "pages" / "fr_classic.html").read_bytes()
    data = {"file": (io.BytesIO(html), "page.html")}
    response = client.post("/import", data=data, content_type="multipart/form-data")
    assert response.status_code == 302


def test_unsupported_file_is_a_localized_415(editor_client):
    data = {"file": (io.BytesIO(b"\x89PNG\r\n"), "x.png")}
    response = editor_client.post("/import?lang=fr", data=data, content_type="multipart/form-data")
    assert response.status_code == 415
    assert 'role="alert"' in response.get_data(as_text=True)


def test_nothing_to_import_is_422(editor_client):
    assert editor_client.post("/import", data={}).status_code == 422
    assert editor_client.post("/import", data={"url": "ftp://example.org/x"}).status_code == 422


@pytest.mark.parametrize("case", MALFORMED_SEED_HEADERS)
def test_a_malformed_seed_header_is_a_422_page_with_the_reason(editor_client, case):
    text, reason = MALFORMED_SEED_HEADERS[case]
    data = {"file": (io.BytesIO(text.encode()), "seed.txt")}
    response = editor_client.post("/import?lang=fr", data=data, content_type="multipart/form-data")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert 'role="alert"' in page
    assert str(escape(reason)) in page
