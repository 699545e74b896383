"""The time (and zone) printed right after or just before a date, across the words between them."""

from __future__ import annotations

import re
from functools import lru_cache

from .calendar_names import weekday_words
from .clock import clock, is_german_on, time_anywhere, time_pattern
from .folding import fold
from .line_time import with_local_period
from .regex_parts import WORD_END, alternation, trie_pattern
from .zones import zone_at

# Words that may sit between a date and its time ("à", "um", "a las", "года в", "saat").
CONNECTOR_WORDS = (
    "t at on the a as à às a las las la alle ore um om kl klockan o о в у v ve w godz godzina"
    " saat στις ώρα בשעה ב الساعة في de del di do g г года году року рік р r roku rok"
    " r. um hora horas ore uur den le el il em 号 日 일 時 时"
)
# Connectors of more than one word, or with a dot, that splitting CONNECTOR_WORDS loses.
_CONNECTOR_PHRASES = ("a las", "o godz", "o godz.", "à partir de", "um", "о", "o")
# A time may sit this far before its date and still belong to it ("11:58, 5 грудня 2024").
_TIME_BEFORE_WINDOW = 60


@lru_cache(maxsize=1)
def _gap() -> str:
    """What may separate a date from its time: punctuation, connectors, a weekday, "(Mi)"."""
    connectors = alternation(fold(w) for w in CONNECTOR_WORDS.split() + list(_CONNECTOR_PHRASES))
    weekday = "(?:" + trie_pattern(weekday_words()) + ")" + WORD_END
    separators = r"[\s,;|·•/.:()\[\]*-]"
    # A run of separators is taken whole (the lookahead): were it free to split between
    # several tokens, a date followed by 40 spaces would try every split and never return.
    gap_token = rf"{separators}+(?!{separators})|(?:{connectors}){WORD_END}|{weekday}|\(\w{{1,4}}\)"
    return f"(?:{gap_token}){{0,10}}"


@lru_cache(maxsize=1)
def _gap_pattern() -> re.Pattern[str]:
    return re.compile(_gap())


@lru_cache(maxsize=1)
def _time_after_gap() -> re.Pattern[str]:
    return re.compile(_gap() + time_pattern())


def time_after(folded, original, index, pos, lang):
    """(clock, tzinfo, end) of the time printed right after a date, or None."""
    m = _time_after_gap().match(folded, pos)
    if not m:
        return None
    if is_german_on(m, lang):
        return None
    hms = clock(m)
    if hms is None:
        return None
    if not m.group("ap"):  # "в 3 часа дня", "alle 3 del pomeriggio": the language's own words
        hms = with_local_period(hms, folded, m.start(), m.end(), lang)
    zone, end = zone_at(folded, original, index, m.end(), lang)
    return hms, zone, end


def time_before(folded, original, index, start, lang):
    """(clock, tzinfo, begin) of a time printed just before a date: "11:58, 5 грудня 2024"."""
    window_start = max(0, start - _TIME_BEFORE_WINDOW)
    best = None
    for m in time_anywhere().finditer(folded, window_start, start):
        if m.start() > 0 and folded[m.start() - 1].isdigit():
            continue
        hms = clock(m)
        if hms is None or is_german_on(m, lang):
            continue
        zone, end = zone_at(folded, original, index, m.end(), lang)
        gap = _gap_pattern().match(folded, end, start)
        # The last time in the window wins: it is the one closest to the date.
        if gap and gap.end() == start and end <= start:
            best = (hms, zone, m.start())
    return best
