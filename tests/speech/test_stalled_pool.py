"""A worker that dies holding the pool's channel lock stalls the pool: the runner replaces it."""

import logging

import pytest

from reader.speech.jobs import JobRunner
from reader.speech.worker import SentenceJob
from tests.helpers import die_holding_the_channel_lock


def _job(tmp_path, key: str) -> SentenceJob:
    from reader.speech.options import SynthesisOptions

    options = SynthesisOptions(voice="silent", engine="silent")
    return SentenceJob(key, "Le pont est ouvert.", options, pause_ms=0, cache_root=str(tmp_path))


@pytest.mark.slow
def test_a_worker_dead_with_the_channel_lock_is_healed(tmp_path, caplog):
    runner = JobRunner(workers=1, timeout=30, engine_name="silent")
    runner.stall_seconds = 3  # the default waits out pebble's own 60 s lock timeout
    try:
        runner.start()
        runner._ensure_pool().schedule(die_holding_the_channel_lock).exception(timeout=60)
        with caplog.at_level(logging.ERROR, logger="reader.speech.jobs"):
            future = runner.submit(_job(tmp_path, "a" * 64))
            audio = future.result(timeout=120)  # a bound on a hang, not a speed assertion
        assert audio.data and audio.duration > 0
        assert "took no job" in caplog.text
    finally:
        runner.shutdown()
