"""Sentence jobs behind one interface: worker processes with a hard timeout, or inline."""

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from reader.speech.worker import SentenceAudio, SentenceJob, render_sentence, warm_up

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 2  # a sentence that hangs or crashes is retried once, then reported


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
    ):
        self.workers = workers
        self.timeout = timeout
        self.task = task
        self.engine_name = engine_name
        self._pool = None
        self._in_flight: dict[str, Future] = {}
        self._lock = threading.Lock()

    def submit(self, job: SentenceJob) -> Future:
        """A future of the job's SentenceAudio; joins a render of the same key in flight."""
        with self._lock:
            future = self._in_flight.get(job.key)
            if future is not None:
                return future
            future = Future()
            self._in_flight[job.key] = future
        self._attempt(job, future, attempt=1)
        return future

    def _attempt(self, job: SentenceJob, outcome: Future, attempt: int) -> None:
        try:
            running = self._schedule(job)
        except Exception as error:  # noqa: BLE001 - a broken pool must fail the job, not the app
            self._finish(job, outcome, error=SentenceFailed(str(error)))
            return
        running.add_done_callback(lambda done: self._on_done(job, outcome, attempt, done))

    def _on_done(self, job: SentenceJob, outcome: Future, attempt: int, done: Future) -> None:
        error = done.exception() if not done.cancelled() else RuntimeError("cancelled")
        if error is None:
            self._finish(job, outcome, result=done.result())
        elif attempt < MAX_ATTEMPTS and not self._closed:
            log.warning("sentence %s failed (%r); retrying", job.key[:12], error)
            self._attempt(job, outcome, attempt + 1)
        else:
            log.error("sentence %s failed after %d attempts: %r", job.key[:12], attempt, error)
            self._finish(job, outcome, error=SentenceFailed(str(error) or type(error).__name__))

    def _finish(self, job, outcome: Future, result: SentenceAudio | None = None, error=None):
        with self._lock:
            self._in_flight.pop(job.key, None)
        if error is not None:
            outcome.set_exception(error)
        else:
            outcome.set_result(result)

    @property
    def _closed(self) -> bool:
        return self._pool is False

    def _schedule(self, job: SentenceJob) -> Future:
        pool = self._ensure_pool()
        if isinstance(pool, ThreadPoolExecutor):
            return pool.submit(self.task, job)
        # pebble kills the worker process when the timeout passes and starts a new one.
        return pool.schedule(self.task, args=(job,), timeout=self.timeout)

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
            initargs=(self.engine_name,) if self.engine_name else None,
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
