"""Sentence jobs behind one interface: worker processes with a hard timeout, or inline."""

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from reader import metrics
from reader.speech.worker import SentenceAudio, SentenceJob, render_sentence, warm_up

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # a sentence that hangs or crashes is retried once, then reported
# After one sentence per worker, sentences travel in pairs: each trip to a worker process costs
# ~1.5 ms of hand-offs, ~10 % of a whole article's render on two cores.
BATCH_SIZE = 2
# Jobs waiting this long with none running: the pool is stalled (a lock held by a dead worker).
# Longer than pebble's own wait for that lock (60 s), after which a worker gives up and exits.
STALL_SECONDS = 90.0


class SentenceFailed(RuntimeError):
    """A sentence could not be rendered, even after a retry."""


class JobRunner:
    """Runs SentenceJobs; the same key asked twice while in flight shares one future."""

    def __init__(
        self,
        workers: int,
        timeout: float,
        task: Callable = render_sentence,
        engine_name: str | None = None,
        model_dir: str | None = None,
    ):
        self.workers = workers
        self.model_dir = model_dir
        self.timeout = timeout
        self.task = task
        self.engine_name = engine_name
        self._pool = None
        self._scheduled: dict[Future, object] = {}  # pebble's futures not done yet -> their pool
        self._queued_at: dict[Future, float] = {}  # when each of them was handed to the pool
        self._in_flight: dict[str, Future] = {}
        self._lock = threading.Lock()
        self.stall_seconds = STALL_SECONDS
        self._stalled: set[int] = set()  # ids of pools replaced because they took no job
        self._watchdog: threading.Thread | None = None

    def submit(self, job: SentenceJob) -> Future:
        """A future of the job's SentenceAudio; joins a render of the same key in flight."""
        return self.submit_all([job])[0]

    def submit_all(self, jobs: list[SentenceJob]) -> list[Future]:
        """Futures of the jobs' SentenceAudio, in order; each joins a render in flight.

        They start in order: the first one alone on each worker, so the first sentence is
        back as soon as it can be; then in pairs; the last ones alone again and longest first,
        so that no worker is left with much to finish while the other has nothing.
        """
        futures, new = join_in_flight(self._lock, self._in_flight, jobs)
        for batch in plan_batches(new, self.workers):
            self._attempt(batch, attempt=1)
        return futures

    def _attempt(self, batch: list[tuple[SentenceJob, Future]], attempt: int) -> None:
        try:
            running = self._schedule([job for job, _ in batch])
        except Exception as error:  # noqa: BLE001 - a broken pool must fail the job, not the app
            log.error("sentences %s could not be started: %r", _keys(batch), error)
            for job, outcome in batch:
                self._finish(job, outcome, error=SentenceFailed(str(error)))
            return
        running.add_done_callback(lambda done: self._on_done(batch, attempt, done))

    def _on_done(self, batch, attempt: int, done: Future) -> None:
        with self._lock:
            pool = self._scheduled.pop(done, None)
            self._queued_at.pop(done, None)
        error = done.exception() if not done.cancelled() else RuntimeError("cancelled")
        if error is None:
            for (job, outcome), result in zip(batch, done.result(), strict=True):
                self._finish(job, outcome, result=result)
        elif pool is not None and self._gone(pool) and attempt < MAX_ATTEMPTS and not self._closed:
            # The pool broke under this batch (a worker died while idle): not the batch's fault,
            # so it goes again whole, to the new pool _schedule puts in the broken one's place.
            log.warning("sentences %s lost with a broken pool (%r); retrying", _keys(batch), error)
            self._attempt(batch, attempt + 1)
        elif attempt < MAX_ATTEMPTS and not self._closed:
            # Each sentence of a failed batch is retried on its own: one bad sentence must not
            # fail its neighbour (whose audio is in the cache by now if it was made).
            log.warning("sentences %s failed (%r); retrying", _keys(batch), error)
            for pair in batch:
                self._attempt([pair], attempt + 1)
        else:
            log.error("sentence %s failed after %d attempts: %r", _keys(batch), attempt, error)
            for job, outcome in batch:
                self._finish(job, outcome, error=SentenceFailed(str(error) or type(error).__name__))

    def _finish(self, job, outcome: Future, result: SentenceAudio | None = None, error=None):
        with self._lock:
            self._in_flight.pop(job.key, None)
        settle(outcome, result, error)

    def _gone(self, pool) -> bool:
        """The pool broke, or was replaced for stalling: its jobs' failures are not theirs."""
        return id(pool) in self._stalled or _is_broken(pool)

    @property
    def _closed(self) -> bool:
        return self._pool is False

    def is_ready(self) -> bool:
        """Whether jobs can be taken: not shut down, and the pool (if started) not broken."""
        pool = self._pool
        return pool is not False and (pool is None or not _is_broken(pool))

    def _schedule(self, jobs: list[SentenceJob]) -> Future:
        pool = self._ensure_pool()
        if isinstance(pool, ThreadPoolExecutor):
            return pool.submit(run_each, self.task, jobs)
        if _is_broken(pool):
            pool = self._replace(pool)
        # pebble kills the worker process when the timeout passes and starts a new one.
        args, timeout = (self.task, jobs), self.timeout * len(jobs)
        try:
            running = pool.schedule(run_each, args=args, timeout=timeout)
        except RuntimeError:  # broken between the check and now
            pool = self._replace(pool)
            running = pool.schedule(run_each, args=args, timeout=timeout)
        with self._lock:
            if not running.done():
                self._scheduled[running] = pool
                self._queued_at[running] = time.monotonic()
        self._watch()
        return running

    def _watch(self) -> None:
        with self._lock:
            if self._watchdog is None or not self._watchdog.is_alive():
                self._watchdog = threading.Thread(
                    target=self._watch_for_stalls, daemon=True, name="speech-watchdog"
                )
                self._watchdog.start()

    def _watch_for_stalls(self) -> None:
        """Replace a pool whose workers take no task although they have tasks waiting.

        A worker killed while it holds the pool's channel lock (taking a task, or sending a
        result) leaves the lock held for good: every other worker, and each one started in
        its place, waits on it, pebble's pool still looks healthy and the jobs wait forever.
        Jobs waiting for stall_seconds, none running, and the lock found held at two checks
        in a row is that (workers still starting, however slowly, hold no lock): a new pool.
        """
        held_before = None
        while not self._closed:
            time.sleep(min(1.0, self.stall_seconds / 4))
            with self._lock:
                if not self._scheduled:
                    return  # nothing waits: the next _schedule starts a watchdog again
                waiting = self._stalled_pool()
            held = waiting if waiting is not None and _channel_lock_held(waiting) else None
            stalled, held_before = (held if held is held_before else None), held
            if stalled is not None:
                log.error(
                    "the speech workers took no job for %g s (a worker died holding the "
                    "pool's lock?); starting new ones",
                    self.stall_seconds,
                )
                try:
                    self._replace(stalled, force=True)
                except RuntimeError:
                    return  # shut down meanwhile

    def _stalled_pool(self):
        # Under self._lock: the pool whose oldest waiting job waited too long, none running.
        now = time.monotonic()
        for future, pool in self._scheduled.items():
            if future.done() or future.running():
                continue
            if now - self._queued_at.get(future, now) < self.stall_seconds:
                continue
            if not any(f.running() for f, p in self._scheduled.items() if p is pool):
                return pool
        return None

    def _replace(self, broken, force: bool = False):
        """A new pool in place of a broken one (once, however many callers noticed); its queued
        jobs are cancelled, so that they are retried on the new pool rather than wait forever.

        `force`: the pool looks healthy but is stalled; its jobs are retried as if it broke.
        """
        with self._lock:
            if self._pool is False:
                raise RuntimeError("the speech workers are shut down")
            if self._pool is broken:
                log.warning("the speech workers broke (a worker died); starting new ones")
                self._pool = self._make_pool()
                stranded = [f for f, pool in self._scheduled.items() if pool is broken]
                if force:
                    self._stalled.add(id(broken))
                threading.Thread(target=_stop, args=(broken,), daemon=True).start()
            else:
                stranded = []
            pool = self._pool
        for future in stranded:
            future.cancel()
        return pool

    def _ensure_pool(self):
        with self._lock:
            if self._pool is False:
                raise RuntimeError("the speech workers are shut down")
            if self._pool is None:
                self._pool = self._make_pool()
            return self._pool

    def _make_pool(self):
        if self.workers <= 0:
            # Inline mode (tests, tiny installs): one thread in this process, no hard timeout.
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech")
        from pebble import ProcessPool

        # spawn: a fresh interpreter per worker, never a fork of a threaded web server.
        return ProcessPool(
            max_workers=self.workers,
            max_tasks=200,
            context=multiprocessing.get_context("spawn"),
            initializer=warm_up if self.engine_name else None,
            initargs=(self.engine_name, self.model_dir, self.workers) if self.engine_name else None,
        )

    def start(self) -> None:
        """Start the workers now rather than at the first job (a server does this at start)."""
        pool = self._ensure_pool()
        if not isinstance(pool, ThreadPoolExecutor):
            pool.schedule(os.getpid)  # the pool spawns its workers on its first task

    def shutdown(self) -> None:
        """Stop the workers; jobs not started yet are cancelled."""
        with self._lock:
            pool, self._pool = self._pool, False
        if pool is None or pool is False:
            return
        if isinstance(pool, ThreadPoolExecutor):
            pool.shutdown(wait=False, cancel_futures=True)
        else:
            pool.stop()
            pool.join(timeout=5)


