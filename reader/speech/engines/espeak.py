"""The espeak-ng engine via pyttsx3: one session per process, its version and voice-data stamp."""

import atexit
import gc
import io
import os
import shutil
import subprocess
import threading
import wave
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from reader.once import once
from reader.speech.engines.base import Engine, Pcm, SynthesisFailed
from reader.speech.engines.espeak_rates import calibrated_rate, rates_stamp
from reader.speech.normalize.readings import japanese_as_kana
from reader.speech.options import SynthesisOptions
from reader.text.languages import LANGUAGES

# Our espeak driver's revision, part of every cache key: 2 dropped espeak-ng's end pause, 3 kept
# rate changes, 4 keeps word events, 5 reads Japanese in pyopenjtalk's kana and sets the rate
# again after each voice change. Here, not in the driver: importing the driver loads
# libespeak-ng, and the web process asks for the version without ever loading an engine. The
# calibrated rates have their own stamp in the version (espeak_rates.rates_stamp).
ESPEAK_DRIVER_REVISION = 5
_JAPANESE_VOICE = LANGUAGES["ja"].espeak_voice


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
        if options.voice == _JAPANESE_VOICE:
            # The spoken text keeps its kanji for the engines that read them in context.
            text = japanese_as_kana(text)
        # One rate setting, one pace in every language: the voice's calibrated rate.
        options = replace(options, rate=calibrated_rate(options.rate, options.voice))
        return _espeak_session().synthesize(text, options)

    def warm_up(self) -> None:
        japanese_as_kana("日本")  # pyopenjtalk's dictionary: ~0.6 s, once per worker


class _EspeakSession:
    """The process's one pyttsx3 engine: libespeak-ng is process-wide, so one is all there is.

    Reusing it spares two voice loads per sentence (~1 ms). It is safe because our driver
    synthesizes synchronously: runAndWait returns with the utterance finished, where the stock
    driver's loop returned earlier and the next call then cancelled the speech.
    """

    def __init__(self):
        import pyttsx3

        from reader.speech.engines import espeak_driver

        self._lock = threading.Lock()
        self._engine = pyttsx3.Engine(espeak_driver.register())
        self._voice = self._rate = None
        # pyttsx3's driver proxy cleans up in __del__, which fails ("NoneType has no attribute
        # suppress") when it runs during interpreter shutdown; let it go while modules are alive.
        atexit.register(self._release)

    def _release(self) -> None:
        with self._lock:
            self._engine = None
            gc.collect()

    def voices(self) -> dict[str, str]:
        """Voice id -> name, as libespeak-ng lists them."""
        with self._lock:
            return {voice.id: voice.name for voice in self._engine.getProperty("voices")}

    def synthesize(self, text: str, options: SynthesisOptions) -> Pcm:
        with self._lock:
            if options.voice != self._voice:
                self._engine.setProperty("voice", options.voice)
                self._voice = options.voice
                # espeak-ng scales the rate by a voice's own speed (Russian's is 95 %) when the
                # rate is set, so a rate set before the voice changed kept the last voice's pace.
                self._rate = None
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
            pcm = _read_wav(wav)
            events = tuple(getattr(self._engine.proxy._driver, "word_events", ()))
            return Pcm(pcm.samples, pcm.sample_rate, events)


@once
def _espeak_session() -> _EspeakSession:
    # One per process, built by one thread: two pyttsx3 engines initializing libespeak-ng at
    # once corrupt its heap (a web server crashed that way when voices were listed in requests).
    return _EspeakSession()


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
    return (
        f"pyttsx3-{pyttsx3_version}.r{ESPEAK_DRIVER_REVISION}+espeak-ng-{_espeak_version()}"
        f"+rates-{rates_stamp()}"
    )
