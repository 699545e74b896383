"""File and audio routes refuse ../ in every spelling: nothing outside their folder is served."""

import pytest

SECRET = "root:x:0:0"
STATIC_ESCAPES = [
    "/static/../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%252f..%252f..%252f..%252fetc%252fpasswd",
    "/static/..%5c..%5c..%5c..%5cetc%5cpasswd",
    "/static/....//....//....//....//etc/passwd",
    "/static/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
    "/static//etc/passwd",
    "/static/js/../../../reader/config.py",
    "/static/js/..%2f..%2f..%2freader%2fconfig.py",
]


@pytest.mark.parametrize("url", STATIC_ESCAPES)
def test_static_files_refuse_paths_out_of_their_folder(client, url):
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert SECRET not in body and "SETTINGS" not in body
    if response.status_code == 308:  # "//" merged into "/": still inside /static/
        assert response.headers["Location"].endswith("/static/etc/passwd")
        return
    assert response.status_code in (400, 404), (url, response.status_code)


ESCAPES = ["../../../../etc/passwd", "..%2f..%2fetc%2fpasswd", "%2e%2e/%2e%2e/etc/passwd"]


@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("parameter", ["voice", "format", "language"])
def test_audio_parameters_refuse_paths(client, french_article, parameter, escape):
    for route in ("audio", "audio/status", "audio/timings"):
        response = client.get(f"/articles/{french_article.id}/{route}?{parameter}={escape}")
        assert response.status_code in (400, 404, 422), (route, parameter, response.status_code)
        assert SECRET not in response.get_data(as_text=True)


@pytest.mark.parametrize("kind", ["..%2f..%2fetc%2fpasswd", "../../etc/passwd", "%2e%2e"])
def test_the_export_route_refuses_paths(editor_client, kind):
    response = editor_client.get(f"/admin/feedback/export.{kind}")
    assert response.status_code in (400, 404)
    assert SECRET not in response.get_data(as_text=True)


def test_an_upload_named_with_dots_is_imported_by_its_content_only(editor_client, tmp_path):
    from io import BytesIO

    text = b"Le pont\n\nLe nouveau pont sur le Rhin est ouvert depuis ce matin."
    response = editor_client.post(
        "/api/v1/articles",
        data={"file": (BytesIO(text), "../../../../tmp/evil.txt")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 201
    assert not (tmp_path.parent / "evil.txt").exists()
