"""Loading what a page or endpoint is about, or answering 404: shared by the blueprints."""

from flask import abort, request
from flask_babel import gettext as _

from reader.db import get_session
from reader.library import articles as article_service


def load_article_or_404(article_id: int, body_later: bool = False):
    """The article with its blocks and sentences (or, body_later, them on first read), or 404."""
    load = article_service.get_article_body_later if body_later else article_service.get_article
    article = load(get_session(), article_id)
    if article is None:
        abort(404, _("This article does not exist."))
    return article


def language_filter_or_400() -> str | None:
    """The page's ?language= filter: a supported code, None (absent or empty) for all, or 400."""
    language = request.args.get("language") or None
    try:
        article_service.check_language(language)
    except article_service.UnknownLanguage:
        abort(400, _("Unknown language filter."))
    return language
