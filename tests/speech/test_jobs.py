"""Worker processes: a hung or crashing job is killed and retried, then reported."""

import os
import signal
import threading
import time

import pytest

from reader.speech.jobs import JobRunner, SentenceFailed
from reader.speech.options import SynthesisOptions
from reader.speech.worker import SentenceJob, render_sentence

OPTIONS = SynthesisOptions("roa/fr", 175, "silent", "opus", 24)


def job(tmp_path, key="k", text="Bonjour."):
    return SentenceJob(key, text, OPTIONS, 100, str(tmp_path))


def hang_forever(job):
    time.sleep(3600)


def crash(job):
    os._exit(3)


def fail_first_time(job):
    marker = os.path.join(job.cache_root, "tried")
    if not os.path.exists(marker):
        open(marker, "w").close()
        os._exit(3)
    return render_sentence(job)


@pytest.mark.slow
def test_a_hanging_worker_is_killed_after_the_timeout(tmp_path, make_runner):
    runner = make_runner(workers=1, timeout=1.0, task=hang_forever)
    with pytest.raises(SentenceFailed):
        runner.submit(job(tmp_path)).result(timeout=60)


@pytest.mark.slow
def test_a_crashing_worker_is_reported_and_the_pool_keeps_serving(tmp_path, make_runner):
    runner = make_runner(workers=1, timeout=10, task=crash)
    with pytest.raises(SentenceFailed):
        runner.submit(job(tmp_path, "a")).result(timeout=60)
    runner.task = render_sentence
    assert runner.submit(job(tmp_path, "b")).result(timeout=60).duration > 0


@pytest.mark.slow
def test_a_failed_attempt_is_retried_once(tmp_path, make_runner):
    runner = make_runner(workers=1, timeout=60, task=fail_first_time)  # a busy host spawns slowly
    assert runner.submit(job(tmp_path)).result(timeout=150).duration > 0


def test_the_same_key_in_flight_shares_one_future(tmp_path):
    release = threading.Event()

    def held(job):
        release.wait(10)  # still in flight when the second listener asks
        return render_sentence(job)

    runner = JobRunner(workers=0, timeout=10, task=held)
    first, second = runner.submit(job(tmp_path)), runner.submit(job(tmp_path))
    release.set()
    assert first is second
    assert first.result(timeout=10).duration > 0
    runner.shutdown()


def test_a_cached_sentence_is_not_synthesized_again(tmp_path):
    first = render_sentence(job(tmp_path, "same"))
    cached = render_sentence(SentenceJob("same", "other text", OPTIONS, 0, str(tmp_path)))
    assert cached.data == first.data


def test_shutdown_refuses_new_work(tmp_path):
    runner = JobRunner(workers=0, timeout=10)
    runner.shutdown()
    with pytest.raises(SentenceFailed):
        runner.submit(job(tmp_path)).result(timeout=10)


def worker_pid(job):
    return os.getpid()


@pytest.mark.slow
def test_shutdown_stops_the_worker_processes(tmp_path):
    runner = JobRunner(workers=2, timeout=10, task=worker_pid)
    pid = runner.submit(job(tmp_path)).result(timeout=60)
    assert pid != os.getpid()
    runner.shutdown()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.1)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it has exited all the same.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


def crash_on_boom(job):
    if job.text == "boom":
        os._exit(3)
    return render_sentence(job)


@pytest.mark.slow
def test_a_sentence_that_crashes_its_batch_does_not_fail_its_neighbour(tmp_path, make_runner):
    runner = make_runner(workers=1, timeout=10, task=crash_on_boom)
    # One worker: "a" goes alone, "b" and "boom" as a pair, "d" alone at the end.
    texts = {"a": "Un.", "b": "Deux.", "c": "boom", "d": "Quatre."}
    first, second, bad, last = runner.submit_all([job(tmp_path, k, t) for k, t in texts.items()])
    assert first.result(timeout=60).key == "a"
    assert second.result(timeout=60).key == "b"  # sent with "boom", retried on its own
    with pytest.raises(SentenceFailed):
        bad.result(timeout=60)
    assert last.result(timeout=60).key == "d"


@pytest.mark.parametrize(
    ("count", "trips"),
    [
        (9, [["0"], ["1"], ["2", "3"], ["4", "5"], ["6"], ["7"], ["8"]]),
        (10, [["0"], ["1"], ["2", "3"], ["4", "5"], ["6", "7"], ["8"], ["9"]]),
        # "Phrase 10." is longer than "Phrase 9.": the last ones go longest first.
        (11, [["0"], ["1"], ["2", "3"], ["4", "5"], ["6", "7"], ["8"], ["10"], ["9"]]),
        (3, [["0"], ["1"], ["2"]]),
        (1, [["0"]]),
    ],
)
def test_sentences_go_in_order_the_first_and_last_ones_alone(tmp_path, monkeypatch, count, trips):
    runner = JobRunner(workers=2, timeout=10)
    sent = []
    monkeypatch.setattr(runner, "_schedule", lambda jobs: sent.append(jobs) or _done(jobs))
    futures = runner.submit_all([job(tmp_path, str(n), f"Phrase {n}.") for n in range(count)])
    assert [[j.key for j in trip] for trip in sent] == trips
    assert [f.result().key for f in futures] == [str(n) for n in range(count)]


def _done(jobs):
    from concurrent.futures import Future

    future = Future()
    future.set_result([render_sentence(j) for j in jobs])
    return future


@pytest.mark.slow
def test_an_idle_worker_killed_between_renders_is_replaced(tmp_path, make_runner, job_backend):
    runner = make_runner(workers=1, timeout=30, task=worker_pid)
    pid = runner.submit(job(tmp_path, "first")).result(timeout=60)
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)
    time.sleep(1)  # pebble (or Celery's pool) notices the dead worker
    runner.task = render_sentence
    assert runner.submit(job(tmp_path, "second")).result(timeout=90).duration > 0


@pytest.mark.slow
def test_a_worker_killed_just_before_a_batch_is_healed_by_a_retry(tmp_path, make_runner):
    runner = make_runner(workers=1, timeout=30, task=worker_pid)
    pid = runner.submit(job(tmp_path, "first")).result(timeout=60)
    runner.task = render_sentence
    os.kill(pid, signal.SIGKILL)  # no pause: the batch may reach the pool before it breaks
    assert runner.submit(job(tmp_path, "second")).result(timeout=90).duration > 0


def sleep_then_render(job):
    time.sleep(2)  # long enough to be killed in the middle
    return render_sentence(job)


@pytest.mark.slow
def test_a_worker_killed_mid_job_is_retried_and_leaves_no_partial_file(
    tmp_path, make_runner, worker_pids
):
    runner = make_runner(workers=1, timeout=30, task=sleep_then_render)
    runner.submit(job(tmp_path, "warm")).result(timeout=60)  # the workers are up
    future = runner.submit(job(tmp_path, "killed"))
    time.sleep(1)  # the job is running in one of the worker processes now
    for pid in worker_pids():  # whichever took it dies mid-sentence
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    audio = future.result(timeout=120)
    assert audio.duration > 0
    files = sorted(path.name for path in (tmp_path / "sentences").iterdir())
    assert files == ["killed.opus", "warm.opus"]  # the retry's whole file, no temp file left behind
