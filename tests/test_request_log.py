"""One log line per request with its id, also on lines services log; the id in the response."""

import logging
import re

import pytest

from reader import logs


@pytest.fixture
def request_lines(caplog):
    """Records as the server's handler sees them: with the request id filled in."""
    caplog.handler.addFilter(logs.RequestIdFilter())
    caplog.set_level(logging.INFO)
    return caplog


def test_each_request_gets_an_id_echoed_and_logged(client, request_lines):
    response = client.get("/healthz")
    request_id = response.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)
    (line,) = [r for r in request_lines.records if r.name == "reader.requests"]
    assert line.request_id == request_id
    assert re.fullmatch(r"GET /healthz 200 \d+\.\dms", line.getMessage())


def test_a_sane_id_from_a_proxy_is_kept_and_an_insane_one_replaced(client):
    assert (
        client.get("/healthz", headers={"X-Request-ID": "edge-42.a:b"}).headers["X-Request-ID"]
        == "edge-42.a:b"
    )
    for hostile in ("a b", "x" * 65, "id\tforged [x] line", "<script>", "é"):
        echoed = client.get("/healthz", headers={"X-Request-ID": hostile}).headers["X-Request-ID"]
        assert re.fullmatch(r"[0-9a-f]{32}", echoed), hostile


def test_lines_logged_by_a_service_during_the_request_carry_its_id(
    app, client, german_article, request_lines, monkeypatch
):
    # A service logs while the request is served: the speech service, asked for an engine
    # version, here logs through its own logger.
    service_log = logging.getLogger("reader.speech.service")
    original = app.extensions["reader.speech"].engine_version

    def logged_version():
        service_log.warning("asked for the engine version")
        return original()

    monkeypatch.setattr(app.extensions["reader.speech"], "engine_version", logged_version)
    url = f"/articles/{german_article.id}/audio/status"
    response = client.get(url, headers={"X-Request-ID": "trace-7"})
    assert response.headers["X-Request-ID"] == "trace-7"
    service_lines = [r for r in request_lines.records if r.name == "reader.speech.service"]
    request_line = [r for r in request_lines.records if r.name == "reader.requests"][-1]
    assert service_lines and {r.request_id for r in service_lines} == {"trace-7"}
    assert request_line.request_id == "trace-7"
    assert request_line.getMessage().startswith(f"GET {url} 200 ")


def test_outside_a_request_the_id_is_a_dash(client, request_lines):
    client.get("/healthz")
    logging.getLogger("reader.test").info("between requests")
    assert request_lines.records[-1].request_id == "-"


def test_the_line_format_names_the_request_id():
    formatter = logging.Formatter(logs.FORMAT)
    record = logging.LogRecord("reader.x", logging.INFO, __file__, 1, "hello", None, None)
    logs.RequestIdFilter().filter(record)
    assert "[-] reader.x: hello" in formatter.format(record)
