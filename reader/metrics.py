"""Prometheus metrics: requests, renders, sentences, cache hits and misses, synthesis time."""

import glob
import os
import shutil
from types import SimpleNamespace

from reader.once import once

MULTIPROCESS_ENV = "PROMETHEUS_MULTIPROC_DIR"
# Synthesis of one sentence: espeak-ng takes tens of milliseconds, Kokoro seconds.
SYNTHESIS_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


def use_directory(path: str) -> None:
    """Share the metrics of every process of one server through files in this folder.

    Called once by the server before it forks its workers: the folder is emptied (counts of a
    previous run would add up), and every process started afterwards writes its own files.
    """
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    os.environ[MULTIPROCESS_ENV] = path
    from prometheus_client import values

    # prometheus_client chose its value class when imported; choose again with the folder set.
    values.ValueClass = values.get_value_class()


def process_dead(pid: int) -> None:
    """A worker of the server exited: its live gauges no longer count (counters stay)."""
    if os.environ.get(MULTIPROCESS_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)


@once
def _metrics() -> SimpleNamespace:
    # Made on first use, after the server has chosen its folder, in the process that counts.
    from prometheus_client import Counter, Histogram

    return SimpleNamespace(
        requests=Counter(
            "reader_http_requests",
            "HTTP requests answered, by route (the URL rule), method and status.",
            ["route", "method", "status"],
        ),
        request_seconds=Histogram(
            "reader_http_request_duration_seconds",
            "Time to answer a request (to its first byte when streamed), by route.",
            ["route"],
        ),
        renders=Counter("reader_renders_started", "Article renders started."),
        sentences=Counter(
            "reader_sentences_synthesized", "Sentences synthesized (not found in the cache)."
        ),
        cache=Counter(
            "reader_audio_cache_lookups",
            "Audio cache lookups, by level (article, sentence) and result (hit, miss).",
            ["level", "result"],
        ),
        synthesis_seconds=Histogram(
            "reader_synthesis_seconds",
            "Time a worker took to synthesize and encode one sentence.",
            buckets=SYNTHESIS_BUCKETS,
        ),
    )


def request_answered(route: str, method: str, status: int, seconds: float) -> None:
    found = _metrics()
    found.requests.labels(route, method, str(status)).inc()
    found.request_seconds.labels(route).observe(seconds)


def render_started() -> None:
    _metrics().renders.inc()


def cache_lookup(level: str, hit: bool) -> None:
    _metrics().cache.labels(level, "hit" if hit else "miss").inc()


def sentence_rendered(synthesis_seconds: float | None) -> None:
    """A sentence's audio came back from a worker: synthesized (with its time) or cached."""
    cache_lookup("sentence", hit=synthesis_seconds is None)
    if synthesis_seconds is not None:
        found = _metrics()
        found.sentences.inc()
        found.synthesis_seconds.observe(synthesis_seconds)


def _recorded_files(folder: str) -> list[str]:
    """The folder's metric files that hold something: a process creates its file empty and
    sizes it a moment later, and the library's reader fails on a 0-byte file (every scrape in
    that window answered 500: prometheus/client_python#1199). Such a file records nothing yet."""
    found = []
    for path in glob.glob(os.path.join(folder, "*.db")):
        try:
            if os.path.getsize(path) > 0:
                found.append(path)
        except OSError:
            continue  # removed by mark_process_dead since the listing
    return found


@once
def _collector_class() -> type:
    # Imported late, like the rest of the library: the server chooses its folder first.
    from prometheus_client import multiprocess

    class RecordedFilesCollector(multiprocess.MultiProcessCollector):
        """The library's collector, reading only files that have been sized."""

        def collect(self):
            return self.merge(_recorded_files(self._path), accumulate=True)

    return RecordedFilesCollector


def exposition() -> tuple[bytes, str]:
    """The text /metrics answers, and its content type: every process's counts when shared."""
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest

    _metrics()  # every metric listed, at zero, before its first event
    if os.environ.get(MULTIPROCESS_ENV):
        registry = CollectorRegistry()
        _collector_class()(registry)
        return generate_latest(registry), CONTENT_TYPE_LATEST
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST
