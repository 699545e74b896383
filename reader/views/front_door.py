"""Anonymous readers' pages answered from the page cache before Flask's request cycle.

A reading page every anonymous reader gets is rendered once per article revision and kept
(reader.views.page_cache), and so is the list; serving them from there through Flask still
cost four times what the page itself did: the request context, the session, sign-in, CSRF,
Babel and eight hooks, for bytes already made. Here a GET of /articles/<id> or of / with no
query string and no cookie but the UI language's is answered in front of all that, after the
same one-query check of the article's revision (or the library's state), with the same
headers, log line and metrics; anything else, a page not cached yet included, goes on to
Flask, which renders the page and caches it for the next reader.
"""

import re
import time

from sqlalchemy.exc import SQLAlchemyError
from werkzeug.http import parse_cookie

from reader import logs
from reader.db_file import DatabaseFileChanged
from reader.i18n import LOCALE_COOKIE, cookie_locale, locale_for
from reader.ids import MAX_ID
from reader.library import articles as article_service
from reader.views import page_cache
from reader.views.request_log import REQUEST_ID_HEADER, answered
from reader.views.security_headers import SECURITY_HEADERS

# As werkzeug's `int` converter reads the route's id, leading zeros aside (Flask takes those).
ARTICLE_PATH = re.compile(r"/articles/([1-9][0-9]{0,18})", re.ASCII)
READING_ROUTE, LIST_ROUTE = "/articles/<int:article_id>", "/"
# What Flask says of such a page: its language follows the browser's (i18n), and the session
# was looked at to know it is anonymous (Flask's sessions).
VARY = "Accept-Language, Cookie"


class FrontDoor:
    """WSGI middleware around the app's own: cached anonymous reading pages, else the app."""

    def __init__(self, app, inner):
        self.inner = inner
        self.pages = app.extensions[page_cache.EXTENSION]
        self.list_pages = app.extensions[page_cache.LIST_EXTENSION]
        self.engine = app.extensions["reader.engine"]
        self.speech = app.extensions["reader.speech"]
        self.default_locale = app.config["DEFAULT_LOCALE"]

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        route = self._anonymous_route(environ)
        page = self._cached_page(environ, route) if route is not None else None
        if page is None:
            return self.inner(environ, start_response)
        request_id = logs.request_id_from(environ.get("HTTP_X_REQUEST_ID"))
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(page))),
                *SECURITY_HEADERS.items(),
                (REQUEST_ID_HEADER, request_id),
                ("Vary", VARY),
            ],
        )
        token = logs.REQUEST_ID.set(request_id)
        try:
            answered("GET", environ["PATH_INFO"], route, 200, time.perf_counter() - started)
        finally:
            logs.REQUEST_ID.reset(token)
        return [page]

    def _anonymous_route(self, environ) -> str | None:
        """The route of a page this door may answer, else None."""
        if environ["REQUEST_METHOD"] != "GET" or environ.get("QUERY_STRING"):
            return None
        if self.pages.size == 0:  # the page cache is off
            return None
        path = environ.get("PATH_INFO", "")
        if path == LIST_ROUTE:
            return LIST_ROUTE
        return READING_ROUTE if ARTICLE_PATH.fullmatch(path) is not None else None

    def _cached_page(self, environ, route: str) -> bytes | None:
        """The page cached for this reader, still current, or None (Flask answers)."""
        cookie = None
        if environ.get("HTTP_COOKIE"):
            cookies = parse_cookie(environ)
            # A session or sign-in cookie may be a signed-in editor's, or carry a flashed
            # message: Flask decides. Only the UI language's cookie is known to be harmless.
            if any(name != LOCALE_COOKIE for name in cookies):
                return None
            cookie = cookies.get(LOCALE_COOKIE)
        locale = locale_for(
            None, cookie, environ.get("HTTP_ACCEPT_LANGUAGE", ""), self.default_locale
        )
        chosen = cookie_locale(cookie)
        try:
            if route == LIST_ROUTE:
                return self._list_page(locale, chosen)
            article_id = int(ARTICLE_PATH.fullmatch(environ["PATH_INFO"]).group(1))
            return self._reading_page(article_id, locale, chosen)
        except (SQLAlchemyError, DatabaseFileChanged):  # Flask answers with its error page
            return None

    def _reading_page(self, article_id: int, locale: str, chosen: str | None) -> bytes | None:
        if article_id > MAX_ID:
            return None
        with self.engine.connect() as connection:
            state = article_service.page_state(connection, article_id)
        if state is None:  # a 404, in the reader's language: Flask's to say
            return None
        return self.pages.get(
            page_cache.reading_page_key(article_id, state, locale, chosen, self.speech)
        )

    def _list_page(self, locale: str, chosen: str | None) -> bytes | None:
        with self.engine.connect() as connection:
            state = article_service.library_state(connection)
        return self.list_pages.get(page_cache.list_page_key(b"", state, locale, chosen))


def init_app(app) -> None:
    """Put the front door before the app's request cycle; call once the page cache is set up."""
    app.wsgi_app = FrontDoor(app, app.wsgi_app)
