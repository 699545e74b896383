"""Faults of the job backends: a worker killed mid-article, Redis stopped, a full audio disk."""

import errno
import os
import signal
import time

import pytest

from reader.speech import cache as cache_module
from reader.speech.worker import render_sentence
from tests.helpers import load_seed, make_app
from tests.services import celery_worker, redis_server

UNAVAILABLE = "Listening is unavailable right now"


def slow_render(job):
    """A sentence that takes a while, so that a worker can be killed in the middle of one."""
    time.sleep(0.3)
    return render_sentence(job)


def _article_id(app, prefix="02-de") -> int:
    with app.extensions["reader.db"]() as session:
        return load_seed(session, prefix).id


@pytest.mark.slow
def test_a_worker_killed_mid_article_the_render_completes(tmp_path, job_backend, worker_pids):
    name, settings = job_backend
    app = make_app(tmp_path, SPEECH_WORKERS=1, **settings)
    try:
        service = app.extensions["reader.speech"]
        service.runner.task = slow_render
        client = app.test_client()
        article_id = _article_id(app)
        service.start()
        _wait_until_mid_article(client, article_id)
        for pid in worker_pids():
            os.kill(pid, signal.SIGKILL)
        for render in list(service._renders.values()):
            assert render.finished.wait(120)
        status = client.get(f"/articles/{article_id}/audio/status").get_json()
        assert status["complete"] and status["failed"] == [] and status["cached"] is True
        leftovers = [p.name for p in (tmp_path / "audio").rglob("*") if p.name.startswith(".tmp")]
        assert leftovers == []  # the killed write left no partial file
    finally:
        app.extensions["reader.speech"].shutdown()


def _wait_until_mid_article(client, article_id: int) -> dict:
    status = client.get(f"/articles/{article_id}/audio/status").get_json()  # starts it
    deadline = time.monotonic() + 60
    while status["done"] < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        status = client.get(f"/articles/{article_id}/audio/status").get_json()
    assert 2 <= status["done"] < status["total"]  # mid-article
    return status


@pytest.mark.slow
@pytest.mark.redis
def test_a_whole_reader_worker_killed_mid_article_the_next_one_finishes_the_render(tmp_path):
    """kill -9 of `reader worker` and its children: the batch it had started never answers
    (the broker would give it back only after its ten-minute visibility timeout); the web side
    counts it lost past its time limit and retries it on the worker started next."""
    with redis_server(tmp_path) as redis:
        app = make_app(
            tmp_path / "app",
            JOB_BACKEND="celery",
            REDIS_URL=redis.url,
            SPEECH_WORKERS=1,
            SPEECH_TIMEOUT=2.0,
        )
        try:
            service = app.extensions["reader.speech"]
            service.runner.task = slow_render
            client = app.test_client()
            article_id = _article_id(app)
            with celery_worker(tmp_path / "first", redis.url, concurrency=1) as first:
                _wait_until_mid_article(client, article_id)
                os.killpg(first.process.pid, signal.SIGKILL)
                first.process.wait(10)
            with celery_worker(tmp_path / "second", redis.url, concurrency=1) as second:
                for render in list(service._renders.values()):
                    assert render.finished.wait(120), second.log.read_text()[-3000:]
                status = client.get(f"/articles/{article_id}/audio/status").get_json()
            assert status["complete"] and status["failed"] == [] and status["cached"] is True
            audio = tmp_path / "app" / "audio"
            leftovers = [p.name for p in audio.rglob("*") if p.name.startswith(".tmp")]
            assert leftovers == []  # the killed write left no partial file
        finally:
            app.extensions["reader.speech"].shutdown()


@pytest.mark.slow
@pytest.mark.redis
def test_redis_stopped_reading_goes_on_listening_is_a_503_then_recovers(tmp_path):
    with redis_server(tmp_path) as redis, celery_worker(tmp_path / "worker", redis.url):
        app = make_app(tmp_path / "app", JOB_BACKEND="celery", REDIS_URL=redis.url)
        try:
            client = app.test_client()
            article_id = _article_id(app, "01-fr")
            assert client.get("/readyz").status_code == 200
            redis.stop()
            assert client.get(f"/articles/{article_id}").status_code == 200  # reading goes on
            page = client.get(f"/articles/{article_id}/audio", headers={"Accept": "text/html"})
            assert page.status_code == 503
            assert UNAVAILABLE in page.get_data(as_text=True)
            french = client.get(
                f"/articles/{article_id}/audio/status",
                headers={"Accept": "application/json", "Accept-Language": "fr"},
            )
            assert french.status_code == 503
            assert "L’écoute est indisponible" in french.get_json()["error"]["message"]
            ready = client.get("/readyz")
            assert ready.status_code == 503 and ready.get_json()["checks"]["workers"] is False
            redis.start()  # the same port: everything comes back by itself
            deadline = time.monotonic() + 60
            while client.get("/readyz").status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.5)
            with client.get(f"/articles/{article_id}/audio") as audio:
                assert audio.status_code == 200 and len(audio.get_data()) > 10 * 1024
        finally:
            app.extensions["reader.speech"].shutdown()


def test_a_full_audio_disk_is_logged_nothing_is_corrupted_and_reading_goes_on(
    tmp_path, monkeypatch, caplog
):
    app = make_app(tmp_path)  # inline worker: the patched write is this process's
    try:
        client = app.test_client()
        article_id = _article_id(app)

        def disk_full(path, data):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

        monkeypatch.setattr(cache_module, "_write_atomically", disk_full)
        with client.get(f"/articles/{article_id}/audio") as audio:
            assert audio.status_code == 200 and len(audio.get_data()) > 10 * 1024  # still plays
        for render in list(app.extensions["reader.speech"]._renders.values()):
            assert render.finished.wait(60)
        assert "No space left on device" in caplog.text  # the error, named in the log
        files = [p for p in (tmp_path / "audio").rglob("*") if p.is_file()]
        assert files == []  # nothing half-written
        assert client.get(f"/articles/{article_id}").status_code == 200
        monkeypatch.undo()  # space again: the next render is cached whole
        with client.get(f"/articles/{article_id}/audio?rate=200") as audio:
            assert audio.status_code == 200
        status = client.get(f"/articles/{article_id}/audio/status?rate=200").get_json()
        deadline = time.monotonic() + 60
        while not status["cached"] and time.monotonic() < deadline:
            time.sleep(0.2)
            status = client.get(f"/articles/{article_id}/audio/status?rate=200").get_json()
        assert status["cached"] and status["failed"] == []
    finally:
        app.extensions["reader.speech"].shutdown()
