"""Cached audio and browsers' caches: ETag, If-None-Match (304), Range (206) and If-Range."""


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
