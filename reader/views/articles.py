"""Article pages: the list with its language filter, the reading page, the language override."""

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _

from reader import db
from reader.db import get_session
from reader.i18n import chosen_locale
from reader.library import articles as article_service
from reader.library.published_range import BadDateRange
from reader.text.languages import LANGUAGES
from reader.views import page_cache, present
from reader.views.access import editor_required
from reader.views.loading import language_filter_or_400, load_article_or_404
from reader.views.published_filter import bad_range_message, requested_range
from reader.views.queueing import queue_item
from reader.views.speaking import lexicon, speech, voice_offer

bp = Blueprint("articles", __name__)

PER_PAGE = 20
# "Listen to all" queues the list as filtered, up to this many articles (hours of listening).
QUEUE_LIMIT = 200


@bp.get("/")
def index():
    if not page_cache.for_anyone(with_query=True):
        return _list_page()
    # The list every anonymous reader gets, keyed by all the page shows: its query string
    # (filters, page, and the language switcher's links keep every argument), the reader's
    # language, the library's state (one small query), and the time, in steps.
    with db.connection() as connection:
        state = article_service.library_state(connection)
    key = page_cache.list_page_key(request.query_string, state, str(get_locale()), chosen_locale())
    return page_cache.cached(key, lambda: (key, _list_page()), page_cache.list_pages())


def _list_page() -> str:
    session = get_session()
    language = language_filter_or_400()
    published = _published_range()
    page = _page_number()
    rows, total = article_service.list_page(session, language, page, PER_PAGE, published)
    pages = max(1, -(-total // PER_PAGE))
    if page > pages:
        abort(404, _("The list has no page %(page)s.", page=page))
    locale = str(get_locale())
    entries = lexicon() if rows else None
    items = [
        {
            "article": article,
            "published": present.publication(article, locale),
            "language_name": present.language_name(article.language, locale),
            "dir": present.text_direction(article.language),
            "teaser": present.teaser(article),
            "seconds": speech().rendered_seconds(article, entries),
            "queue_item": queue_item(article),
        }
        for article in rows
    ]
    queue = (
        [
            queue_item(article)
            for article in article_service.list_for_queue(session, language, published, QUEUE_LIMIT)
        ]
        if total
        else []
    )
    counts = article_service.language_counts(session)
    filters = present.sorted_by_name(
        (code, present.language_name(code, locale), n) for code, n in counts.items()
    )
    return render_template(
        "index.html",
        items=items,
        filters=filters,
        language=language,
        published=published,
        queue=queue,
        present=present,
        page=page,
        pages=pages,
        # Every link of the list keeps the other filters: language, days, page.
        list_url=lambda **changed: url_for("articles.index", **_list_args(published, changed)),
        page_url=lambda number: url_for(
            "articles.index",
            **_list_args(published, {"page": number if number > 1 else None}),
        ),
    )


def _list_args(published, changed: dict) -> dict:
    """The list's query arguments as they are, with those `changed` (None drops one)."""
    args = {
        "language": request.args.get("language") or None,
        "since": published.since.isoformat() if published.since else None,
        "until": published.until.isoformat() if published.until else None,
    }
    args.update(changed)
    return {key: value for key, value in args.items() if value is not None}


def _published_range():
    """?since= and ?until= (days, YYYY-MM-DD, in the server's time zone); else a clear 400."""
    try:
        return requested_range()
    except BadDateRange:
        abort(400, bad_range_message())


def _page_number() -> int:
    """?page=N, counted from 1; anything else is a clear 400."""
    raw = request.args.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1 or len(raw) > 6:
        abort(400, _("The page number must be a whole number from 1."))
    return int(raw)


@bp.get("/articles/<int:article_id>")
def read(article_id: int):
    if not page_cache.for_anyone():
        return _reading_page(load_article_or_404(article_id))
    # The page every anonymous reader gets, rendered once per article revision (one small
    # query checks it): the rendering costs thirty times what the check does.
    with db.connection() as connection:
        state = article_service.page_state(connection, article_id)
    if state is None:
        abort(404, _("This article does not exist."))

    def render():
        article = load_article_or_404(article_id)
        state = (article.revision, article.language, article.published_utc)
        return _page_key(article.id, state), _reading_page(article)

    return page_cache.cached(_page_key(article_id, state), render)


def _page_key(article_id: int, state) -> tuple:
    return page_cache.reading_page_key(
        article_id, state, str(get_locale()), chosen_locale(), speech()
    )


def _reading_page(article) -> str:
    locale = str(get_locale())
    problem, voices = voice_offer(article.language)
    return render_template(
        "article.html",
        article=article,
        published=present.publication(article, locale),
        language_name=present.language_name(article.language, locale),
        translated_from=present.language_name(article.machine_translated_from, locale),
        article_dir=present.text_direction(article.language),
        language_choices=_language_choices(locale),
        present=present,
        speech_problem=problem,
        voices=voices,
        queue_item=queue_item(article),
    )


@bp.post("/articles/<int:article_id>/language")
@editor_required
def override_language(article_id: int):
    article = load_article_or_404(article_id)
    code = request.form.get("language") or None
    try:
        article_service.override_language(get_session(), article, code)
    except article_service.UnknownLanguage:
        abort(422, _("Unknown language."))
    flash(
        _(
            "The article's language is now %(name)s.",
            name=present.language_name(article.language, str(get_locale())),
        )
    )
    return redirect(url_for("articles.read", article_id=article.id))


def _language_choices(locale: str) -> list[tuple[str, str]]:
    return present.sorted_by_name((code, present.language_name(code, locale)) for code in LANGUAGES)
