"""A speech worker killed between renders is replaced; audio nobody could read is not a file."""

import multiprocessing
import os
import signal
import time

import pytest

from tests.helpers import load_seed, make_app

ENGINE_MESSAGE = "The speech engine could not read this article. Please try again in a moment."


@pytest.fixture
def pooled_app(tmp_path):
    app = make_app(tmp_path, SPEECH_WORKERS=1, SPEECH_TIMEOUT=60)
    yield app
    app.extensions["reader.speech"].shutdown()


def _article_id(app) -> int:
    with app.extensions["reader.db"]() as session:
        return load_seed(session, "01-fr").id


def _workers() -> list[multiprocessing.Process]:
    return [p for p in multiprocessing.active_children() if p.name == "pebble_pool_worker"]


@pytest.mark.slow
def test_an_idle_worker_killed_between_renders_is_replaced(pooled_app, caplog):
    client = pooled_app.test_client()
    article_id = _article_id(pooled_app)
    with client.get(f"/articles/{article_id}/audio") as first:
        assert first.status_code == 200
        assert len(first.data) > 10 * 1024  # the whole render is over: the worker is idle
    (worker,) = _workers()
    os.kill(worker.pid, signal.SIGKILL)  # idle: its render is over
    time.sleep(1)
    with client.get(f"/articles/{article_id}/audio?rate=200") as again:  # not cached
        assert again.status_code == 200
        assert len(again.data) > 10 * 1024  # real audio, not a broken pool's empty Ogg file
    status = client.get(f"/articles/{article_id}/audio/status?rate=200").get_json()
    assert status["failed"] == []
    assert "speech workers broke" in caplog.text


def _fails(job):
    raise RuntimeError("no voice today")


@pytest.fixture
def backend_app(tmp_path, job_backend):
    """The app on each job backend: the local pool, and Celery with a reader worker."""
    app = make_app(tmp_path, **job_backend[1])
    yield app
    app.extensions["reader.speech"].shutdown()


def test_audio_of_which_every_sentence_failed_is_a_503(backend_app):
    app, client = backend_app, backend_app.test_client()
    french_article = type("Seed", (), {"id": _article_id(app)})
    app.extensions["reader.speech"].runner.task = _fails
    response = client.get(f"/articles/{french_article.id}/audio", headers={"Accept": "text/html"})
    assert response.status_code == 503
    assert ENGINE_MESSAGE in response.get_data(as_text=True)
    api = client.get(f"/articles/{french_article.id}/audio", headers={"Accept": "application/json"})
    assert api.status_code == 503
    assert api.get_json()["error"]["message"] == ENGINE_MESSAGE
