"""The installed voices, listed once in a subprocess and kept until the engine's voices change."""

import json
import logging
import os
import subprocess
import sys
import threading
import time

from reader.speech.engines import kokoro_model, voice_files
from reader.speech.engines.registry import get_engine

log = logging.getLogger(__name__)

LIST_TIMEOUT_SECONDS = 60.0
# How often a long-running server looks for newly installed voices: one stat per folder.
RECHECK_SECONDS = 60.0


class VoiceListingFailed(RuntimeError):
    """The subprocess that lists the engine's voices failed or hung."""


class VoiceCatalog:
    """Voice id -> name for one engine, readable from any thread without touching the engine.

    A web process must never load a speech engine: libespeak-ng is process-wide C state, and two
    request threads that initialized it at once crashed the whole server. So the list is made in
    a short-lived subprocess (or read directly from an engine that loads no native code), once,
    and made again only when the engine's voice data changes.
    """

    def __init__(self, engine_name: str, recheck_seconds: float = RECHECK_SECONDS):
        self.engine_name = engine_name
        self.recheck_seconds = recheck_seconds
        self._lock = threading.Lock()
        self._voices: dict[str, str] | None = None
        self.problems: dict[str, str] = {}
        """Voice id (or the engine's name) -> why it cannot read, as last listed."""
        self._stamp: str | None = None
        self._checked_at = float("-inf")
        self.version = 0
        """Counts the changes to the voices and problems, so that what is made from them (a
        page's voice menu) can be kept until the next one."""

    def voices(self) -> dict[str, str]:
        """The voices as last listed; lists them first if they never were or have changed.

        An engine that cannot be listed (not installed, broken) has no voices: callers then
        say "no voice for this language", and the listing is tried again after a while.
        """
        now = time.monotonic()
        voices = self._voices
        if voices is not None and now - self._checked_at < self.recheck_seconds:
            return voices
        # One thread lists; the others wait for its answer instead of listing again.
        with self._lock:
            if (
                self._voices is not None
                and time.monotonic() - self._checked_at < self.recheck_seconds
            ):
                return self._voices
            self._refresh_locked()
            return self._voices

    def refresh(self) -> dict[str, str]:
        """List the voices now (a server does this at start, so no reader waits for it)."""
        with self._lock:
            self._checked_at = float("-inf")
            self._refresh_locked()
            return self._voices

    def _refresh_locked(self) -> None:
        self._checked_at = time.monotonic()
        try:
            engine = get_engine(self.engine_name)
            stamp = engine.voice_data_stamp()
            if stamp == self._stamp and self._voices is not None:
                return
            listed, problems = (
                _list_in_subprocess(self.engine_name)
                if engine.loads_native_code
                else engine.check_voices()
            )
        except Exception as error:  # noqa: BLE001 - no voices is an answer; the app keeps serving
            log.error("could not list the %s voices: %s", self.engine_name, error)
            problems = {self.engine_name: str(error)}
            if self._voices is None or self.problems != problems:
                self.version += 1
            self._voices = self._voices if self._voices is not None else {}
            self.problems = problems
            return
        for voice, reason in problems.items():
            if self.problems.get(voice) != reason:
                log.error("the %s voice %s cannot read: %s", self.engine_name, voice, reason)
        self._voices, self.problems, self._stamp = listed, problems, stamp
        self.version += 1
        log.info("%d %s voices listed", len(listed), self.engine_name)


def _list_in_subprocess(engine_name: str) -> tuple[dict[str, str], dict[str, str]]:
    command = [sys.executable, "-m", "reader.speech.voices", engine_name]
    # The subprocess assembles Kokoro's model, and finds the voice files, where this process
    # would read them.
    env = dict(
        os.environ,
        **{
            kokoro_model.MODEL_DIR_ENV: str(kokoro_model.model_dir()),
            voice_files.VOICES_DIR_ENV: str(voice_files.voices_dir()),
        },
    )
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=LIST_TIMEOUT_SECONDS,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired as error:
        raise VoiceListingFailed(
            f"listing voices took over {LIST_TIMEOUT_SECONDS:.0f} s"
        ) from error
    if done.returncode != 0:
        reason = done.stderr.strip().splitlines()[-1:] or [f"exit status {done.returncode}"]
        raise VoiceListingFailed(reason[0])
    try:
        listing = json.loads(done.stdout)
        voices, problems = listing["voices"], listing["problems"]
    except (ValueError, KeyError, TypeError) as error:
        raise VoiceListingFailed("the voice list was not JSON") from error
    return (
        {str(voice): str(name) for voice, name in voices.items()},
        {str(voice): str(reason) for voice, reason in problems.items()},
    )


def main(argv: list[str]) -> int:
    """In the subprocess: print the engine's voices and problems as one JSON object."""
    (engine_name,) = argv
    try:
        voices, problems = get_engine(engine_name).check_voices()
    except Exception as error:  # noqa: BLE001 - its one line is what the server logs and notes
        sys.stderr.write(f"{error}\n")
        return 1
    sys.stdout.write(json.dumps({"voices": voices, "problems": problems}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


class AllVoices:
    """Every engine's voices as one catalog, named `engine:voice`."""

    def __init__(self, catalogs: dict[str, VoiceCatalog]):
        self.catalogs = catalogs

    def voices(self) -> dict[str, str]:
        return {
            f"{engine}:{voice}": name
            for engine, catalog in self.catalogs.items()
            for voice, name in catalog.voices().items()
        }

    def refresh(self) -> dict[str, str]:
        for catalog in self.catalogs.values():
            catalog.refresh()
        return self.voices()
