"""Pages as every anonymous reader gets them, kept rendered: reading pages per article
revision, list pages per state of the library (and for a few seconds)."""

import threading
import time
from collections.abc import Callable, Hashable
from datetime import UTC, datetime
from functools import lru_cache

from flask import Flask, current_app, request, session
from flask_login import current_user

from reader.memo import Memo
from reader.speech.engines.base import EngineUnavailable
from reader.text.date_format import format_relative

EXTENSION = "reader.page_cache"
LIST_EXTENSION = "reader.list_page_cache"
# List pages kept apart from reading pages: a few list views, renewed every few seconds,
# would otherwise push the reading pages out.
LIST_PAGES = 32


class PageCache(Memo):
    """The most recently used rendered pages (encoded), at most `size` of them; thread-safe.

    A page missing from it is rendered by one thread while the others asking for it wait for
    that page: when a list's time step ended, all 64 readers of a load test rendered the same
    list at once, and the seconds that took made gunicorn drop waiting connections.
    """

    RENDER_LOCKS = 64

    def __init__(self, size: int):
        super().__init__(size)
        # Striped: a few unrelated pages may wait on one another, and the locks stay bounded.
        self._render_locks = [threading.Lock() for _ in range(self.RENDER_LOCKS)]

    def render_lock(self, key: Hashable) -> threading.Lock:
        return self._render_locks[hash(key) % self.RENDER_LOCKS]


def init_app(app: Flask) -> None:
    app.extensions[EXTENSION] = PageCache(app.config["PAGE_CACHE_PAGES"])
    app.extensions[LIST_EXTENSION] = PageCache(min(LIST_PAGES, app.config["PAGE_CACHE_PAGES"]))


def pages() -> PageCache:
    return current_app.extensions[EXTENSION]


def list_pages() -> PageCache:
    return current_app.extensions[LIST_EXTENSION]


def for_anyone(with_query: bool = False) -> bool:
    """Whether this request gets the page any anonymous reader gets: not signed in (an
    editor's page has forms with their CSRF token), nothing flashed, no query string
    (unless `with_query`: then the caller keys the page by it)."""
    return (
        pages().size > 0
        and (with_query or not request.query_string)
        and "_flashes" not in session
        and not current_user.is_authenticated
    )


def reading_page_key(article_id: int, state, locale: str, chosen: str | None, speech) -> tuple:
    """All an anonymous reader's reading page depends on: the article's (revision, language,
    publication time) `state`, the UI language (and whether the reader chose it, which the
    page shows), the words of its relative date, and the voices the `speech` service lists
    (their menu and problems are a function of these, worked out in the reader's language)."""
    revision, language, published_utc = state
    try:
        speech.engine()
        voices = speech.voices_version()
    except EngineUnavailable:  # the page says so; it changes when espeak-ng is installed
        voices = None
    return (
        article_id,
        revision,
        locale,
        chosen,
        relative_time(published_utc, locale),
        language,
        voices,
    )


# An anonymous list page is rendered again at least this often: what the library's state does
# not tell (an audio length once its render ends, a lexicon change, "3 days ago") shows after
# at most this long. Imports, edits and removals show at once.
LIST_PAGE_SECONDS = 5


def list_page_key(query_string: bytes, state, locale: str, chosen: str | None) -> tuple:
    """All an anonymous reader's list page depends on: its query string (filters, page, and
    the language switcher's links keep every argument), the library's `state` (one small
    query), the UI language, and the time, in steps."""
    return (
        query_string,
        locale,
        chosen,
        tuple(state),
        int(time.monotonic() // LIST_PAGE_SECONDS),
    )


def relative_time(published_utc: datetime | None, locale: str) -> str | None:
    """ "3 days ago" as the page says it now: part of a cached page's key, so that the page
    is rendered again when the words change, not only when the article does."""
    if published_utc is None:
        return None
    return _relative_time(published_utc, locale, int(time.time() // RELATIVE_TIME_STEP_SECONDS))


# The words are worked out once per article and language in each step of a few seconds (they
# cost a sixth of serving a cached page): a cached page's words lag the clock by one step.
RELATIVE_TIME_STEP_SECONDS = 5


@lru_cache(maxsize=1024)
def _relative_time(published_utc: datetime, locale: str, step: int) -> str:
    now = datetime.fromtimestamp(step * RELATIVE_TIME_STEP_SECONDS, UTC)
    return format_relative(published_utc.replace(tzinfo=UTC), locale, now)


def cached(
    key: Hashable, render: Callable[[], tuple[Hashable, str]], store: PageCache | None = None
):
    """The page cached under `key` (in `store`, by default the reading pages), else render()
    → (the key it belongs under, the page), stored there; as a response."""
    store = pages() if store is None else store
    page = store.get(key)
    if page is None:
        with store.render_lock(key):
            page = store.get(key)  # rendered meanwhile by the thread this one waited for
            if page is None:
                stored_key, text = render()
                page = text.encode("utf-8")
                store.put(stored_key, page)
    return current_app.response_class(page, mimetype="text/html")
