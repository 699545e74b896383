"""The import page: add an article from a web address or a file."""

from flask import Blueprint, redirect, render_template, request, url_for

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
        return render_template("import.html", error=None)
    try:
        article, _created = _store()
    except IMPORT_FAILURES as error:
        status, message = import_error(error, localized=True)
        # A bad seed header's reason names the key and value, as the seed format spells them.
        detail = str(error) if isinstance(error, importer.BadSeedFile) else None
        return _error(message, status, detail)
    render_on_import(article)
    return redirect(url_for("articles.read", article_id=article.id))


def _store():
    upload = request.files.get("file")
    if upload is not None and upload.filename:
        data = upload.read()
        upload.close()  # a large upload is spooled to a temporary file: closed at once
        return store_imported(importer.draft_from_bytes, data, upload.mimetype, upload.filename)
    url = (request.form.get("url") or "").strip()
    if url:
        return store_from_url(url)
    raise importer.ImportFailed("nothing to import")


def _error(message: str, status: int, detail: str | None = None):
    return render_template("import.html", error=message, detail=detail), status
