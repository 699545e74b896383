"""UI languages: Flask-Babel set up with a locale chosen from ?lang=, a cookie, or the browser."""

from flask import Flask, current_app, request
from flask_babel import Babel, get_locale

from reader.text.languages import LANGUAGES, SUPPORTED_CODES, is_rtl

LOCALE_COOKIE = "reader_lang"


def select_locale() -> str:
    """?lang= first, then the cookie, then Accept-Language, then the default setting."""
    for candidate in (request.args.get("lang"), request.cookies.get(LOCALE_COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    best = request.accept_languages.best_match(SUPPORTED_CODES)
    return best or current_app.config["DEFAULT_LOCALE"]


def _remember_chosen_locale(response):
    # A ?lang= choice sticks for the next pages through a cookie.
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(LOCALE_COOKIE) != chosen:
        response.set_cookie(LOCALE_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax")
    return response


def _template_globals() -> dict:
    code = str(get_locale())
    return {
        "ui_locale": code,
        "ui_dir": "rtl" if is_rtl(code) else "ltr",
        "ui_languages": LANGUAGES,
    }


def init_app(app: Flask) -> None:
    """Attach Flask-Babel with the locale selector and the translations folder."""
    Babel(app, locale_selector=select_locale, default_translation_directories="translations")
    app.after_request(_remember_chosen_locale)
    app.context_processor(_template_globals)
