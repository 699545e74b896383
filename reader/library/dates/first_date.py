"""The first full date in folded text, together with the time printed beside it."""

from __future__ import annotations

from dataclasses import dataclass

from .attached_time import time_after, time_before
from .date_forms import date_pattern, matched_date
from .results import ParsedDate


@dataclass(frozen=True)
class FoundDate:
    """A date found in folded text: folded span and what it says."""

    start: int
    end: int
    parsed: ParsedDate


def find_first_date(folded: str, original: str, index, lang: str | None, start: int = 0):
    """The first full date at or after start in folded text, as a FoundDate, or None."""
    for m in date_pattern().finditer(folded, start):
        day = matched_date(m, lang)
        if day is None:
            continue
        begin, end = m.start(), m.end()
        after = time_after(folded, original, index, end, lang)
        if after:
            hms, zone, end = after
        else:
            before = time_before(folded, original, index, begin, lang)
            hms, zone, begin = before if before else (None, None, begin)
        if hms is None:
            return FoundDate(begin, end, ParsedDate(day, False))
        value = day.replace(hour=hms[0], minute=hms[1], second=hms[2], tzinfo=zone)
        return FoundDate(begin, end, ParsedDate(value, True))
    return None
