"""reader.library.dates beyond the core 20 languages, zone names in words, and what is no date."""

from datetime import datetime

import pytest

from reader.library.dates import parse, parse_with_precision

# (lang, text, expected wall clock): lines written for these tests, not CLDR output.
LINES = [
    ("ca", "Publicat el 5 de desembre de 2024", "2024-12-05T00:00"),
    ("hu", "2024. december 5., csütörtök 11:58", "2024-12-05T11:58"),
    ("fi", "Julkaistu 5. joulukuuta 2024 klo 11.58", "2024-12-05T11:58"),
    ("vi", "Thứ Năm, ngày 05 tháng 12 năm 2024 lúc 11:58", "2024-12-05T11:58"),
    ("id", "Kamis, 5 Desember 2024 pukul 11.58 WIB", "2024-12-05T11:58"),
    ("ro", "Publicat joi, 5 decembrie 2024, ora 11:58", "2024-12-05T11:58"),
    ("da", "Opdateret 5. december 2024 kl. 11.58", "2024-12-05T11:58"),
    ("lv", "2024. gada 5. decembris", "2024-12-05T00:00"),
    ("lt", "2024 m. gruodžio 5 d. 11:58", "2024-12-05T11:58"),
    ("fr", "jeudi 5 décembre 2024, 11:58:00 temps universel coordonné", "2024-12-05T11:58"),
    ("es", "5 de diciembre de 2024, 11:58 (tiempo universal coordinado)", "2024-12-05T11:58"),
    ("id", "5 Desember 2024 11.58.00", "2024-12-05T11:58"),
]

NON_DATES = [
    ("ca", "El govern va anunciar ahir que les obres acabaran el 5 de desembre de 2024."),
    ("hu", "A kormány 2024. december 5-én jelentette be, hogy az építkezés hamarosan befejeződik."),
    ("fi", "Hallitus kertoi 5. joulukuuta 2024, että työt valmistuvat pian koko maassa."),
    ("vi", "Chính phủ cho biết công trình sẽ hoàn thành vào năm sau theo kế hoạch ban đầu."),
    ("id", "Pemerintah mengumumkan bahwa proyek itu akan selesai tahun depan."),
    ("da", "Regeringen meddelte i går, at arbejdet snart er færdigt."),
    ("ro", "Guvernul a anunțat că lucrările se vor încheia anul viitor."),
    ("fr", "hier"),
    ("de", "vor 3 Stunden"),
    ("nl", "vandaag 12:00"),
    ("fi", "eilen klo 11.58"),
    ("da", "i går kl. 11.58"),
    ("en", "December 2024"),
    ("hu", "Hívja a 06 1 234 5678 számot"),
]


@pytest.mark.parametrize(("lang", "text", "expected"), LINES)
def test_reads_lines_in_more_languages(lang, text, expected):
    got = parse(text, lang)
    assert got is not None, text
    assert got.replace(tzinfo=None) == datetime.fromisoformat(expected)


@pytest.mark.parametrize(("lang", "text"), NON_DATES)
def test_prose_and_relative_phrases_give_none(lang, text):
    assert parse(text, lang) is None


def test_a_time_printed_is_kept_beyond_the_core_languages():
    parsed = parse_with_precision("2024. december 5., csütörtök 11:58", "hu")
    assert parsed is not None and parsed.has_time
    assert not parse_with_precision("Publicat el 5 de desembre de 2024", "ca").has_time


def test_a_zone_name_in_words_gives_its_offset():
    got = parse("vendredi 4 juin 2010, 07:58:00 heure d’été d’Europe centrale", "fr")
    assert got is not None and got.utcoffset().total_seconds() == 7200
