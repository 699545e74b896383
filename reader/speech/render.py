"""Article renders: plan, submit sentences in reading order, stream, time, and assemble."""

import json
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import wait as wait_for_futures
from dataclasses import dataclass

from reader.speech.audio import id3_tag
from reader.speech.cache import AudioCache, cache_key
from reader.speech.policy import Utterance
from reader.speech.worker import SentenceAudio

log = logging.getLogger(__name__)

ARTICLE_KIND = "articles"
TIMINGS_SUFFIX = ".timings.json"


@dataclass(frozen=True)
class RenderRequest:
    """A whole article to render: the plan, one job key per utterance, and the file's tag."""

    article_id: int
    title: str
    lang: str
    engine_version: str
    utterances: tuple[Utterance, ...]
    keys: tuple[str, ...]

    @property
    def key(self) -> str:
        """The whole file's key: every sentence key plus the tag's inputs."""
        return cache_key("article-v1", self.title, self.lang, self.engine_version, self.keys)

    def tag(self) -> bytes:
        return id3_tag(self.title, self.lang, self.engine_version)


class Render:
    """One article being rendered; every listener of it shares this object."""

    def __init__(self, request: RenderRequest, futures: list[Future], cache: AudioCache):
        self.request = request
        self.futures = futures
        self.cache = cache
        self.finished = threading.Event()
        self.finished_at: float | None = None
        self.file_path = None
        threading.Thread(target=self._assemble_when_done, daemon=True).start()

    def status(self) -> dict:
        """Progress for the button: how many utterances are rendered, and which failed."""
        done = [f for f in self.futures if f.done()]
        failed = [i for i, f in enumerate(self.futures) if f.done() and f.exception()]
        return {
            "total": len(self.futures),
            "done": len(done),
            "failed": failed,
            "complete": len(done) == len(self.futures),
            "timings": self._timings_so_far(),
        }

    def _timings_so_far(self) -> list[dict]:
        # The player can highlight what it has already received while the rest renders.
        ready = []
        for future in self.futures:
            if not future.done():
                break
            ready.append(_result_or_none(future))
        return build_timings(self.request.utterances[: len(ready)], ready)

    def stream(self) -> Iterator[bytes]:
        """The tag, then each utterance's audio in reading order as soon as it is ready."""
        yield self.request.tag()
        for future in self.futures:
            audio = _result_or_none(future)
            if audio is not None:
                yield audio.data

    def timings(self) -> list[dict]:
        """Start and end of every utterance in the assembled audio (waits for the render)."""
        wait_for_futures(self.futures)
        return build_timings(self.request.utterances, [_result_or_none(f) for f in self.futures])

    def _assemble_when_done(self) -> None:
        wait_for_futures(self.futures)
        results = [_result_or_none(f) for f in self.futures]
        try:
            if all(result is not None for result in results):
                data = self.request.tag() + b"".join(result.data for result in results)
                self.file_path = self.cache.put(ARTICLE_KIND, self.request.key, data)
                timings = build_timings(self.request.utterances, results)
                self.cache.put(
                    ARTICLE_KIND, self.request.key, json.dumps(timings).encode(), TIMINGS_SUFFIX
                )
        except Exception:  # noqa: BLE001 - a cache fault must not break listening
            log.exception("could not assemble article %s", self.request.article_id)
        finally:
            self.finished_at = time.monotonic()
            self.finished.set()

    def is_reusable(self, failure_grace_seconds: float) -> bool:
        """Still rendering, or finished with failures so recently that retrying is pointless."""
        if not self.finished.is_set():
            return True
        failed = bool(self.status()["failed"])
        return failed and time.monotonic() - (self.finished_at or 0) < failure_grace_seconds


def build_timings(utterances, results: list[SentenceAudio | None]) -> list[dict]:
    """Each utterance with its place in the page and its start and end in the audio."""
    timings, clock = [], 0.0
    for utterance, result in zip(utterances, results, strict=True):
        duration = result.duration if result is not None else 0.0
        timings.append(
            {
                "index": utterance.index,
                "kind": utterance.kind,
                "block": utterance.block_position,
                "span": list(utterance.span) if utterance.span else None,
                "text": utterance.display,
                "lang": utterance.lang,
                "start": round(clock, 3),
                "end": round(clock + duration, 3),
                "failed": result is None,
            }
        )
        clock += duration
    return timings


def _result_or_none(future: Future) -> SentenceAudio | None:
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - the failure is in status(); the stream skips it
        return None
