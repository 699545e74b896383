"""Downloads carry chapter marks at the headings: ID3 CHAP/CTOC in MP3, CHAPTERxx in Ogg/Opus."""

import pytest
from mutagen.id3 import ID3
from mutagen.oggopus import OggOpus

from reader.speech.audio.formats import get_format
from reader.speech.audio.tags import clock_time


def _cached(app, client, article, query):
    with client.get(f"/articles/{article.id}/audio{query}") as first:
        first.get_data()
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)
    status = client.get(f"/articles/{article.id}/audio/status{query}").json
    assert status["cached"] is True
    return status["timings"]


def _chapter_starts(timings, title):
    headings = [cue for cue in timings if cue["kind"] == "heading"]
    assert headings, "the French seed article has a heading"
    return [(0.0, title)] + [(cue["start"], cue["text"]) for cue in headings]


def test_mp3_download_has_id3_chapters_at_the_headings(app, client, french_article, tmp_path):
    timings = _cached(app, client, french_article, "?format=mp3")
    url = f"/articles/{french_article.id}/audio?format=mp3"
    with client.get(url) as plain:
        played = plain.get_data()
    with client.get(f"{url}&download=1") as download:
        episode = download.get_data()
        assert download.headers["Content-Disposition"].startswith("attachment")
    path = tmp_path / "episode.mp3"
    path.write_bytes(episode)
    tag = ID3(path)
    (toc,) = tag.getall("CTOC")
    chapters = [tag[f"CHAP:{element}"] for element in toc.child_element_ids]
    expected = _chapter_starts(timings, french_article.title)
    assert [(c.start_time, c.sub_frames["TIT2"].text[0]) for c in chapters] == [
        (round(start * 1000), name) for start, name in expected
    ]
    assert chapters[-1].end_time == round(timings[-1]["end"] * 1000)
    assert tag["TXXX:AI_GENERATED"].text == ["true"]  # the other tags stay
    # Only the head differs: the audio frames are the player's, byte for byte.
    mp3 = get_format("mp3")
    assert episode[mp3.head_length(episode) :] == played[mp3.head_length(played) :]
    plain_path = tmp_path / "plain.mp3"  # the file the player streams has no chapters
    plain_path.write_bytes(played)
    assert ID3(plain_path).getall("CHAP") == []


def test_opus_download_has_vorbis_chapter_comments(app, client, french_article, tmp_path):
    timings = _cached(app, client, french_article, "")
    with client.get(f"/articles/{french_article.id}/audio?download=1") as download:
        episode = download.get_data()
    path = tmp_path / "episode.opus"
    path.write_bytes(episode)
    comments = OggOpus(path).tags
    expected = _chapter_starts(timings, french_article.title)
    for number, (start, name) in enumerate(expected, start=1):
        assert comments[f"CHAPTER{number:02d}"] == [clock_time(start)]
        assert comments[f"CHAPTER{number:02d}NAME"] == [name]
    assert f"CHAPTER{len(expected) + 1:02d}" not in comments
    assert OggOpus(path).info.length == pytest.approx(timings[-1]["end"], abs=0.1)


def test_episode_download_serves_ranges(app, client, french_article):
    _cached(app, client, french_article, "?format=mp3")
    url = f"/articles/{french_article.id}/audio?format=mp3&download=1"
    with client.get(url) as whole:
        data = whole.get_data()
    with client.get(url, headers={"Range": "bytes=100-199"}) as part:
        assert part.status_code == 206 and part.get_data() == data[100:200]


def test_clock_time_is_hours_minutes_seconds_and_milliseconds():
    assert clock_time(0) == "00:00:00.000"
    assert clock_time(3725.0406) == "01:02:05.041"
