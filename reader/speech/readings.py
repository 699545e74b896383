"""Readings espeak-ng can pronounce: Japanese as kana, Hebrew numbers as words."""

import re
from functools import cache

from num2words import num2words

_INTEGER = re.compile(r"(?<![\d.,])\d+(?![\d])")
# 1400万 is one number (14,000,000), read as one: せんよんひゃくまん.
_JAPANESE_LARGE_NUMBER = re.compile(r"(?<![\d.,])(\d+)([万億兆]?)")
_JAPANESE_UNITS = {"": 1, "万": 10**4, "億": 10**8, "兆": 10**12}
_NON_KANA_JAPANESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u30a0-\u30ff々〆]")


def speakable(text: str, lang: str) -> str:
    """The text in a form espeak-ng's voice for the language can say."""
    if lang == "ja":
        return _japanese_as_kana(text)
    if lang == "he":
        # espeak-ng's Hebrew voice says nothing at all for digits.
        return _integers_in_words(text, "he")
    return text


# Days of the month have their own readings (8日 is ようか, not はちにち).
_JAPANESE_DAYS = {
    1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか",
    7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか",
    24: "にじゅうよっか",
}  # fmt: skip
_JAPANESE_HOURS = {4: "よじ", 7: "しちじ", 9: "くじ"}
# Minutes: the last digit decides ふん or ぷん and may change its own sound (1分 いっぷん).
_JAPANESE_MINUTE_ENDINGS = {
    0: "じゅっぷん", 1: "いっぷん", 2: "にふん", 3: "さんぷん", 4: "よんぷん", 5: "ごふん",
    6: "ろっぷん", 7: "ななふん", 8: "はっぷん", 9: "きゅうふん",
}  # fmt: skip
_JAPANESE_COUNTER = re.compile(r"(?<![\d.,])(\d{1,2})(日|時|分)")


def _japanese_counter_reading(m: re.Match[str]) -> str:
    number, counter = int(m.group(1)), m.group(2)
    if counter == "日" and 1 <= number <= 31:
        return _JAPANESE_DAYS.get(number) or num2words(number, lang="ja", reading=True) + "にち"
    if counter == "時":
        return _JAPANESE_HOURS.get(number) or num2words(number, lang="ja", reading=True) + "じ"
    tens = number - number % 10
    ending = _JAPANESE_MINUTE_ENDINGS[number % 10]
    if number % 10 == 0 and number:
        head = num2words(tens // 10, lang="ja", reading=True) if tens > 10 else ""
        return head + ending
    return (num2words(tens, lang="ja", reading=True) if tens else "") + ending


def _japanese_as_kana(text: str) -> str:
    # espeak-ng's Japanese voice reads kana only: every kanji comes out as "Chinese letter".
    text = _JAPANESE_COUNTER.sub(_japanese_counter_reading, text)
    text = _JAPANESE_LARGE_NUMBER.sub(_japanese_number_reading, text)
    if not _NON_KANA_JAPANESE.search(text):
        return text
    return "".join(part["hira"] or part["orig"] for part in _kakasi().convert(text))


def _japanese_number_reading(m: re.Match[str]) -> str:
    value = int(m.group(1)) * _JAPANESE_UNITS[m.group(2)]
    return num2words(value, lang="ja", reading=True)


def _integers_in_words(text: str, lang: str) -> str:
    return _INTEGER.sub(lambda m: num2words(int(m.group()), lang=lang), text)


@cache
def _kakasi():
    import pykakasi

    return pykakasi.kakasi()
