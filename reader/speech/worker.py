"""What a worker process does for one sentence: synthesize, pad, encode, cache."""

from dataclasses import dataclass

from reader.speech.audio import encode_mp3, is_valid_mp3, mp3_duration, silence
from reader.speech.cache import AudioCache
from reader.speech.engines import SAMPLE_RATE, get_engine
from reader.speech.options import SynthesisOptions

SENTENCE_KIND = "sentences"


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
    """A rendered sentence: MP3 frames and their exact duration."""

    key: str
    data: bytes
    duration: float


def warm_up(engine_name: str) -> None:
    """Run once in each new worker: load the engine and encoder before the first job needs them."""
    try:
        engine = get_engine(engine_name)
        engine.synthesize(
            ".", SynthesisOptions(next(iter(engine.voices()), ""), engine=engine_name)
        )
    except Exception:  # noqa: BLE001 - a failed warm-up only means the first job pays the cost
        pass
    encode_mp3(silence(10, SAMPLE_RATE), SAMPLE_RATE, 48)


def render_sentence(job: SentenceJob) -> SentenceAudio:
    """Return the sentence's audio from the cache, or synthesize and cache it."""
    cache = AudioCache(job.cache_root, is_valid_mp3)
    cached = cache.get(SENTENCE_KIND, job.key)
    if cached is not None:
        data = _read(cached)
        if data is not None and is_valid_mp3(data):
            return SentenceAudio(job.key, data, mp3_duration(data))
    data = synthesize_mp3(job.text, job.options, job.pause_ms)
    cache.put(SENTENCE_KIND, job.key, data)  # a failed write is logged; the audio still plays
    return SentenceAudio(job.key, data, mp3_duration(data))


def synthesize_mp3(text: str, options: SynthesisOptions, pause_ms: int) -> bytes:
    """Speech for the text followed by a pause, as MP3 frames."""
    if text.strip():
        pcm = get_engine(options.engine).synthesize(text, options)
        samples, rate = pcm.samples, pcm.sample_rate
    else:
        samples, rate = b"", SAMPLE_RATE
    return encode_mp3(samples + silence(pause_ms, rate), rate, options.bitrate)


def _read(path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
