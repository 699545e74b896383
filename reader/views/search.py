"""The search page: articles whose title or text has the words asked, with the passage found."""

from flask import Blueprint, abort, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _

from reader.db import get_session
from reader.library.search.query import MAX_QUERY_LENGTH, SearchQueryError, search
from reader.views import present
from reader.views.loading import language_filter_or_400
from reader.views.queueing import queue_item

bp = Blueprint("search", __name__)


@bp.get("/search")
def results():
    query = request.args.get("q", "").strip()
    language = language_filter_or_400()
    try:
        hits = search(get_session(), query, language)
    except SearchQueryError:
        abort(400, _("Search for at most %(count)d characters.", count=MAX_QUERY_LENGTH))
    locale = str(get_locale())
    items = [
        {
            "hit": hit,
            "title": present.marked_html(hit.title),
            "passage": present.marked_html(hit.passage),
            "published": present.publication(hit.article, locale),
            "language_name": present.language_name(hit.article.language, locale),
            "dir": present.text_direction(hit.article.language),
            "queue_item": queue_item(hit.article),
        }
        for hit in hits
    ]
    # What "Listen to results" hands the player's queue: each article, in this order.
    queue = [queue_item(hit.article) for hit in hits]
    return render_template(
        "search.html", query=query, items=items, queue=queue, max_length=MAX_QUERY_LENGTH
    )
