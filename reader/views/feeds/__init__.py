"""Podcast feeds: /feeds/podcast.xml, of every article or of one language (?language=fr)."""

import hashlib
from datetime import UTC, datetime

from flask import Blueprint, Response, current_app, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from reader.db import get_session
from reader.library import articles as article_service
from reader.speech.engines.base import EngineUnavailable
from reader.speech.episode import episode_size
from reader.speech.settings import SpeechRequestError, VoiceUnavailable
from reader.text.languages import LANGUAGES
from reader.views.feeds.rss import Channel, Episode, podcast_rss
from reader.views.loading import language_filter_or_400
from reader.views.speaking import lexicon, speech

bp = Blueprint("feeds", __name__, url_prefix="/feeds")

# MP3: the one format every podcast app plays (Apple's does not play Ogg/Opus).
FEED_AUDIO_FORMAT = "mp3"
DESCRIPTION_CHARACTERS = 600


@bp.get("/podcast.xml")
def podcast():
    """The newest articles whose whole audio is rendered; the others are rendered meanwhile."""
    language = language_filter_or_400()
    session = get_session()
    newest = article_service.list_articles(
        session, language, limit=current_app.config["FEED_ITEMS"]
    )
    entries = lexicon()
    episodes = []
    for article in newest:
        playback = _playback(article, entries)
        if playback is not None and playback.cached is not None:
            episodes.append(_episode(article, playback))
    with force_locale(language or current_app.config["DEFAULT_LOCALE"]):
        channel = _channel(language)
    response = Response(podcast_rss(channel, episodes), mimetype="application/rss+xml")
    response.set_etag(_etag(channel, episodes))
    if episodes:
        response.last_modified = max(e.rendered_at for e in episodes)
    response.cache_control.public = True
    response.cache_control.max_age = 300
    return response.make_conditional(request)


def _playback(article, entries):
    """The article's MP3 as the audio route makes it: cached, or its render asked for now.

    The one entry point the player uses too, so a feed's request never synthesizes in this
    thread: a render goes to the job backend and its article joins the feed when it is done.
    """
    service = speech()
    try:
        return service.cached_or_render(
            *service.request(article, audio_format=FEED_AUDIO_FORMAT, lexicon=entries)
        )
    except (EngineUnavailable, VoiceUnavailable, SpeechRequestError):
        return None  # no voice for its language here: no episode, and nothing to render


def _episode(article, playback) -> Episode:
    cached = playback.cached
    published = article.published_at or article.created_at.replace(tzinfo=UTC)
    first = next((b.text for b in article.blocks if b.kind == "paragraph"), article.title)
    audio_url = url_for(
        "listen.audio",
        article_id=article.id,
        format=FEED_AUDIO_FORMAT,
        download=1,
        _external=True,
    )
    transcript_url = url_for(
        "listen.timings_vtt", article_id=article.id, format=FEED_AUDIO_FORMAT, _external=True
    )
    return Episode(
        guid=f"reader-article-{article.fingerprint}",
        title=article.title,
        link=url_for("articles.read", article_id=article.id, _external=True),
        description=first[:DESCRIPTION_CHARACTERS],
        published=published,
        audio_url=audio_url,
        audio_length=episode_size(playback.request, cached),
        mimetype=playback.request.format.mimetype,
        duration=cached.track.seconds,
        transcript_url=transcript_url,
        language=article.language or "",
        rendered_at=datetime.fromtimestamp(int(cached.path.stat().st_mtime), UTC),
    )


def _channel(language: str | None) -> Channel:
    name = _("reader")
    title = f"{name} · {LANGUAGES[language].native_name}" if language else name
    return Channel(
        title=title,
        link=url_for("articles.index", language=language, _external=True),
        self_url=url_for("feeds.podcast", language=language, _external=True),
        description=_(
            "Articles read aloud by reader, offline. The audio is generated artificially."
        ),
        language=language or current_app.config["DEFAULT_LOCALE"],
        image_url=url_for("static", filename="artwork-512.png", _external=True),
        author=name,
    )


def _etag(channel: Channel, episodes: list[Episode]) -> str:
    # Everything the document says that can change: a new or re-rendered episode, a new title.
    digest = hashlib.sha256(repr(channel).encode())
    for episode in episodes:
        digest.update(repr(episode).encode())
    return digest.hexdigest()[:32]
