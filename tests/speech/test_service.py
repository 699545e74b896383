"""The speech service's choice of audio format and its settings."""

import pytest

from reader.speech import opus
from reader.speech.service import SpeechConfig, SpeechRequestError, SpeechService


def service(tmp_path, **settings) -> SpeechService:
    return SpeechService(SpeechConfig(cache_root=str(tmp_path), engine="silent", **settings))


def test_opus_by_default_and_mp3_on_request(tmp_path, french_article):
    speech = service(tmp_path)
    default, _ = speech.request(french_article)
    mp3, jobs = speech.request(french_article, audio_format="mp3")
    assert default.audio_format == "opus" and mp3.audio_format == "mp3"
    assert {job.options.bitrate for job in jobs} == {48}
    assert default.key != mp3.key  # two files, two cache entries


def test_without_libopus_the_app_serves_mp3(tmp_path, french_article, monkeypatch):
    monkeypatch.setattr(opus, "is_available", lambda: False)
    speech = service(tmp_path)
    assert speech.request(french_article)[0].audio_format == "mp3"
    with pytest.raises(SpeechRequestError):
        speech.request(french_article, audio_format="opus")


def test_unknown_format_is_a_request_error(tmp_path, french_article):
    with pytest.raises(SpeechRequestError):
        service(tmp_path).request(french_article, audio_format="wav")


@pytest.mark.parametrize("settings", [{"audio_format": "flac"}, {"bitrates": {"opus": 128}}])
def test_bad_settings_are_refused_at_start(tmp_path, settings):
    with pytest.raises(ValueError):
        service(tmp_path, **settings)


def test_the_bitrate_setting_reaches_the_encoder(tmp_path, french_article):
    _, jobs = service(tmp_path, bitrates={"opus": 32, "mp3": 64}).request(french_article)
    assert {job.options.bitrate for job in jobs} == {32}
