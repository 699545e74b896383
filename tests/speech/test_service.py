"""The speech service: its choice of audio format, its settings, and when work starts."""

import pytest
from sqlalchemy import inspect

from reader.library.articles import get_article_body_later
from reader.speech import worker
from reader.speech.audio import opus
from reader.speech.audio.formats import OpusFormat
from reader.speech.service import SpeechService
from reader.speech.settings import SpeechConfig, SpeechRequestError
from reader.speech.worker import synthesize_sentence


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


def test_the_first_sentences_start_while_the_rest_is_planned(tmp_path, french_article, monkeypatch):
    speech = SpeechService(SpeechConfig(cache_root=str(tmp_path), engine="silent", workers=0))
    made = []

    def synthesize(text, options, pause_ms):
        made.append(text)
        return synthesize_sentence(text, options, pause_ms)

    monkeypatch.setattr(worker, "synthesize_sentence", synthesize)
    request, jobs = speech.request(french_article, start_first=True)
    speech.runner.backend._pool.submit(lambda: None).result()  # the inline worker has caught up
    assert made == [jobs[0].text]  # one worker here: one sentence ahead
    speech.render(request, jobs).finished.wait(10)
    assert sorted(made) == sorted(job.text for job in jobs)  # none made twice
    speech.request(french_article, start_first=True)
    speech.runner.backend._pool.submit(lambda: None).result()
    assert len(made) == len(jobs)  # all cached now: nothing starts early


def test_the_title_and_date_start_before_the_body_is_read(tmp_path, session, french_article):
    session.expunge_all()  # as in a new request: nothing of the article loaded yet
    article = get_article_body_later(session, french_article.id)
    speech = service(tmp_path)  # two workers: two utterances start early
    started = []
    speech.runner.submit = lambda job: started.append(("blocks" in inspect(article).unloaded, job))
    request, _ = speech.request(article, start_first=True)
    assert [u.kind for u in request.utterances[:2]] == ["title", "date"]
    assert [(unread, job.key) for unread, job in started] == [(True, k) for k in request.keys[:2]]
    assert len(request.utterances) > 20  # the body was read after them


def test_planning_alone_starts_nothing(tmp_path, french_article):
    speech = service(tmp_path)
    speech.request(french_article)
    assert speech.runner.backend._pool is None


def test_the_packet_layout_is_part_of_every_sentence_key(tmp_path, french_article, monkeypatch):
    before = service(tmp_path).request(french_article)[0].keys
    monkeypatch.setattr(OpusFormat, "layout", "celt-20ms")
    after = service(tmp_path).request(french_article)[0].keys
    assert not set(before) & set(after)
