"""What parse_with_precision() and search() return: a date as printed, and where it was found."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ParsedDate:
    """A date as printed: the datetime, and whether the text gave a time of day."""

    value: datetime
    has_time: bool


@dataclass(frozen=True)
class DateMatch:
    """A date found inside a longer text, with its character span in that text."""

    start: int
    end: int
    parsed: ParsedDate

    @property
    def value(self) -> datetime:
        return self.parsed.value

    @property
    def has_time(self) -> bool:
        return self.parsed.has_time
