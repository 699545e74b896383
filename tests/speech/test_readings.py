"""Readings espeak-ng can say: Japanese in kana, Hebrew numbers in words, Mandarin by pinyin."""

import subprocess

import pytest

from reader.languages import LANGUAGES
from reader.speech.normalize import normalize


def phonemes(text: str, voice: str) -> str:
    out = subprocess.run(
        ["espeak-ng", "-q", "-x", "-v", voice, text], capture_output=True, text=True, check=True
    )
    return out.stdout


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        (
            "港南電鉄は8日、新型特急がデビュー。",
            "こうなんでんてつはようか、しんがたとっきゅうがでびゅー。",
        ),
        ("人口は1,400万人です。", "じんこうはせんよんひゃくまんにんです。"),
        ("18時02分", "じゅうはちじにふん"),
        ("午前9時30分", "ごぜんくじさんじゅっぷん"),
        ("ひらがなだけ", "ひらがなだけ"),
    ],
    ids=["ja-day-and-kanji", "ja-man", "ja-time", "ja-irregular-hour", "ja-kana-unchanged"],
)
def test_japanese_is_given_to_espeak_as_kana(text, spoken):
    assert normalize(text, "ja") == spoken


def test_hebrew_numbers_become_words():
    spoken = normalize("בשנת 2024 הגיעו 15000 איש", "he")
    assert not any(ch.isdigit() for ch in spoken)
    assert "אלף" in spoken


@pytest.mark.espeak
def test_espeak_reads_japanese_kanji_after_conversion_not_as_chinese_letters():
    raw = phonemes("新型特急", "jpx/ja")
    assert "(en)" in raw  # espeak-ng says "Chinese letter" for each kanji
    assert "(en)" not in phonemes(normalize("新型特急", "ja"), LANGUAGES["ja"].espeak_voice)


@pytest.mark.espeak
def test_espeak_says_hebrew_numbers_once_they_are_words():
    assert phonemes("15000", "he").strip() == ""  # digits are silent in espeak-ng's Hebrew
    assert phonemes(normalize("15000", "he"), "he").strip() != ""


@pytest.mark.espeak
def test_the_chinese_voice_reads_hanzi_with_tones_not_english_digits():
    plain = phonemes("天文新展开幕", "sit/cmn")
    assert "(en)" in plain  # tone digits read as English "one", "two"
    assert "(en)" not in phonemes("天文新展开幕", LANGUAGES["zh"].espeak_voice)
