"""espeak-ng hears Japanese in context: the analyzer's readings, not one kanji at a time."""

import pytest

from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.normalize import normalize
from reader.speech.normalize.readings import japanese_as_kana
from reader.speech.policy import plan_reading
from reader.text.languages import LANGUAGES

VOICE = LANGUAGES["ja"].espeak_voice
# What espeak-ng prints when it meets a character its Japanese voice cannot read: it switches
# to English to say "Japanese letter" (or "Chinese letter" for a kanji).
ENGLISH = "(en)"


def said(text: str) -> str:
    """What espeak-ng's Japanese voice says for the text, as phonemes."""
    return phonemize_with_espeak(text, VOICE).strip()


def said_for(text: str) -> str:
    """What espeak-ng says for Japanese as reader gives it: normalized, then in kana."""
    return said(japanese_as_kana(normalize(text, "ja")))


# Each written form with the kana a native speaker says for it; the tests compare phonemes,
# so equivalent spellings of the same sounds pass.
EXAMPLES = {
    "hairu": ("彼は部屋に入った。", "かれわへやにはいった。"),  # not いっった
    "yaku": ("約58キロ", "やくごじゅーはちきろ"),  # 約 is やく, not つま
    "shigatsu": ("4月に", "しがつに"),  # not よんがつ
    "ippon": ("1本", "いっぽん"),
    "ikkagetsu": ("1か月で", "いっかげつで"),
    "hatachi": ("20歳の", "はたちの"),
    "kyou-wa": ("今日は晴れ", "きょーわはれ"),  # not こんにちは
    "weekday": ("11月30日（日）まで", "じゅーいちがつさんじゅうにちにちよーびまで"),
    "percent": ("約30％削減", "やくさんじゅーぱーせんとさくげん"),  # full-width ％ is heard
    "jikan": ("1時間12分", "いちじかんじゅうにふん"),  # a span, not the hour いちじ
    "bun-no": ("3分の1", "さんぶんのいち"),  # a fraction, not minutes
    "fun-no": ("5分の遅れ", "ごふんのおくれ"),  # minutes, not a fraction
    "hatsuka": ("3月20日、", "さんがつはつか、"),  # not the particle は and つか
}


@pytest.mark.espeak
@pytest.mark.parametrize(("text", "spoken"), EXAMPLES.values(), ids=EXAMPLES.keys())
def test_espeak_says_the_reading_a_native_speaker_says(text, spoken):
    assert said_for(text) == said(spoken)


@pytest.mark.espeak
def test_the_particle_wa_is_heard_as_wa_not_ha():
    assert said_for("今日は晴れ") != said("きょうははれ")  # what a kana-by-kana reading says


@pytest.mark.espeak
def test_espeak_never_spells_a_letter_in_the_japanese_seed(session):
    from tests.helpers import load_seed

    plan = plan_reading(load_seed(session, "08-ja"), read_hashtags=True)
    assert len(plan) > 10
    spelled = {u.display: said(japanese_as_kana(u.spoken)) for u in plan if u.lang == "ja"}
    assert spelled
    assert {display: s for display, s in spelled.items() if ENGLISH in s} == {}


def test_a_sign_espeak_would_spell_becomes_a_pause():
    assert japanese_as_kana("みなと・かぜ") == "みなと、かぜ"  # ・ would be "Japanese letter"
    assert japanese_as_kana("「みなと」。") == "「みなと」。"  # punctuation espeak-ng knows stays


def test_words_that_are_already_kana_keep_their_spelling():
    assert japanese_as_kana("じゅうはちじにふん") == "じゅうはちじにふん"
    assert japanese_as_kana("デビュー") == "でびゅー"
