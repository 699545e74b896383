"""dateparser as a strict second reader: absolute full dates only, never a relative phrase.

Our CLDR-driven reader knows the 20 core languages' date lines well; dateparser knows some
two hundred locales' month names and word orders. parse() asks dateparser only when ours
found no date, and only for a short line that holds a year, so prose and relative phrases
("hier", "vor 3 Stunden", "vandaag 12:00") still give None.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from functools import lru_cache

from .any_language import MIN_NAMED_YEAR, looks_like_prose
from .clock import time_anywhere
from .date_forms import MAX_YEAR
from .dateparser_codes import dateparser_code
from .folding import fold
from .results import ParsedDate

# A date line is short; dateparser is not asked about anything with more words than this.
# Tuned on the CLDR-generated set (bench/accuracy/cldr_dates.py): the longest 'full' date and
# time there ("понеділок, 26 червня 2017 р., 20:28:00 за всесвітнім координованим часом")
# has 9 words; prose sentences are longer, and cost dateparser 100+ ms each.
MAX_FALLBACK_WORDS = 12
# dateparser only answers for a line holding a year: four digits from 1000 to 2100 (so a
# phone number's "4567" asks nothing); a numeric day-month-year with a two-digit year, spaced
# or not ("26.10.21", "26. 10.21", "30 . 09 . 22"); a two-digit year after an apostrophe
# ("14Unr'21") or after a day and a month name ("2 Декабрь 95"). Those forms are dateparser's
# own test strings (bench/accuracy/dateparser_tests.py). REQUIRE_PARTS then checks that it
# really read day and month.
_HAS_YEAR = re.compile(
    r"(?<!\d)(?:1\d{3}|20\d{2}|2100)(?!\d)"
    r"|(?<!\d)\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2}(?!\d)"
    r"|(?<=\w)'\d{2}(?!\d)"
    r"|(?<!\d)\d{1,2}\.?\s+[^\W\d_]{3,}\.?,?\s+\d{2}(?![\d:.])"
)
_WORD = re.compile(r"[^\W\d_]+")
_NUMBER = re.compile(r"\d+")
# Two far-apart "now"s: an absolute date reads the same against both, a relative one
# ("hier", "3 hours ago", "vandaag 12:00") does not, and is refused.
_BASES = (datetime(2001, 1, 1, 12, 0), datetime(2011, 7, 15, 6, 30))


def _settings(base: datetime) -> dict:
    return {
        # Absolute dates only: every part printed, nothing filled in from "now".
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RELATIVE_BASE": base,
        "PREFER_LOCALE_DATE_ORDER": True,
        # RETURN_AS_TIMEZONE_AWARE is left unset on purpose: unset, dateparser answers as our
        # own reader does, a naive wall clock, aware only when the line prints a zone.
    }


@lru_cache(maxsize=64)
def _reader(lang: str, base_index: int):
    """One DateDataParser per language and base: building one costs more than a parse."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=[lang], settings=_settings(_BASES[base_index]))


def _read(text: str, lang: str, base_index: int) -> datetime | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _reader(lang, base_index).get_date_data(text).date_obj


def fallback_parse(text: str, lang: str | None) -> ParsedDate | None:
    """The absolute date (and time) dateparser reads in a short date line, or None."""
    code = dateparser_code(lang)
    if code is None or not _HAS_YEAR.search(text):
        return None
    if len(_NUMBER.findall(text)) < 2:
        return None  # "Décembre 2024": a full date prints its day and its year in digits
    if len(_WORD.findall(text)) > MAX_FALLBACK_WORDS or text.rstrip()[-1:] in "!?":
        return None
    if looks_like_prose(text, lang):
        return None
    first = _read(text, code, 0)
    if first is None or not MIN_NAMED_YEAR <= first.year <= MAX_YEAR:
        return None
    if _read(text, code, 1) != first:
        return None  # a relative phrase: its meaning moves with "now"
    has_time = bool(time_anywhere().search(fold(text))) or first.time() != datetime.min.time()
    return ParsedDate(first, has_time)
