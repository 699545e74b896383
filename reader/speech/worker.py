"""What a worker process does for one sentence: synthesize, pad, encode, time its words, cache."""

import json
import os
import time
from dataclasses import dataclass

from reader.config import SYNTHESIS_LOG
from reader.speech.audio.formats import DEFAULT_BITRATES, FORMATS, cache_validators, get_format
from reader.speech.audio.pcm import silence
from reader.speech.cache import AudioCache
from reader.speech.engines import kokoro_model, voice_files
from reader.speech.engines.base import SAMPLE_RATE
from reader.speech.engines.registry import AUTO, get_engine
from reader.speech.heap import keep_freed_memory
from reader.speech.options import SynthesisOptions
from reader.speech.voice_choice import Choice, choose
from reader.speech.words import SpokenWord, estimated, from_events

SENTENCE_KIND = "sentences"
WORDS_SUFFIX = ".words.json"


@dataclass(frozen=True)
class SentenceJob:
    """A sentence to render: only plain values, so it pickles to a worker process."""

    key: str
    text: str
    options: SynthesisOptions
    pause_ms: int
    cache_root: str


@dataclass(frozen=True)
class SentenceAudio:
    """A rendered sentence: its audio in the job's format, its exact duration, its words."""

    key: str
    data: bytes
    duration: float
    words: tuple[SpokenWord, ...] = ()
    """When each spoken word is said, from the sentence's start."""
    words_from_engine: bool = False
    """The engine's own word events timed them (else they are estimated by their length)."""
    # Seconds the worker took to synthesize and encode it; None when it came from the cache.
    synthesis_seconds: float | None = None


def warm_up(engine_name: str, model_dir: str | None = None, workers: int = 2) -> None:
    """Run once in each new worker: tune its heap, load the engines and encoders before a job.

    `auto` loads both engines it may choose between: Kokoro (its model once per worker) and
    espeak-ng. Only the first engine loads its language dictionaries now (Kokoro's Japanese and
    Mandarin, ~190 MB): espeak-ng's Japanese kana come from the same pyopenjtalk dictionary,
    which, when espeak-ng reads alone, loads with its first Japanese sentence.
    """
    keep_freed_memory()
    kokoro_model.configure(model_dir, workers)
    sound = silence(10, SAMPLE_RATE)
    names = ("kokoro", "espeak") if engine_name == AUTO else (engine_name,)
    ready = set()
    for name in names:
        try:
            engine = get_engine(name)
            if name == names[0]:
                engine.warm_up()
            voice = next(iter(engine.list_voices()), "")
            # A sounding letter: the Opus path skips digital silence, so silence warms nothing.
            pcm = engine.synthesize("a", SynthesisOptions(voice, engine=name, language="en"))
            if pcm.sample_rate == SAMPLE_RATE:
                sound = pcm.samples
            ready.add(name)
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first job pays the cost
            pass
    if engine_name == AUTO:
        try:
            get_engine("piper").warm_voices(piper_voices_auto_reads("kokoro" in ready))
        except Exception:  # noqa: BLE001 - as above: the voice loads with its first sentence
            pass
    for name, audio_format in FORMATS.items():
        if audio_format.is_available():
            audio_format.encode(sound, SAMPLE_RATE, DEFAULT_BITRATES[name])


def piper_voices_auto_reads(kokoro_reads: bool) -> list[str]:
    """The Piper voices `auto` reads their language with here: the ones a worker loads at start.

    As the service chooses (voice_choice.choose), with Kokoro read only if it loaded. A voice
    that only a READER_VOICE_<LANG> setting names is not known here: it loads with its first
    sentence. The packaged English voice is not loaded while Kokoro reads English, so it costs
    a worker no memory.
    """
    by_language: dict[str, list[Choice]] = {}
    for name in sorted(voice_files.piper_voices()):
        by_language.setdefault(voice_files.language_of(name), []).append(Choice("piper", name))

    def reads(choice: Choice) -> bool:
        return kokoro_reads or choice.engine != "kokoro"

    chosen = [choose(lang, reads, unmeasured=tuple(added)) for lang, added in by_language.items()]
    return [choice.voice for choice in chosen if choice is not None and choice.engine == "piper"]


