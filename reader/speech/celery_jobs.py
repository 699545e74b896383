"""The Celery job backend: sentence batches on a Redis queue, taken by `reader worker` anywhere.

Same contract as the local pool (reader.speech.jobs.JobRunner): futures in reading order, a
hard time limit per batch, one retry (a failed batch's sentences each on their own), then
SentenceFailed, which the render reports as a skipped sentence. The worker writes each
sentence into the shared audio cache, and returns it too.
"""

import base64
import importlib
import logging
import os
import sys
import threading
import time
from concurrent.futures import Future
from dataclasses import asdict
from pathlib import Path

from reader.speech.claims import JobsUnavailable
from reader.speech.jobs import (
    MAX_ATTEMPTS,
    SentenceFailed,
    join_in_flight,
    plan_batches,
    settle,
)
from reader.speech.options import SynthesisOptions
from reader.speech.words import SpokenWord
from reader.speech.worker import SentenceAudio, SentenceJob, render_sentence, warm_up

log = logging.getLogger(__name__)

TASK_NAME = "reader.synthesize"
POLL_SECONDS = 0.05
HARD_LIMIT_MARGIN = 5.0
"""Seconds past the soft time limit (SoftTimeLimitExceeded) before the child is killed."""
LOST_MARGIN = 5.0
"""Seconds past a started batch's hard limit before it counts as lost with its whole worker
(killed, its machine gone): then it is retried, as a failure is, not left to the broker's
visibility timeout (ten minutes) to put back on the queue."""


class WorkerLost(RuntimeError):
    """A batch started by a worker that never answered: the worker died with it."""


# Only functions of these packages run by name: the queue must not name just any callable.
TASK_PACKAGES = ("reader.", "tests.")
CHECKOUT = Path(__file__).resolve().parents[2]


def make_celery(broker_url: str, timeout: float = 60.0):
    """A Celery app on the broker (Redis), its results in the same Redis."""
    from celery import Celery

    app = Celery("reader", broker=broker_url, backend=broker_url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        # A batch leaves the queue when done, not when taken...
        task_acks_late=True,
        # A batch's STARTED state tells the web side when its clock runs (see WorkerLost).
        task_track_started=True,
        # ...but one whose worker died fails, and the web side retries it once, as with the
        # local pool: put back on the queue, a sentence that kills workers would loop forever.
        task_reject_on_worker_lost=False,
        worker_prefetch_multiplier=1,
        result_expires=3600,
        # With Redis down a listener hears so at once (503), not after minutes of retries.
        task_publish_retry=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={
            "socket_timeout": 3,
            "socket_connect_timeout": 2,
            # A batch taken by a worker that vanished goes back on the queue after this.
            "visibility_timeout": max(600, int(timeout * 6)),
        },
        redis_socket_timeout=3,
        redis_socket_connect_timeout=2,
        worker_hijack_root_logger=False,
    )
    app.task(name=TASK_NAME)(synthesize_batch)
    return app


_worker_settings: dict = {}


def configure_worker(celery_app, cache_root: str, engine: str, model_dir: str, workers: int):
    """In `reader worker`: this machine's cache folder, and engines loaded in each child."""
    from celery.signals import worker_process_init

    _worker_settings["cache_root"] = cache_root

    @worker_process_init.connect(weak=False)
    def _warm(**_kwargs):
        warm_up(engine, model_dir, workers)


def synthesize_batch(task_path: str, jobs: list[dict]) -> list:
    """The Celery task: each job of a batch through the task, in order."""
    task = _resolve(task_path)
    return [_encode(task(job_from_dict(raw))) for raw in jobs]


def job_to_dict(job: SentenceJob) -> dict:
    return asdict(job)


def job_from_dict(raw: dict) -> SentenceJob:
    """The job; its cache folder is the web server's when this machine has that path, else
    this worker's own (READER_DATA_DIR/audio: the same shared folder, mounted elsewhere)."""
    fields = {**raw, "options": SynthesisOptions(**raw["options"])}
    own = _worker_settings.get("cache_root")
    if own and not os.path.isdir(raw["cache_root"]):
        fields["cache_root"] = own  # the shared folder is mounted elsewhere on this machine
    return SentenceJob(**fields)


