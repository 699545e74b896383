"""Listening endpoints: the article's audio, its render status, its timing track, and More info."""

from flask import Blueprint, Response, abort, jsonify, render_template, request, send_file
from flask_babel import get_locale
from flask_babel import gettext as _

from reader.speech.engines import EngineUnavailable
from reader.speech.service import SpeechRequestError, VoiceUnavailable
from reader.views import present
from reader.views.loading import load_article_or_404
from reader.views.speaking import speech, status_and_message

bp = Blueprint("listen", __name__)


def _render_request(article):
    """Plan the article for the ?rate=, ?voice= and ?format= asked, or abort with a message.

    Every caller goes on to start or join the render, so its first sentences start at once.
    """
    rate = request.args.get("rate")
    try:
        rate = int(rate) if rate not in (None, "") else None
    except ValueError:
        abort(400, _("The speaking rate must be a whole number of words per minute."))
    voice = request.args.get("voice") or None
    audio_format = request.args.get("format") or None
    try:
        return speech().request(
            article, rate=rate, voice=voice, audio_format=audio_format, start_first=True
        )
    except (EngineUnavailable, VoiceUnavailable, SpeechRequestError) as error:
        abort(*status_and_message(error))


def _cached_or_render(article):
    """The article's finished audio when it is cached, else its render (started or joined)."""
    render_request, jobs = _render_request(article)
    cached = speech().cached(render_request)
    if cached is not None:
        return render_request, cached, None
    return render_request, None, speech().render(render_request, jobs)


@bp.get("/articles/<int:article_id>/audio")
def audio(article_id: int):
    article = load_article_or_404(article_id, body_later=True)
    render_request, cached, render = _cached_or_render(article)
    audio_format = render_request.format
    download = bool(request.args.get("download"))
    name = f"reader-article-{article.id}{audio_format.suffix}"
    if cached is not None:
        return send_file(
            cached.path,
            mimetype=audio_format.mimetype,
            conditional=True,
            as_attachment=download,
            download_name=name,
            max_age=3600,
        )
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    if download:
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return Response(render.stream(), mimetype=audio_format.mimetype, headers=headers)


@bp.get("/articles/<int:article_id>/audio/status")
def status(article_id: int):
    """Render progress; starts the render when it is not cached or running yet."""
    article = load_article_or_404(article_id, body_later=True)
    render_request, cached, render = _cached_or_render(article)
    if cached is not None:
        total = len(render_request.keys)
        return jsonify(
            total=total, done=total, failed=[], complete=True, cached=True, timings=cached.timings
        )
    return jsonify(**render.status(), cached=False)


@bp.get("/articles/<int:article_id>/audio/timings")
def timings(article_id: int):
    article = load_article_or_404(article_id, body_later=True)
    return jsonify(article_id=article.id, sentences=_timings(article))


@bp.get("/articles/<int:article_id>/audio/timings.vtt")
def timings_vtt(article_id: int):
    article = load_article_or_404(article_id, body_later=True)
    lines = ["WEBVTT", ""]
    for cue in _timings(article):
        if cue["failed"]:
            continue
        lines += [str(cue["index"]), f"{_vtt_time(cue['start'])} --> {_vtt_time(cue['end'])}"]
        lines += [cue["text"], ""]
    return Response("\n".join(lines), mimetype="text/vtt")


def _timings(article) -> list[dict]:
    _, cached, render = _cached_or_render(article)
    return cached.timings if cached is not None else render.timings()


def _vtt_time(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    hours, minutes = divmod(int(minutes), 60)
    return f"{hours:02d}:{minutes:02d}:{secs:06.3f}"


@bp.get("/about/audio")
def about_audio():
    """More info: how the audio is made, with which engine and voice, and what was translated."""
    article = None
    if request.args.get("article", "").isdigit():
        article = load_article_or_404(int(request.args["article"]))
    locale = str(get_locale())
    service = speech()
    try:
        engine_version = service.engine().version()
        voice = service.voice_for(article.language) if article else None
        voice = f"{service.voice_name(voice)} ({voice})" if voice else None
    except EngineUnavailable:
        engine_version, voice = None, None
    return render_template(
        "about_audio.html",
        article=article,
        engine_version=engine_version,
        voice=voice,
        language_name=present.language_name(article.language if article else None, locale),
        translated_from=present.language_name(
            article.machine_translated_from if article else None, locale
        ),
    )
