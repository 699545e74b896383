"""The JSON API under /api/v1: articles, language override, import, feedback, lexicon, OpenAPI."""

from flask import Blueprint, abort, jsonify, request, url_for
from flask_babel import gettext as _

from reader.db import get_session
from reader.errors import error_response
from reader.feedback import service as feedback_service
from reader.library import articles as article_service
from reader.library import importer
from reader.library.published_range import BadDateRange
from reader.library.search.query import SearchQueryError, search
from reader.text.languages import LANGUAGES
from reader.views import api_lexicon, present
from reader.views.access import api_editor_required
from reader.views.feedback.forms import error_text
from reader.views.feedback.guard import report_limit, too_large
from reader.views.import_errors import IMPORT_FAILURES, import_error
from reader.views.import_source import store_from_url, store_imported
from reader.views.openapi import openapi_document
from reader.views.published_filter import bad_range_message, requested_range
from reader.views.speaking import render_on_import, voice_for

bp = Blueprint("api", __name__, url_prefix="/api/v1")
api_lexicon.register(bp)


@bp.get("/articles")
def list_articles():
    """Articles newest first; with ?q=, those matching the words, best first, with the passage;
    ?language= and the days ?since= and ?until= narrow either, as on the HTML list."""
    language = request.args.get("language")
    if language == "":  # the schema's enum has no empty code: leave it out for every language
        return error_response(400, _("Unknown language filter."), language=language)
    try:
        article_service.check_language(language)
    except article_service.UnknownLanguage:
        return error_response(400, _("Unknown language filter."), language=language)
    try:
        published = requested_range()
    except BadDateRange as error:  # the HTML list's words, and the parser's reason
        return error_response(400, bad_range_message(), reason=str(error))
    query = (request.args.get("q") or "").strip()
    if query:  # an empty ?q= lists every article, as no ?q= does
        try:
            hits = search(get_session(), query, language, published=published)
        except SearchQueryError as error:
            return error_response(400, str(error))
        return jsonify(articles=[_with_links(present.search_hit_json(hit)) for hit in hits])
    rows = article_service.list_articles(get_session(), language, published=published)
    return jsonify(articles=[_with_links(present.article_json(a)) for a in rows])


@bp.get("/articles/<int:article_id>")
def get_article(article_id: int):
    article = _article_or_404(get_session(), article_id)
    body = _with_links(present.article_json(article))
    body["blocks"] = [
        {"kind": b.kind, "text": b.text, "language": b.lang, "confidence": b.lang_confidence}
        for b in article.blocks
    ]
    return jsonify(body)


@bp.route("/articles/<int:article_id>/language", methods=["PUT", "POST"])
@api_editor_required
def set_language(article_id: int):
    session = get_session()
    article = _article_or_404(session, article_id)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or "language" not in data:
        return error_response(
            400, _('Send JSON {"language": "<ISO 639-1 code>"} or {"language": null}.')
        )
    code = data["language"]
    if code is not None and not isinstance(code, str):
        return error_response(422, _("Unknown language."), supported=list(LANGUAGES))
    try:
        article_service.override_language(session, article, code)
    except article_service.UnknownLanguage as error:
        return error_response(
            422, _("Unknown language."), reason=str(error), supported=list(LANGUAGES)
        )
    return jsonify(_with_links(present.article_json(article)))


@bp.patch("/articles/<int:article_id>/blocks/<int:position>")
@api_editor_required
def edit_block(article_id: int, position: int):
    """Correct one block's text; only its sentences are rendered again."""
    session = get_session()
    article = _article_or_404(session, article_id)
    data = request.get_json(silent=True)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return error_response(400, _('Send JSON {"text": "..."}.'))
    try:
        article_service.edit_block(session, article, position, data["text"])
    except article_service.ArticleError as error:
        return error_response(422, _("The block was not changed."), reason=str(error))
    return jsonify(_with_links(present.article_json(article)))


@bp.post("/articles")
@api_editor_required
def import_article():
    """Import from JSON {"text"} / {"html", "url"} / {"url"}, or a multipart "file" upload."""
    try:
        article, created = _store_from_request()
    except IMPORT_FAILURES as error:
        # The message in the request's language; the reason in the service's own words.
        return error_response(*import_error(error), reason=str(error))
    render_on_import(article)
    return jsonify(_with_links(present.article_json(article))), 201 if created else 200


def _store_from_request():
    upload = request.files.get("file")
    if upload is not None:
        data = upload.read()
        upload.close()  # a large upload is spooled to a temporary file: closed at once
        return store_imported(importer.draft_from_bytes, data, upload.mimetype, upload.filename)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise importer.UnsupportedType("send JSON with text, html or url, or a file upload")
    if isinstance(data.get("text"), str):
        return store_imported(importer.draft_from_text, data["text"])
    if isinstance(data.get("html"), str):
        url = data.get("url") if isinstance(data.get("url"), str) else None
        return store_imported(importer.draft_from_html, data["html"], url)
    if isinstance(data.get("url"), str):
        return store_from_url(data["url"])
    raise importer.NothingToImport("send text, html or url")


@bp.post("/feedback")
def post_feedback():
    refused = too_large()
    if refused:
        return refused
    with report_limit():
        data = request.get_json(silent=True)
        if not isinstance(data, dict):
            return error_response(400, _("Send a JSON object."))
        if feedback_service.caught_by_honeypot(data):
            return jsonify(stored=True), 201  # as if accepted: a bot learns nothing
        session = get_session()
        clean, problems = feedback_service.validate(session, data, voice_for)
        if problems:
            # The same words, in the request's language, as the forms give.
            fields = {p.field: error_text(p.code, p.field) for p in problems}
            return error_response(422, _("The feedback was not stored."), fields=fields)
        locale = data.get("locale") if isinstance(data.get("locale"), str) else None
        row = feedback_service.store(session, clean, (locale or "")[:8] or None)
    return jsonify(id=row.id, stored=True), 201


@bp.get("/openapi.json")
def openapi():
    return jsonify(openapi_document())


def _with_links(body: dict) -> dict:
    article_id = body["id"]
    # Say plainly when no installed voice speaks the article's language.
    body["voice"] = voice_for(body["language"])
    body["links"] = {
        "page": url_for("articles.read", article_id=article_id),
        "audio": url_for("listen.audio", article_id=article_id),
        "timings": url_for("listen.timings", article_id=article_id),
    }
    return body


def _article_or_404(session, article_id: int):
    """The stored article, or a JSON 404 (the API's errors are JSON: see reader/errors.py)."""
    found = article_service.get_article(session, article_id)
    if found is None:
        abort(404, _("This article does not exist."))
    return found