def _encode(result):
    if isinstance(result, SentenceAudio):
        data = base64.b64encode(result.data).decode("ascii")
        return {
            "audio": {
                "key": result.key,
                "duration": result.duration,
                "data": data,
                "words": [list(word) for word in result.words],
                "words_from_engine": result.words_from_engine,
                "synthesis_seconds": result.synthesis_seconds,
            }
        }
    return {"value": result}


def _decode(encoded: dict):
    if "audio" in encoded:
        audio = encoded["audio"]
        return SentenceAudio(
            audio["key"],
            base64.b64decode(audio["data"]),
            audio["duration"],
            words=tuple(SpokenWord(*word) for word in audio.get("words", ())),
            words_from_engine=audio.get("words_from_engine", False),
            synthesis_seconds=audio.get("synthesis_seconds"),  # None: found in the cache
        )
    return encoded["value"]


def _task_path(task) -> str:
    """module:function, the module named from the checkout's root when it was loaded by path
    (pytest's test modules), so that a worker started in the checkout can import it."""
    module = task.__module__
    path = getattr(sys.modules.get(module), "__file__", None)
    if not module.startswith(TASK_PACKAGES) and path:
        try:
            relative = Path(path).resolve().relative_to(CHECKOUT)
            module = ".".join(relative.with_suffix("").parts)
        except ValueError:  # outside the checkout: the worker refuses it by name
            pass
    return f"{module}:{task.__qualname__}"


def _resolve(path: str):
    module, _, name = path.partition(":")
    if not module.startswith(TASK_PACKAGES) or "<" in name:
        raise ValueError(f"refusing to run {path!r}")
    target = importlib.import_module(module)
    for part in name.split("."):
        target = getattr(target, part)
    return target


