"""reader.library.dates: times in words or after connectors, local AM/PM words, relative lines."""

from datetime import datetime, timedelta, timezone

import pytest

from reader.library.dates import parse, parse_relative

# (lang, text, expected wall clock): written for these tests.
TIMES_IN_WORDS = [
    ("fr", "Le 5 décembre 2024, à 14 h 30", "2024-12-05T14:30"),
    ("fr", "5 décembre 2024 à midi", "2024-12-05T12:00"),
    ("de", "5. Dezember 2024, um 9.30 Uhr", "2024-12-05T09:30"),
    ("en", "December 5, 2024 at 3 p.m.", "2024-12-05T15:00"),
    ("en", "December 5, 2024 at noon", "2024-12-05T12:00"),
    ("en", "December 5, 2024, posted by the news desk at 10:15", "2024-12-05T10:15"),
    ("ru", "5 декабря 2024 года в 10 часов", "2024-12-05T10:00"),
    ("ru", "5 декабря 2024 в 10 часов 15 минут", "2024-12-05T10:15"),
    ("ru", "5 декабря 2024 в 3 часа дня", "2024-12-05T15:00"),
    ("uk", "5 грудня 2024 року об 11:57", "2024-12-05T11:57"),
    ("uk", "5 грудня 2024 о 15 годині", "2024-12-05T15:00"),
    ("cs", "5. prosince 2024 v 15 hodin", "2024-12-05T15:00"),
    ("pl", "5 grudnia 2024 o godz. 12:00", "2024-12-05T12:00"),
    ("tr", "5 Aralık 2024 Saat 14.00'te", "2024-12-05T14:00"),
    ("zh", "2024年12月5日下午3点", "2024-12-05T15:00"),
    ("zh", "2024年12月5日 10点05", "2024-12-05T10:05"),
    ("zh", "2024年12月5日晚8:00", "2024-12-05T20:00"),
    ("it", "5 dicembre 2024 alle 15", "2024-12-05T15:00"),
    ("it", "5 dicembre 2024 alle 3 del pomeriggio", "2024-12-05T15:00"),
    ("es", "julio 5, 2024 en 1:04 pm", "2024-07-05T13:04"),
    ("es", "5 de diciembre de 2024 a las 3 de la tarde", "2024-12-05T15:00"),
    ("sv", "5 december 2024 klockan 15", "2024-12-05T15:00"),
    ("uk", "пʼятниця, 10 жовтня 2008 р.", "2008-10-10T00:00"),
]

# Beyond the core 20: the language's CLDR (or dateparser) AM/PM words, both scripts of a
# language, month names with digits, years long ago once the month is named.
OTHER_LANGUAGES = [
    ("sr", "16 април 2024 03:46 по подне", "2024-04-16T15:46"),
    ("sr", "4 septembar 2024 četvrtak", "2024-09-04T00:00"),
    ("bs", "2 септембар 2024, четвртак", "2024-09-02T00:00"),
    ("nn", "2 mai 2024 torsdag 09:18 ettermiddag", "2024-05-02T21:18"),
    ("sq", "15 gusht 2024 04:54 e pasdites", "2024-08-15T16:54"),
    ("as", "2024 এপ্ৰিল 17 অপৰাহ্ন 11.22.00", "2024-04-17T23:22"),
    ("yue", "2024年2月10日 星期六 下晝2:38:00 [協調世界時間]", "2024-02-10T14:38"),
    ("th", "วันอังคารที่ 17 มิถุนายน ค.ศ. 2024 10 นาฬิกา 46 นาที 00 วินาที", "2024-06-17T10:46"),
    ("ht", "2024 M10 15 01:31:00 UTC", "2024-10-15T01:31"),
    ("gd", "5 am faoilleach 2024 02:13 m", "2024-01-05T02:13"),
    ("hr", "13. veljače 2024. u podne", "2024-02-13T12:00"),
    ("lv", "1890. gada 2. aprīlis", "1890-04-02T00:00"),
    ("ru", "2 Декабрь 95 11:15", "1995-12-02T11:15"),
    ("en", "26. 10.21 14.12", "2021-10-26T14:12"),
]

