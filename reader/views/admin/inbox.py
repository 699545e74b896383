"""The desk's inbox of listeners' reports: filters, counts, status changes, history, export."""

from flask import Response, abort, current_app, flash, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from reader.db import get_session
from reader.feedback import inbox as inbox_service
from reader.feedback.export import to_csv, to_json
from reader.feedback.service import CATEGORIES
from reader.feedback.words import mark_word
from reader.models import Article, Feedback
from reader.views import present
from reader.views.access import editor_required, safe_next
from reader.views.admin import bp
from reader.views.admin.forms import StatusForm
from reader.views.feedback.forms import ALL_LABELS

STATUS_LABELS = {
    "new": _l("New"),
    "in_progress": _l("In progress"),
    "fixed": _l("Fixed"),
    "dismissed": _l("Dismissed"),
}
PAGE_SIZE = 300
LEXICON_ENDPOINT = "admin.lexicon_new"  # the lexicon engineer's page, when it exists


def _filters() -> inbox_service.Filters:
    """The filters in the query; an unknown value filters nothing."""
    args = request.args
    article = args.get("article", "")
    category = args.get("category") if args.get("category") in CATEGORIES else None
    status = args.get("status") if args.get("status") in inbox_service.STATUSES else None
    language = args.get("language", "").strip()[:8] or None
    return inbox_service.Filters(
        article_id=int(article) if article.isascii() and article.isdigit() else None,
        language=language,
        category=category,
        status=status,
    )


@bp.get("/feedback")
@editor_required
def inbox():
    session = get_session()
    filters = _filters()
    reports = inbox_service.list_reports(session, filters, limit=PAGE_SIZE)
    article_ids = {report.article_id for report in reports if report.article_id}
    if filters.article_id:
        article_ids.add(filters.article_id)
    articles = {a.id: a for a in session.query(Article).filter(Article.id.in_(article_ids))}
    return render_template(
        "admin/inbox.html",
        reports=reports,
        filters=filters,
        counts=inbox_service.counts(session, filters),
        languages=inbox_service.languages(session),
        articles=articles,
        status_labels=STATUS_LABELS,
        category_labels=ALL_LABELS,
        categories=CATEGORIES,
        status_form=StatusForm(),
        mark_word=mark_word,
        present=present,
        lexicon=LEXICON_ENDPOINT in current_app.view_functions,
        lexicon_endpoint=LEXICON_ENDPOINT,
        back=request.full_path,
    )


@bp.get("/feedback/export.<kind>")
@editor_required
def inbox_export(kind: str):
    """The filtered reports, all of them, as a CSV or JSON download."""
    if kind not in ("csv", "json"):
        abort(404)
    reports = inbox_service.list_reports(get_session(), _filters())
    if kind == "csv":
        body, mimetype = to_csv(reports), "text/csv; charset=utf-8"
    else:
        body, mimetype = to_json(reports), "application/json"
    headers = {"Content-Disposition": f'attachment; filename="reader-feedback.{kind}"'}
    return Response(body, mimetype=mimetype, headers=headers)


@bp.post("/feedback/<int:feedback_id>/status")
@editor_required
def inbox_status(feedback_id: int):
    session = get_session()
    report = session.get(Feedback, feedback_id)
    if report is None:
        abort(404, _("This report does not exist."))
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400, _("The form has expired. Please try again."))
    status = request.form.get("status", "")
    if status not in inbox_service.STATUSES:
        abort(422, _("Unknown status."))
    inbox_service.set_status(session, report, status, current_user.id)
    flash(_("Report %(id)s is now: %(status)s.", id=report.id, status=STATUS_LABELS[status]))
    return redirect(safe_next(request.form.get("back")) + f"#report-{report.id}")
