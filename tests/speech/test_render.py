"""Whole-article renders through the app: stream, status, timings, cache, errors."""

import pytest
from mutagen.id3 import ID3

from reader.speech.audio import mp3_duration
from tests.conftest import make_app


def wait_until_cached(app, client, article_id):
    service = app.extensions["reader.speech"]
    for render in list(service._renders.values()):
        render.finished.wait(30)
    status = client.get(f"/articles/{article_id}/audio/status").json
    assert status["complete"]
    return status


def test_audio_streams_then_is_served_from_the_cache_with_ranges(app, client, french_article):
    first = client.get(f"/articles/{french_article.id}/audio")
    assert first.status_code == 200 and first.mimetype == "audio/mpeg"
    streamed = first.get_data()
    assert streamed.startswith(b"ID3") and mp3_duration(streamed) > 10
    assert wait_until_cached(app, client, french_article.id)["cached"] is True
    with client.get(f"/articles/{french_article.id}/audio") as cached:
        assert cached.get_data() == streamed
    range_header = {"Range": "bytes=100-199"}
    with client.get(f"/articles/{french_article.id}/audio", headers=range_header) as part:
        assert part.status_code == 206 and len(part.get_data()) == 100


def test_the_file_carries_title_language_and_the_ai_mark(app, client, french_article, tmp_path):
    path = tmp_path / "article.mp3"
    path.write_bytes(client.get(f"/articles/{french_article.id}/audio").get_data())
    tag = ID3(path)
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


def test_other_rate_is_another_render(client, french_article):
    normal = client.get(f"/articles/{french_article.id}/audio").get_data()
    slow = client.get(f"/articles/{french_article.id}/audio?rate=120").get_data()
    assert mp3_duration(slow) > mp3_duration(normal)


def test_missing_espeak_is_a_clear_503(tmp_path, monkeypatch, french_article):
    import reader.speech.engines as engines

    monkeypatch.setattr(engines, "_espeak_version", lambda: None)
    app = make_app(tmp_path / "other", SPEECH_ENGINE="espeak")
    client = app.test_client()
    with app.app_context():
        from reader.db import get_session
        from reader.library.articles import store_article
        from reader.library.importer import draft_from_path
        from tests.conftest import SEEDS

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
        from tests.conftest import SEEDS

        article, _ = store_article(
            get_session(), draft_from_path(SEEDS / "01-fr-premieres-pertes-kyiv.txt")
        )
    data = client.get(f"/articles/{article.id}/audio").get_data()
    seconds = mp3_duration(data)
    assert 120 < seconds < 600  # ~540 words of French read at 175 wpm, with pauses
    cues = client.get(f"/articles/{article.id}/audio/timings").json["sentences"]
    assert not any(c["failed"] for c in cues)
    assert abs(cues[-1]["end"] - seconds) < 0.5
    app.extensions["reader.speech"].shutdown()


def test_a_sentence_that_keeps_failing_is_reported_and_skipped(app, client, french_article):
    from reader.speech.audio import mp3_duration as duration
    from reader.speech.worker import render_sentence

    service = app.extensions["reader.speech"]

    def fail_on_the_heading(job):
        if job.text.startswith("Accord sur une"):
            raise RuntimeError("engine crashed")
        return render_sentence(job)

    service.runner.task = fail_on_the_heading
    data = client.get(f"/articles/{french_article.id}/audio").get_data()
    assert duration(data) > 10  # the rest of the article still plays
    status = client.get(f"/articles/{french_article.id}/audio/status").json
    cues = client.get(f"/articles/{french_article.id}/audio/timings").json["sentences"]
    failed = [cue["index"] for cue in cues if cue["failed"]]
    assert len(failed) == 1 and status["failed"] == failed
    assert cues[failed[0]]["kind"] == "heading"
    # An incomplete render is not cached as the article's file: it is tried again next time.
    assert status["cached"] is False
