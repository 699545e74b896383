"""Numeric dates ("05.12.2024", "2024-12-05", German "5.12.") said with the month's name."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from babel.dates import get_month_names
from num2words import num2words


@dataclass(frozen=True)
class DateStyle:
    """How one language says a date."""

    pattern: str
    """The spoken order, with {day}, {month} (its name) and {year}."""
    first_day: str = "1"
    """The first of the month; French says "le premier mai", so "1er", which is read as an
    ordinal later on."""
    slashes_month_first: bool = False
    """Slashed dates put the month first (US style: 12/5/2024 is December 5)."""
    say_day: Callable[[int], str] | None = None
    """The day in words where it is not read as a cardinal later (Swedish "andra januari")."""


_DATE_STYLES = {
    "fr": DateStyle("{day} {month} {year}", first_day="1er"),
    "de": DateStyle("{day}. {month} {year}"),
    "es": DateStyle("{day} de {month} de {year}"),
    "pt": DateStyle("{day} de {month} de {year}", first_day="primeiro"),
    "it": DateStyle("{day} {month} {year}"),
    "nl": DateStyle("{day} {month} {year}"),
    "pl": DateStyle("{day} {month} {year}"),
    "cs": DateStyle("{day}. {month} {year}"),
    "sv": DateStyle("{day} {month} {year}", say_day=partial(num2words, lang="sv", to="ordinal")),
    "tr": DateStyle("{day} {month} {year}"),
    "ru": DateStyle("{day} {month} {year}"),
    "uk": DateStyle("{day} {month} {year}"),
    "el": DateStyle("{day} {month} {year}"),
    "en": DateStyle("{month} {day}, {year}", slashes_month_first=True),
    # Chinese and Japanese write the month's number: the year, month and day are then read.
    "ja": DateStyle("{year}年{month_number}月{day}日"),
    "zh": DateStyle("{year}年{month_number}月{day}日"),
    "ar": DateStyle("{day} {month} {year}"),
    "hi": DateStyle("{day} {month} {year}"),
    "he": DateStyle("{day} ב{month} {year}"),
    "vi": DateStyle("{day} tháng {month_number} năm {year}"),
    "hu": DateStyle("{year}. {month} {day}."),
}
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d])"
)
# Year first: "2024-12-05", "2024/3/5", "2022.01.02".
_ISO_DATE = re.compile(
    r"(?<![\d.,/-])(?P<year>\d{4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<a>\d{1,2})(?![\d]|[.,]\d)"
)


def _is_day_and_month(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def _month_name(month: int, lang: str) -> str:
    return get_month_names("wide", locale=lang)[month]


def say_numeric_dates(text: str, lang: str) -> str:
    """'05.12.2024' -> '5 décembre 2024'; English slashes are month first (US style)."""
    style = _DATE_STYLES.get(lang)
    if style is None:
        return text

    def say(match: re.Match[str], iso: bool = False) -> str:
        a, b = int(match["a"]), int(match["b"])
        day, month = a, b
        if style.slashes_month_first and not iso and match["sep"] == "/" and a <= 12:
            day, month = b, a
        if not iso and month > 12 and day <= 12:  # "10-29-2000": only the month can be first
            day, month = month, day
        if not _is_day_and_month(day, month):
            return match.group()
        day_text = style.first_day if day == 1 else str(day)
        if style.say_day:
            day_text = style.say_day(day)
        return style.pattern.format(
            day=day_text,
            month=_month_name(month, lang),
            month_number=month,
            year=match["year"],
        )

    text = _ISO_DATE.sub(lambda m: say(m, iso=True), text)
    return _NUMERIC_DATE.sub(say, text)


_DE_SHORT_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?!\d)")


def say_german_short_dates(text: str) -> str:
    """'am 5.12.' -> 'am 5. Dezember' (then read as an ordinal)."""

    def say(match: re.Match[str]) -> str:
        day, month = int(match[1]), int(match[2])
        if not _is_day_and_month(day, month):
            return match.group()
        return f"{day}. {_month_name(month, 'de')}"

    return _DE_SHORT_DATE.sub(say, text)


_ES_MONTHS = "|".join(get_month_names("wide", locale="es").values())
_ES_DAY_MONTH = re.compile(rf"(?<![\d.,])(\d{{1,2}})\s+(?=(?:{_ES_MONTHS})\b)", re.IGNORECASE)


def say_spanish_day_of_month(text: str) -> str:
    """'31 marzo' -> '31 de marzo': Spanish says the 'de' a headline may drop."""
    return _ES_DAY_MONTH.sub(lambda m: f"{m[1]} de ", text)
