"""The import page: add an article from a web address, a file or a pasted text."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from reader.errors import handle_http_error, session_expired
from reader.library import importer
from reader.views.access import editor_required
from reader.views.import_errors import IMPORT_FAILURES, import_error
from reader.views.import_source import store_from_url, store_imported
from reader.views.speaking import render_on_import

bp = Blueprint("imports", __name__)


@bp.route("/import", methods=["GET", "POST"])
@editor_required
def import_article():
    if request.method == "GET":
        return _page()
    try:
        article, created = _store()
    except IMPORT_FAILURES as error:
        status, message = import_error(error)
        # A bad seed header's reason names the key and value, as the seed format spells them.
        detail = str(error) if isinstance(error, importer.BadSeedFile) else None
        return _page(error=message, detail=detail), status
    if not created:
        # Importing it again finds the stored copy: say so, rather than land there silently.
        return _page(existing=article)
    render_on_import(article)
    return redirect(url_for("articles.read", article_id=article.id))


@bp.errorhandler(CSRFError)
def expired_session(error):
    """Sent after the session expired: the form again, as typed, with a fresh token."""
    if not (current_user.is_authenticated and current_user.is_editor):
        return handle_http_error(error)  # the form is an editor's: no one else sees it
    return _page(error=session_expired()), 400


def _store():
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        data = upload.read()
        upload.close()  # a large upload is spooled to a temporary file: closed at once
        return store_imported(importer.draft_from_bytes, data, upload.mimetype, upload.filename)
    url = (request.form.get("url") or "").strip()
    if url:
        return store_from_url(url)
    text = request.form.get("text") or ""
    if text:
        return store_imported(importer.draft_from_text, text)
    raise importer.NothingToImport("nothing to import")


def _page(error: str | None = None, detail: str | None = None, existing=None):
    """The form, filled again with what was typed (a browser never refills a file input)."""
    return render_template(
        "import.html",
        error=error,
        detail=detail,
        existing=existing,
        url=request.form.get("url", ""),
        text=request.form.get("text", ""),
    )
