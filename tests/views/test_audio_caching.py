"""Cached audio and browsers' caches: ETag, If-None-Match (304), Range (206) and If-Range;
a cached file found again without planning the article."""

import pytest

from reader.lexicon import entries
from reader.library import articles
from reader.speech import service as service_module
from reader.text.languages import LANGUAGES


def rendered_article_audio(client, article) -> tuple[str, bytes]:
    """The article's audio URL once its render is done and cached, and the whole file."""
    url = f"/articles/{article.id}/audio"
    with client.get(url) as streamed:
        streamed.get_data()  # the render runs to its end
    for render in list(client.application.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)  # and is assembled in the cache, just after
    status = client.get(f"{url}/status").get_json()
    assert status["complete"] and status["cached"] is True
    with client.get(url) as cached:
        return url, cached.get_data()


def test_cached_audio_has_an_etag_and_answers_304(client, german_article):
    url, whole = rendered_article_audio(client, german_article)
    with client.get(url) as response:
        etag = response.headers["ETag"]
        assert response.status_code == 200 and response.headers["Accept-Ranges"] == "bytes"
    with client.get(url, headers={"If-None-Match": etag}) as unchanged:
        assert unchanged.status_code == 304 and unchanged.get_data() == b""
    with client.get(url, headers={"If-None-Match": '"another"'}) as changed:
        assert changed.status_code == 200 and changed.get_data() == whole


def test_ranges_and_if_range(client, german_article):
    url, whole = rendered_article_audio(client, german_article)
    with client.get(url) as response:
        etag = response.headers["ETag"]
    with client.get(url, headers={"Range": "bytes=100-199"}) as part:
        assert part.status_code == 206 and part.get_data() == whole[100:200]
        assert part.headers["Content-Range"] == f"bytes 100-199/{len(whole)}"
    with client.get(url, headers={"Range": f"bytes={len(whole) - 10}-"}) as tail:
        assert tail.status_code == 206 and tail.get_data() == whole[-10:]
    # If-Range with the current ETag: the part; with an old one, the whole (new) file.
    with client.get(url, headers={"Range": "bytes=0-9", "If-Range": etag}) as same:
        assert same.status_code == 206 and same.get_data() == whole[:10]
    with client.get(url, headers={"Range": "bytes=0-9", "If-Range": '"old"'}) as stale:
        assert stale.status_code == 200 and stale.get_data() == whole
    with client.get(url, headers={"Range": f"bytes={len(whole) + 10}-"}) as beyond:
        assert beyond.status_code == 416


def test_a_sentences_audio_has_an_etag_and_ranges(client, german_article):
    url = f"/articles/{german_article.id}/sentences/1/0/audio"
    with client.get(url) as response:
        whole, etag = response.get_data(), response.headers["ETag"]
        assert response.status_code == 200 and whole
    with client.get(url, headers={"If-None-Match": etag}) as unchanged:
        assert unchanged.status_code == 304
    with client.get(url, headers={"Range": "bytes=0-9", "If-Range": etag}) as part:
        assert part.status_code == 206 and part.get_data() == whole[:10]


def refuse_to_plan(monkeypatch):
    """From now on, planning an article fails the test: only a remembered plan answers."""

    def planned(*_args, **_kwargs):
        pytest.fail("the article was planned again")

    monkeypatch.setattr(service_module, "read_in_order", planned)


def count_plans(monkeypatch) -> list:
    """Every plan made from now on, one item each."""
    plans, plan = [], service_module.read_in_order

    def counted(*args, **kwargs):
        plans.append(args[0].id)
        return plan(*args, **kwargs)

    monkeypatch.setattr(service_module, "read_in_order", counted)
    return plans


def cached_part(client, url: str):
    """Bytes 100-199 of the audio at `url` (rendered and cached first): (status, bytes, ETag)."""
    with client.get(url) as streamed:
        streamed.get_data()
    for render in list(client.application.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)
    with client.get(url, headers={"Range": "bytes=100-199"}) as part:
        return part.status_code, part.get_data(), part.headers.get("ETag")


