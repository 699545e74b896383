"""Tests for reader.library.dates: news date lines in the 20 languages, non-dates, search spans."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from reader.library.dates import (
    MAX_PARSE_CHARS,
    MAX_SEARCH_CHARS,
    DateMatch,
    ParsedDate,
    parse,
    parse_with_precision,
    search,
)
from reader.text.languages import SUPPORTED_CODES

# (lang, text, expected wall clock, time printed)
DATE_LINES = [
    (
        "fr",
        "Publié le 05 décembre 2024 à 11h58, modifié le 05 décembre 2024 à 14h20",
        "2024-12-05T11:58",
        True,
    ),
    ("fr", "Mis à jour le 5 déc. 2024 à 11h58", "2024-12-05T11:58", True),
    ("fr", "Mardi 1er avril 2025 - 08:15", "2025-04-01T08:15", True),
    ("fr", "jeudi 5 décembre 2024", "2024-12-05", False),
    ("de", "Stand: 05.12.2024 11:58 Uhr", "2024-12-05T11:58", True),
    ("de", "Veröffentlicht am 5. Dezember 2024 um 11:58 Uhr", "2024-12-05T11:58", True),
    ("de", "Mi 17.07.2024, 06.00 Uhr", "2024-07-17T06:00", True),
    ("de", "Erstellt am 26. Sept. 2024", "2024-09-26", False),
    ("en", "Dec. 5, 2024 at 11:58 a.m.", "2024-12-05T11:58", True),
    ("en", "10/28/2024 9:05 PM", "2024-10-28T21:05", True),
    ("en", "Sat 13 Jan 2024 15.40", "2024-01-13T15:40", True),
    ("en", "The 25th of December 2023", "2023-12-25", False),
    ("uk", "11:58, 5 грудня 2024", "2024-12-05T11:58", True),
    ("uk", "5 грудня 2024 р. о 11:58", "2024-12-05T11:58", True),
    ("uk", "Неділя, 29 вересня 2024", "2024-09-29", False),
    ("ru", "5 декабря 2024 года в 11:58", "2024-12-05T11:58", True),
    ("ru", "Опубликовано: 14 марта 2024, 17:35", "2024-03-14T17:35", True),
    ("ru", "6 июн. 2024", "2024-06-06", False),
    ("ko", "2024년 12월 5일 오후 2:58", "2024-12-05T14:58", True),
    ("ko", "입력 2024.12.05. 오전 11:58", "2024-12-05T11:58", True),
    ("ko", "2024년 8월 28일(수) 16:45", "2024-08-28T16:45", True),
    ("ja", "2024年12月5日 11時58分", "2024-12-05T11:58", True),
    ("ja", "2024年9月29日 午後9時00分", "2024-09-29T21:00", True),
    ("ja", "2024年８月１９日 ８時４分", "2024-08-19T08:04", True),
    ("zh", "2024年12月05日 11:58 来源：新华社", "2024-12-05T11:58", True),
    ("zh", "發佈時間：2024年4月3日 下午10:30", "2024-04-03T22:30", True),
    ("zh", "2024年7月17日 星期三", "2024-07-17", False),
    ("ar", "الخميس ٥ ديسمبر ٢٠٢٤ - ١١:٥٨ ص", "2024-12-05T11:58", True),
    ("ar", "5 كانون الأول 2024", "2024-12-05", False),
    ("ar", "الاثنين 2 ديسمبر/كانون الأول 2024", "2024-12-02", False),
    ("ar", "2024/09/29 09:00 م", "2024-09-29T21:00", True),
    ("es", "Madrid - 05 dic 2024 - 11:58", "2024-12-05T11:58", True),
    ("es", "30 de octubre del 2024, 8:00 p. m.", "2024-10-30T20:00", True),
    ("es", "1º de mayo de 2024", "2024-05-01", False),
    ("it", "Pubblicato il 05/12/2024 alle 11:58", "2024-12-05T11:58", True),
    ("it", "giovedì 22 febbraio 2024 ore 09:12", "2024-02-22T09:12", True),
    ("it", "1° luglio 2024", "2024-07-01", False),
    ("pt", "5 de dezembro de 2024 às 11h58", "2024-12-05T11:58", True),
    ("pt", "publicado em 17/07/2024 às 06h00", "2024-07-17T06:00", True),
    ("pt", "segunda-feira, 2 de dezembro de 2024", "2024-12-02", False),
    ("nl", "Bijgewerkt op 5 december 2024 om 11.58 uur", "2024-12-05T11:58", True),
    ("nl", "do 14 mrt 2024, 17:35", "2024-03-14T17:35", True),
    ("nl", "22-02-24, 09:12", "2024-02-22T09:12", True),
    ("pl", "5 grudnia 2024 o godz. 11:58", "2024-12-05T11:58", True),
    ("pl", "Opublikowano: 14 marca 2024 r., 17:35", "2024-03-14T17:35", True),
    ("pl", "30 paź 2024 20:00", "2024-10-30T20:00", True),
    ("tr", "5 Aralık 2024 Perşembe 11:58", "2024-12-05T11:58", True),
    ("tr", "ARALIK 5, 2024", "2024-12-05", False),
    ("tr", "Güncelleme: 14.03.2024 - 17:35", "2024-03-14T17:35", True),
    ("sv", "Publicerad 5 december 2024 kl 11.58", "2024-12-05T11:58", True),
    ("sv", "Uppdaterad 2024-03-14 17:35", "2024-03-14T17:35", True),
    ("sv", "onsdag 17 juli 2024", "2024-07-17", False),
    ("el", "Πέμπτη, 5 Δεκεμβρίου 2024, 11:58", "2024-12-05T11:58", True),
    ("el", "3 Απριλίου 2024 10:30 μ.μ.", "2024-04-03T22:30", True),
    ("el", "ΠΕΜΠΤΗ 6 ΙΟΥΝΙΟΥ 2024", "2024-06-06", False),
    ("he", "05.12.2024 | 11:58", "2024-12-05T11:58", True),
    ("he", "פורסם: 05.12.24, 11:58", "2024-12-05T11:58", True),
    ("he", "יום חמישי, 14 במרץ 2024", "2024-03-14", False),
    ("hi", "19 अगस्त 2024 08:04 पूर्वाह्न", "2024-08-19T08:04", True),
    ("hi", "दिसंबर 02, 2024 09:05 AM", "2024-12-02T09:05", True),
    ("hi", "22 फ़रवरी 2024", "2024-02-22", False),
    ("hi", "२२ फरवरी २०२४", "2024-02-22", False),
    ("cs", "Aktualizováno 5. 12. 2024 11:58", "2024-12-05T11:58", True),
    ("cs", "čtvrtek 14. března 2024, 17:35", "2024-03-14T17:35", True),
    ("cs", "5. prosince 2024", "2024-12-05", False),
]


def _id(case) -> str:
    return f"{case[0]}-{case[1][:24]}"


@pytest.mark.parametrize("lang,text,expected,has_time", DATE_LINES, ids=map(_id, DATE_LINES))
def test_date_lines_parse_to_the_printed_wall_clock(lang, text, expected, has_time):
    assert parse_with_precision(text, lang) == ParsedDate(
        datetime.fromisoformat(expected), has_time
    )


@pytest.mark.parametrize("lang,text,expected,has_time", DATE_LINES, ids=map(_id, DATE_LINES))
def test_date_lines_parse_without_a_language_hint(lang, text, expected, has_time):
    assert parse(text, None) == datetime.fromisoformat(expected)


def test_every_supported_language_is_covered():
    assert {case[0] for case in DATE_LINES} == set(SUPPORTED_CODES)


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "12/5/2024", datetime(2024, 12, 5)),
        ("fr", "12/5/2024", datetime(2024, 5, 12)),
        ("en", "13/5/2024", datetime(2024, 5, 13)),
        ("de", "5/13/2024", datetime(2024, 5, 13)),
        ("en", "05.12.2024", datetime(2024, 12, 5)),
    ],
    ids=["en-month-first", "fr-day-first", "en-day-above-12", "de-month-above-12", "en-dots"],
)
def test_numeric_order_follows_the_locale_unless_a_part_settles_it(lang, text, expected):
    assert parse(text, lang) == expected


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("en", "2024-06-01T08:30:00Z", datetime(2024, 6, 1, 8, 30, tzinfo=UTC)),
        (
            "en",
            "Thu, 05 Dec 2024 11:58:00 +0100",
            datetime(2024, 12, 5, 11, 58, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "es",
            "5 de diciembre de 2024 - 11:58 CET",
            datetime(2024, 12, 5, 11, 58, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "de",
            "Montag, 4. November 2024, 22:04 Uhr MEZ",
            datetime(2024, 11, 4, 22, 4, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("en", "Thu 5 Dec 2024 11.58 GMT", datetime(2024, 12, 5, 11, 58, tzinfo=UTC)),
        (
            "hi",
            "14 मार्च 2024, 05:35 PM IST",
            datetime(2024, 3, 14, 17, 35, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        (
            "ru",
            "22 февраля 2024, 09:12 МСК",
            datetime(2024, 2, 22, 9, 12, tzinfo=timezone(timedelta(hours=3))),
        ),
    ],
    ids=["en-iso-z", "en-rfc2822", "es-cet", "de-mez", "en-gmt", "hi-ist", "ru-msk"],
)
def test_stated_zones_give_aware_datetimes(lang, text, expected):
    got = parse(text, lang)
    assert got == expected and got.utcoffset() == expected.utcoffset()


def test_us_eastern_time_follows_daylight_saving():
    got = parse("July 4, 2024 11:58 AM ET", "en")
    assert got.utcoffset() == timedelta(hours=-4) and (got.hour, got.minute) == (11, 58)


def test_french_et_is_not_eastern_time():
    assert parse("Publié le 5 décembre 2024 à 11h58 et mis à jour", "fr").tzinfo is None


NON_DATES = [
    ("fr", "il y a 3 heures"),
    ("fr", "Hier à 18h30"),
    ("fr", "Décembre 2024"),
    ("fr", "Il est né le 5 décembre 2024 à Paris et a grandi à Lyon."),
    ("de", "vor 3 Stunden"),
    ("de", "Die Sitzung fand am 5. Dezember 2024 in Berlin statt."),
    ("en", "yesterday"),
    ("en", "2024"),
    ("en", "Published 11 hours ago"),
    ("en", "The summit was held on December 5, 2024 in Brussels and drew protests."),
    ("en", "Call 555-123-4567"),
    ("uk", "Сьогодні, 11:58"),
    ("ru", "3 часа назад"),
    ("ru", "+7 (495) 123-45-67"),
    ("ko", "2024년 12월"),
    ("ja", "3時間前"),
    ("zh", "2024年12月5日，国家主席在北京人民大会堂会见了来访的外国代表团并发表讲话"),
    ("ar", "منذ 3 ساعات"),
    ("es", "Precio: 19,99 €"),
    ("it", "Ieri alle 18:30"),
    ("pt", "(11) 98765-4321"),
    ("nl", "3 uur geleden"),
    ("pl", "Grudzień 2024"),
    ("tr", "Fiyat: 199,90 TL"),
    ("sv", "Publicerad idag 11.58"),
    ("el", "πριν από 3 ώρες"),
    ("he", "לפני 3 שעות"),
    ("hi", "3 घंटे पहले"),
    ("cs", "Prosinec 2024"),
    ("fr", "06.12.34.56.78"),
    ("en", "12.99"),
    ("en", "Version 1.2.3"),
    ("en", "31/02/2024"),
]


@pytest.mark.parametrize("lang,text", NON_DATES, ids=map(_id, NON_DATES))
def test_non_dates_give_none(lang, text):
    assert parse(text, lang) is None


JUNK = [
    "",
    "   ",
    "\x00\x01\xff",
    "\ud800\udfff lone surrogates \udc00",
    "٫٬",
    "年月日",
    "2024-13-45T99:99",
    "5" * 5000,
    "December " * 1000,
    b"5 Dec 2024",
    None,
    20241205,
    "😀 5 Dec 2024 😀",
]


@pytest.mark.parametrize("junk", JUNK, ids=[f"junk{i}" for i in range(len(JUNK))])
def test_junk_never_raises(junk):
    parse(junk, "en")
    parse_with_precision(junk, None)
    search(junk, "xx")


def test_huge_input_is_capped():
    date = "5 December 2024"
    # parse() gives up on anything longer than a date line, even a date padded with spaces.
    assert parse(" " * (MAX_PARSE_CHARS - len(date)) + date, "en") == datetime(2024, 12, 5)
    assert parse(" " * MAX_PARSE_CHARS + date, "en") is None
    # search() reads only the head of a page: a date just inside it is found, one past it is not.
    inside = "x " * ((MAX_SEARCH_CHARS - len(date)) // 2) + date
    assert len(inside) <= MAX_SEARCH_CHARS
    assert search(inside, "en").value == datetime(2024, 12, 5)
    huge = "lorem ipsum " * 900_000 + date
    assert parse(huge, "en") is None
    assert search(huge, "en") is None


@pytest.mark.parametrize(
    "lang,text,span_text,expected",
    [
        (
            "fr",
            "5 décembre 2024, 11h58 Écouter l’article",
            "5 décembre 2024, 11h58",
            datetime(2024, 12, 5, 11, 58),
        ),
        (
            "de",
            "Politik\nStand: 05.12.2024 11:58 Uhr\nBerlin. Der Bundestag hat",
            "05.12.2024 11:58 Uhr",
            datetime(2024, 12, 5, 11, 58),
        ),
        (
            "uk",
            "Новини 11:58, 5 грудня 2024 Київ",
            "11:58, 5 грудня 2024",
            datetime(2024, 12, 5, 11, 58),
        ),
        ("ar", "الرئيسية ٥ ديسمبر ٢٠٢٤ خبر", "٥ ديسمبر ٢٠٢٤", datetime(2024, 12, 5)),
        (
            "ja",
            "ニュース 2024年12月5日 11時58分 配信",
            "2024年12月5日 11時58分",
            datetime(2024, 12, 5, 11, 58),
        ),
        ("hi", "समाचार फ़रवरी 22, 2024 पढ़ें", "फ़रवरी 22, 2024", datetime(2024, 2, 22)),
    ],
    ids=["fr", "de", "uk", "ar", "ja", "hi"],
)
def test_search_finds_the_first_date_and_its_span(lang, text, span_text, expected):
    found = search(text, lang)
    assert isinstance(found, DateMatch)
    assert text[found.start : found.end] == span_text
    assert found.value == expected


def test_search_finds_dates_inside_sentences_that_parse_rejects():
    text = "The summit was held on December 5, 2024 in Brussels."
    assert parse(text, "en") is None
    assert search(text, "en").value == datetime(2024, 12, 5)


def test_search_without_a_date_gives_none():
    assert search("il y a 3 heures, selon nos informations", "fr") is None


def test_wrong_hint_still_parses_unambiguous_forms():
    assert parse("5 грудня 2024, 11:58", "fr") == datetime(2024, 12, 5, 11, 58)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和4年3月21日", datetime(2022, 3, 21)),
        ("令和６年１２月５日 11時58分", datetime(2024, 12, 5, 11, 58)),
        ("平成元年1月8日", datetime(1989, 1, 8)),
    ],
    ids=["ja-reiwa", "ja-reiwa-fullwidth", "ja-heisei-first-year"],
)
def test_japanese_era_years(text, expected):
    assert parse(text, "ja") == expected


def test_dutch_last_update_label():
    assert parse("Laatste update: 19-06-2023 22:48", "nl") == datetime(2023, 6, 19, 22, 48)


def test_a_date_followed_by_a_run_of_whitespace_is_parsed_and_does_not_hang():
    # Catastrophic backtracking once made this never return; a subprocess bounds the test
    # (a hang guard, not a speed target: the limit is minutes above the milliseconds it takes).
    import subprocess
    import sys

    code = (
        "from reader.library.dates import parse, search\n"
        "print(parse('5 December 2024' + ' ' * 60, 'en').date())\n"
        "print(search('5 December 2024' + ' \\n' * 5000 + 'end', 'en').value.date())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["2024-12-05", "2024-12-05"]
