"""Settings as data: one table of (name, default, help), read from READER_* variables."""

import os
from dataclasses import dataclass
from typing import Any

# Audio bit rates in kbit/s: the defaults and the range allowed. The speech layer reads these.
DEFAULT_OPUS_BITRATE = 24
DEFAULT_MP3_BITRATE = 48
MIN_BITRATE = 6  # Opus's own floor; LAME rounds up to its nearest standard rate
MAX_BITRATE = 64  # speech needs no more, and listeners on mobile data pay for it


@dataclass(frozen=True)
class Setting:
    """One setting: its name (READER_<name> in the environment), default and help."""

    name: str
    default: Any
    help: str

    @property
    def env_var(self) -> str:
        return f"READER_{self.name}"

    def parse(self, raw: str) -> Any:
        """Convert an environment string to the type of the default."""
        if isinstance(self.default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(self.default, int):
            return int(raw)
        if isinstance(self.default, float):
            return float(raw)
        return raw


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "DATA_DIR",
        "",
        "Folder for the database and the audio cache (default: the instance folder).",
    ),
    Setting(
        "DATABASE_URL",
        "",
        "SQLAlchemy database URL (default: SQLite file reader.sqlite3 in DATA_DIR).",
    ),
    Setting(
        "MIGRATE_ON_START",
        True,
        "Bring the database to the newest schema when the app starts; turn off where "
        "`reader db upgrade` runs once per deployment instead.",
    ),
    Setting(
        "SECRET_KEY", "", "Signs cookies and CSRF tokens (default: a random key kept in DATA_DIR)."
    ),
    Setting(
        "DEFAULT_LOCALE",
        "en",
        "UI language when neither ?lang=, a cookie nor the browser names one.",
    ),
    Setting("DEFAULT_TIMEZONE", "UTC", "Time zone of a source whose articles do not name one."),
    Setting(
        "SPEECH_ENGINE",
        "auto",
        "Speech engine: auto (the voice heard best per language, reader/speech/voice_choice.py), "
        "kokoro (Kokoro-82M), piper (Piper voices), espeak (espeak-ng) or silent (tests).",
    ),
    Setting(
        "MODEL_DIR",
        "",
        "Folder the Kokoro model is assembled into (default: models/ in DATA_DIR).",
    ),
    Setting(
        "SPEECH_WORKERS",
        2,
        "Worker processes that synthesize speech, for the whole server (each web worker gets "
        "its share, at least one; 0 synthesizes inline, for tests).",
    ),
    Setting(
        "PAGE_CACHE_PAGES",
        256,
        "Reading pages each web worker keeps rendered for anonymous readers (per article "
        "revision and UI language; 0 renders every request).",
    ),
    Setting("WEB_WORKERS", 2, "`reader serve`: gunicorn worker processes (the app is preloaded)."),
    Setting(
        "WEB_THREADS",
        8,
        "`reader serve`: threads per web worker (each streaming listener holds one).",
    ),
    Setting(
        "METRICS_TOKEN",
        "",
        "When set, /metrics answers only requests with `Authorization: Bearer <token>`; "
        "empty: /metrics is public (counts only, nothing about readers).",
    ),
    Setting(
        "VOICES_DIR",
        "",
        "Folder `reader voices add` installs Piper voices and Kokoro voice packs into "
        "(default: voices/ in DATA_DIR); the server picks up a change within a minute.",
    ),
    Setting(
        "VOICES_URL",
        "https://huggingface.co/rhasspy/piper-voices/resolve/main/"
        "{lang}/{lang_region}/{name}/{quality}/{voice}.onnx",
        "Where `reader voices add NAME` downloads a Piper voice: the model's address with "
        "{lang} (fr), {lang_region} (fr_FR), {name} (siwis), {quality} (medium) and {voice} "
        "(fr_FR-siwis-medium); the config is the same address plus .json.",
    ),
    Setting(
        "SPEECH_TIMEOUT",
        60.0,
        "Seconds one sentence may take to synthesize before its worker is killed (Kokoro reads "
        "a long sentence in ~10 s on a free core, several times that on a busy one).",
    ),
    Setting(
        "JOB_BACKEND",
        "local",
        "Where sentences are synthesized: local (worker processes of each server, no service to "
        "run) or celery (a Redis queue that `reader worker` processes on any machine take from).",
    ),
    Setting(
        "REDIS_URL",
        "redis://127.0.0.1:6379/0",
        "Redis for the celery job backend: the render state shared by every server and worker.",
    ),
    Setting(
        "CELERY_BROKER_URL",
        "",
        "The celery job backend's broker and result store (default: READER_REDIS_URL).",
    ),
    Setting(
        "RENDER_ON_IMPORT",
        False,
        "Render each article's audio through the job backend as soon as it is imported.",
    ),
    Setting("SPEECH_RATE", 175, "Default speaking rate in words per minute."),
    Setting("READ_HASHTAGS", False, "Read the hashtag line aloud as words instead of skipping it."),
    Setting(
        "AUDIO_FORMAT",
        "opus",
        "Audio the player gets: opus (Ogg/Opus) or mp3; browsers without Opus get MP3.",
    ),
    Setting(
        "OPUS_BITRATE",
        DEFAULT_OPUS_BITRATE,
        f"Ogg/Opus bit rate in kbit/s ({MIN_BITRATE} to {MAX_BITRATE}).",
    ),
    Setting(
        "MP3_BITRATE",
        DEFAULT_MP3_BITRATE,
        f"MP3 bit rate in kbit/s ({MIN_BITRATE} to {MAX_BITRATE}), for downloads and fallback.",
    ),
    Setting(
        "SYNTHESIS_LOG",
        "",
        "A file every worker appends each synthesized sentence's key to (counts engine calls).",
    ),
    Setting("CACHE_MAX_MB", 500, "`reader prune` shrinks the audio cache to this many megabytes."),
    Setting(
        "CACHE_MAX_AGE_DAYS", 90, "`reader prune` removes cached audio unused for this many days."
    ),
    Setting("MAX_UPLOAD_MB", 5, "Largest article upload or fetched page, in megabytes."),
    Setting(
        "IMPORT_SECONDS",
        30.0,
        "Seconds an import may take to analyse (in a child process) before it is refused.",
    ),
    Setting(
        "IMPORT_MEMORY_MB",
        1024,
        "Megabytes an import's analysis may use (in a child process) before it is refused.",
    ),
    Setting(
        "IMPORT_ALLOW_PRIVATE",
        False,
        "Let URL imports reach loopback and private addresses (tests, a closed intranet).",
    ),
    Setting(
        "SECURE_COOKIES",
        False,
        "Send the sign-in cookie over HTTPS only: turn on when served behind HTTPS.",
    ),
    Setting(
        "RATELIMIT_STORAGE_URI",
        "memory://",
        "Where rate-limit counters live: memory:// (one process) or redis://host:port.",
    ),
    Setting("LOGIN_LIMIT_PER_CLIENT", "20 per minute", "Sign-in attempts allowed per address."),
    Setting("LOGIN_LIMIT_PER_ACCOUNT", "5 per minute", "Sign-in attempts allowed per name."),
    Setting(
        "FEED_ITEMS",
        50,
        "Newest articles a podcast feed offers; their audio is rendered when the feed is read.",
    ),
    Setting(
        "FEEDBACK_LIMIT",
        "10 per minute;60 per hour",
        "Reports allowed per address (off: no limit, for load tests only).",
    ),
)


SYNTHESIS_LOG = next(setting for setting in SETTINGS if setting.name == "SYNTHESIS_LOG")
"""Read from the environment by each worker process itself (a worker may be on another host)."""

VOICE_PREFIX = "READER_VOICE_"
"""READER_VOICE_<LANG>=engine:voice reads that language with that voice (READER_VOICE_FR)."""


def load_settings(environ: os._Environ | dict | None = None) -> dict[str, Any]:
    """Every setting's value: the READER_* variable when set, the default otherwise.

    VOICES holds the per-language voice overrides, READER_VOICE_<LANG>, by language code.
    """
    environ = os.environ if environ is None else environ
    values = {}
    for setting in SETTINGS:
        raw = environ.get(setting.env_var)
        values[setting.name] = setting.default if raw in (None, "") else setting.parse(raw)
    values["VOICES"] = {
        name.removeprefix(VOICE_PREFIX).lower(): raw.strip()
        for name, raw in environ.items()
        if name.startswith(VOICE_PREFIX) and raw.strip()
    }
    return values
