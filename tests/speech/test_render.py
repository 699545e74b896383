"""Whole-article renders through the app: stream, status, timings, cache, errors."""

import numpy
import pytest
from mutagen.id3 import ID3
from mutagen.oggopus import OggOpus

from reader.speech.worker import render_sentence
from tests.helpers import make_app
from tests.speech.audio_check import decode_opus, seconds


@pytest.fixture
def app(tmp_path, job_backend):
    """The app on each job backend: the local pool, and Celery with a reader worker."""
    name, settings = job_backend
    app = make_app(tmp_path, **settings)
    yield app
    app.extensions["reader.speech"].shutdown()


@pytest.mark.parametrize(
    ("query", "mimetype", "magic"),
    [("", "audio/ogg", b"OggS"), ("?format=mp3", "audio/mpeg", b"ID3")],
)
def test_audio_streams_then_is_served_from_the_cache_with_ranges(
    app, client, french_article, tmp_path, query, mimetype, magic
):
    url = f"/articles/{french_article.id}/audio{query}"
    with client.get(f"{url}{'&' if query else '?'}download=1") as streamed_download:
        assert streamed_download.headers["Content-Disposition"].startswith("attachment")
    # Closed like the others: on a fast host the render may already be cached by now, and a
    # cached answer is an open file.
    with client.get(url) as first:
        assert first.status_code == 200 and first.mimetype == mimetype
        streamed = first.get_data()
    assert streamed.startswith(magic) and seconds(streamed, tmp_path) > 10
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)
    status = client.get(f"/articles/{french_article.id}/audio/status{query}").json
    assert status["complete"] and status["cached"] is True
    with client.get(url) as cached:
        assert cached.get_data() == streamed  # the stream and the cached file are one file
    with client.get(url, headers={"Range": "bytes=100-199"}) as part:
        assert part.status_code == 206 and len(part.get_data()) == 100
    with client.get(f"{url}{'&' if query else '?'}download=1") as download:
        assert download.headers["Content-Disposition"].startswith("attachment")


def test_the_file_carries_title_language_and_the_ai_mark(app, client, french_article, tmp_path):
    opus_path, mp3_path = tmp_path / "article.opus", tmp_path / "article.mp3"
    opus_path.write_bytes(client.get(f"/articles/{french_article.id}/audio").get_data())
    mp3_path.write_bytes(client.get(f"/articles/{french_article.id}/audio?format=mp3").get_data())
    comments = OggOpus(opus_path).tags
    assert comments["TITLE"] == [french_article.title]
    assert comments["LANGUAGE"] == ["fr"]
    assert comments["AI_GENERATED"] == ["true"]
    tag = ID3(mp3_path)
    assert tag["TIT2"].text == [french_article.title]
    assert tag["TLAN"].text == ["fr"]
    assert tag["TXXX:AI_GENERATED"].text == ["true"]


def test_timings_cover_title_date_and_every_sentence_in_order(client, french_article):
    body = client.get(f"/articles/{french_article.id}/audio/timings").json
    cues = body["sentences"]
    assert [c["kind"] for c in cues[:2]] == ["title", "date"]
    assert cues[1]["text"] == "5 décembre 2024, 11h58"  # the date as the page shows it in fr
    assert all(a["end"] == b["start"] for a, b in zip(cues, cues[1:], strict=False))
    assert not any(c["kind"] == "hashtags" for c in cues)  # skipped by default
    first_paragraph = [c for c in cues if c["block"] == 0]
    assert [c["span"][0] for c in first_paragraph] == sorted(c["span"][0] for c in first_paragraph)
    assert len(first_paragraph) == 3


def test_webvtt_form(client, french_article):
    vtt = client.get(f"/articles/{french_article.id}/audio/timings.vtt").get_data(as_text=True)
    assert vtt.startswith("WEBVTT")
    assert "00:00:00.000 --> " in vtt


def test_bad_rate_and_voice_are_400(client, french_article):
    assert client.get(f"/articles/{french_article.id}/audio?rate=fast").status_code == 400
    assert client.get(f"/articles/{french_article.id}/audio?rate=5000").status_code == 400
    assert client.get(f"/articles/{french_article.id}/audio?voice=nope").status_code == 400
    assert client.get(f"/articles/{french_article.id}/audio?format=wav").status_code == 400


