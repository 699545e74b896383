"""The feedback form, the report-this-sentence form, their thank-you page, report statuses."""

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from reader.db import get_session
from reader.errors import session_expired
from reader.feedback import service
from reader.feedback.sentences import find_sentence
from reader.feedback.service import HONEYPOT_FIELD, MESSAGE_MAX_LENGTH
from reader.ids import parse_id
from reader.library.articles import get_article
from reader.views import present
from reader.views.feedback.forms import (
    REPORT_LABELS,
    FeedbackForm,
    ReportForm,
    errors_by_field,
)
from reader.views.feedback.guard import report_limit, too_large
from reader.views.loading import load_article_or_404
from reader.views.speaking import voice_for

bp = Blueprint("feedback", __name__)

MAX_STATUS_IDS = 100


@bp.route("/feedback", methods=["GET", "POST"])
def form():
    session = get_session()
    if request.method == "GET":
        feedback_form = FeedbackForm()
        article_id = parse_id(request.args.get("article", ""))
        feedback_form.article_id.data = str(article_id) if article_id is not None else ""
        return _render(feedback_form, {})
    refused = too_large()
    if refused:
        return refused
    with report_limit():
        feedback_form = FeedbackForm()
        if not feedback_form.validate():  # only the CSRF token can fail here
            errors = {"csrf_token": [session_expired()]}
            return _render(feedback_form, errors), 400
        if service.caught_by_honeypot(request.form):
            return redirect(url_for("feedback.thanks"))
        clean, problems = service.validate(session, request.form, voice_for)
        if problems:
            return _render(feedback_form, errors_by_field(problems)), 422
        row = service.store(session, clean, str(get_locale()))
    return redirect(url_for("feedback.thanks", id=row.id, article=clean.article_id or ""))


@bp.errorhandler(CSRFError)
def expired_session(_error):
    """A form sent after its session expired: say so in the reader's words, refilled as sent."""
    errors = {"csrf_token": [session_expired()]}
    if request.endpoint == "feedback.send_report":
        return _render_report(request.form.to_dict(), errors, 400)
    return _render(FeedbackForm(), errors), 400


@bp.get("/feedback/report")
def report():
    """The report form for one sentence, filled from the query: a plain link opens it."""
    values = request.args.to_dict()
    values["article_id"] = values.pop("article", "")
    values["block_position"] = values.pop("block", "")
    values["sentence_index"] = values.pop("sentence", "")
    values["audio_position"] = values.pop("position", "")
    return _render_report(values, {})


@bp.post("/feedback/report")
def send_report():
    refused = too_large()
    if refused:
        return refused
    with report_limit():
        values = request.form.to_dict()
        if not ReportForm().validate():
            errors = {"csrf_token": [session_expired()]}
            return _render_report(values, errors, 400)
        if service.caught_by_honeypot(request.form):
            return redirect(url_for("feedback.thanks", article=values.get("article_id", "")))
        session = get_session()
        clean, problems = service.validate(session, request.form, voice_for)
        if problems:
            return _render_report(values, errors_by_field(problems), 422)
        row = service.store(session, clean, str(get_locale()))
    return redirect(
        url_for(
            "feedback.thanks",
            id=row.id,
            article=row.article_id,
            block=row.block_position,
            sentence=row.sentence_index,
            category=row.category,
        )
    )


@bp.get("/feedback/thanks")
def thanks():
    article_id = parse_id(request.args.get("article", ""))
    article = get_article(get_session(), article_id) if article_id is not None else None
    # Only what the redirect put in the query: the browser keeps it to ask for the status.
    sent = {
        name: request.args.get(name, "")
        for name in ("id", "block", "sentence", "category")
        if request.args.get(name, "").isascii()
    }
    return render_template("feedback_thanks.html", article=article, sent=sent)


@bp.get("/feedback/status")
def status():
    """The status of the reports this browser sent: ?ids=1,2 gives statuses, never their text."""
    ids = []
    for part in request.args.get("ids", "").split(",")[:MAX_STATUS_IDS]:
        part = part.strip()
        if part.isascii() and part.isdigit():
            ids.append(int(part))
    statuses = service.statuses(get_session(), ids)
    return jsonify(statuses={str(key): value for key, value in statuses.items()})


def _render(feedback_form: FeedbackForm, errors: dict):
    article_id = parse_id(feedback_form.article_id.data or "")
    article = get_article(get_session(), article_id) if article_id is not None else None
    return render_template(
        "feedback.html",
        form=feedback_form,
        errors=errors,
        article=article,
        honeypot=HONEYPOT_FIELD,
        message_max=MESSAGE_MAX_LENGTH,
    )


def _render_report(values: dict, errors: dict, status: int = 200):
    """The form about the sentence the values name; 404 when there is no such sentence."""
    article_id, block, index = (
        parse_id(values.get(name, ""))
        for name in ("article_id", "block_position", "sentence_index")
    )
    if None in (article_id, block, index):
        abort(404, _("This sentence does not exist."))
    article = load_article_or_404(article_id)
    sentence = find_sentence(get_session(), article.id, block, index)
    if sentence is None:
        abort(404, _("This sentence does not exist."))
    page = render_template(
        "feedback_report.html",
        form=ReportForm(),
        article=article,
        sentence=sentence,
        voice=voice_for(sentence.language),
        values=values,
        errors=errors,
        categories=REPORT_LABELS,
        honeypot=HONEYPOT_FIELD,
        message_max=MESSAGE_MAX_LENGTH,
        present_dir=present.text_direction(sentence.language),
    )
    return page, status
