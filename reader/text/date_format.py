"""Publication times in a locale's conventions, shared by the page and the spoken date."""

from datetime import UTC, datetime

from babel.dates import format_date, format_time, format_timedelta, get_datetime_format

# Where a language's press writes times differently from CLDR's short pattern.
PRESS_TIME_PATTERNS = {"fr": "H'h'mm"}  # « 9h48 », as French newsrooms write it


def format_publication(value: datetime, has_time: bool, locale: str) -> str:
    """'5 décembre 2024, 11h58', '5. Dezember 2024, 11:58', 'December 5, 2024, 11:58 AM'."""
    date_text = format_date(value, "long", locale=locale)
    if not has_time:
        return date_text
    time_text = format_time(value, PRESS_TIME_PATTERNS.get(locale, "short"), locale=locale)
    pattern = get_datetime_format("medium", locale=locale)
    return pattern.replace("{1}", date_text).replace("{0}", time_text)


def format_relative(value: datetime, locale: str, now: datetime | None = None) -> str:
    """'il y a 3 jours', 'vor 3 Tagen', '3 days ago'."""
    now = now or datetime.now(UTC)
    return format_timedelta(value - now, add_direction=True, locale=locale, threshold=1)
