"""64 readers arriving at once on a freshly started `reader serve`: every answer, no crash."""

import http.client
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from tests.helpers import make_app, serve_reader

pytestmark = [pytest.mark.espeak, pytest.mark.slow]

CLIENTS = 64
REQUEST_TIMEOUT = 120.0
ARTICLE_ID = 2  # the German seed: short, so the audio routes finish quickly


def reader_routes(tmp_path: Path) -> list[str]:
    """Every GET route of the URL map that an anonymous reader can reach, filled in."""
    app = make_app(tmp_path / "map")
    client = app.test_client()
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        values = {arg: ARTICLE_ID for arg in rule.arguments}
        path = app.url_map.bind("localhost").build(rule.endpoint, values)
        # An editor's page sends the public to sign in: not one a reader reaches.
        if client.get(path).headers.get("Location", "").startswith("/login"):
            continue
        paths.append(path)
    app.extensions["reader.speech"].shutdown()
    assert "/" in paths and f"/articles/{ARTICLE_ID}" in paths and "/about/audio" in paths
    return paths + ["/static/reader.css", f"/about/audio?article={ARTICLE_ID}"]


def burst(base: str, paths: list[str]) -> list[tuple[str, int | str]]:
    """CLIENTS connections that start together, each walking every path from its own offset."""
    address = urllib.parse.urlsplit(base)
    start = threading.Barrier(CLIENTS)
    results: list[tuple[str, int | str]] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        order = paths[offset % len(paths) :] + paths[: offset % len(paths)]
        start.wait()
        for path in order:
            connection = http.client.HTTPConnection(
                address.hostname, address.port, timeout=REQUEST_TIMEOUT
            )
            try:
                connection.request("GET", path, headers={"Accept-Language": "fr"})
                response = connection.getresponse()
                response.read()
                outcome: int | str = response.status
            except OSError as error:
                outcome = f"{type(error).__name__}: {error}"
            finally:
                connection.close()
            with lock:
                results.append((path, outcome))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(REQUEST_TIMEOUT * len(paths))
    return results


def keep_cores_busy(seconds: float) -> list[subprocess.Popen]:
    """One spinning process per core: the race struck when the machine was busy."""
    spin = f"import time\nend = time.monotonic() + {seconds}\nwhile time.monotonic() < end: pass"
    return [subprocess.Popen([sys.executable, "-c", spin]) for _ in range(2)]


@pytest.mark.parametrize("busy", [False, True], ids=["quiet", "busy"])
def test_many_first_readers_at_once_all_get_answers(tmp_path, busy):
    paths = reader_routes(tmp_path)
    with serve_reader(tmp_path / "data", SPEECH_ENGINE="espeak") as server:
        serving_pids = server.wait_for_workers(2)
        spinners = keep_cores_busy(60) if busy else []
        try:
            started = time.monotonic()
            results = burst(server.base, paths)
        finally:
            for spinner in spinners:
                spinner.kill()
                spinner.wait()
        log = server.log.read_text()
        assert len(results) == CLIENTS * len(paths), f"requests unanswered after {started}"
        failures = [(path, outcome) for path, outcome in results if not isinstance(outcome, int)]
        assert not failures, f"{len(failures)} failed: {failures[:5]}\n{log[-3000:]}"
        errors = [(path, status) for path, status in results if status >= 500]
        assert not errors, f"{errors[:5]}\n{log[-3000:]}"
        # Editors' pages send the public to sign in (302); the editors' API answers 401.
        statuses = {status for _, status in results}
        assert statuses <= {200, 302, 401, 404}, sorted(set(results))[:5]
        # Alive, and the same workers: a restart by gunicorn would hide a crash.
        assert server.process.poll() is None
        assert server.worker_pids() == serving_pids, log[-3000:]
        assert "was sent SIG" not in log and "exited with code" not in log, log[-3000:]
        # The cause, ruled out for good: no speech engine is loaded into the web process.
        for pid in serving_pids:
            maps = Path(f"/proc/{pid}/maps").read_text()
            assert "libespeak" not in maps
            assert "onnxruntime" not in maps
