"""A full or read-only audio cache: listening works, polls start no new render, said once."""

import errno
import logging

import pytest

from reader.speech import cache as cache_module


@pytest.fixture
def full_disk(monkeypatch):
    """Every cache write fails as on a full disk (chmod would not stop root, who runs CI)."""

    def no_space(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(cache_module, "_write_atomically", no_space)
    yield
    cache_module._write_errors.clear()


def test_a_full_cache_keeps_the_render_in_memory_and_polls_start_nothing(
    app, client, french_article, full_disk, monkeypatch, caplog
):
    speech = app.extensions["reader.speech"]
    submitted = []
    real_submit_all = speech.runner.submit_all

    def counting_submit_all(jobs):
        submitted.append(len(jobs))
        return real_submit_all(jobs)

    monkeypatch.setattr(speech.runner, "submit_all", counting_submit_all)
    base = f"/articles/{french_article.id}/audio"
    with caplog.at_level(logging.WARNING, logger="reader.speech.cache"):
        with client.get(base) as first:
            assert first.status_code == 200 and first.mimetype == "audio/ogg"
            streamed = first.get_data()
        assert streamed.startswith(b"OggS") and len(streamed) > 1000
        for render in list(speech._renders.values()):
            assert render.finished.wait(60)
        first_render = list(submitted)  # the first sentence at once, then the rest
        for _ in range(3):
            status = client.get(f"{base}/status").get_json()
            assert status["complete"] and status["failed"] == [] and status["cached"] is False
            timings = client.get(f"{base}/timings").get_json()
            assert len(timings["sentences"]) == status["total"]
        with client.get(base) as again:
            assert again.get_data() == streamed
    assert submitted == first_render  # the polls and the second listen joined the first render
    errors = [r for r in caplog.records if "cache write failed" in r.getMessage()]
    assert len(errors) == 1  # once, not once a sentence
    ready = client.get("/readyz").get_json()
    assert "No space left on device" in ready["audio_cache"]
    assert ready["status"] == "ready"


def test_readyz_says_the_cache_is_writable(client):
    assert client.get("/readyz").get_json()["audio_cache"] == "writable"


def test_a_cache_that_can_be_written_again_is_used_again(
    app, client, french_article, full_disk, monkeypatch
):
    speech = app.extensions["reader.speech"]
    with client.get(f"/articles/{french_article.id}/audio") as first:
        first.get_data()
    for render in list(speech._renders.values()):
        assert render.finished.wait(60)
    assert speech.cache_state() != "writable"
    monkeypatch.setattr(cache_module, "_write_atomically", REAL_WRITE)  # room on the disk again
    assert speech.cache.put("articles", "k" * 64, b"x", ".bin") is not None
    assert speech.cache_state() == "writable"


REAL_WRITE = cache_module._write_atomically
