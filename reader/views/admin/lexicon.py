"""The lexicon on the editor's desk: list and search, create, edit, delete."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from reader.db import get_session
from reader.lexicon import entries
from reader.models import Article, Feedback, LexiconEntry
from reader.text.languages import LANGUAGES
from reader.views.access import editor_required
from reader.views.admin import lexicon_files, lexicon_preview
from reader.views.admin.lexicon_forms import (
    MESSAGES,
    ButtonForm,
    EntryForm,
    ImportForm,
    form_data,
    language_choices,
)
from reader.views.admin.lexicon_pages import list_page

# Where the listeners' reports are listed, when that page is installed.
FEEDBACK_PATH = "/admin/feedback"


def register(bp) -> None:
    """Add the lexicon's pages to the desk's blueprint (endpoints admin.lexicon*)."""
    bp.add_url_rule("/lexicon", "lexicon", index)
    bp.add_url_rule("/lexicon/new", "lexicon_new", new, methods=["GET", "POST"])
    bp.add_url_rule("/lexicon/<int:entry_id>", "lexicon_edit", edit, methods=["GET", "POST"])
    bp.add_url_rule("/lexicon/<int:entry_id>/delete", "lexicon_delete", delete, methods=["POST"])
    lexicon_files.register(bp)
    lexicon_preview.register(bp)


@editor_required
def index():
    return list_page(ImportForm())


@editor_required
def new():
    form = _form()
    if request.method == "GET":
        _prefill(form)
        return _entry_page(form, None)
    try:
        entries.create(get_session(), _submitted(form), current_user)
    except entries.LexiconError as error:
        return _with_problems(form, None, error)
    flash(_("The entry is saved: sentences with this word are read with it from now on."))
    return _back(form.report.data)


@editor_required
def edit(entry_id: int):
    session = get_session()
    entry = _entry_or_404(entry_id)
    form = _form(obj=entry if request.method == "GET" else None)
    if request.method == "GET":
        return _entry_page(form, entry)
    try:
        entries.update(session, entry, _submitted(form), current_user)
    except entries.LexiconError as error:
        session.rollback()
        return _with_problems(form, entry, error)
    flash(_("The entry is saved: sentences with this word are read with it from now on."))
    return _back(form.report.data)


@editor_required
def delete(entry_id: int):
    entry = _entry_or_404(entry_id)
    if not ButtonForm().validate_on_submit():
        abort(400, _("The form has expired. Please try again."))
    entries.delete(get_session(), entry)
    flash(_("The entry is deleted."))
    return redirect(url_for("admin.lexicon"))


def _entry_or_404(entry_id: int) -> LexiconEntry:
    entry = entries.get(get_session(), entry_id)
    if entry is None:
        abort(404, _("This lexicon entry does not exist."))
    return entry


def _form(obj=None) -> EntryForm:
    form = EntryForm(obj=obj)
    form.language.choices = language_choices(LANGUAGES)
    return form


def _submitted(form: EntryForm) -> dict:
    if not form.validate_on_submit():
        abort(400, _("The form has expired. Please try again."))
    return form_data(form)


def _with_problems(form: EntryForm, entry, error: entries.LexiconError):
    add_problems(form, error.problems)
    return _entry_page(form, entry), 422


def add_problems(form: EntryForm, problems) -> None:
    """Each problem under its field, in the editor's words."""
    for problem in problems:
        field = getattr(form, problem.field, form.pattern)
        field.errors = [*field.errors, MESSAGES.get(problem.code, MESSAGES["invalid"])]


def _entry_page(form: EntryForm, entry):
    return render_template(
        "admin/lexicon_entry.html", form=form, entry=entry, delete_form=ButtonForm()
    )


def _prefill(form: EntryForm) -> None:
    """From a listener's report (?report=<id>), else ?word= and ?language=."""
    args = request.args
    session = get_session()
    report = args.get("report", "")
    row = session.get(Feedback, int(report)) if report.isdigit() else None
    language = getattr(row, "language", None) or args.get("language")
    if not language and row is not None and row.article_id is not None:
        article = session.get(Article, row.article_id)
        language = article.language if article is not None else None
    form.pattern.data = getattr(row, "word", None) or args.get("word", "")
    form.language.data = language if language in LANGUAGES else None
    form.report.data = str(row.id) if row is not None else ""


def _back(report: str | None):
    """To the listeners' reports when the entry came from one (and that page exists)."""
    if report:
        for rule in current_app.url_map.iter_rules():
            if rule.rule.rstrip("/") == FEEDBACK_PATH and "GET" in (rule.methods or ()):
                return redirect(url_for(rule.endpoint))
    return redirect(url_for("admin.lexicon"))
