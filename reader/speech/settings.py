"""The speech service's settings and the errors a listener's request can meet."""

from dataclasses import dataclass, field

from reader.speech import voice_choice
from reader.speech.audio.formats import DEFAULT_BITRATES, FORMATS, MAX_BITRATE, MIN_BITRATE
from reader.speech.engines.registry import AUTO, ENGINES
from reader.text.languages import LANGUAGES

JOB_BACKENDS = ("local", "celery")


class SpeechRequestError(ValueError):
    """The listener asked for something invalid (a rate out of range, an unknown voice)."""


class VoiceUnavailable(RuntimeError):
    """No installed voice speaks this language."""

    def __init__(self, lang: str | None):
        super().__init__(lang)
        self.lang = lang


@dataclass(frozen=True)
class SpeechConfig:
    """The settings the speech service runs with."""

    cache_root: str
    engine: str = "espeak"
    """An engine name, or `auto`: the voice heard best per language (voice_choice)."""
    workers: int = 2
    timeout: float = 30.0
    rate: int = 175
    audio_format: str = "opus"
    bitrates: dict = field(default_factory=lambda: dict(DEFAULT_BITRATES))
    read_hashtags: bool = False
    model_dir: str | None = None
    """Where Kokoro's model is assembled (default: READER_MODEL_DIR or the user's cache)."""
    voices_dir: str | None = None
    """Where Piper voices and Kokoro voice packs are added (READER_VOICES_DIR)."""
    voices: dict = field(default_factory=dict)
    """Language code -> `engine:voice` read instead of the choice (READER_VOICE_<LANG>)."""
    job_backend: str = "local"
    """local (worker processes of this server) or celery (a Redis queue; `reader worker`)."""
    redis_url: str = ""
    """Redis for the celery backend's render state; also its broker unless broker_url is set."""
    broker_url: str = ""

    def __post_init__(self) -> None:
        if self.engine != AUTO and self.engine not in ENGINES:
            raise ValueError(f"unknown speech engine {self.engine!r}")
        for lang, voice in self.voices.items():
            voice_choice.Choice.parse(voice)  # ValueError names the bad one
            if lang not in LANGUAGES:
                raise ValueError(f"READER_VOICE_{lang.upper()}: unknown language {lang!r}")
        if self.job_backend not in JOB_BACKENDS:
            raise ValueError(f"unknown job backend {self.job_backend!r}: local or celery")
        if self.audio_format not in FORMATS:
            raise ValueError(f"unknown audio format {self.audio_format!r}")
        for name, bitrate in self.bitrates.items():
            if not MIN_BITRATE <= bitrate <= MAX_BITRATE:
                raise ValueError(f"{name} bit rate must be {MIN_BITRATE} to {MAX_BITRATE} kbit/s")
