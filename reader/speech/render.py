"""Article renders: plan, submit sentences in reading order, stream, time, and assemble."""

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future
from concurrent.futures import wait as wait_for_futures
from dataclasses import dataclass
from functools import cached_property

from reader.speech.audio.formats import AudioFormat, get_format
from reader.speech.audio.tags import AudioTags
from reader.speech.cache import AudioCache, cache_key
from reader.speech.policy import Utterance
from reader.speech.track import TRACK_SUFFIX, track_lines
from reader.speech.words import page_words
from reader.speech.worker import SentenceAudio

log = logging.getLogger(__name__)

ARTICLE_KIND = "articles"
# A status answer carries at most this many cues (with their words), from the one the player
# asks for: a long article's track comes in pages, never a million words in one answer.
STATUS_CUES = 100


@dataclass(frozen=True)
class PlannedFile:
    """What a plan says of the article's file: all a cached file is served by, so a listener's
    next request for it (a player seeking sends many) need not plan the article again."""

    key: str
    audio_format: str
    count: int
    """How many utterances the plan has: a cached file's status counts them all done."""

    @property
    def format(self) -> AudioFormat:
        return get_format(self.audio_format)


@dataclass(frozen=True)
class RenderRequest:
    """A whole article to render: the plan, one job key per utterance, and the file's tags."""

    article_id: int
    title: str
    lang: str
    engine_version: str
    audio_format: str
    utterances: tuple[Utterance, ...]
    keys: tuple[str, ...]

    @cached_property
    def key(self) -> str:
        """The whole file's key: every sentence key plus the tags' inputs and the format."""
        return cache_key(
            "article-v3", self.title, self.lang, self.engine_version, self.audio_format, self.keys
        )

    @property
    def format(self) -> AudioFormat:
        return get_format(self.audio_format)

    @cached_property
    def file(self) -> PlannedFile:
        return PlannedFile(self.key, self.audio_format, len(self.keys))

    @property
    def serial(self) -> int:
        """The Ogg stream serial: from the key, so a stream and its cached file are identical."""
        return int(self.key[:8], 16)

    def tags(self) -> AudioTags:
        return AudioTags(self.title, self.lang, self.engine_version)


class Render:
    """One article being rendered; every listener of it shares this object."""

    def __init__(
        self,
        request: RenderRequest,
        futures: list[Future],
        cache: AudioCache,
        on_finished: Callable[["Render"], None] | None = None,
    ):
        self.request = request
        self._on_finished = on_finished
        self.futures = futures
        self.cache = cache
        self.pieces = _Pieces(request, futures)
        self.finished = threading.Event()
        self.finished_at: float | None = None
        self.file_path = None
        self.held_in_memory = False  # finished, but the cache could not take the file
        threading.Thread(target=self._assemble_when_done, daemon=True).start()

    def status(self, first: int = 0) -> dict:
        """Progress for the button: how many utterances are rendered, and which failed; the
        cues ready in reading order from `first`, a page of them."""
        done = [f for f in self.futures if f.done()]
        failed = [i for i, f in enumerate(self.futures) if f.done() and f.exception()]
        ready = self._ready()
        # Only cues already rendered: a page past them would wait for the render.
        page = list(self.cues(first, min(STATUS_CUES, ready - first))) if first < ready else []
        return render_status(len(self.futures), len(done), failed, page, False, first, ready)

    def has_audio(self) -> bool:
        """Wait until one utterance has audio (True), or every one has failed (False).

        A render whose every sentence failed is no audio file: the route says so instead.
        """
        pending = set(self.futures)
        if not pending:
            return True
        while pending:
            done, pending = wait_for_futures(pending, return_when=FIRST_COMPLETED)
            if any(_result_or_none(future) is not None for future in done):
                return True
        return False

    def _ready(self) -> int:
        """How many utterances are done from the start: the player can follow those already,
        while the rest renders."""
        for number, future in enumerate(self.futures):
            if not future.done():
                return number
        return len(self.futures)

    def stream(self) -> Iterator[bytes]:
        """The headers, then each utterance's audio in reading order as soon as it is ready."""
        yield self.pieces.head
        for index in range(len(self.futures)):
            piece = self.pieces.get(index)
            if piece:
                yield piece
        ending = self.pieces.ending()
        if ending:
            yield ending

    def cues(self, first: int = 0, count: int | None = None) -> Iterator[dict]:
        """Cues [first, first + count) of the timing track, each as soon as its utterance is
        rendered (the ones before it only give their durations)."""
        stop = len(self.futures) if count is None else min(len(self.futures), first + count)
        results = (_result_or_none(future) for future in self.futures[:stop])
        return timing_cues(self.request.utterances[:stop], results, first)

    def _assemble_when_done(self) -> None:
        wait_for_futures(self.futures)
        results = [_result_or_none(f) for f in self.futures]
        try:
            if all(result is not None for result in results):
                request = self.request
                pieces = [self.pieces.get(index) for index in range(len(results))]
                data = b"".join([self.pieces.head, *pieces, self.pieces.ending()])
                del pieces
                self.file_path = self.cache.put(
                    ARTICLE_KIND, request.key, data, request.format.suffix
                )
                del data  # a long article's file: not kept while its track is written
                # Written a cue at a time: a long article's track is never whole in memory.
                seconds = sum(result.duration for result in results)
                track = track_lines(timing_cues(request.utterances, results), len(results), seconds)
                stored = self.cache.put(ARTICLE_KIND, request.key, track, TRACK_SUFFIX)
                # A full or read-only cache: this render stays the article's audio, in memory,
                # or every status or timings poll would start the whole render again.
                self.held_in_memory = self.file_path is None or stored is None
        except Exception:  # a cache fault must not break listening
            log.exception("could not assemble article %s", self.request.article_id)
            self.held_in_memory = True
        finally:
            self.finished_at = time.monotonic()
            self.finished.set()
        if self._on_finished is not None:
            self._on_finished(self)

    def is_reusable(self, failure_grace_seconds: float) -> bool:
        """Still rendering, held in memory for want of a cache, or finished with failures so
        recently that retrying is pointless."""
        if not self.finished.is_set() or self.held_in_memory:
            return True
        failed = bool(self.status()["failed"])
        return failed and time.monotonic() - (self.finished_at or 0) < failure_grace_seconds


