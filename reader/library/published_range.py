"""The list's filter by publication date: ?since= and ?until= days, as bounds in UTC."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# What a date field sends: fromisoformat alone would take week dates and other forms too.
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


class BadDateRange(ValueError):
    """A day that is not YYYY-MM-DD, or a range that ends before it begins."""


@dataclass(frozen=True)
class PublishedRange:
    """Days chosen by the reader (inclusive) and the UTC instants that bound them."""

    since: date | None = None
    until: date | None = None
    start_utc: datetime | None = None  # naive UTC, as the database stores publication times
    end_utc: datetime | None = None  # exclusive: the start of the day after `until`

    def __bool__(self) -> bool:
        return self.since is not None or self.until is not None


def _day(raw: str | None, name: str) -> date | None:
    if raw is None or raw.strip() == "":
        return None
    raw = raw.strip()
    try:
        if not DAY.fullmatch(raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)
    except ValueError as error:
        raise BadDateRange(f"{name} is not a day written YYYY-MM-DD") from error


def _utc_start_of(day: date, zone: ZoneInfo) -> datetime:
    local = datetime.combine(day, time.min, tzinfo=zone)
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def published_range(since: str | None, until: str | None, timezone: str = "UTC") -> PublishedRange:
    """The range of the days given, each a day in `timezone` (the server's), or BadDateRange."""
    first, last = _day(since, "since"), _day(until, "until")
    if first and last and last < first:
        raise BadDateRange("until is before since")
    zone = ZoneInfo(timezone)
    try:
        start = _utc_start_of(first, zone) if first else None
        end = _utc_start_of(last + timedelta(days=1), zone) if last else None
    except OverflowError as error:  # year 9999, a day past which there is none
        raise BadDateRange("the day is out of range") from error
    return PublishedRange(first, last, start, end)
