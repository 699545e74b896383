"""Listening endpoints: an article's audio, status and timings, one sentence's audio, More info."""

import io

from flask import Blueprint, Response, abort, jsonify, render_template, request, send_file, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from reader import db
from reader.ids import parse_id
from reader.library import articles as article_service
from reader.speech.audio.formats import get_format
from reader.speech.claims import JobsUnavailable
from reader.speech.engines.base import EngineUnavailable
from reader.speech.episode import episode_bytes
from reader.speech.jobs import SentenceFailed
from reader.speech.settings import SpeechRequestError, VoiceUnavailable
from reader.speech.webvtt import webvtt
from reader.text.languages import LANGUAGES
from reader.views import present
from reader.views.loading import load_article_or_404
from reader.views.speaking import lexicon, speech, status_and_message, voice_sentence

bp = Blueprint("listen", __name__)


def _asked() -> dict:
    """The ?rate=, ?voice=, ?format=, ?language= and ?hashtags= asked, or abort.

    ?language= is a listener's own choice of the article's language, kept in their browser:
    it changes what they hear and nothing for anyone else.
    """
    rate = request.args.get("rate")
    try:
        rate = int(rate) if rate not in (None, "") else None
    except ValueError:
        abort(400, _("The speaking rate must be a whole number of words per minute."))
    hashtags = request.args.get("hashtags") or None
    if hashtags not in (None, "read", "skip"):
        abort(400, _("Hashtags are either read or skipped."))
    return {
        "rate": rate,
        "voice": request.args.get("voice") or None,
        "audio_format": request.args.get("format") or None,
        "language": request.args.get("language") or None,
        "read_hashtags": None if hashtags is None else hashtags == "read",
    }


def _playback(article_id: int, whole_plan: bool = False):
    """(article, its audio as asked): cached, or its render started or joined (its first
    sentences at once), or abort (404 for a missing article).

    A cached file found from a remembered plan comes with the article's row alone (an
    ArticleVersion: id, title, revision, language, region), unless `whole_plan`: the episode
    download needs the plan's headings.
    """
    if whole_plan:
        article = load_article_or_404(article_id, body_later=True)
        asked, rules = _asked(), lexicon()
    else:
        with db.connection() as connection:
            article = article_service.article_version(connection, article_id)
            if article is None:
                abort(404, _("This article does not exist."))
            asked, rules = _asked(), lexicon(connection)
        found = speech().remembered_playback(article, rules, **asked)
        if found is not None:
            return article, found
        article = load_article_or_404(article_id, body_later=True)
    try:
        if whole_plan:
            planned = speech().request(article, start_first=True, lexicon=rules, **asked)
            return article, speech().cached_or_render(*planned)
        return article, speech().playback(article, rules, **asked)
    except (EngineUnavailable, VoiceUnavailable, SpeechRequestError) as error:
        abort(*status_and_message(error))
    except JobsUnavailable:
        abort(503, jobs_unavailable_message())


def jobs_unavailable_message() -> str:
    """Why listening fails while the job queue (Redis) is away, in the reader's words."""
    return _(
        "Listening is unavailable right now: the speech service cannot be reached. "
        "Reading works as usual; please try again in a few minutes."
    )


@bp.get("/articles/<int:article_id>/audio")
def audio(article_id: int):
    download = bool(request.args.get("download"))
    article, playback = _playback(article_id, whole_plan=download)
    audio_format = playback.file.format
    name = present.download_name(article, audio_format.suffix)
    if playback.cached is not None and download:
        # A download is an episode: the same audio with chapters at the article's headings.
        return send_file(
            io.BytesIO(episode_bytes(playback.request, playback.cached)),
            mimetype=audio_format.mimetype,
            conditional=True,
            etag=f"{playback.request.key}-episode",
            last_modified=playback.cached.path.stat().st_mtime,
            as_attachment=True,
            download_name=name,
            max_age=3600,
        )
    if playback.cached is not None:
        return send_file(
            playback.cached.path,
            mimetype=audio_format.mimetype,
            conditional=True,
            # The render's key, not the file's time: the cache touches a file it serves (to
            # keep it from pruning), which would change a time-based ETag on every request.
            etag=f"{playback.file.key}{audio_format.suffix}",
            as_attachment=download,
            download_name=name,
            max_age=3600,
        )
    if not playback.render.has_audio():
        abort(
            503, _("The speech engine could not read this article. Please try again in a moment.")
        )
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    if download:
        headers["Content-Disposition"] = present.attachment(article, audio_format.suffix)
    return Response(playback.render.stream(), mimetype=audio_format.mimetype, headers=headers)


