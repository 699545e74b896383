"""The time of day printed with a date (11:58, 11h58, 9 p.m., 午後9時, 오후 2:58) and its hour."""

from __future__ import annotations

import re
from functools import lru_cache

from .folding import fold
from .regex_parts import WORD_END

AM_WORDS = (
    "am a.m a.m. π.μ π.μ. πμ ص صباحا صباح فجرا पूर्वाह्न एएम"
    " 午前 上午 오전 새벽 凌晨 早上 早晨 清晨 dop. dop дп"
)
PM_WORDS = (
    "pm p.m p.m. μ.μ μ.μ. μμ م مساء مساءا ظهرا عصرا ليلا अपराह्न पीएम"
    " 午後 下午 晚上 오후 傍晚 中午 夜间 晚 odp. odp пп"
)
# Periods printed with a space inside: listed apart, because the word lists above split on
# spaces, and "a. m" split in two would make a lone "m" read as a period.
_SPACED_AM = ("a. m", "a. m.", "π. μ.")
_SPACED_PM = ("p. m", "p. m.", "μ. μ.")
# Hours and minutes said in words, as Slavic date lines do: "в 10 часов 15 минут",
# "о 15 годині", "v 15 hodin", "o godzinie"; the hour word is what makes the number a time.
_HOUR_WORDS = "часа|часов|час|годин[аиу]?|hodin[ay]?|godzin[aey]?|sati?|ora|hour|hours"
_MINUTE_WORDS = "минут[аы]?|хвилин[аи]?|minut[ay]?|minuti?|minutes?"
# Noon words keep 11 and 12 as they are, and move 1-6 to the afternoon.
_NOON_WORDS = ("ظهرا", "中午")
# Korean, Chinese and Japanese print the period before the hour: "오후 2:58", "下午10:30".
_PERIOD_BEFORE_HOUR = (
    "오전|오후|새벽|午前|午後|上午|下午|晚上|凌晨|中午|早上|早晨|清晨|傍晚|夜间|晚"
)


@lru_cache(maxsize=1)
def time_pattern() -> str:
    """The regex of a time of day, with its AM/PM word and hour word ("Uhr", "h", "बजे")."""
    am_pm = "|".join(
        re.escape(fold(w)).replace(r"\ ", r"\s?")
        for w in sorted(
            set(AM_WORDS.split()) | set(PM_WORDS.split()) | set(_SPACED_AM + _SPACED_PM),
            key=len,
            reverse=True,
        )
        if w
    )
    return (
        rf"(?:(?P<pre>{_PERIOD_BEFORE_HOUR})\s*)?"
        r"(?:(?P<h>\d{1,2})\s?(?::|h|ч)\s?(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?(?!\d)"
        r"|(?P<h2>\d{1,2})\.(?P<mi2>\d{2})(?:\.(?P<s2>\d{2}))?(?!\d|\.\d|,\d|\s?%)"
        r"|(?P<h3>\d{1,2})\s*(?:[時时시点點]|นาฬิกา)\s*"
        r"(?:(?P<mi3>\d{1,2})\s*(?:[分분]|นาที|(?=\D|$))(?:\s*(?P<s3>\d{1,2})\s*(?:[秒초]|วินาที))?)?"
        rf"|(?P<h4>\d{{1,2}})\s?(?=h{WORD_END}|uhr|horas?{WORD_END}|hrs?{WORD_END}|uur)"
        rf"|(?P<h5>\d{{1,2}})(?=\s?(?:{am_pm}))"
        rf"|(?P<h6>\d{{1,2}})\s?(?:{_HOUR_WORDS}){WORD_END}"
        rf"(?:\s?(?P<mi6>\d{{1,2}})\s?(?:{_MINUTE_WORDS}){WORD_END})?)"
        r"(?:\s?(?:uhr|h|hs|hrs|horas|hora|uur|ч|godz|बजे|ora)\.?" + WORD_END + ")?"
        rf"(?:\s?(?P<ap>{am_pm})(?![^\W\d_]))?"
        r"(?:\s?(?:uhr|hs|hrs|horas|uur|बजे)\.?" + WORD_END + ")?"
    )


@lru_cache(maxsize=1)
def time_anywhere() -> re.Pattern[str]:
    """A time of day anywhere, but not the tail of another number, as in "5.11:58"."""
    return re.compile(r"(?<![\d.:])" + time_pattern())


def _to_int(value: str | None) -> int | None:
    return int(value) if value else None


def clock(m: re.Match[str]) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a time match, with AM/PM applied, or None if impossible."""
    g = m.groupdict()
    hour = next(int(g[k]) for k in ("h", "h2", "h3", "h4", "h5", "h6") if g[k] is not None)
    minute = _to_int(g["mi"] or g["mi2"] or g["mi3"] or g["mi6"]) or 0
    second = _to_int(g["s"] or g["s2"] or g["s3"]) or 0
    period = g["ap"] or g["pre"]
    if period:
        hour = _apply_period(hour, fold(period))
        if hour is None:
            return None
    if hour == 24 and minute == 0:  # "24:00" closes the day; keep the date, show midnight
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return None
    return hour, minute, second


@lru_cache(maxsize=1)
def _period_sets() -> tuple[frozenset[str], frozenset[str]]:
    def norm(words: str, spaced: tuple[str, ...]) -> frozenset[str]:
        return frozenset(re.sub(r"[\s.]", "", fold(w)) for w in words.split() + list(spaced))

    return norm(AM_WORDS, _SPACED_AM), norm(PM_WORDS, _SPACED_PM)


def _apply_period(hour: int, period: str) -> int | None:
    key = re.sub(r"[\s.]", "", period)
    am, pm = _period_sets()
    if not 0 <= hour <= 12:
        return None
    if key in {fold(w) for w in _NOON_WORDS}:
        return hour + 12 if 1 <= hour <= 6 else hour
    if key in pm:
        return hour if hour == 12 else hour + 12
    if key in am:
        return 0 if hour == 12 else hour
    return hour


def is_german_on(m: re.Match[str], lang: str | None) -> bool:
    """Whether a time's "am" is German "on" ("11:58 am 5. Dezember"), never ante meridiem."""
    return lang == "de" and m.group("ap") in {"am"}
