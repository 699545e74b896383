"""The time of day said anywhere in a short date line, with the language's own AM/PM and noon words.

A date line states one date, so a lone time anywhere in it belongs to that date, whatever
words stand between them ("28 лютого 2020 року об 11:57", "julio 5, 2015 en 1:04 pm",
"19 February 2013 year 09:10"). The language's CLDR day-period names (through Babel) turn
"9:25 popodne" or "08:00 ichamthi" into the afternoon, and its noon and midnight words
("at noon", "à midi") give 12:00 and 00:00 where no clock is printed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cldr_locales import language_locales
from .clock import clock, is_german_on, time_anywhere
from .dateparser_codes import dateparser_words
from .folding import fold
from .regex_parts import WORD_END, WORD_START

_CONTEXTS = ("format", "stand-alone")
# CLDR day periods and what they do to a clock: "3 часа дня", "alle 3 del pomeriggio" and
# "a las 3 de la tarde" are afternoons. Night is left out: French "night1" is "du matin".
_PERIOD_KIND = {
    "am": "am",
    "pm": "pm",
    "morning": "am",
    "afternoon": "pm",
    "evening": "pm",
    "noon": "noon",
    "midnight": "midnight",
}
# A bare hour after the word for "at" ("alle 15", "klockan 15", "a las 3 de la tarde"): a time
# only in a date line, where nothing else can be counted after "at".
_BARE_HOUR = re.compile(
    r"(?<![^\W\d_])(?:alle|ore|klockan|kl|a las|a la|as|om|um|at|a|o|в|у|о)\.?\s+"
    r"(?P<h>\d{1,2})(?!\s*[\d.:,/%])(?!\s?(?:[^\W\d_]\.?\s?)?\d)"
)
_WIDTHS = ("abbreviated", "wide")
# Day-period names shorter than this count only right after the clock ("02:13 m" in Scottish
# Gaelic): one letter elsewhere in the line is too often something else.
MIN_FREE_PERIOD_CHARS = 3


@lru_cache(maxsize=128)
def _day_periods(lang: str | None) -> dict[str, str]:
    """Folded day-period word -> "am" / "pm" / "noon" / "midnight" for a language."""
    words: dict[str, str] = {}
    for locale in language_locales(lang or "en") or language_locales("en"):
        for context in _CONTEXTS:
            for width in _WIDTHS:
                for key, name in locale.day_periods.get(context, {}).get(width, {}).items():
                    kind = _PERIOD_KIND.get(key.rstrip("12"), None)
                    if kind and name:
                        words.setdefault(fold(name).strip(". "), kind)
    # dateparser's lists add the spoken forms CLDR lacks ("ettermiddag", "по подне").
    for key in ("am", "pm"):
        for name in dateparser_words(lang, key):
            words.setdefault(fold(name).strip(". "), key)
    return words


@lru_cache(maxsize=128)
def _period_beside_clock(lang: str | None) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The language's AM/PM words right after a clock, and right before one ("下晝4:10")."""
    names = sorted((w for w, key in _day_periods(lang).items() if key in ("am", "pm")), key=len)
    if not names:
        return None
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s?") for n in reversed(names))
    after = re.compile(rf"\s*(?P<p>{alternatives})\.?{WORD_END}")
    before = re.compile(rf"{WORD_START}(?P<p>{alternatives})\.?\s*$")
    return after, before


@lru_cache(maxsize=128)
def _noon_words(lang: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    words = {w: k for w, k in _day_periods(lang).items() if k in ("noon", "midnight")}
    words.update({"noon": "noon", "midnight": "midnight"})
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<w>{alternatives}){WORD_END}"), words


def with_local_period(hms, folded: str, start: int, end: int, lang: str | None):
    """hms moved to the afternoon when the language's PM word stands beside the clock."""
    patterns = _period_beside_clock(lang)
    if patterns is None or not 1 <= hms[0] <= 12:
        return hms
    m = patterns[0].match(folded, end) or patterns[1].search(folded, max(0, start - 20), start)
    if m is None:
        return hms
    periods = _day_periods(lang)
    key = periods.get(m.group("p")) or periods.get(m.group("p").replace(" ", ""))
    if key == "pm" and hms[0] < 12:
        return (hms[0] + 12, hms[1], hms[2])
    if key == "am" and hms[0] == 12:
        return (0, hms[1], hms[2])
    return hms


def time_in_line(folded: str, start: int, end: int, lang: str | None):
    """(hour, minute, second) of the one time in the line outside the date span, or None."""
    found = []
    for m in time_anywhere().finditer(folded):
        if start <= m.start() < end or is_german_on(m, lang):
            continue
        if m.start() > 0 and folded[m.start() - 1] in "+-":
            continue  # "UTC+00:00" is a zone offset, not a second clock
        hms = clock(m)
        if hms is not None:
            if not m.group("ap"):
                hms = with_local_period(hms, folded, m.start(), m.end(), lang)
            found.append(hms)
    if len(found) == 1:
        return found[0]
    if found:
        return None  # two clocks: which one is the article's is not for a guess
    bare = [m for m in _BARE_HOUR.finditer(folded) if not start <= m.start() < end]
    if len(bare) == 1 and int(bare[0].group("h")) <= 23:
        hms = (int(bare[0].group("h")), 0, 0)
        return with_local_period(hms, folded, bare[0].start("h"), bare[0].end(), lang)
    return said_noon(folded[:start] + " " + folded[end:], lang)


def said_noon(folded: str, lang: str | None):
    """(12, 0, 0) or (0, 0, 0) when the line says noon or midnight in words, else None."""
    pattern, words = _noon_words(lang)
    said = {words[m.group("w")] for m in pattern.finditer(folded)}
    if len(said) == 1:
        return (12, 0, 0) if said.pop() == "noon" else (0, 0, 0)
    return None