class _Pieces:
    """The render's bytes in reading order, each made once for all listeners and the cache."""

    def __init__(self, request: RenderRequest, futures: list[Future]):
        self._futures = futures
        self._writer = request.format.writer(request.tags(), request.serial)
        self._pieces: list[bytes] = []
        self._ending: bytes | None = None
        self._lock = threading.Lock()
        self.head = self._writer.start()

    def get(self, index: int) -> bytes:
        """The bytes of utterance `index` in the stream (b"" when it failed); waits for it."""
        # Wait outside the lock: a listener who joins late must not queue behind one waiting.
        wait_for_futures(self._futures[: index + 1])
        last = len(self._futures) - 1
        with self._lock:
            while len(self._pieces) <= index:
                at = len(self._pieces)
                audio = _result_or_none(self._futures[at])
                piece = b"" if audio is None else self._writer.add(audio.data, last=at == last)
                self._pieces.append(piece)
            return self._pieces[index]

    def ending(self) -> bytes:
        """What closes the stream after the last utterance (nothing, unless that one failed)."""
        if self._futures:
            self.get(len(self._futures) - 1)
        with self._lock:
            if self._ending is None:
                self._ending = self._writer.finish()
            return self._ending


def render_status(
    total: int,
    done: int,
    failed: list[int],
    timings: list[dict],
    cached: bool,
    first: int = 0,
    ready: int | None = None,
) -> dict:
    """The status the player polls, the same for a render in progress and a cached file.

    `timings` is a page of the track: cues [first, first + len(timings)) of the `ready` cues
    known so far, in reading order. The player asks for the next page until it has them all.
    """
    return {
        "total": total,
        "done": done,
        "failed": failed,
        "complete": done == total,
        "cached": cached,
        "timings": timings,
        "timings_from": first,
        "timings_ready": len(timings) + first if ready is None else ready,
    }


def timing_cues(
    utterances, results: Iterable[SentenceAudio | None], first: int = 0
) -> Iterator[dict]:
    """Each utterance from the `first` on with its place in the page and its start and end in
    the audio, and its words: each one's span in the utterance's page text [from, to) and its
    start and end. Made one at a time: a long article's words are never all in memory."""
    clock = 0.0
    for number, (utterance, result) in enumerate(zip(utterances, results, strict=False)):
        duration = result.duration if result is not None else 0.0
        if number < first:
            clock += duration
            continue
        said = result.words if result is not None else ()
        yield {
            "index": utterance.index,
            "kind": utterance.kind,
            "block": utterance.block_position,
            "span": list(utterance.span) if utterance.span else None,
            "text": utterance.display,
            "lang": utterance.lang,
            "start": round(clock, 3),
            "end": round(clock + duration, 3),
            "failed": result is None,
            "words": page_words(utterance.display, utterance.spoken, said, clock),
            "words_from_engine": bool(result is not None and result.words_from_engine),
        }
        clock += duration


def _result_or_none(future: Future) -> SentenceAudio | None:
    try:
        return future.result()
    except Exception:  # noqa: BLE001 - the failure is in status(); the stream skips it
        return None
