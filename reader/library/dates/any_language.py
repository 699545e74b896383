"""A last reader for languages beyond the core 20: the language's CLDR month names plus numbers.

"2009. gada 18. janvāris", "2026 m. liepos 2 d.", "2000 թ. հոկտեմբերի 25": whatever the word
order, a short line holding one month name of the language, one year and one day number
states that day. Asked only when dateparser (which knows fewer languages) read nothing.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from .cldr_locales import language_locales
from .clock import clock, time_anywhere
from .date_forms import MAX_YEAR
from .folding import fold
from .line_time import said_noon, with_local_period
from .results import ParsedDate

# A date line is short: lines with more words than this are left alone (prose).
# Tuned on bench/accuracy/cldr_dates.py, whose longest 'full' lines hold 9 words.
MAX_WORDS = 12
# Names shorter than this count only as whole words; longer ones also as a word's start,
# for the inflected forms CLDR patterns glue on ("abuztuaren", "hoktembери").
MIN_PREFIX_NAME_CHARS = 4
# Words of four letters or more that are no month or weekday name of the language: a date
# line has a label or two ("Julkaistu", "Opdateret"), a sentence has more. Tuned on the
# CLDR-generated set (no line there has more than 3) and the prose in test_dates_languages.
MAX_UNKNOWN_WORDS = 3
MIN_COUNTED_WORD_CHARS = 4
# With the month named, a four-digit number is a year even long ago: dateparser's test strings
# (real lines from many languages) print years back to 1562 ("16 ᏕᎭᎷᏱ 1562"). Numeric lines
# keep date_forms.MIN_YEAR, where "1562" would more likely be a count.
MIN_NAMED_YEAR = 1000
_OFFSET = re.compile(r"(?:utc|gmt)\s?[+-]\d{1,2}(?::?\d{2})?")
_NUMBER = re.compile(r"(?<!\d)\d{1,4}(?!\d)")
# A word, with the combining vowel signs that Python's \w leaves out (Indic scripts, Thai,
# Tibetan, Myanmar): without them "วันอาทิตย์ที่" would count as five words.
_MARKS = r"\u0900-\u0dff\u0e31-\u0e4e\u0eb1-\u0ecd\u0f00-\u0fff\u1000-\u109f"
_WORD = re.compile(rf"(?:[^\W\d_]|[{_MARKS}])+")


@lru_cache(maxsize=128)
def _month_names(lang: str) -> tuple[re.Pattern[str], dict[str, int]] | None:
    names: dict[str, int] = {}
    for locale in language_locales(lang):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    name = fold(name).strip(". ")
                    if name and not name.isdigit():  # "M10" (Haitian) is a name; "10" is not
                        names.setdefault(name, number)
    if not names:
        return None
    # "10月" (Chinese, Cantonese): a number glued to a month sign, inside a run with no spaces
    # ("2001年10月5日"), so no word edge around it; only no digit before it.
    numbered = [n for n in names if n[0].isdigit()]
    whole = [n for n in names if len(n) < MIN_PREFIX_NAME_CHARS and not n[0].isdigit()]
    prefix = [n for n in names if len(n) >= MIN_PREFIX_NAME_CHARS and not n[0].isdigit()]
    parts = []
    if numbered:
        alternatives = "|".join(re.escape(n) for n in sorted(numbered, key=len, reverse=True))
        parts.append(rf"(?<!\d)(?:{alternatives})")
    if prefix:
        alternatives = "|".join(re.escape(n) for n in sorted(prefix, key=len, reverse=True))
        parts.append(rf"(?<!\w)(?:{alternatives})")
    if whole:
        alternatives = "|".join(re.escape(n) for n in sorted(whole, key=len, reverse=True))
        parts.append(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return re.compile("|".join(parts)), names


@lru_cache(maxsize=128)
def _calendar_words(lang: str) -> frozenset[str]:
    words = set()
    for locale in language_locales(lang):
        for table in (locale.months, locale.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    for name in table[context][width].values():
                        words.update(_WORD.findall(fold(name)))
    return frozenset(words)


def looks_like_prose(text: str, lang: str | None) -> bool:
    """Whether a line holds more unknown words than a date line's labels."""
    known = _calendar_words(lang) if lang else frozenset()
    stems = tuple(w for w in known if len(w) >= MIN_PREFIX_NAME_CHARS)  # "decembris" etc.
    unknown = [
        w
        for w in _WORD.findall(fold(text))
        if len(w) >= MIN_COUNTED_WORD_CHARS and w not in known and not w.startswith(stems)
    ]
    return len(unknown) > MAX_UNKNOWN_WORDS


def _time(folded: str, lang: str) -> tuple[tuple[int, int, int] | None, str]:
    """The clock of the line's time (if any) and the line with that time blanked out."""
    for m in time_anywhere().finditer(folded):
        hms = clock(m)
        if hms is not None and (m.group("h") or m.group("h2") or m.group("h3")):
            if not m.group("ap"):
                hms = with_local_period(hms, folded, m.start(), m.end(), lang)
            return hms, folded[: m.start()] + " " + folded[m.end() :]
    return None, folded


def read_with_month_names(text: str, lang: str | None) -> ParsedDate | None:
    """The date a short line states with one of the language's month names, or None."""
    table = _month_names(lang) if lang else None
    if table is None or len(_WORD.findall(text)) > MAX_WORDS or looks_like_prose(text, lang):
        return None
    pattern, names = table
    folded = _OFFSET.sub(" ", fold(text))
    hms, rest = _time(folded, lang)
    found = [m for m in pattern.finditer(rest) if m.group() in names]
    months = {names[m.group()] for m in found}
    if len(months) != 1:
        return None
    for m in found:  # the digits of "M10" are the month's, not a day or a year
        rest = rest[: m.start()] + " " * (m.end() - m.start()) + rest[m.end() :]
    numbers = [int(n) for n in _NUMBER.findall(rest)]
    years = [n for n in numbers if MIN_NAMED_YEAR <= n <= MAX_YEAR]
    days = [n for n in numbers if 1 <= n <= 31]
    if len(years) != 1 or len(days) != 1 or len(numbers) != 2:
        return None
    try:
        day = datetime(years[0], months.pop(), days[0])
    except ValueError:
        return None
    if hms is None:
        hms = said_noon(rest, lang)  # "13. veljače 1999. u podne"
    if hms is None:
        return ParsedDate(day, False)
    return ParsedDate(day.replace(hour=hms[0], minute=hms[1], second=hms[2]), True)
