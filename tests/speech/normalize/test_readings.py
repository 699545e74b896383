"""Readings espeak-ng can say: Japanese in kana, Hebrew numbers in words, Mandarin by pinyin."""

import pytest

from reader.speech.engines.espeak import EspeakEngine, _espeak_session
from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.normalize import normalize
from reader.speech.normalize.readings import (
    japanese_as_kana,
    japanese_numeral,
    kanji_numeral_value,
)
from reader.speech.options import SynthesisOptions
from reader.text.languages import LANGUAGES


def phonemes(text: str, voice: str) -> str:
    return phonemize_with_espeak(text, voice)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # Kana as said, not as spelled: the particle は is わ, 港 is こー.
        (
            "港南電鉄は8日、新型特急がデビュー。",
            "こーなんでんてつわようか、しんがたとっきゅーがでびゅー。",
        ),
        ("人口は1,400万人です。", "じんこーわせんよんひゃくまんにんです。"),
        ("18時02分", "じゅうはちじにふん"),
        ("午前9時30分", "ごぜんくじさんじゅっぷん"),
        ("ひらがなだけ", "ひらがなだけ"),
    ],
    ids=["ja-day-and-kanji", "ja-man", "ja-time", "ja-irregular-hour", "ja-kana-unchanged"],
)
def test_japanese_is_given_to_espeak_as_kana(text, spoken):
    assert japanese_as_kana(normalize(text, "ja")) == spoken


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        ("港南電鉄は8日、新型特急がデビュー。", "港南電鉄はようか、新型特急がデビュー。"),
        ("人口は1,400万人です。", "人口は千四百万人です。"),
        ("3人が約12,000人を迎えた。", "三人が約一万二千人を迎えた。"),
        ("消費電力を約30％削減", "消費電力を約三十 ぱーせんと削減"),
    ],
    ids=["ja-day-reading", "ja-man", "ja-counter-after-number", "ja-full-width-percent"],
)
def test_japanese_spoken_text_keeps_its_kanji_and_numbers_become_kanji_numerals(text, spoken):
    # Kokoro's phonemizer (pyopenjtalk) reads the kanji in context; only espeak-ng needs kana.
    assert normalize(text, "ja") == spoken


@pytest.mark.parametrize(
    "number", [1, 7, 10, 11, 99, 248, 1000, 1100, 2026, 10_000, 12_350, 14 * 10**6, 100_010]
)
def test_japanese_numerals_read_back_as_their_number(number):
    assert kanji_numeral_value(japanese_numeral(number)) == number


def test_kanji_numerals_reach_espeak_as_num2words_readings_not_dictionary_guesses():
    assert japanese_as_kana("九十九") == "きゅうじゅうきゅう"  # the dictionary says つくも
    assert japanese_as_kana("千四百万人") == "せんよんひゃくまんにん"
    assert kanji_numeral_value("二三") is None


def test_hebrew_numbers_become_words():
    spoken = normalize("בשנת 2024 הגיעו 15000 איש", "he")
    assert not any(ch.isdigit() for ch in spoken)
    assert "אלף" in spoken


@pytest.mark.espeak
def test_espeak_reads_japanese_kanji_after_conversion_not_as_chinese_letters():
    raw = phonemes("新型特急", "jpx/ja")
    assert "(en)" in raw  # espeak-ng says "Chinese letter" for each kanji
    assert "(en)" not in phonemes(
        japanese_as_kana(normalize("新型特急", "ja")), LANGUAGES["ja"].espeak_voice
    )


@pytest.mark.espeak
def test_the_espeak_engine_reads_japanese_kanji_as_kana():
    engine = EspeakEngine()
    voice = LANGUAGES["ja"].espeak_voice
    options = SynthesisOptions(voice, engine="espeak")
    kanji = len(engine.synthesize("新型特急", options).samples)
    kana = len(engine.synthesize("しんがたとっきゅう", options).samples)
    unconverted = len(_espeak_session().synthesize("新型特急", options).samples)
    assert abs(kanji - kana) < kana * 0.05  # the same words (espeak-ng varies by a few samples)
    assert unconverted > kana * 1.3  # "Chinese letter" four times


@pytest.mark.espeak
def test_espeak_says_hebrew_numbers_once_they_are_words():
    assert phonemes("15000", "he").strip() == ""  # digits are silent in espeak-ng's Hebrew
    assert phonemes(normalize("15000", "he"), "he").strip() != ""


@pytest.mark.espeak
def test_the_chinese_voice_reads_hanzi_with_tones_not_english_digits():
    plain = phonemes("天文新展开幕", "sit/cmn")
    assert "(en)" in plain  # tone digits read as English "one", "two"
    assert "(en)" not in phonemes("天文新展开幕", LANGUAGES["zh"].espeak_voice)


@pytest.mark.parametrize(
    ("number", "numeral"),
    [
        (10, "十"),
        (105, "一百零五"),
        (2024, "二千零二十四"),
        (10001, "一万零一"),
        (12350, "一万二千三百五十"),
        (123456789, "一亿二千三百四十五万六千七百八十九"),
    ],
)
def test_chinese_numerals(number, numeral):
    from reader.speech.normalize.readings import chinese_numeral

    assert chinese_numeral(number) == numeral


@pytest.mark.parametrize(
    ("lang", "text", "spoken"),
    [
        ("zh", "共有12350名观众，增长约35%。", "共有一万二千三百五十名观众，增长约百分之三十五。"),
        ("zh", "2026年4月16日 09:48", "二零二六年四月十六日 九点四十八分"),
        ("zh", "气温为-5 °C", "气温为负五 摄氏度"),
        ("uk", "а 10 % від", "а десять відсотків від"),
        ("ru", "до −28 градусов", "до минус двадцать восемь градусов"),
        ("fr", "il fait -28 °C", "il fait moins vingt-huit degrés Celsius"),
        ("de", "Score 3-1", "Score drei-eins"),
    ],
    ids=["zh-amount-percent", "zh-date-time", "zh-minus-celsius", "uk-percent", "ru-minus",
         "fr-minus-celsius", "de-score"],
)  # fmt: skip
def test_signs_units_and_numbers_are_spoken_in_the_language(lang, text, spoken):
    assert normalize(text, lang) == spoken


@pytest.mark.espeak
@pytest.mark.parametrize(("lang", "text"), [("zh", "增长约35%"), ("uk", "10 % від"), ("ko", "35%")])
def test_percent_is_not_read_in_english(lang, text):
    assert "(en)" in phonemes(text, LANGUAGES[lang].espeak_voice)
    assert "(en)" not in phonemes(normalize(text, lang), LANGUAGES[lang].espeak_voice)


@pytest.mark.espeak
def test_a_minus_sign_is_heard():
    raw, spoken = phonemes("-28", "roa/fr"), phonemes(normalize(" -28", "fr"), "roa/fr")
    assert "mw" in spoken and "mw" not in raw  # « moins »
