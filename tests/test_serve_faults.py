"""The web server killed (SIGKILL, every process) during a burst of feedback posts: every post
it acknowledged is stored, none twice, the database is intact and the next server serves it."""

import http.client
import json
import os
import signal
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import create_engine, text

from tests.helpers import serve_reader

pytestmark = [pytest.mark.slow]

POSTERS = 8
BURST_SECONDS = 1.5  # posts before the kill; each poster keeps posting until its server is gone
ENOUGH_ACKNOWLEDGED = 50  # so that the kill lands in the middle of a burst, not before it


def descendants(pid: int) -> list[int]:
    """Every process under `pid` (web workers, their speech workers), children first."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        for child in (task / "children").read_text().split():
            found += [*descendants(int(child)), int(child)]
    return found


def post_until_gone(base: str, poster: int, acknowledged: dict, stop: threading.Event) -> None:
    """Posts numbered feedback on one kept-alive connection until the server stops answering;
    each acknowledgement (201 with its id) is written down with its message."""
    address = urlsplit(base)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        number = 0
        while not stop.is_set():
            number += 1
            message = f"burst {poster}-{number}"
            body = json.dumps({"category": "other", "message": message})
            try:
                connection.request(
                    "POST", "/api/v1/feedback", body, {"Content-Type": "application/json"}
                )
                response = connection.getresponse()
                answer = response.read()
            except (OSError, http.client.HTTPException):
                return  # the server is gone: this post was never acknowledged
            if response.status == 201:
                acknowledged[message] = json.loads(answer)["id"]
    finally:
        connection.close()


def stored_feedback(env: dict[str, str]) -> list[tuple[int, str]]:
    url = env.get("READER_DATABASE_URL") or f"sqlite:///{env['READER_DATA_DIR']}/reader.sqlite3"
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "sqlite":
                assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            return [
                tuple(row) for row in connection.execute(text("SELECT id, message FROM feedback"))
            ]
    finally:
        engine.dispose()


def test_the_server_killed_during_a_feedback_burst_loses_no_acknowledged_post(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with serve_reader(data, seed=False, FEEDBACK_LIMIT="off") as server:
        server.wait_for_workers(2)
        acknowledged: dict[str, int] = {}
        stop = threading.Event()
        posters = [
            threading.Thread(target=post_until_gone, args=(server.base, n, acknowledged, stop))
            for n in range(POSTERS)
        ]
        for poster in posters:
            poster.start()
        deadline = time.monotonic() + 60
        time.sleep(BURST_SECONDS)
        while len(acknowledged) < ENOUGH_ACKNOWLEDGED and time.monotonic() < deadline:
            time.sleep(0.1)
        # Every process of the server at once, mid-burst: no shutdown, no flush, no goodbye.
        for pid in [server.process.pid, *descendants(server.process.pid)]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        server.process.wait(10)
        for poster in posters:
            poster.join(30)
        stop.set()
        assert not any(poster.is_alive() for poster in posters)
        env = server.env

    stored = stored_feedback(env)
    messages = [message for _id, message in stored]
    assert len(acknowledged) >= ENOUGH_ACKNOWLEDGED
    assert len(messages) == len(set(messages)), "a post was stored twice"
    by_message = dict((message, row_id) for row_id, message in stored)
    lost = {m: i for m, i in acknowledged.items() if by_message.get(m) != i}
    assert not lost, f"acknowledged but not stored as acknowledged: {sorted(lost)[:10]}"
    # Stored but never acknowledged: posts whose answer the kill cut off, at most one a poster.
    assert len(stored) - len(acknowledged) <= POSTERS
    print(f"killed mid-burst: {len(acknowledged)} acknowledged, {len(stored)} stored, none lost")

    # The next server opens the same database and serves it.
    with serve_reader(data, seed=False, log_name="after.log", FEEDBACK_LIMIT="off") as again:
        address = urlsplit(again.base)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
        try:
            connection.request(
                "POST",
                "/api/v1/feedback",
                json.dumps({"category": "other", "message": "after the crash"}),
                {"Content-Type": "application/json"},
            )
            assert connection.getresponse().status == 201
        finally:
            connection.close()
    assert len(stored_feedback(env)) == len(stored) + 1
