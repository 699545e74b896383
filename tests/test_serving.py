"""`reader serve`: gunicorn, two preloaded workers: pages, audio, metrics; a crash is survived."""

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from reader.serving import gunicorn_options, speech_workers_per_web_worker
from tests.helpers import free_port, reader_env, serve_reader, wait_for


def test_the_speech_workers_are_shared_out_among_the_web_workers():
    assert speech_workers_per_web_worker(2, 2) == 1
    assert speech_workers_per_web_worker(4, 2) == 2
    assert speech_workers_per_web_worker(3, 2) == 2
    assert speech_workers_per_web_worker(1, 4) == 1  # never a web worker without speech
    assert speech_workers_per_web_worker(0, 2) == 0  # inline stays inline


def test_gunicorn_streams_with_threads_and_logs_in_one_format():
    options = gunicorn_options("127.0.0.1", 5000, workers=2, threads=8)
    assert options["bind"] == "127.0.0.1:5000"
    assert options["worker_class"] == "gthread" and options["threads"] == 8
    assert options["accesslog"] is None  # reader.views.request_log writes the request lines
    assert gunicorn_options("::1", 80, 1, 1)["bind"] == "[::1]:80"


def fetch(url: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, dict(response.headers), response.read()


@pytest.mark.slow
def test_two_gunicorn_workers_serve_pages_audio_and_metrics(tmp_path):
    with serve_reader(tmp_path, SPEECH_ENGINE="silent", WEB_WORKERS="2") as server:
        workers = server.wait_for_workers(2)
        status, headers, page = fetch(server.base + "/articles/2")
        assert status == 200 and headers["Server"] == "gunicorn"
        status, headers, audio = fetch(server.base + "/articles/2/audio")
        assert status == 200 and headers["Content-Type"] == "audio/ogg" and audio[:4] == b"OggS"
        # Several requests, so that both workers answer some: the counts of both add up.
        for _ in range(6):
            fetch(server.base + "/healthz")
        _, _, text = fetch(server.base + "/metrics")
        metrics = text.decode()
        assert re.search(r'reader_http_requests_total\{[^}]*route="/healthz"[^}]*\} 6\.0', metrics)
        assert "reader_renders_started_total 1.0" in metrics
        sentences = re.search(r"^reader_sentences_synthesized_total (\S+)$", metrics, re.M)
        assert sentences and float(sentences.group(1)) > 0
        # The app was loaded and warmed once, by the master, before it forked the workers.
        log = server.log.read_text()
        master = server.process.pid
        assert re.search(rf"\[{master}\] \[-\] reader.serving: app preloaded", log), log
        for pid in workers:
            assert f"Booting worker with pid: {pid}" in log


@pytest.mark.slow
def test_a_crashed_worker_is_replaced_and_the_cause_logged(tmp_path):
    with serve_reader(tmp_path, SPEECH_ENGINE="silent", WEB_WORKERS="2") as server:
        first, second = server.wait_for_workers(2)
        os.kill(first, signal.SIGSEGV)
        # The other worker keeps serving while gunicorn starts a new one.
        for _ in range(4):
            assert fetch(server.base + "/articles/1")[0] == 200
        workers = server.wait_for_workers(2)
        assert first not in workers and second in workers
        log = server.log.read_text()
        assert "Fatal Python error: Segmentation fault" in log  # the fault handler's traceback
        assert f"Worker (pid:{first}) was sent SIGSEGV" in log
        assert server.process.poll() is None


@pytest.mark.slow
def test_sigterm_stops_the_server_and_its_workers(tmp_path):
    with serve_reader(tmp_path, SPEECH_ENGINE="silent", WEB_WORKERS="2") as server:
        workers = server.wait_for_workers(2)
        server.process.send_signal(signal.SIGTERM)
        assert server.process.wait(timeout=30) == 0
    assert all(gone(pid) for pid in workers)
    assert "Shutting down: Master" in server.log.read_text()


def gone(pid: int, seconds: float = 10) -> bool:
    """Whether the process has ended (reaped, or a zombie waiting to be) within the time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if "State:\tZ" in Path(f"/proc/{pid}/status").read_text():
                return True
        except OSError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
def test_debug_runs_flasks_development_server(tmp_path):
    env = reader_env(tmp_path, SPEECH_ENGINE="silent")
    port = free_port()
    log = tmp_path / "debug.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "serve", "--debug", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # the reloader's child goes with it
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/healthz", process, log)
        _, headers, _ = fetch(base + "/healthz")
        assert headers["Server"].startswith("Werkzeug/")
        assert "Debugger is active" in log.read_text()
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
