"""The import page: add an article from a web address or a file."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from reader.db import get_session
from reader.library import articles as article_service
from reader.library import importer
from reader.views.access import editor_required
from reader.views.import_errors import IMPORT_FAILURES, import_error
from reader.views.speaking import render_on_import

bp = Blueprint("imports", __name__)


@bp.route("/import", methods=["GET", "POST"])
@editor_required
def import_article():
    if request.method == "GET":
        return render_template("import.html", error=None)
    try:
        draft = _draft()
        article, _created = article_service.store_article(
            get_session(), draft, current_app.config["DEFAULT_TIMEZONE"]
        )
    except IMPORT_FAILURES as error:
        status, message = import_error(error, localized=True)
        # A bad seed header's reason names the key and value, as the seed format spells them.
        detail = str(error) if isinstance(error, importer.BadSeedFile) else None
        return _error(message, status, detail)
    render_on_import(article)
    return redirect(url_for("articles.read", article_id=article.id))


def _draft():
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        return importer.draft_from_bytes(upload.read(), upload.mimetype, upload.filename)
    url = (request.form.get("url") or "").strip()
    if url:
        return importer.draft_from_url(url, current_app.config["MAX_CONTENT_LENGTH"])
    raise importer.ImportFailed("nothing to import")


def _error(message: str, status: int, detail: str | None = None):
    return render_template("import.html", error=message, detail=detail), status
