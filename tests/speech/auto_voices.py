"""Test helper: a SpeechService under `auto` offering the voices a test names, and no engine."""

from reader.speech import voice_choice
from reader.speech.engines.kokoro import KokoroEngine
from reader.speech.service import SpeechService
from reader.speech.settings import SpeechConfig
from reader.speech.voices import AllVoices
from reader.text.languages import LANGUAGES


class FakeCatalog:
    """An engine's voice listing with the voices (and problems) given, asked of no engine."""

    def __init__(self, voices, problems=None):
        self._voices = dict(voices)
        self.problems = dict(problems or {})

    def voices(self):
        return self._voices

    def refresh(self):
        return self._voices


def auto_service(tmp_path, monkeypatch, table, catalogs: dict, **settings) -> SpeechService:
    """The service choosing by `table` among `catalogs` (engine -> FakeCatalog) and espeak-ng's
    voices for every language; it synthesizes nothing (no engine, version "test")."""
    monkeypatch.setattr(voice_choice, "TABLE", table)
    monkeypatch.setattr(KokoroEngine, "is_available", lambda self: True)
    service = SpeechService(
        SpeechConfig(cache_root=str(tmp_path), engine="auto", workers=0, **settings)
    )
    espeak = {lang.espeak_voice: lang.english_name for lang in LANGUAGES.values()}
    service.catalogs = {**catalogs, "espeak": FakeCatalog(espeak)}
    service.voices = AllVoices(service.catalogs)
    monkeypatch.setattr(SpeechService, "engine", lambda self: None)
    monkeypatch.setattr(SpeechService, "engine_version", lambda self: "test")
    return service
