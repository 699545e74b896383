"""The timing track of a long article: stored as JSON Lines, served in pages and streamed."""

import time

import pytest

from reader.library import articles
from reader.library.importer import draft_from_text
from reader.speech.cache import AudioCache
from reader.speech.render import STATUS_CUES
from reader.speech.track import TrackFile, track_lines

# Enough sentences for three pages of status: the title and 250 sentences.
LONG_FRENCH = "Le long texte\n\n" + " ".join(f"Voici la phrase {n}." for n in range(1, 251))


def cue(index: int, start: float, end: float) -> dict:
    return {"index": index, "kind": "sentence", "start": start, "end": end, "failed": False}


def test_a_track_file_has_its_head_and_each_cue_on_its_own_line(tmp_path):
    cues = [cue(0, 0.0, 1.5), cue(1, 1.5, 2.25), cue(2, 2.25, 4.0)]
    path = tmp_path / "track.timings.jsonl"
    path.write_bytes(b"".join(track_lines(iter(cues), len(cues), 4.0)))
    track = TrackFile.open(path)
    assert (track.count, track.seconds) == (3, 4.0)
    assert list(track.cues()) == cues
    assert list(track.cues(1, 1)) == cues[1:2]
    assert list(track.cues(3, 5)) == []
    assert len(path.read_bytes().splitlines()) == 4


def test_a_file_that_is_no_track_is_refused(tmp_path):
    path = tmp_path / "old.timings.jsonl"
    path.write_text('[{"index": 0}]')  # a whole list, as tracks were once stored
    with pytest.raises((ValueError, KeyError, TypeError)):
        TrackFile.open(path)


def test_the_cache_writes_chunks_as_they_come_and_refuses_none(tmp_path):
    cache = AudioCache(tmp_path, {})
    stored = cache.put("articles", "k", iter([b"a\n", b"b\n"]), ".timings.jsonl")
    assert stored is not None and stored.read_bytes() == b"a\nb\n"
    assert cache.put("articles", "empty", iter([]), ".timings.jsonl") is None
    assert sorted(p.name for p in (tmp_path / "articles").iterdir()) == [stored.name]


@pytest.fixture
def long_article(session):
    article, _ = articles.store_article(session, draft_from_text(LONG_FRENCH))
    return article


def _pages(client, url: str) -> tuple[list[dict], list[dict]]:
    """Every status page from cue 0 on, as the player asks for them, until the render is
    complete and every cue is held: (cues, answers)."""
    cues, answers = [], []
    for _ in range(3000):  # bounded: a render of 252 silent sentences takes seconds
        answer = client.get(f"{url}?from={len(cues)}").json
        answers.append(answer)
        assert answer["timings_from"] == len(cues)
        assert len(answer["timings"]) <= STATUS_CUES
        cues += answer["timings"]
        if answer["complete"] and len(cues) == answer["timings_ready"]:
            return cues, answers
        if not answer["timings"]:
            time.sleep(0.05)
    raise AssertionError(f"the track never came whole: {len(cues)} cues")


def test_status_gives_the_track_in_pages_rendering_and_cached(app, client, long_article):
    url = f"/articles/{long_article.id}/audio/status"
    rendering, answers = _pages(client, url)
    total = answers[-1]["total"]
    assert total > 2 * STATUS_CUES and answers[0]["cached"] is False
    assert answers[-1]["timings_ready"] == total == len(rendering)
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)
    cached, answers = _pages(client, url)
    assert answers[0]["cached"] is True
    pages = [STATUS_CUES, STATUS_CUES, total - 2 * STATUS_CUES]
    assert [len(answer["timings"]) for answer in answers] == pages
    assert {answer["timings_ready"] for answer in answers} == {total}
    assert cached == rendering
    assert [c["index"] for c in cached] == list(range(total))
    assert all(a["end"] == b["start"] for a, b in zip(cached, cached[1:], strict=False))
    assert any(c["words"] for c in cached[200:])  # late cues keep their words
    beyond = client.get(f"{url}?from={total + 5}").json
    assert beyond["timings"] == [] and beyond["timings_ready"] == total
    whole = client.get(f"/articles/{long_article.id}/audio/timings")
    assert whole.is_streamed and whole.json["sentences"] == cached


@pytest.mark.parametrize("first", ["-1", "un", "1.5", "٣", "9" * 12])
def test_a_first_cue_that_is_no_count_is_a_400(client, long_article, first):
    response = client.get(f"/articles/{long_article.id}/audio/status?from={first}")
    assert response.status_code == 400
