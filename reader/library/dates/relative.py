"""Relative date lines ("hier", "vor 3 Stunden", "yesterday, 10:15") resolved against a given now.

parse() never guesses these: their meaning depends on when the page was read. A caller that
knows that moment (the import time) asks parse_relative(), which reads an absolute date as
parse() does and otherwise lets dateparser resolve the phrase against now, keeping only an
answer in the past: a page cannot have been published "tomorrow".
"""

from __future__ import annotations

import warnings
from datetime import datetime

from .any_language import looks_like_prose
from .api import parse
from .dateparser_codes import dateparser_code
from .fallback import MAX_FALLBACK_WORDS

# A relative date line is short ("il y a 2 jours", "gestern, 10:15 Uhr"); the longest in
# dateparser's freshness tests ("less than a minute ago", "день тому назад в 10:15") has 5 words.
MAX_RELATIVE_WORDS = MAX_FALLBACK_WORDS


def parse_relative(text: str, lang: str | None, now: datetime) -> datetime | None:
    """The datetime a date line states, relative phrases read against now; None if none."""
    try:
        return parse(text, lang) or _relative(text, lang, now)
    except Exception:  # noqa: BLE001 - like parse(): never raise, whatever the input
        return None


def _relative(text, lang, now: datetime) -> datetime | None:
    code = dateparser_code(lang)
    if code is None or not isinstance(text, str) or not text.strip():
        return None
    if len(text.split()) > MAX_RELATIVE_WORDS or looks_like_prose(text, lang):
        return None
    naive_now = now.replace(tzinfo=None)
    settings = {"RELATIVE_BASE": naive_now, "PREFER_DATES_FROM": "past"}
    import dateparser

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = dateparser.parse(text, languages=[code], settings=settings)
    if found is None:
        return None
    found = found.replace(tzinfo=None) if found.tzinfo else found
    if found > naive_now:
        return None  # "tomorrow", "in 3 days": no publication date
    return found.replace(tzinfo=now.tzinfo)
