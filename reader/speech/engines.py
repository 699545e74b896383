"""Speech engines: pyttsx3 driving espeak-ng, and a silent engine for fast tests."""

import io
import os
import shutil
import subprocess
import threading
import wave
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from reader.once import once
from reader.speech.options import SynthesisOptions

SAMPLE_RATE = 22050  # espeak-ng's native output rate
# Our espeak driver's revision, part of every cache key: 2 dropped espeak-ng's end pause, 3 kept
# rate changes. Here, not in the driver: importing the driver loads libespeak-ng, and the web
# process asks for the version without ever loading an engine.
ESPEAK_DRIVER_REVISION = 3


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit PCM audio."""

    samples: bytes
    sample_rate: int


class EngineUnavailable(RuntimeError):
    """The engine cannot run on this machine; the message says what is missing."""


class SynthesisFailed(RuntimeError):
    """The engine ran but produced no audio."""


class Engine:
    """What every engine offers: a name, a version for cache keys, voices, and synthesis."""

    name = "base"
    loads_native_code = True
    """Whether listing voices loads the engine's library: then it is done in another process."""

    def is_available(self) -> bool:
        raise NotImplementedError

    def version(self) -> str:
        raise NotImplementedError

    def list_voices(self) -> dict[str, str]:
        """Voice id -> a person-readable name, asked of the engine itself.

        Where `loads_native_code`, call it only in a worker process or a subprocess (the
        VoiceCatalog does): never in a web server's request threads.
        """
        raise NotImplementedError

    def voice_data_stamp(self) -> str:
        """A value that changes when voices are installed or removed (checked without loading)."""
        return self.version()

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        raise NotImplementedError


class EspeakEngine(Engine):
    """pyttsx3 driving libespeak-ng through our synchronous espeak driver, one per process."""

    name = "espeak"

    def is_available(self) -> bool:
        return _espeak_version() is not None

    def version(self) -> str:
        return _espeak_engine_version()

    def list_voices(self) -> dict[str, str]:
        return _espeak_session().voices()

    def voice_data_stamp(self) -> str:
        return _espeak_data_stamp()

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        return _espeak_session().synthesize(text, options)


class _EspeakSession:
    """The process's one pyttsx3 engine: libespeak-ng is process-wide, so one is all there is.

    Reusing it spares two voice loads per sentence (~1 ms). It is safe because our driver
    synthesizes synchronously: runAndWait returns with the utterance finished, where the stock
    driver's loop returned earlier and the next call then cancelled the speech.
    """

    def __init__(self):
        import pyttsx3

        from reader.speech import espeak_driver

        self._lock = threading.Lock()
        self._engine = pyttsx3.Engine(espeak_driver.register())
        self._voice = self._rate = None

    def voices(self) -> dict[str, str]:
        """Voice id -> name, as libespeak-ng lists them."""
        with self._lock:
            return {voice.id: voice.name for voice in self._engine.getProperty("voices")}

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        with self._lock:
            if options.voice != self._voice:
                self._engine.setProperty("voice", options.voice)
                self._voice = options.voice
            if options.rate != self._rate:
                self._engine.setProperty("rate", options.rate)
                self._rate = options.rate
            # The WAV goes to memory: our driver writes it with the wave module, which takes a
            # file object as well as a path, and a sentence never touches the disk. It is written
            # when the utterance finishes, so an unfinished one leaves it empty.
            wav = io.BytesIO()
            self._engine.save_to_file(text, wav)
            self._engine.runAndWait()
            wav.seek(0)
            return _read_wav(wav)


@once
def _espeak_session() -> _EspeakSession:
    # One per process, built by one thread: two pyttsx3 engines initializing libespeak-ng at
    # once corrupt its heap (a web server crashed that way when voices were listed in requests).
    return _EspeakSession()


class SilentEngine(Engine):
    """Valid silence whose length grows with the text: jobs, cache and API tests need no voice."""

    name = "silent"
    loads_native_code = False
    SECONDS_PER_CHARACTER = 0.06

    def is_available(self) -> bool:
        return True

    def version(self) -> str:
        return "silent-1"

    def list_voices(self) -> dict[str, str]:
        from reader.text.languages import LANGUAGES

        return {lang.espeak_voice: lang.english_name for lang in LANGUAGES.values()}

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        seconds = max(0.2, len(text) * self.SECONDS_PER_CHARACTER * 175 / options.rate)
        return Pcm(b"\x00\x00" * int(seconds * SAMPLE_RATE), SAMPLE_RATE)


ENGINES: dict[str, type[Engine]] = {"espeak": EspeakEngine, "silent": SilentEngine}


def get_engine(name: str) -> Engine:
    """The engine by name; EngineUnavailable when unknown or not installed here."""
    if name not in ENGINES:
        raise EngineUnavailable(f"unknown speech engine {name!r}")
    engine = ENGINES[name]()
    if not engine.is_available():
        raise EngineUnavailable("espeak-ng is not installed (apt-get install espeak-ng)")
    return engine


def _read_wav(file) -> Pcm:
    if len(file.getbuffer()) <= 44:
        raise SynthesisFailed("the engine wrote no audio")
    with wave.open(file, "rb") as wav:
        if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
            raise SynthesisFailed("the engine wrote audio in an unexpected format")
        samples = wav.readframes(wav.getnframes())
        rate = wav.getframerate()
    if not samples:
        raise SynthesisFailed("the engine wrote no audio")
    return Pcm(samples, rate)


@once
def _espeak_version_line() -> str | None:
    binary = shutil.which("espeak-ng")
    if binary is None:
        return None
    try:
        return subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=10, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _espeak_version() -> str | None:
    # "eSpeak NG text-to-speech: 1.51  Data at: /usr/lib/x86_64-linux-gnu/espeak-ng-data"
    out = _espeak_version_line()
    if out is None:
        return None
    words = out.split(":", 1)[-1].split()
    return words[0] if words else "unknown"


def _espeak_data_stamp() -> str:
    """The newest change to espeak-ng's voice folders: a new voice or language changes it."""
    out = _espeak_version_line() or ""
    data_dir = Path(out.split("Data at:", 1)[1].strip()) if "Data at:" in out else None
    if data_dir is None or not data_dir.is_dir():
        return _espeak_version() or "none"
    newest = data_dir.stat().st_mtime_ns
    for folder in ("lang", "voices"):
        for root, _dirs, _files in os.walk(data_dir / folder):
            newest = max(newest, os.stat(root).st_mtime_ns)
    return f"{_espeak_version()}@{newest}"


@once
def _espeak_engine_version() -> str:
    # Part of every cache key; importlib.metadata is slow, so ask once per process.
    pyttsx3_version = metadata.version("pyttsx3")
    return f"pyttsx3-{pyttsx3_version}.r{ESPEAK_DRIVER_REVISION}+espeak-ng-{_espeak_version()}"
