"""Dates with a month word: "5 décembre 2024", "5th of December 2024", "December 5, 2024"."""

from __future__ import annotations

from functools import lru_cache

from .calendar_names import month_number, month_table
from .regex_parts import WORD_END, WORD_START, trie_pattern

# The ordinal marks a day number may carry: 1st, 1er, 1º, 1°, 1-го, 5., 1:e.
_ORDINAL = r"(?:st|nd|rd|th|er|eme|e|º|ª|°|-?го|-?е|\.|:e)?"


@lru_cache(maxsize=1)
def _month_word_pattern() -> str:
    """A month word, or two for one month as Arabic sites print them ("ديسمبر/كانون الأول")."""
    month = "(?:" + trie_pattern(set(month_table())) + ")" + WORD_END
    return rf"(?:{month})\.?(?:\s*/\s*(?:{month})\.?)?"


@lru_cache(maxsize=1)
def day_month_year() -> str:
    """5 décembre 2024, 5. Dezember 2024, 5 de diciembre de 2024, 5th of December 2024."""
    return (
        rf"(?<![\d.,:/-])(?P<nd>\d{{1,2}}){_ORDINAL}[\s.,/-]*(?:(?:de|of|the)\s+)?"
        rf"{WORD_START}(?P<nm>{_month_word_pattern()})[\s.,/'-]*(?:(?:de|del)\s+)?"
        r"(?P<ny>\d{4})(?!\d)"
    )


@lru_cache(maxsize=1)
def month_day_year() -> str:
    """December 5, 2024; Dec. 5th 2024; दिसंबर 05, 2024."""
    return (
        rf"{WORD_START}(?P<mm>{_month_word_pattern()})[\s.,-]*(?P<md>\d{{1,2}})"
        r"(?:st|nd|rd|th|\.)?(?!\d)[\s.,-]*(?P<my>\d{4})(?!\d)"
    )


def word_date_parts(g: dict[str, str | None], lang: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) from the groups of a word form, or None for an unknown month."""
    if g["nd"]:
        month = _month_in(g["nm"], lang)
        return (int(g["ny"]), month, int(g["nd"])) if month else None
    month = _month_in(g["mm"], lang)
    return (int(g["my"]), month, int(g["md"])) if month else None


def _month_in(text: str, lang: str | None) -> int | None:
    """The month a month word (or an "ديسمبر/كانون الأول" pair) names."""
    first = text.split("/")[0].strip().rstrip(".'")
    return month_number(first, lang)
