"""Every printed form of a full date as one regex, and the calendar date a match states."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from .numeric_forms import (
    CJK_YEAR_MONTH_DAY,
    TWO_DIGIT_YEAR,
    YEAR_FIRST,
    YEAR_LAST,
    numeric_date_parts,
)
from .word_forms import day_month_year, month_day_year, word_date_parts

MIN_YEAR, MAX_YEAR = 1900, 2100


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    """Any full date; at one position the first form listed wins, so the order matters."""
    forms = (
        CJK_YEAR_MONTH_DAY,
        YEAR_FIRST,
        day_month_year(),
        month_day_year(),
        YEAR_LAST,
        TWO_DIGIT_YEAR,
    )
    return re.compile("|".join(forms))


def matched_date(m: re.Match[str], lang: str | None) -> datetime | None:
    """The date a date_pattern() match states, or None if no such day exists in range."""
    g = m.groupdict()
    if g["nd"] or g["mm"]:
        parts = word_date_parts(g, lang)
    else:
        parts = numeric_date_parts(g, lang)
    if not parts:
        return None
    year, month, day = parts
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None