NON_DATES = [
    ("en", "Call 555-123-4567"),
    ("en", "Page 5 of 12, at 3"),
    ("sr", "Влада је саопштила да ће радови бити завршени до 4. септембра 2024. године."),
    ("ja", "2024年12月"),
    ("ru", "в 10 часов"),
    ("it", "alle 15"),
    ("th", "วันนี้อากาศดีมาก"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), TIMES_IN_WORDS + OTHER_LANGUAGES)
def test_the_minute_said_in_words_or_after_a_connector(lang, text, expected):
    got = parse(text, lang)
    assert got is not None, text
    assert got.replace(tzinfo=None) == datetime.fromisoformat(expected)


@pytest.mark.parametrize(("lang", "text"), NON_DATES)
def test_no_full_date_gives_none(lang, text):
    assert parse(text, lang) is None


def test_a_lone_clock_away_from_the_date_is_its_time_but_two_are_not_guessed():
    assert parse("December 5, 2024 — Web 11:30", "en") == datetime(2024, 12, 5, 11, 30)
    assert parse("December 5, 2024 — Print 10:15, Web 11:30", "en") == datetime(2024, 12, 5)


NOW = datetime(2024, 12, 5, 12, 0)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "hier", NOW - timedelta(days=1)),
        ("de", "vor 3 Stunden", NOW - timedelta(hours=3)),
        ("en", "yesterday", NOW - timedelta(days=1)),
        ("fr", "il y a 2 jours", NOW - timedelta(days=2)),
        ("de", "gestern, 10:15 Uhr", datetime(2024, 12, 4, 10, 15)),
        ("ru", "вчера в 10:15", datetime(2024, 12, 4, 10, 15)),
        ("fr", "5 décembre 2023 à 14h30", datetime(2023, 12, 5, 14, 30)),
    ],
)
def test_relative_lines_are_read_against_now(lang, text, expected):
    assert parse(text, lang) is None or parse(text, lang) == expected
    assert parse_relative(text, lang, NOW) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "tomorrow"),
        ("en", "in 3 days"),
        ("fr", "Je suis venu hier avec mes amis pour voir le match au stade."),
        ("en", ""),
        ("xx", "yesterday"),
    ],
)
def test_relative_lines_in_the_future_or_in_prose_give_none(lang, text):
    assert parse_relative(text, lang, NOW) is None


def test_relative_lines_keep_the_zone_of_now():
    now = NOW.replace(tzinfo=timezone(timedelta(hours=1)))
    assert parse_relative("vor 3 Stunden", "de", now) == now - timedelta(hours=3)


def test_a_numeric_line_follows_the_languages_cldr_day_order():
    assert parse("07/01/2024", "fil") == datetime(2024, 7, 1)  # CLDR "M/d/yy"
    assert parse("07/01/2024", "sw") == datetime(2024, 1, 7)  # CLDR "dd/MM/y"


def test_two_readings_are_reconciled_by_rules():
    from reader.library.dates.reconcile import reconcile
    from reader.library.dates.results import ParsedDate

    day_first = ParsedDate(datetime(2024, 1, 7), False)
    month_first = ParsedDate(datetime(2024, 7, 1), False)
    assert reconcile(day_first, month_first, "07/01/2024", "sw") is day_first
    assert reconcile(month_first, day_first, "07/01/2024", "sw") is day_first
    assert reconcile(day_first, month_first, "07/01/2024", "fil") is month_first
    timed = ParsedDate(datetime(2024, 1, 7, 22, 34), True)
    assert reconcile(day_first, timed, "07/01/2024 22:34", "sw") is timed
    assert reconcile(None, timed, "07/01/2024 22:34", "sw") is timed


def test_dateparser_is_asked_only_when_a_reading_could_change():
    from reader.library.dates.reconcile import needs_second_reading
    from reader.library.dates.results import ParsedDate

    ours = ParsedDate(datetime(2014, 2, 19), False)
    assert not needs_second_reading(ours, "2014-02-19")  # year first: nothing to swap
    assert not needs_second_reading(ours, "19.02.2014")  # a day above 12 cannot be a month
    assert needs_second_reading(ParsedDate(datetime(2015, 1, 7), False), "07/01/2015")
    assert needs_second_reading(ours, "19.02.2014 10 vm")  # a number left unread
    assert needs_second_reading(None, "Dydd Mawrth, 20 Gorffennaf 2004")