def plan_batches(new: list[tuple], workers: int) -> list[list[tuple]]:
    """(job, future) pairs in trips to the workers: the first one alone on each worker, then
    in pairs, the last ones alone again and longest first (the order both backends use)."""
    singles = max(workers, 1)
    paired_from = min(singles, len(new))
    paired_to = max(paired_from, len(new) - singles)
    batches = [[pair] for pair in new[:paired_from]]
    batches += [
        new[i : min(i + BATCH_SIZE, paired_to)] for i in range(paired_from, paired_to, BATCH_SIZE)
    ]
    # Longest first, so the worker that finishes first takes the shortest: they end closer.
    tail = sorted(new[paired_to:], key=lambda pair: len(pair[0].text), reverse=True)
    return batches + [[pair] for pair in tail]


def settle(outcome: Future, result: SentenceAudio | None = None, error=None) -> None:
    """The job's future given its error, or its audio (counted as a sentence rendered)."""
    if error is not None:
        outcome.set_exception(error)
        return
    if isinstance(result, SentenceAudio):
        # Counted where the web process learns of it, rather than in the short-lived worker.
        metrics.sentence_rendered(result.synthesis_seconds)
    outcome.set_result(result)


def join_in_flight(lock, in_flight: dict, jobs: list[SentenceJob]):
    """Each job's future, shared with the same sentence already in flight; and the new ones,
    as (job, future) pairs, which the caller must start. `in_flight` maps keys to futures."""
    futures, new = [], []
    with lock:
        for job in jobs:
            future = in_flight.get(job.key)
            if future is None:
                future = in_flight[job.key] = Future()
                new.append((job, future))
            futures.append(future)
    return futures, new


def _is_broken(pool) -> bool:
    """A pebble pool that will take no more work although nobody stopped it."""
    if isinstance(pool, ThreadPoolExecutor):
        return False
    try:
        pool._check_pool_status()  # pebble's own check: its manager threads alive, no error
    except RuntimeError:
        return True
    return False


def _channel_lock_held(pool) -> bool:
    """Whether a worker holds the pool's channel lock now (pebble's internals: its mutex)."""
    try:
        mutex = pool._pool_manager.worker_manager.workers_channel.mutex.reader_mutex
    except AttributeError:  # another pebble: no stall detection rather than a wrong one
        return False
    if mutex.acquire(block=False):
        mutex.release()
        return False
    return True


def _stop(pool) -> None:
    pool.stop()
    try:
        pool.join(timeout=5)
    except Exception:  # a broken pool's leftovers must not outlive it loudly
        log.debug("a broken speech pool did not stop cleanly", exc_info=True)


def run_each(task: Callable, jobs: list[SentenceJob]) -> list[SentenceAudio]:
    """In the worker: the task for each job of a batch, in order."""
    return [task(job) for job in jobs]


def _keys(batch) -> str:
    return ",".join(job.key[:12] for job, _ in batch)