@bp.get("/articles/<int:article_id>/audio/status")
def status(article_id: int):
    """Render progress and a page of the timing track from cue ?from= (0 by default); starts
    the render when it is not cached or running yet."""
    first = request.args.get("from", "0")
    if not first.isascii() or not first.isdigit() or len(first) > 9:
        abort(400, _("The first cue must be a whole number, 0 or more."))
    return jsonify(_playback(article_id)[1].status(int(first)))


# The track is streamed a cue at a time: a long article's would be a million words built whole.
@bp.get("/articles/<int:article_id>/audio/timings")
def timings(article_id: int):
    track = _playback(article_id)[1].track_json(article_id)
    return Response(track, mimetype="application/json")


@bp.get("/articles/<int:article_id>/audio/timings.vtt")
def timings_vtt(article_id: int):
    return Response(webvtt(_playback(article_id)[1].cues()), mimetype="text/vtt")


@bp.get("/articles/<int:article_id>/sentences/<int:block>/<int:index>/audio")
def sentence_audio(article_id: int, block: int, index: int):
    """One sentence's audio (?format=opus|mp3): what a report is about, to hear it again."""
    article = load_article_or_404(article_id)
    audio_format = request.args.get("format") or None
    try:
        sentence = speech().sentence_audio(
            article, block, index, audio_format=audio_format, lexicon=lexicon()
        )
    except (EngineUnavailable, VoiceUnavailable, SpeechRequestError) as error:
        abort(*status_and_message(error))
    except JobsUnavailable:
        abort(503, jobs_unavailable_message())
    except (SentenceFailed, TimeoutError):
        abort(503, _("The speech engine could not read this sentence. Please try again."))
    if sentence is None:
        abort(404, _("This sentence does not exist."))
    mimetype = get_format(audio_format or speech().audio_format()).mimetype
    response = Response(sentence.data, mimetype=mimetype)
    response.headers["Cache-Control"] = "public, max-age=3600"
    # The sentence's audio is content-addressed: its ETag changes exactly when the audio does.
    response.set_etag(sentence.key)
    return response.make_conditional(
        request, accept_ranges=True, complete_length=len(sentence.data)
    )


@bp.get("/voices")
def voices():
    """The voices that read ?language= here, the default first: for the reading settings."""
    lang = _language_asked()
    try:
        found = speech().voices_for(lang)
    except EngineUnavailable as error:
        abort(*status_and_message(error))
    return jsonify(
        language=lang,
        voices=[{"id": voice, "name": name} for voice, name in found],
        sample=url_for("listen.voice_sample", language=lang),
    )


@bp.get("/voices/sample")
def voice_sample():
    """A short sample of ?voice= reading ?language=: the language's own name, said by it."""
    lang = _language_asked()
    voice = request.args.get("voice") or None
    try:
        audio, mimetype = speech().preview(LANGUAGES[lang].native_name, lang, lexicon(), voice)
    except (EngineUnavailable, VoiceUnavailable, SpeechRequestError) as error:
        abort(*status_and_message(error))
    except (SentenceFailed, TimeoutError):
        abort(503, _("The speech engine could not read this sentence. Please try again."))
    response = Response(audio.data, mimetype=mimetype)
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def _language_asked() -> str:
    """?language=, else the reader's interface language; an unknown code is a clear 400."""
    lang = request.args.get("language") or str(get_locale())
    if lang not in LANGUAGES:
        abort(400, _("Unknown language."))
    return lang


@bp.get("/about/audio")
def about_audio():
    """More info: how the audio is made, with which engine and voice, and what was translated."""
    article_id = parse_id(request.args.get("article", ""))
    article = load_article_or_404(article_id) if article_id is not None else None
    locale = str(get_locale())
    service = speech()
    try:
        engine_version = service.engine_description(article.language if article else None)
        choice = service.choice_for(article.language, article.region) if article else None
        described = service.describe(choice) if choice is not None else None
    except EngineUnavailable:
        engine_version, described = None, None
    voice = voice_sentence(described, article.language) if described else None
    return render_template(
        "about_audio.html",
        article=article,
        engine_version=engine_version,
        voice=voice,
        licence=described.licence if described else None,
        voice_id=described.voice if described else None,
        language_name=present.language_name(article.language if article else None, locale),
        translated_from=present.language_name(
            article.machine_translated_from if article else None, locale
        ),
    )
