"""Two server processes on one data folder, two listeners at once: one render, shared."""

import threading
import urllib.request
from contextlib import ExitStack

import pytest

from tests.helpers import serve_reader
from tests.services import celery_worker, redis_server

# espeak-ng, not the silent engine: its sentences take long enough for the renders to overlap.
pytestmark = [pytest.mark.slow, pytest.mark.espeak]

ARTICLE_ID = 1


def listen_at_once(bases: list[str], path: str) -> list[bytes]:
    """Each base's path fetched by its own client, all starting together."""
    start = threading.Barrier(len(bases))
    bodies: list[bytes | None] = [None] * len(bases)

    def fetch(index: int) -> None:
        start.wait()
        with urllib.request.urlopen(bases[index] + path, timeout=120) as response:
            bodies[index] = response.read()

    threads = [threading.Thread(target=fetch, args=(n,)) for n in range(len(bases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(150)
    assert all(body is not None for body in bodies), "a listener got no answer"
    return bodies


@pytest.mark.parametrize(
    "backend", ["local", pytest.param("celery", marks=pytest.mark.redis)], ids=str
)
def test_two_servers_share_one_render_and_synthesize_each_sentence_once(tmp_path, backend):
    data, log = tmp_path / "data", tmp_path / "synthesized.log"
    data.mkdir()
    settings = {"SPEECH_ENGINE": "espeak", "SPEECH_WORKERS": "1", "SYNTHESIS_LOG": str(log)}
    # Each server one web worker, so that each listener is surely served by its own process.
    settings["WEB_WORKERS"] = "1"
    with ExitStack() as stack:
        if backend == "celery":
            redis = stack.enter_context(redis_server(tmp_path))
            settings.update(JOB_BACKEND="celery", REDIS_URL=redis.url)
            stack.enter_context(celery_worker(tmp_path / "worker", redis.url, **settings))
        first = stack.enter_context(serve_reader(data, **settings))
        second = stack.enter_context(
            serve_reader(data, seed=False, log_name="second.log", **settings)
        )
        # Two processes, each with its own memory, on one database and one audio cache.
        assert first.server_pid() != second.server_pid()
        path = f"/articles/{ARTICLE_ID}/audio"
        one, two = listen_at_once([first.base, second.base], path)
        assert one == two and len(one) > 10 * 1024
    synthesized = log.read_text().split()
    assert len(synthesized) > 10  # the engine's calls were counted
    assert len(synthesized) == len(set(synthesized)), "a sentence was synthesized twice"
