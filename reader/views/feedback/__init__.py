"""The feedback form and its thank-you page."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from reader.db import get_session
from reader.feedback import service
from reader.library.articles import get_article
from reader.views.feedback.forms import FeedbackForm, error_text

bp = Blueprint("feedback", __name__)


@bp.route("/feedback", methods=["GET", "POST"])
def form():
    session = get_session()
    feedback_form = FeedbackForm()
    if request.method == "GET":
        article_id = request.args.get("article", "")
        feedback_form.article_id.data = article_id if article_id.isdigit() else ""
        return _render(feedback_form, {})
    if not feedback_form.validate():  # only the CSRF token can fail here
        errors = {"csrf_token": [_("Your session has expired. Please send the form again.")]}
        return _render(feedback_form, errors), 400
    clean, problems = service.validate(session, request.form)
    if problems:
        errors = {problem.field: [error_text(problem.code, problem.field)] for problem in problems}
        return _render(feedback_form, errors), 422
    row = service.store(session, clean, str(get_locale()))
    return redirect(url_for("feedback.thanks", id=row.id, article=clean.article_id or ""))


@bp.get("/feedback/thanks")
def thanks():
    article_id = request.args.get("article", "")
    article = get_article(get_session(), int(article_id)) if article_id.isdigit() else None
    return render_template("feedback_thanks.html", article=article)


def _render(feedback_form: FeedbackForm, errors: dict):
    article_id = feedback_form.article_id.data or ""
    article = get_article(get_session(), int(article_id)) if str(article_id).isdigit() else None
    return render_template("feedback.html", form=feedback_form, errors=errors, article=article)
