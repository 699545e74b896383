"""The import page: add an article from a web address or a file."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from reader.db import get_session
from reader.library import articles as article_service
from reader.library import importer

bp = Blueprint("imports", __name__)


@bp.route("/import", methods=["GET", "POST"])
def import_article():
    if request.method == "GET":
        return render_template("import.html", error=None)
    try:
        draft = _draft()
        article, _created = article_service.store_article(
            get_session(), draft, current_app.config["DEFAULT_TIMEZONE"]
        )
    except importer.TooLarge:
        return _error(_("The file or page is too large."), 413)
    except importer.UnsupportedType:
        return _error(_("This type of file is not supported: use text, Markdown or HTML."), 415)
    except importer.BadSeedFile as error:
        # The reason names the header key and value, as the seed format spells them.
        return _error(_("No article could be read from this file or address."), 422, str(error))
    except (importer.ImportFailed, article_service.ArticleError):
        return _error(_("No article could be read from this file or address."), 422)
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
