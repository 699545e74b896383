"""What a worker process does for one sentence: synthesize, pad, encode, cache."""

from dataclasses import dataclass

from reader.speech.audio.formats import DEFAULT_BITRATES, FORMATS, cache_validators, get_format
from reader.speech.audio.pcm import silence
from reader.speech.cache import AudioCache
from reader.speech.engines import kokoro_model
from reader.speech.engines.base import SAMPLE_RATE
from reader.speech.engines.registry import AUTO, get_engine
from reader.speech.heap import keep_freed_memory
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
    """A rendered sentence: its audio in the job's format and its exact duration."""

    key: str
    data: bytes
    duration: float


def warm_up(engine_name: str, model_dir: str | None = None, workers: int = 2) -> None:
    """Run once in each new worker: tune its heap, load the engines and encoders before a job.

    `auto` loads both engines it may choose between: Kokoro (its model once per worker) and
    espeak-ng. Only the first engine loads its language dictionaries now (Kokoro's Japanese and
    Mandarin, ~190 MB): espeak-ng's Japanese one (kakasi, ~130 MB) serves only when Kokoro
    cannot read, and then loads with its first sentence.
    """
    keep_freed_memory()
    kokoro_model.configure(model_dir, workers)
    sound = silence(10, SAMPLE_RATE)
    names = ("kokoro", "espeak") if engine_name == AUTO else (engine_name,)
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
        except Exception:  # noqa: BLE001 - a failed warm-up only means the first job pays the cost
            pass
    for name, audio_format in FORMATS.items():
        if audio_format.is_available():
            audio_format.encode(sound, SAMPLE_RATE, DEFAULT_BITRATES[name])


def cached_sentence(cache: AudioCache, job: SentenceJob):
    """The path of the job's audio in the sentence cache, or None."""
    return cache.get(SENTENCE_KIND, job.key, get_format(job.options.audio_format).suffix)


def render_sentence(job: SentenceJob) -> SentenceAudio:
    """Return the sentence's audio from the cache, or synthesize and cache it."""
    audio_format = get_format(job.options.audio_format)
    cache = AudioCache(job.cache_root, cache_validators())
    cached = cached_sentence(cache, job)
    if cached is not None:
        data = _read(cached)
        if data is not None and audio_format.is_valid(data):
            return SentenceAudio(job.key, data, audio_format.duration(data))
    data = synthesize_sentence(job.text, job.options, job.pause_ms)
    # A failed write is logged; the audio still plays.
    cache.put(SENTENCE_KIND, job.key, data, audio_format.suffix)
    return SentenceAudio(job.key, data, audio_format.duration(data))


def synthesize_sentence(text: str, options: SynthesisOptions, pause_ms: int) -> bytes:
    """Speech for the text followed by a pause, encoded in the options' format."""
    if text.strip():
        pcm = get_engine(options.engine).synthesize(text, options)
        samples, rate = pcm.samples, pcm.sample_rate
    else:
        samples, rate = b"", SAMPLE_RATE
    audio_format = get_format(options.audio_format)
    return audio_format.encode(samples + silence(pause_ms, rate), rate, options.bitrate)


def _read(path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
