"""Sentence jobs shared by every process: claim a sentence and synthesize it, or wait for it.

The state of a render lives where every server process sees it (the claims, and the audio
cache), not in one process's memory: a listener whose request lands on another process joins
the render there and streams the same sentences as they finish; none is synthesized twice.
"""

import logging
import os
import socket
import threading
import time
import uuid
from concurrent.futures import Future
from functools import partial

from reader import metrics
from reader.speech.cache import AudioCache
from reader.speech.claims import JobsUnavailable
from reader.speech.jobs import SentenceFailed, join_in_flight
from reader.speech.worker import SentenceAudio, SentenceJob, read_cached_sentence

log = logging.getLogger(__name__)

CLAIM_SECONDS = 20.0
"""A claim lapses this long after its owner last refreshed it (the owner died)."""
REFRESH_SECONDS = 5.0
POLL_SECONDS = 0.1
"""How often a waiting process looks for the audio another one is making."""
FOLLOWER_JOIN_SECONDS = 5.0
"""How long shutdown waits for the follower to finish what it is doing with the claims."""


class SharedRunner:
    """A job backend (local pool or Celery) behind sentence claims shared by every process."""

    def __init__(self, backend, claims, cache: AudioCache, failure_grace_seconds: float = 60.0):
        self.backend = backend
        self.claims = claims
        self.cache = cache
        self.failure_grace_seconds = failure_grace_seconds
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._in_flight: dict[str, Future] = {}
        self._waiting: dict[str, SentenceJob] = {}  # claimed by another process
        self._mine: set[str] = set()  # claimed here, being synthesized by the backend
        self._done_keys: list[str] = []  # claimed here and done: to let go
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._follower: threading.Thread | None = None

    @property
    def workers(self) -> int:
        return self.backend.workers

    @workers.setter
    def workers(self, workers: int) -> None:
        # A web worker forked by `reader serve` starts its own share of the speech processes.
        self.backend.workers = workers

    @property
    def task(self):
        return self.backend.task

    @task.setter
    def task(self, task) -> None:
        self.backend.task = task

    def submit(self, job: SentenceJob) -> Future:
        """A future of the job's SentenceAudio, made here or by whichever process claimed it."""
        return self.submit_all([job])[0]

    def submit_all(self, jobs: list[SentenceJob]) -> list[Future]:
        """Futures of the jobs' SentenceAudio in order; JobsUnavailable when claims cannot be made.

        A cached sentence is read at once; the others are claimed, and those another process
        holds are waited for in the cache.
        """
        futures, new = join_in_flight(self._lock, self._in_flight, jobs)
        pending = []
        for job, future in new:
            audio = read_cached_sentence(self.cache, job)
            if audio is not None:
                # A miss is counted where the sentence is synthesized (the backend's result).
                metrics.cache_lookup("sentence", hit=True)
                self._finish(job.key, future, result=audio)
            else:
                pending.append((job, future))
        if not pending:
            return futures
        try:
            won = self.claims.claim([job.key for job, _ in pending], self.owner, CLAIM_SECONDS)
        except JobsUnavailable as error:
            for job, future in pending:
                self._finish(job.key, future, error=error)
            raise
        self._start([pair for pair in pending if pair[0].key in won])
        others = {job.key: job for job, _ in pending if job.key not in won}
        if others:
            with self._lock:
                self._waiting.update(others)
            self._follow()
        return futures

    def _start(self, pairs: list[tuple[SentenceJob, Future]]) -> None:
        if not pairs:
            return
        with self._lock:
            self._mine.update(job.key for job, _ in pairs)
        self._follow()  # keeps the claims fresh while the backend works
        try:
            running = self.backend.submit_all([job for job, _ in pairs])
        except Exception as error:
            for job, future in pairs:
                self._done(job, future, None, error=error)
            if isinstance(error, JobsUnavailable):
                raise
            return
        for (job, future), outcome in zip(pairs, running, strict=True):
            outcome.add_done_callback(partial(self._done, job, future))

    def _done(self, job: SentenceJob, future: Future, outcome: Future | None, error=None) -> None:
        if outcome is not None:
            error = outcome.exception() if not outcome.cancelled() else SentenceFailed("cancelled")
        with self._lock:
            self._mine.discard(job.key)
            if error is None or self._closed:
                # Let go by the follower, many at once: waiters elsewhere find the audio in
                # the cache first, so a claim kept a moment longer delays nobody.
                self._done_keys.append(job.key)
        if error is not None and not self._closed:
            try:  # waiters elsewhere learn of the failure now, not when the claim lapses
                message = str(error) or type(error).__name__
                self.claims.fail(job.key, self.owner, message, self.failure_grace_seconds)
            except JobsUnavailable as unreachable:  # the claim lapses by itself
                log.warning("could not mark sentence %s failed: %s", job.key[:12], unreachable)
        self._wake.set()
        if error is None:
            self._finish(job.key, future, result=outcome.result())
        else:
            if not isinstance(error, SentenceFailed | JobsUnavailable):
                error = SentenceFailed(str(error) or type(error).__name__)
            self._finish(job.key, future, error=error)

    def _finish(self, key: str, future: Future, result: SentenceAudio | None = None, error=None):
        with self._lock:
            if self._in_flight.get(key) is future:
                del self._in_flight[key]
        if future.done():
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def _follow(self) -> None:
        """Start the follower thread if it is not running, and wake it."""
        with self._lock:
            if self._follower is None and not self._closed:
                self._follower = threading.Thread(
                    target=self._follow_loop, name="speech-claims", daemon=True
                )
                self._follower.start()
        self._wake.set()

    def _follow_loop(self) -> None:
        refreshed = 0.0
        while not self._closed:
            with self._lock:
                busy = bool(self._waiting or self._mine or self._done_keys)
            # Idle, it sleeps until a job arrives; busy, it looks ten times a second.
            self._wake.wait(POLL_SECONDS if busy else None)
            self._wake.clear()
            with self._lock:
                waiting, mine = dict(self._waiting), list(self._mine)
                done, self._done_keys = self._done_keys, []
            try:
                if done:
                    self.claims.release(done, self.owner)
                if mine and time.monotonic() - refreshed > REFRESH_SECONDS:
                    self.claims.refresh(mine, self.owner, CLAIM_SECONDS)
                    refreshed = time.monotonic()
                if waiting:
                    self._look_for(waiting)
            except JobsUnavailable as error:  # waiters wait on: Redis may come back
                log.warning("render state unreachable: %s", error)
                time.sleep(POLL_SECONDS * 5)
            except Exception:
                log.exception("following the shared renders failed")
                time.sleep(POLL_SECONDS * 5)

    def _look_for(self, waiting: dict[str, SentenceJob]) -> None:
        """Resolve the waited sentences that are in the cache or failed; take over lapsed ones."""
        found = self._from_cache(waiting)
        rest = [key for key in waiting if key not in found]
        states = self.claims.states(rest)
        failed = {key: states[key].message for key in rest if key in states and states[key].failed}
        free = [key for key in rest if key not in states]
        # The claimant writes the audio before it lets go: a released claim means it is cached.
        found.update(self._from_cache({key: waiting[key] for key in free}))
        free = [key for key in free if key not in found]
        won = self.claims.claim(free, self.owner, CLAIM_SECONDS) if free else set()
        with self._lock:
            for key in [*found, *failed, *won]:
                self._waiting.pop(key, None)
            futures = {key: self._in_flight.get(key) for key in [*found, *failed, *won]}
        for key, audio in found.items():
            if futures[key] is not None:
                self._finish(key, futures[key], result=audio)
        for key, message in failed.items():
            if futures[key] is not None:
                self._finish(key, futures[key], error=SentenceFailed(message or "failed"))
        taken = [(waiting[key], futures[key]) for key in won if futures[key] is not None]
        if taken:
            log.warning("taking over %d sentence(s) whose claimant went away", len(taken))
            self._start(taken)

    def _from_cache(self, jobs: dict[str, SentenceJob]) -> dict[str, SentenceAudio]:
        found = {}
        for key, job in jobs.items():
            audio = read_cached_sentence(self.cache, job)
            if audio is not None:
                found[key] = audio
        return found

    def is_ready(self) -> bool:
        """The backend takes jobs and the shared render state answers."""
        return self.backend.is_ready() and self.claims.ping()

    def start(self) -> None:
        self.backend.start()

    def shutdown(self) -> None:
        """Stop following and stop the backend; sentences waited for here fail."""
        with self._lock:
            self._closed = True
            waiting, self._waiting = self._waiting, {}
            futures = [self._in_flight.get(key) for key in waiting]
        self._wake.set()
        for key, future in zip(waiting, futures, strict=True):
            if future is not None:
                self._finish(key, future, error=SentenceFailed("the speech workers are shut down"))
        self.backend.shutdown()
        if self._follower is not None:
            # Its claim query may be under way: once it ends, the connection is back in the
            # pool, which the app then closes; left to run on, it came back to a pool already
            # closed and stayed open until the collector found it.
            self._follower.join(FOLLOWER_JOIN_SECONDS)
        close = getattr(self.claims, "close", None)
        if close is not None:  # Redis connections
            close()
