"""Sustained load on `reader serve`: the list and reading pages from 64 connections, no worker dies.

Web workers once crashed (SIGSEGV in SQLite) after 15-30 s of the list page at ~2,000 requests
per second: a statement shared through the sqlite3 module's cache was reset by the garbage
collector in another thread. Bounded: two routes, 30 s each, on loopback.
"""

import shutil
import subprocess

import pytest

from tests.helpers import serve_reader

pytestmark = [pytest.mark.espeak, pytest.mark.slow]

SECONDS_PER_ROUTE = 30
CONNECTIONS = 64


@pytest.mark.skipif(
    shutil.which("wrk") is None, reason="wrk is not installed (scripts/setup.sh --browser)"
)
def test_the_pages_under_sustained_load_never_crash_a_worker(tmp_path):
    with serve_reader(tmp_path / "data", SPEECH_ENGINE="espeak") as server:
        serving_pids = server.wait_for_workers(2)
        for path in ("/", "/articles/2"):
            done = subprocess.run(
                [
                    "wrk",
                    "-t2",
                    f"-c{CONNECTIONS}",
                    f"-d{SECONDS_PER_ROUTE}s",
                    "--timeout",
                    "10s",
                    server.base + path,
                ],  # fmt: skip
                capture_output=True,
                text=True,
                timeout=SECONDS_PER_ROUTE + 60,
                check=True,
            )
            assert "Non-2xx or 3xx responses" not in done.stdout, done.stdout
            assert "Socket errors" not in done.stdout, done.stdout
        log = server.log.read_text()
        assert "Fatal Python error" not in log and "was sent SIG" not in log, log[-4000:]
        assert server.process.poll() is None
        assert server.worker_pids() == serving_pids, log[-4000:]