def test_a_seek_in_cached_audio_does_not_plan_the_article_again(
    client, german_article, monkeypatch
):
    url, whole = rendered_article_audio(client, german_article)
    with client.get(url, headers={"Range": "bytes=100-199"}) as first:
        etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    refuse_to_plan(monkeypatch)
    for asked in ("bytes=100-199", "bytes=100-199", f"bytes={len(whole) - 10}-"):
        with client.get(url, headers={"Range": asked}) as part:
            assert part.status_code == 206 and part.headers["ETag"] == etag
            assert part.headers["Last-Modified"] == modified
            start = int(asked[6:].split("-")[0])
            assert part.get_data() == whole[start : start + 100]
    with client.get(url, headers={"Range": f"bytes={len(whole) + 10}-"}) as beyond:
        assert beyond.status_code == 416
    with client.get(url, headers={"If-None-Match": etag}) as unchanged:
        assert unchanged.status_code == 304
    # The player's status and timings of a cached file need no plan either.
    status = client.get(f"{url}/status").get_json()
    assert status["complete"] and status["cached"] is True and status["total"] > 1
    timings = client.get(f"{url}/timings").get_json()
    assert timings["article_id"] == german_article.id and timings["sentences"]


def test_bad_requests_are_still_refused_once_a_plan_is_remembered(client, german_article):
    url, _whole = rendered_article_audio(client, german_article)
    for query in ("rate=fast", "rate=5", "voice=nobody", "format=wav", "language=xx", "hashtags=x"):
        with client.get(f"{url}?{query}", headers={"Range": "bytes=0-9"}) as refused:
            assert refused.status_code == 400, query
            assert refused.get_data(as_text=True).strip(), query
    assert client.get("/articles/999/audio", headers={"Range": "bytes=0-9"}).status_code == 404


def test_a_download_is_still_the_episode(client, german_article):
    url, whole = rendered_article_audio(client, german_article)
    with client.get(url) as cached:
        etag = cached.headers["ETag"]
    with client.get(f"{url}?download=1") as episode:
        assert episode.status_code == 200 and episode.headers["ETag"] != etag
        assert episode.headers["ETag"].endswith('-episode"')
        assert "attachment" in episode.headers["Content-Disposition"]


def test_a_lexicon_entry_an_edit_and_another_rate_or_voice_each_give_another_file(
    app, client, session, german_article, monkeypatch
):
    url = f"/articles/{german_article.id}/audio"
    status, first, etag = cached_part(client, url)
    assert status == 206 and etag
    plans = count_plans(monkeypatch)
    seen = {etag}

    def another_file(query: str = "") -> None:
        planned = len(plans)
        status, part, new_etag = cached_part(client, f"{url}{query}")
        assert len(plans) > planned, query  # planned, not the remembered file
        assert status == 206 and new_etag not in seen, query
        seen.add(new_etag)

    another_file("?rate=220")
    another_file(f"?voice={LANGUAGES['fr'].espeak_voice}")
    with client.get(url, headers={"Range": "bytes=100-199"}) as again:  # the first, remembered
        assert again.get_data() == first and again.headers["ETag"] == etag
    entry = entries.create(
        session, {"language": "de", "pattern": "Straßenbahnlinie", "replacement": "Tram"}, None
    )
    another_file()
    entries.delete(session, entry)
    block = next(block for block in german_article.blocks if block.kind == "paragraph")
    articles.edit_block(session, german_article, block.position, block.text + " " + block.text)
    another_file()
    # The edited article's file is remembered in turn: asked once more, it is not planned.
    refuse_to_plan(monkeypatch)
    with client.get(url, headers={"Range": "bytes=0-9"}) as part:
        assert part.status_code == 206 and part.headers["ETag"] in seen