def test_other_rate_is_another_render(client, french_article, tmp_path):
    normal = client.get(f"/articles/{french_article.id}/audio").get_data()
    slow = client.get(f"/articles/{french_article.id}/audio?rate=120").get_data()
    assert seconds(slow, tmp_path) > seconds(normal, tmp_path)


def test_missing_espeak_is_a_clear_503(tmp_path, monkeypatch, french_article):
    import reader.speech.engines.espeak as espeak

    monkeypatch.setattr(espeak, "_espeak_version", lambda: None)
    app = make_app(tmp_path / "other", SPEECH_ENGINE="espeak")
    client = app.test_client()
    with app.app_context():
        from reader.db import get_session
        from reader.library.articles import store_article
        from reader.library.importer import draft_from_path
        from tests.helpers import SEEDS

        article, _ = store_article(
            get_session(), draft_from_path(SEEDS / "01-fr-premieres-pertes-kyiv.txt")
        )
    response = client.get(
        f"/articles/{article.id}/audio/status", headers={"Accept": "application/json"}
    )
    assert response.status_code == 503
    assert "espeak-ng" in response.json["error"]["message"]
    page = client.get(f"/articles/{article.id}/audio", headers={"Accept": "text/html"})
    assert page.status_code == 503 and b"Traceback" not in page.get_data()
    app.extensions["reader.speech"].shutdown()


def test_progress_is_reported(client, french_article):
    status = client.get(f"/articles/{french_article.id}/audio/status").json
    assert status["total"] > 20
    assert 0 <= status["done"] <= status["total"]


@pytest.mark.espeak
def test_real_espeak_reads_the_french_seed(tmp_path, french_article):
    app = make_app(tmp_path / "real", SPEECH_ENGINE="espeak", SPEECH_WORKERS=2)
    client = app.test_client()
    with app.app_context():
        from reader.db import get_session
        from reader.library.articles import store_article
        from reader.library.importer import draft_from_path
        from tests.helpers import SEEDS

        article, _ = store_article(
            get_session(), draft_from_path(SEEDS / "01-fr-premieres-pertes-kyiv.txt")
        )
    data = client.get(f"/articles/{article.id}/audio").get_data()
    length = seconds(data, tmp_path)
    assert 120 < length < 600  # ~540 words of French read at 175 wpm, with pauses
    cues = client.get(f"/articles/{article.id}/audio/timings").json["sentences"]
    assert not any(c["failed"] for c in cues)
    assert abs(cues[-1]["end"] - length) < 0.05
    decoded = decode_opus(data).astype(float)
    for cue in cues:  # every sentence is heard where the timing track puts it
        start, end = int(cue["start"] * 48000), int(cue["end"] * 48000)
        assert numpy.sqrt(numpy.mean(decoded[start:end] ** 2)) > 300, cue["text"]
    app.extensions["reader.speech"].shutdown()


def test_a_sentence_that_keeps_failing_is_reported_and_skipped(
    app, client, french_article, tmp_path
):
    service = app.extensions["reader.speech"]
    service.runner.task = fail_on_the_heading
    data = client.get(f"/articles/{french_article.id}/audio").get_data()
    assert seconds(data, tmp_path) > 10  # the rest of the article still plays
    status = client.get(f"/articles/{french_article.id}/audio/status").json
    cues = client.get(f"/articles/{french_article.id}/audio/timings").json["sentences"]
    failed = [cue["index"] for cue in cues if cue["failed"]]
    assert len(failed) == 1 and status["failed"] == failed
    assert cues[failed[0]]["kind"] == "heading"
    # An incomplete render is not cached as the article's file: it is tried again next time.
    assert status["cached"] is False


def fail_on_the_heading(job):
    """A task (a module's function: a Celery worker imports it by name) that fails one heading."""
    if job.text.startswith("Accord sur une"):
        raise RuntimeError("engine crashed")
    return render_sentence(job)
