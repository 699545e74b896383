"""The podcast feed: valid RSS that feedparser reads back, rendered articles only, 304s."""

from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

import feedparser
import pytest

from reader.views.feeds.rss import PODCAST


def _finish_renders(app):
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)


def _feed(client, query=""):
    response = client.get(f"/feeds/podcast.xml{query}")
    assert response.status_code == 200
    assert response.mimetype == "application/rss+xml"
    return response


def _rendered_feed(app, client, query=""):
    _feed(client, query)  # asks for every article's audio
    _finish_renders(app)
    return _feed(client, query)


@pytest.fixture
def two_languages(french_article, german_article):
    return french_article, german_article


def test_the_feed_reads_back_with_every_field(app, client, two_languages):
    french, german = two_languages
    response = _rendered_feed(app, client)
    parsed = feedparser.parse(response.data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.language == "en"
    assert parsed.feed.title == "reader"
    by_title = {entry.title: entry for entry in parsed.entries}
    assert set(by_title) == {french.title, german.title}
    entry = by_title[french.title]
    assert entry.id == f"reader-article-{french.fingerprint}"
    assert parsedate_to_datetime(entry.published) == french.published_at
    assert entry.link.endswith(f"/articles/{french.id}")
    (enclosure,) = entry.enclosures
    assert enclosure.type == "audio/mpeg"
    with client.get(urlsplit(enclosure.href).path + "?" + urlsplit(enclosure.href).query) as audio:
        served = audio.get_data()
        assert audio.headers["Content-Type"] == "audio/mpeg"
    assert int(enclosure.length) == len(served)
    assert int(entry.itunes_duration) > 10
    assert parsed.feed.podcast_locked == "yes" and parsed.feed.itunes_type == "episodic"


def test_podcast_namespace_names_the_webvtt_transcript_and_the_lock(app, client, french_article):
    root = ElementTree.fromstring(_rendered_feed(app, client).data)
    assert root.find(f"channel/{{{PODCAST}}}locked").text == "yes"
    transcript = root.find(f"channel/item/{{{PODCAST}}}transcript")
    assert transcript.get("type") == "text/vtt" and transcript.get("language") == "fr"
    url = urlsplit(transcript.get("url"))
    vtt = client.get(f"{url.path}?{url.query}")
    assert vtt.mimetype == "text/vtt" and vtt.get_data(as_text=True).startswith("WEBVTT")


def test_the_language_feed_holds_that_language_in_its_words(app, client, two_languages):
    french, _german = two_languages
    parsed = feedparser.parse(_rendered_feed(app, client, "?language=fr").data)
    assert [entry.title for entry in parsed.entries] == [french.title]
    assert parsed.feed.language == "fr"
    assert parsed.feed.title == "reader · Français"
    assert "généré artificiellement" in parsed.feed.description


def test_an_unknown_language_is_refused(client):
    assert client.get("/feeds/podcast.xml?language=xx").status_code == 400


def test_only_articles_with_their_whole_audio_are_items_the_rest_get_rendered(
    app, client, two_languages
):
    french, german = two_languages
    _rendered_feed(app, client)
    # The French file leaves the cache: the feed drops it and asks for it again.
    service = app.extensions["reader.speech"]
    request, _jobs = service.request(french, audio_format="mp3")
    service.cached(request).path.unlink()
    without = feedparser.parse(_feed(client).data)
    assert [entry.title for entry in without.entries] == [german.title]
    _finish_renders(app)
    again = feedparser.parse(_feed(client).data)
    assert {entry.title for entry in again.entries} == {french.title, german.title}


def test_a_conditional_get_answers_304(app, client, french_article):
    first = _rendered_feed(app, client)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert client.get("/feeds/podcast.xml", headers={"If-None-Match": etag}).status_code == 304
    since = client.get("/feeds/podcast.xml", headers={"If-Modified-Since": modified})
    assert since.status_code == 304
    assert client.get("/feeds/podcast.xml", headers={"If-None-Match": '"other"'}).status_code == 200
