"""`reader serve` outlives a crash: the supervisor restarts the server and logs why."""

import logging
import os
import signal
import sys
import threading
import time
import urllib.request

import pytest

from reader.serving import Supervisor, describe_exit
from tests.helpers import serve_reader


def test_exits_are_said_in_words():
    assert describe_exit(-signal.SIGSEGV) == "signal SIGSEGV (Segmentation fault)"
    assert describe_exit(-signal.SIGABRT).startswith("signal SIGABRT (Aborted")
    assert describe_exit(3) == "exit status 3"


def test_a_server_that_crashes_is_started_again(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr("reader.serving.QUICK_DEATH_SECONDS", 0.0)  # no back-off wait here
    starts = tmp_path / "starts"
    # The first run crashes as a double free would; the second serves until stopped.
    script = (
        "import os, pathlib, signal, time\n"
        f"starts = pathlib.Path({str(starts)!r})\n"
        "starts.write_text(starts.read_text() + 'x' if starts.exists() else 'x')\n"
        "if len(starts.read_text()) == 1: os.kill(os.getpid(), signal.SIGABRT)\n"
        "time.sleep(60)\n"
    )
    supervisor = Supervisor([sys.executable, "-c", script])
    caplog.set_level(logging.INFO, logger="reader.serving")
    runner = threading.Thread(target=supervisor.run)
    runner.start()
    deadline = time.monotonic() + 30
    while (not starts.exists() or starts.read_text() != "xx") and time.monotonic() < deadline:
        time.sleep(0.05)
    supervisor.stop()
    runner.join(30)
    assert not runner.is_alive()
    assert starts.read_text() == "xx" and supervisor.restarts == 1
    assert "died (signal SIGABRT" in caplog.text


@pytest.mark.slow
def test_reader_serve_replaces_a_crashed_server_and_logs_the_cause(tmp_path):
    with serve_reader(tmp_path, SPEECH_ENGINE="silent") as server:
        first = server.server_pid()
        os.kill(first, signal.SIGSEGV)
        # The socket stays open in the supervisor: requests wait for the new server.
        with urllib.request.urlopen(server.base + "/articles/1", timeout=60) as response:
            assert response.status == 200
        assert server.server_pid() != first
        log = server.log.read_text()
        assert "Fatal Python error: Segmentation fault" in log  # the fault handler's traceback
        assert f"server process {first} died (signal SIGSEGV" in log
        assert server.process.poll() is None