def cached_sentence(cache: AudioCache, job: SentenceJob):
    """The path of the job's audio in the sentence cache, or None."""
    return cache.get(SENTENCE_KIND, job.key, get_format(job.options.audio_format).suffix)


def read_cached_sentence(cache: AudioCache, job: SentenceJob) -> SentenceAudio | None:
    """The job's audio from the sentence cache when it is there and valid, else None."""
    cached = cached_sentence(cache, job)
    if cached is None:
        return None
    audio_format = get_format(job.options.audio_format)
    data = _read(cached)
    if data is None or not audio_format.is_valid(data):
        return None
    duration = audio_format.duration(data)
    words, from_engine = _cached_words(cache, job, duration)
    return SentenceAudio(job.key, data, duration, words, from_engine)


def render_sentence(job: SentenceJob) -> SentenceAudio:
    """Return the sentence's audio from the cache, or synthesize and cache it."""
    audio_format = get_format(job.options.audio_format)
    cache = AudioCache(job.cache_root, cache_validators())
    cached = read_cached_sentence(cache, job)
    if cached is not None:
        return cached
    started = time.perf_counter()
    data, words, from_engine = synthesize_sentence(job.text, job.options, job.pause_ms)
    seconds = time.perf_counter() - started
    note_synthesis(job.key)
    # The words first: a sentence's audio in the cache then always has its words beside it.
    # A failed write is logged; the audio still plays.
    record = {"words": [list(word) for word in words], "from_engine": from_engine}
    cache.put(SENTENCE_KIND, job.key, json.dumps(record).encode(), WORDS_SUFFIX)
    cache.put(SENTENCE_KIND, job.key, data, audio_format.suffix)
    duration = audio_format.duration(data)
    return SentenceAudio(job.key, data, duration, words, from_engine, synthesis_seconds=seconds)


def note_synthesis(key: str) -> None:
    """Append the key to the READER_SYNTHESIS_LOG file, when set: one line per engine call."""
    path = os.environ.get(SYNTHESIS_LOG.env_var)
    if path:
        # O_APPEND: whole lines from many processes, never interleaved within a line.
        with open(path, "a", encoding="utf-8") as log:
            log.write(f"{key}\n")


def synthesize_sentence(
    text: str, options: SynthesisOptions, pause_ms: int
) -> tuple[bytes, tuple[SpokenWord, ...], bool]:
    """Speech for the text followed by a pause, encoded in the options' format; its words, and
    whether the engine timed them."""
    words, from_engine = (), False
    if text.strip():
        pcm = get_engine(options.engine).synthesize(text, options)
        samples, rate = pcm.samples, pcm.sample_rate
        speech_seconds = len(samples) / 2 / rate
        from_engine = bool(pcm.words)
        words = from_events(pcm.words, speech_seconds) if from_engine else ()
        words = words or estimated(text, speech_seconds)
    else:
        samples, rate = b"", SAMPLE_RATE
    audio_format = get_format(options.audio_format)
    data = audio_format.encode(samples + silence(pause_ms, rate), rate, options.bitrate)
    return data, words, from_engine


def _cached_words(cache: AudioCache, job: SentenceJob, duration: float):
    """The words kept with a cached sentence; estimated when they are missing or unreadable."""
    path = cache.get(SENTENCE_KIND, job.key, WORDS_SUFFIX)
    raw = _read(path) if path is not None else None
    try:
        record = json.loads(raw) if raw else None
        return tuple(SpokenWord(*word) for word in record["words"]), bool(record["from_engine"])
    except (ValueError, TypeError, KeyError):
        speech_seconds = max(duration - job.pause_ms / 1000, 0.0)
        return estimated(job.text, speech_seconds), False


def _read(path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
