"""Two readings of one date line (ours and dateparser's) made one, by rules that say why.

Outside the core languages a numeric line ("07/01/2015 22:34") may be read by both ours and
dateparser. Where they agree on the day, the reading that also found the time wins (it read
more of the line). Where one reads the other's day as its month, the language's own CLDR short
date order settles it ("d/M/yy": the day comes first). Any other disagreement goes to
dateparser, which knows the language's words that ours skipped.
"""

from __future__ import annotations

import re

from .cldr_locales import day_before_month
from .results import ParsedDate


def reconcile(ours: ParsedDate | None, theirs: ParsedDate | None, text: str, lang: str | None):
    """One ParsedDate from ours and dateparser's reading of the same line, or None."""
    if ours is None or theirs is None:
        return ours or theirs
    a, b = ours.value, theirs.value
    if a.date() == b.date():
        if ours.has_time and theirs.has_time:
            return ours if a.time() == b.time() else theirs
        return ours if ours.has_time else theirs
    swapped = (a.year, a.month, a.day) == (b.year, b.day, b.month)
    if swapped:
        first = _first_number(text)
        if first not in (a.day, a.month) or a.day == a.month:
            return ours  # year first ("2015/01/07"): ours reads year-month-day, as ISO does
        # The reading whose day stands where the language prints the day wins.
        return ours if (first == a.day) == day_before_month(lang) else theirs
    return theirs


def needs_second_reading(ours: ParsedDate | None, text: str) -> bool:
    """Whether dateparser should read the line too: ours read nothing, or a day and a month
    that could swap ("07/01/2015"), or left numbers unread ("Augustus 15 2005 10 vm": a time
    in words ours does not know). Year-first lines ("2014-02-19") and days above 12 cannot
    swap, and skipping dateparser there saves it milliseconds a call."""
    if ours is None:
        return True
    if not ours.has_time and _numbers_left(text, ours):
        return True
    value = ours.value
    if _first_number(text) == value.year or value.day > 12 or value.day == value.month:
        return False
    return True


def _numbers_left(text: str, parsed: ParsedDate) -> bool:
    """Whether the text holds a number that is not the date's day, month or year."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    value = parsed.value
    for part in (value.year, value.month, value.day, value.year % 100):
        if part in numbers:
            numbers.remove(part)
    return bool(numbers)


def _first_number(text: str) -> int | None:
    digits = ""
    for ch in text:
        if ch.isdigit():
            digits += ch
        elif digits:
            break
    return int(digits) if digits else None
