"""The voice catalog: listed once, outside the engine's process when it loads native code."""

import logging
import sys
import threading

import pytest

from reader.speech import voices
from reader.speech.engines.silent import SilentEngine
from reader.speech.voices import VoiceCatalog


def counting_listings(monkeypatch, listing):
    calls = []

    def list_voices(self):
        calls.append(1)
        return dict(listing)

    monkeypatch.setattr(SilentEngine, "list_voices", list_voices)
    return calls


def test_many_first_readers_list_the_voices_once(monkeypatch):
    calls = counting_listings(monkeypatch, {"roa/fr": "French"})
    catalog = VoiceCatalog("silent")
    start = threading.Barrier(32)
    answers = []

    def reader():
        start.wait()
        answers.append(catalog.voices())

    threads = [threading.Thread(target=reader) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1 and all(answer == {"roa/fr": "French"} for answer in answers)


def test_new_voices_are_listed_when_the_engine_says_they_changed(monkeypatch):
    calls = counting_listings(monkeypatch, {"roa/fr": "French"})
    stamp = {"value": "a"}
    monkeypatch.setattr(SilentEngine, "voice_data_stamp", lambda self: stamp["value"])
    catalog = VoiceCatalog("silent", recheck_seconds=0)
    assert catalog.voices() == {"roa/fr": "French"}
    catalog.voices()
    assert len(calls) == 1  # rechecked, unchanged: not listed again
    stamp["value"] = "b"
    counting_listings(monkeypatch, {"roa/fr": "French", "gmw/en": "English"})
    assert "gmw/en" in catalog.voices()


def test_an_engine_that_cannot_be_listed_has_no_voices_and_says_why(caplog):
    catalog = VoiceCatalog("no-such-engine")
    with caplog.at_level(logging.ERROR, logger="reader.speech.voices"):
        assert catalog.voices() == {}
    assert "could not list the no-such-engine voices" in caplog.text


def test_a_listing_subprocess_that_fails_is_reported(monkeypatch):
    monkeypatch.setattr(sys, "executable", "/bin/false")
    with pytest.raises(voices.VoiceListingFailed):
        voices._list_in_subprocess("espeak")


@pytest.mark.espeak
def test_espeak_voices_are_listed_without_loading_espeak_here():
    before = "pyttsx3.drivers._espeak" in sys.modules
    listed, problems = voices._list_in_subprocess("espeak")
    assert problems == {}
    assert listed["roa/fr"] == "French (France)" and "gmw/en" in listed
    assert ("pyttsx3.drivers._espeak" in sys.modules) == before
