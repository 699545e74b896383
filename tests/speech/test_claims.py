"""Sentence claims: one process synthesizes a sentence, the others wait for it or take it over."""

import threading
import time

import pytest

from reader.db import make_engine
from reader.models import Base
from reader.speech.audio.formats import cache_validators
from reader.speech.cache import AudioCache
from reader.speech.claims import DatabaseClaims, LocalClaims, RedisClaims
from reader.speech.jobs import JobRunner, SentenceFailed
from reader.speech.options import SynthesisOptions
from reader.speech.shared_jobs import SharedRunner
from reader.speech.worker import SentenceJob, render_sentence

OPTIONS = SynthesisOptions("roa/fr", 175, "silent", "opus", 24)
STORES = ["local", "database", pytest.param("redis", marks=pytest.mark.redis)]


@pytest.fixture(params=STORES)
def claims(request, tmp_path):
    if request.param == "local":
        yield LocalClaims()
    elif request.param == "database":
        engine = make_engine(f"sqlite:///{tmp_path / 'claims.sqlite3'}")
        Base.metadata.create_all(engine)
        yield DatabaseClaims(engine)
        engine.dispose()
    else:
        redis = request.getfixturevalue("redis_service")
        redis.forget_claims()
        claims = RedisClaims(redis.url)
        yield claims
        claims.close()


def test_one_owner_wins_a_key_and_keeps_it(claims):
    assert claims.claim(["a", "b"], "one", 30) == {"a", "b"}
    assert claims.claim(["a", "b", "c"], "two", 30) == {"c"}
    assert claims.claim(["a"], "one", 30) == {"a"}  # its own claim, still its own
    assert {key: claim.owner for key, claim in claims.states(["a", "c", "d"]).items()} == {
        "a": "one",
        "c": "two",
    }
    assert claims.ping()


def test_a_released_key_is_free_and_a_failed_one_says_why(claims):
    claims.claim(["a", "b"], "one", 30)
    claims.release(["a"], "two")  # not its claim: nothing happens
    assert "a" in claims.states(["a"])
    claims.release(["a"], "one")
    claims.fail("b", "one", "engine crashed", 30)
    states = claims.states(["a", "b"])
    assert "a" not in states
    assert states["b"].failed and states["b"].message == "engine crashed"
    assert claims.claim(["a", "b"], "two", 30) == {"a"}  # a failure holds for its grace period


def test_a_claim_not_refreshed_lapses(claims):
    claims.claim(["a", "b"], "one", 1)
    claims.refresh(["b"], "one", 30)
    time.sleep(1.3)
    assert claims.claim(["a", "b"], "two", 30) == {"a"}


def job(cache_root, key="k", text="Bonjour."):
    return SentenceJob(key, text, OPTIONS, 100, str(cache_root))


def never_called(job):
    raise AssertionError("this sentence was synthesized here although another process had it")


@pytest.fixture
def runner(tmp_path):
    claims = LocalClaims()
    cache = AudioCache(tmp_path, cache_validators())
    runner = SharedRunner(JobRunner(0, 10, task=never_called), claims, cache, 60)
    yield runner
    runner.shutdown()


def test_a_sentence_another_process_claimed_is_read_from_the_cache_when_it_lands(tmp_path, runner):
    runner.claims.claim(["k"], "elsewhere", 30)
    future = runner.submit(job(tmp_path))
    time.sleep(0.3)
    assert not future.done()  # waiting for the other process
    made = render_sentence(job(tmp_path))  # the other process writes it, then lets go
    runner.claims.release(["k"], "elsewhere")
    assert future.result(timeout=10).data == made.data


def test_a_sentence_that_failed_elsewhere_fails_here(tmp_path, runner):
    runner.claims.claim(["k"], "elsewhere", 30)
    future = runner.submit(job(tmp_path))
    runner.claims.fail("k", "elsewhere", "engine crashed", 30)
    with pytest.raises(SentenceFailed, match="engine crashed"):
        future.result(timeout=10)


def test_a_dead_claimants_sentence_is_taken_over(tmp_path, runner, caplog):
    runner.claims.claim(["k"], "elsewhere", 1)  # never refreshed: its owner died
    runner.task = render_sentence
    assert runner.submit(job(tmp_path)).result(timeout=30).duration > 0
    assert "taking over 1 sentence" in caplog.text


def test_a_cached_sentence_needs_no_claim(tmp_path, runner):
    render_sentence(job(tmp_path))
    assert runner.submit(job(tmp_path)).result(timeout=10).duration > 0
    assert runner.claims.states(["k"]) == {}


def test_shutdown_waits_for_the_follower_to_give_its_connection_back(tmp_path):
    """An app closes its pool after the speech service's shutdown: a claim query still under
    way then came back to a closed pool and its connection stayed open (PostgreSQL warned)."""
    engine = make_engine(f"sqlite:///{tmp_path / 'claims.sqlite3'}")
    Base.metadata.create_all(engine)
    asked = threading.Event()

    class SlowClaims(DatabaseClaims):
        def states(self, keys):
            with self.engine.connect():  # a connection out while the follower looks
                asked.set()
                time.sleep(0.5)
                return super().states(keys)

    cache = AudioCache(tmp_path, cache_validators())
    runner = SharedRunner(JobRunner(0, 10, task=never_called), SlowClaims(engine), cache, 60)
    try:
        runner.claims.claim(["k"], "elsewhere", 30)
        runner.submit(job(tmp_path))  # waits for the other process: the follower looks
        assert asked.wait(10)
        runner.shutdown()
        assert engine.pool.checkedout() == 0
    finally:
        engine.dispose()
