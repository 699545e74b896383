"""Imports are analysed in a child process within a time and memory budget: a 413, not a hang."""

import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import add_user, make_app, serve_reader

MILLION_PARAGRAPHS = b"<html><body>" + b"<p>a" * 1_000_000 + b"</body></html>"  # 4 MB
ONE_LINE = ("mot " * 1_000_000).encode()  # 4 MB without a full stop or a line break


def _send(client, token: str, kind: str, data: bytes):
    # JSON, not a multipart upload: the test client spools a large one to a file it leaves open.
    return client.post(
        "/api/v1/articles",
        json={kind: data.decode()},
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.mark.parametrize(
    ("budget", "reason"),
    [
        ({"IMPORT_SECONDS": 2.0, "IMPORT_MEMORY_MB": 4096}, "longer than 2 s to analyse"),
        ({"IMPORT_SECONDS": 120.0, "IMPORT_MEMORY_MB": 32}, "more memory to analyse"),
    ],
    ids=["time", "memory"],
)
def test_an_analysis_over_its_budget_is_refused_with_a_413(tmp_path, budget, reason):
    app = make_app(tmp_path, **budget)
    try:
        _user, token = add_user(app)
        response = _send(app.test_client(), token, "html", MILLION_PARAGRAPHS)
    finally:
        app.extensions["reader.speech"].shutdown()
    assert response.status_code == 413
    assert reason in response.get_json()["error"]["reason"]


def test_a_refused_import_is_a_localized_413_page(tmp_path):
    from tests.helpers import sign_in

    app = make_app(tmp_path, IMPORT_SECONDS=0.5)
    page = b"<html><body>" + b"<p>a" * 100_000 + b"</body></html>"  # under 500 KB: not spooled
    try:
        user, _token = add_user(app)
        client = app.test_client()
        sign_in(client, user)
        from io import BytesIO

        response = client.post(
            "/import?lang=fr",
            data={"file": (BytesIO(page), "page.html")},
            content_type="multipart/form-data",
        )
    finally:
        app.extensions["reader.speech"].shutdown()
    assert response.status_code == 413
    assert "trop volumineux" in response.get_data(as_text=True)


def test_a_long_one_line_text_is_imported_in_bounded_sentences(app, editor):
    response = _send(app.test_client(), editor.token, "text", ONE_LINE)
    assert response.status_code == 201
    article = response.get_json()
    timings = app.test_client().get(f"/articles/{article['id']}/audio/timings")
    assert timings.status_code in (200, 202)


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    line = next(line for line in status.splitlines() if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


def _post(base: str, token: str, body: bytes, content_type: str, path="/api/v1/articles"):
    request = urllib.request.Request(
        base + path,
        data=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": content_type},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _wait_until_cached(status_url: str, seconds: float = 180) -> None:
    """Until the render's file and track are in the cache (the render then lets go of them)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{status_url}?from=1000000", timeout=60) as answer:
            if json.loads(answer.read())["cached"]:
                return
        time.sleep(0.5)
    raise AssertionError(f"the render was not cached within {seconds} s")


@pytest.mark.slow
def test_a_served_app_gives_its_memory_back_after_hostile_imports(tmp_path):
    """Three 4 MB pages of a million paragraphs and a 4 MB line: the server stays near its size."""
    data = tmp_path / "data"
    data.mkdir()
    # The server reads the same SQLite file as the setup (in the PostgreSQL pass too): the
    # user and token added here must be the server's.
    database = f"sqlite:///{data / 'reader.sqlite3'}"
    setup = make_app(data, DATABASE_URL=database)
    _user, token = add_user(setup)
    setup.extensions["reader.speech"].shutdown()
    # One web worker: every import lands in the process whose memory is measured.
    with serve_reader(
        data,
        seed=False,
        SPEECH_ENGINE="silent",
        IMPORT_SECONDS="10",
        WEB_WORKERS="1",
        DATABASE_URL=database,
    ) as server:
        pid = server.server_pid()
        status, _ = _post(
            server.base,
            token,
            json.dumps({"text": "Titre\n\nUn mot."}).encode(),
            "application/json",
        )
        assert status == 201  # the forkserver is warm, the models loaded: the baseline
        before = _rss_mb(pid)
        statuses = []
        for _ in range(3):
            html = json.dumps({"html": MILLION_PARAGRAPHS.decode()}).encode()
            statuses.append(_post(server.base, token, html, "application/json")[0])
        status, article = _post(
            server.base,
            token,
            json.dumps({"text": ONE_LINE.decode()}).encode(),
            "application/json",
        )
        statuses.append(status)
        if status == 201:
            audio = f"{server.base}/articles/{article['id']}/audio"
            for _ in range(2):  # while it renders, then from the cache: the track is streamed
                with urllib.request.urlopen(f"{audio}/timings", timeout=180) as timings:
                    track = json.loads(timings.read())
                assert len(track["sentences"]) > 10_000  # every bounded sentence, timed
                _wait_until_cached(f"{audio}/status")
        after = _rss_mb(pid)
    print(
        f"server RSS before {before:.0f} MB, after the hostile imports {after:.0f} MB; {statuses}"
    )
    assert statuses[:3] == [413] * 3 or set(statuses[:3]) <= {413, 422}
    assert statuses[3] in (201, 413)
    assert after - before < 300, (before, after)
