"""UI languages: Flask-Babel set up with a locale chosen from ?lang=, a cookie, or the browser."""

from functools import lru_cache

from flask import Flask, current_app, request
from flask_babel import Babel, get_locale
from werkzeug.datastructures import LanguageAccept
from werkzeug.http import parse_accept_header

from reader.text.languages import LANGUAGES, SUPPORTED_CODES, is_rtl

LOCALE_COOKIE = "reader_lang"
# ?lang=auto undoes a reader's own choice: the browser's languages decide again.
BROWSER_CHOICE = "auto"


def select_locale() -> str:
    """?lang= first, then the cookie, then Accept-Language, then the default setting."""
    return locale_for(
        request.args.get("lang"),
        request.cookies.get(LOCALE_COOKIE),
        request.headers.get("Accept-Language", ""),
        current_app.config["DEFAULT_LOCALE"],
    )


def locale_for(asked: str | None, cookie: str | None, accept_language: str, default: str) -> str:
    """The UI language for ?lang= (`asked`), the reader's cookie and their browser's header."""
    candidates = (asked,) if asked == BROWSER_CHOICE else (asked, cookie)
    for candidate in candidates:
        if candidate in LANGUAGES:
            return candidate
    return browser_locale(accept_language) or default


@lru_cache(maxsize=512)
def browser_locale(accept_language: str) -> str | None:
    """The UI language an Accept-Language header asks for best, or None: remembered per
    header, since every page asks and browsers send a handful of distinct headers."""
    return parse_accept_header(accept_language, LanguageAccept).best_match(SUPPORTED_CODES)


def chosen_locale() -> str | None:
    """The UI language the reader chose for themselves (kept in a cookie), or None."""
    return cookie_locale(request.cookies.get(LOCALE_COOKIE))


def cookie_locale(cookie: str | None) -> str | None:
    """The UI language a reader's cookie names, or None when it names none we have."""
    return cookie if cookie in LANGUAGES else None


def _remember_chosen_locale(response):
    # A page's words follow the browser's languages: a shared cache must keep one per header.
    if response.mimetype == "text/html":
        response.vary.add("Accept-Language")
    # A ?lang= choice sticks for the next pages through a cookie; ?lang=auto forgets it.
    chosen = request.args.get("lang")
    if chosen == BROWSER_CHOICE and request.cookies.get(LOCALE_COOKIE):
        response.delete_cookie(LOCALE_COOKIE, samesite="Lax")
    elif chosen in LANGUAGES and request.cookies.get(LOCALE_COOKIE) != chosen:
        response.set_cookie(LOCALE_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def _template_globals() -> dict:
    code = str(get_locale())
    return {
        "ui_locale": code,
        "ui_dir": "rtl" if is_rtl(code) else "ltr",
        "ui_languages": LANGUAGES,
        # Chosen by this reader: this request's ?lang=, else the cookie (not the browser's).
        "ui_locale_chosen": _chosen_now(),
    }


def _chosen_now() -> str | None:
    asked = request.args.get("lang")
    if asked == BROWSER_CHOICE:
        return None
    return asked if asked in LANGUAGES else chosen_locale()


def init_app(app: Flask) -> None:
    """Attach Flask-Babel with the locale selector and the translations folder."""
    Babel(app, locale_selector=select_locale, default_translation_directories="translations")
    app.after_request(_remember_chosen_locale)
    app.context_processor(_template_globals)
