"""Display typography: curled English quotes, French spaces, and the gap between sentences."""

import pytest

from reader.text.slugs import slug
from reader.text.typography import sentence_gap, typography


@pytest.mark.parametrize(
    ("text", "curled"),
    [
        ('She said "the hawks are back".', "She said “the hawks are back”."),
        ("It's the hawks' day ('a record').", "It’s the hawks’ day (‘a record’)."),
        ("The '90s count", "The ’90s count"),
        ('"Yes," he said — "again."', "“Yes,” he said — “again.”"),
    ],
)
def test_english_straight_quotes_are_curled_in_place(text, curled):
    assert typography(text, "en") == curled
    assert len(typography(text, "en")) == len(text)  # sentence spans still fit


def test_other_languages_keep_their_quotes():
    assert typography('Er sagte "ja".', "de") == 'Er sagte "ja".'
    assert typography("« Oui » dit-il", "fr") == "«\u00a0Oui\u00a0» dit-il"


@pytest.mark.parametrize(
    ("sentence", "lang", "gap"),
    [
        ("港南電鉄は8日、営業運転を始めた。", "ja", ""),
        ("江岚市科技馆天文主题展正式开幕。", "zh", ""),
        ("「すごい」と話した。", "ja", ""),
        ("새 특급열차가 운행을 시작했다.", "ko", " "),  # Korean spaces its sentences
        ("Le train est parti.", "fr", " "),
        ("مرحبا بكم.", "ar", " "),
    ],
)
def test_cjk_sentences_follow_one_another_without_a_space(sentence, lang, gap):
    assert sentence_gap(sentence, lang) == gap


@pytest.mark.parametrize(
    ("title", "expected", "ascii_expected"),
    [
        ("Premières pertes signalées : Kyiv", "premieres-pertes-signalees-kyiv", None),
        ("新型特急「みなとかぜ」がデビュー", "新型特急-みなとかぜ-がデビュー", ""),
        ("حافلات كهربائية جديدة", "حافلات-كهربائية-جديدة", ""),
        ("Straßenbahn_Linie 7", "strassenbahn-linie-7", None),
    ],
)
def test_slugs_keep_each_script_and_drop_accents(title, expected, ascii_expected):
    assert slug(title) == expected
    assert slug(title, ascii_only=True) == (expected if ascii_expected is None else ascii_expected)


def test_a_long_title_is_cut_at_a_word():
    name = slug("word " * 40)
    assert len(name) <= 60 and not name.endswith("-") and name.endswith("word")
