"""The list's filter by publication days: parsing ?since=/?until= and narrowing the list."""

from datetime import datetime

import pytest

from reader.library import articles
from reader.library.published_range import BadDateRange, published_range


def test_days_become_utc_bounds_in_the_servers_time_zone():
    days = published_range("2024-12-05", "2024-12-05", "Europe/Berlin")
    # Midnight in Berlin is 23:00 UTC the day before (winter time); the end is the next midnight.
    assert days.start_utc == datetime(2024, 12, 4, 23, 0)
    assert days.end_utc == datetime(2024, 12, 5, 23, 0)
    assert days


def test_either_end_may_be_open_and_no_days_is_no_filter():
    assert published_range("2024-12-01", None).end_utc is None
    assert published_range(None, "2024-12-01").start_utc is None
    assert not published_range(None, "")
    assert not published_range("  ", None)


@pytest.mark.parametrize(
    "since, until",
    [
        ("2024-13-01", None),  # no such month
        ("05/12/2024", None),
        ("2024-W49-4", None),  # a week date: not what a date field sends
        ("20241205", None),
        ("2024-12-06", "2024-12-05"),  # ends before it begins
        ("9999-12-31", "9999-12-31"),  # no day after it to end on
        ("0001-01-01", None),  # before the first instant in UTC for a zone east of it
    ],
)
def test_bad_days_are_refused_with_a_reason(since, until):
    timezone = "Asia/Tokyo" if since == "0001-01-01" else "UTC"
    with pytest.raises(BadDateRange):
        published_range(since, until, timezone)


def test_the_list_keeps_the_articles_published_on_those_days(
    session, french_article, german_article, english_article
):
    # French: 5 Dec 2024; German: 14 Mar 2025; English: 23 Sep 2025.
    winter = published_range("2024-12-01", "2025-03-31")
    rows, total = articles.list_page(session, None, 1, 20, winter)
    assert [a.id for a in rows] == [german_article.id, french_article.id]
    assert total == 2
    rows, total = articles.list_page(session, "fr", 1, 20, winter)
    assert [a.id for a in rows] == [french_article.id] and total == 1
    queued = articles.list_for_queue(session, None, published_range("2025-01-01", None), 10)
    assert [a.id for a in queued] == [english_article.id, german_article.id]
    assert articles.list_for_queue(session, None, None, 1) == [english_article]