class CeleryRunner:
    """Runs SentenceJobs on Celery workers; the same key asked twice in flight shares a future."""

    def __init__(self, celery_app, workers: int, timeout: float, task=render_sentence):
        self.celery = celery_app
        self.workers = workers
        self.timeout = timeout
        self.task = task
        self._in_flight: dict[str, Future] = {}
        self._sent: dict[str, tuple[list, int]] = {}  # task id -> (batch, attempt)
        self._started: dict[str, float] = {}  # task id -> when it was first seen started
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._closed = False
        self._follower: threading.Thread | None = None

    def submit(self, job: SentenceJob) -> Future:
        return self.submit_all([job])[0]

    def submit_all(self, jobs: list[SentenceJob]) -> list[Future]:
        """Futures of the jobs' SentenceAudio; JobsUnavailable when the queue cannot be reached."""
        futures, new = join_in_flight(self._lock, self._in_flight, jobs)
        unreachable = None
        for batch in plan_batches(new, self.workers):
            if unreachable is not None:
                self._fail(batch, unreachable)
                continue
            try:
                self._send(batch, attempt=1)
            except Exception as error:  # noqa: BLE001 - any broker fault: the queue is unreachable
                log.error("the job queue cannot be reached: %r", error)
                unreachable = JobsUnavailable(f"the job queue cannot be reached: {error}")
                self._fail(batch, unreachable)
        if unreachable is not None:
            raise unreachable
        return futures

    def _send(self, batch: list, attempt: int) -> None:
        if self._closed:
            raise RuntimeError("the speech workers are shut down")
        limit = self.timeout * len(batch)
        sent = self.celery.send_task(
            TASK_NAME,
            args=[_task_path(self.task), [job_to_dict(job) for job, _ in batch]],
            soft_time_limit=limit,
            time_limit=limit + HARD_LIMIT_MARGIN,
        )
        with self._lock:
            self._sent[sent.id] = (batch, attempt)
            if self._follower is None:
                self._follower = threading.Thread(
                    target=self._follow_loop, name="speech-celery", daemon=True
                )
                self._follower.start()
        self._wake.set()

    def _follow_loop(self) -> None:
        backend = self.celery.backend
        while not self._closed:
            with self._lock:
                ids = list(self._sent)
            self._wake.wait(POLL_SECONDS if ids else None)
            self._wake.clear()
            if not ids:
                continue
            try:
                metas = backend.mget([backend.get_key_for_task(task_id) for task_id in ids])
            except Exception as error:  # noqa: BLE001 - Redis away: wait for it to come back
                log.warning("cannot read job results: %r", error)
                time.sleep(POLL_SECONDS * 10)
                continue
            for task_id, meta in zip(ids, metas, strict=True):
                if meta is None:
                    continue
                meta = backend.decode_result(meta)
                if meta["status"] == "SUCCESS":
                    self._settled(task_id, meta["result"], None)
                elif meta["status"] in {"FAILURE", "REVOKED"}:
                    self._settled(task_id, None, backend.exception_to_python(meta["result"]))
                elif meta["status"] == "STARTED" and self._lost(task_id):
                    self._settled(task_id, None, WorkerLost("its worker stopped answering"))

    def _lost(self, task_id: str) -> bool:
        """Started longer ago than its hard time limit allows: its worker died with it (a
        worker alive kills the batch at the limit and reports a failure)."""
        now = time.monotonic()
        started = self._started.setdefault(task_id, now)
        with self._lock:
            sent = self._sent.get(task_id)
        if sent is None:
            return False
        limit = self.timeout * len(sent[0]) + HARD_LIMIT_MARGIN + LOST_MARGIN
        return now - started > limit

    def _settled(self, task_id: str, results, error) -> None:
        with self._lock:
            sent = self._sent.pop(task_id, None)
        self._started.pop(task_id, None)
        if sent is None:  # failed at shutdown meanwhile
            return
        batch, attempt = sent
        try:
            self.celery.backend.delete(self.celery.backend.get_key_for_task(task_id))
        except Exception:  # noqa: BLE001 - the result expires by itself
            log.debug("could not delete job result %s", task_id)
        if error is None:
            for (job, future), result in zip(batch, results, strict=True):
                self._finish(job, future, result=_decode(result))
        elif attempt < MAX_ATTEMPTS and not self._closed:
            # As the local pool: each sentence of a failed batch is retried on its own.
            log.warning("sentences %s failed (%r); retrying", _keys(batch), error)
            for pair in batch:
                try:
                    self._send([pair], attempt + 1)
                except Exception as unsent:  # noqa: BLE001 - the retry could not be queued
                    self._fail([pair], SentenceFailed(str(unsent)))
        else:
            log.error("sentence %s failed after %d attempts: %r", _keys(batch), attempt, error)
            self._fail(batch, SentenceFailed(str(error) or type(error).__name__))

    def _fail(self, batch: list, error: Exception) -> None:
        for job, future in batch:
            self._finish(job, future, error=error)

    def _finish(self, job, future: Future, result=None, error=None) -> None:
        with self._lock:
            self._in_flight.pop(job.key, None)
        if not future.done():  # else failed at shutdown, then settled
            settle(future, result, error)

    def is_ready(self) -> bool:
        """Not shut down, and the broker answers."""
        if self._closed:
            return False
        try:
            with self.celery.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=2)
        except Exception:  # noqa: BLE001 - readiness reports any failure as not ready
            return False
        return True

    def start(self) -> None:
        """Nothing to start here: the workers are `reader worker` processes."""

    def shutdown(self) -> None:
        """Stop following results; sentences not back yet fail."""
        with self._lock:
            self._closed = True
            sent, self._sent = self._sent, {}
        self._wake.set()
        for batch, _ in sent.values():
            self._fail(batch, SentenceFailed("the speech workers are shut down"))
        if self._follower is not None:
            self._follower.join(5)  # it may be reading results: then close the connections
        self.celery.close()


def _keys(batch) -> str:
    return ",".join(job.key[:12] for job, _ in batch)
