"""Language of one- and two-word texts: word frequencies, and Han without kana."""

import pytest

from reader.library.langid import detect
from reader.library.langid.frequency import frequency_log_scores, han_word_log_scores
from reader.library.langid.han_forms import mixes_simplified_and_traditional


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Wettervorhersage"),
        ("nl", "Gemeenteraad"),
        ("pt", "Eleições municipais"),
        ("es", "Elecciones municipales"),
        ("uk", "Новини спорту"),
        ("ru", "Новости спорта"),
        ("sv", "Väderprognos"),
        ("cs", "Zpravodajství"),
    ],
)
def test_headings_of_one_or_two_words(lang, text):
    assert detect(text) == lang


def test_a_word_frequent_in_one_language_leads_there():
    scores = frequency_log_scores("gisteren", ("nl", "de", "en"))
    assert max(scores, key=scores.get) == "nl"
    assert scores["nl"] == 0.0 and scores["de"] < 0


def test_no_words_give_no_opinion():
    assert frequency_log_scores("2024 — 12", ("fr", "de")) == {"fr": 0.0, "de": 0.0}


@pytest.mark.parametrize("text", ["中国語", "韓国", "国際連合"])
def test_han_mixing_simplified_and_traditional_forms_is_japanese(text):
    assert mixes_simplified_and_traditional(text)
    assert detect(text) == "ja"


CHINESE = ["中华人民共和国", "中華民國", "我們的國家", "北京的天气很好", "經濟"]


@pytest.mark.parametrize("text", CHINESE)
def test_chinese_in_either_script_stays_chinese(text):
    assert not mixes_simplified_and_traditional(text)
    assert detect(text) == "zh"


def test_a_short_han_word_is_looked_up_in_both_languages():
    weekday = han_word_log_scores("日曜日")
    assert weekday["ja"] > weekday["zh"]
    bank = han_word_log_scores("銀行")  # traditional Chinese as much as Japanese
    assert bank["zh"] > han_word_log_scores("日曜日")["zh"]
    assert han_word_log_scores("这是一个很长的中文句子") == {"ja": 0.0, "zh": 0.0}


@pytest.mark.parametrize("text", ["日曜日", "電車"])
def test_japanese_words_without_kana(text):
    assert detect(text) == "ja"
