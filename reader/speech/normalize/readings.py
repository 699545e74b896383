"""Readings every engine can pronounce (Japanese numbers as kana, Hebrew numbers as words), and
Japanese kanji as kana for espeak-ng, which reads nothing else."""

import re

from num2words import num2words

from reader.once import once

_INTEGER = re.compile(r"(?<![\d.,])\d+(?![\d])")
# 1400万 is one number (14,000,000), read as one: せんよんひゃくまん.
_JAPANESE_LARGE_NUMBER = re.compile(r"(?<![\d.,])(\d+)([万億兆]?)")
_JAPANESE_UNITS = {"": 1, "万": 10**4, "億": 10**8, "兆": 10**12}


# espeak-ng drops a minus sign before a number in most voices: -28 °C would be heard as 28.
_NEGATIVE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[]))[-\u2212](?=\d)")
# Chinese and Japanese put no space before the sign: 气温为-5 °C.
_NEGATIVE_CJK = re.compile(r"(?<![0-9A-Za-z])[-\u2212](?=\d)")
MINUS_WORDS = {
    "fr": "moins", "de": "minus", "en": "minus", "uk": "мінус", "ru": "минус", "ko": "마이너스",
    "ja": "まいなす", "zh": "负", "ar": "سالب", "es": "menos", "it": "meno", "pt": "menos",
    "nl": "min", "pl": "minus", "tr": "eksi", "sv": "minus", "el": "μείον", "he": "מינוס",
    "hi": "माइनस", "cs": "minus", "vi": "âm", "hu": "mínusz", "hy": "մինուս",
}  # fmt: skip
# Voices that read "%" in English; the others say it in their own language.
_PERCENT = re.compile(r"(\d(?:[\d.,]*\d)?)\s?[%％]")
PERCENT_WORDS = {
    "uk": "відсотків",
    "ko": "퍼센트",
    "ja": "ぱーせんと",
    "ar": "بالمئة",
    "he": "אחוז",
}
_CELSIUS = re.compile(r"\s?°\s?C\b")
CELSIUS_WORDS = {
    "fr": "degrés Celsius", "de": "Grad Celsius", "en": "degrees Celsius", "uk": "градусів Цельсія",
    "ru": "градусов Цельсия", "ko": "도", "ja": "ど", "zh": "摄氏度", "ar": "درجة مئوية",
    "es": "grados Celsius", "it": "gradi Celsius", "pt": "graus Celsius", "nl": "graden Celsius",
    "pl": "stopni Celsjusza", "tr": "santigrat derece", "sv": "grader Celsius",
    "el": "βαθμούς Κελσίου", "he": "מעלות צלזיוס", "hi": "डिग्री सेल्सियस", "cs": "stupňů Celsia",
}  # fmt: skip


def speakable(text: str, lang: str) -> str:
    """The text in a form espeak-ng's voice for the language can say."""
    text = _signs_and_units_in_words(text, lang)
    if lang == "zh":
        # Years are read digit by digit (二零二四年); other numbers as amounts.
        text = _YEAR_ZH.sub(lambda m: "".join(_CHINESE_DIGITS[int(d)] for d in m[1]) + "年", text)
        text = _CLOCK.sub(_chinese_clock, text)
        return _INTEGER.sub(lambda m: chinese_numeral(int(m.group())), text)
    if lang == "ja":
        return _japanese_numbers_as_kana(text)
    if lang == "he":
        # espeak-ng's Hebrew voice says nothing at all for digits.
        return _integers_in_words(_decimals_in_words(text, "he"), "he")
    return text


# Days of the month have their own readings (8日 is ようか, not はちにち). 二十日 stays in kanji,
# which the reading dictionary reads as one word (はつか): written in kana it is split after a
# noun as the particle は and つか (三月はつか, "sangatsu wa tsuka").
_JAPANESE_DAYS = {
    1: "ついたち", 2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか",
    7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "二十日",
    24: "にじゅうよっか",
}  # fmt: skip
_JAPANESE_HOURS = {4: "よじ", 7: "しちじ", 9: "くじ"}
# Minutes: the last digit decides ふん or ぷん and may change its own sound (1分 いっぷん).
_JAPANESE_MINUTE_ENDINGS = {
    0: "じゅっぷん", 1: "いっぷん", 2: "にふん", 3: "さんぷん", 4: "よんぷん", 5: "ごふん",
    6: "ろっぷん", 7: "ななふん", 8: "はっぷん", 9: "きゅうふん",
}  # fmt: skip
_JAPANESE_COUNTER = re.compile(r"(?<![\d.,])(\d{1,2})(日|時|分)(間|の(?=\d))?")
# Counted spans the reading dictionary says right once the number is a kanji numeral: 1時間 is
# いちじかん (not いちじ間), 3分の1 is さんぶんのいち (a fraction; 5分の遅れ is minutes), 1日間
# is いちにちかん (not ついたち).
_JAPANESE_SPANS = {("時", "間"), ("分", "の"), ("日", "間", 1)}


def _japanese_counter_reading(m: re.Match[str]) -> str:
    number, counter, after = int(m.group(1)), m.group(2), m.group(3) or ""
    if (counter, after) in _JAPANESE_SPANS or (counter, after, number) in _JAPANESE_SPANS:
        return japanese_numeral(number) + counter + after
    return _japanese_counter_word(number, counter) + after


def _japanese_counter_word(number: int, counter: str) -> str:
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


# Decimals keep their point: 3.5 is さんてんご, שלוש נקודה חמש, not "3" and "5".
_DECIMAL = re.compile(r"(?<![\d.,])(\d+)\.(\d+)(?![\d.])")
_POINT_WORDS = {"ja": "てん", "he": " נקודה "}


def _decimals_in_words(text: str, lang: str) -> str:
    reading = {"reading": True} if lang == "ja" else {}

    def say(m: re.Match[str]) -> str:
        digits = (" " if lang == "he" else "").join(
            num2words(int(d), lang=lang, **reading) for d in m[2]
        )
        return num2words(int(m[1]), lang=lang, **reading) + _POINT_WORDS[lang] + digits

    return _DECIMAL.sub(say, text)


def _japanese_numbers_as_kana(text: str) -> str:
    # Counters with their own readings (8日 is ようか) and decimals in kana: neither espeak-ng
    # nor a morphological analyzer reads them right from the digits. Other numbers become kanji
    # numerals (1,400万人 is 千四百万人), which pyopenjtalk reads with their counter (三人 is
    # さんにん, where it reads "3人" and "さん人" as さんじん); espeak-ng's step spells them in
    # kana (japanese_as_kana). The kanji stay, for the engines that read them in context.
    text = _decimals_in_words(text, "ja")
    text = _JAPANESE_COUNTER.sub(_japanese_counter_reading, text)
    return _JAPANESE_LARGE_NUMBER.sub(
        lambda m: japanese_numeral(int(m.group(1)) * _JAPANESE_UNITS[m.group(2)]), text
    )


_KANJI_DIGITS = "〇一二三四五六七八九"
_KANJI_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_LARGE_UNITS = {"万": 10**4, "億": 10**8, "兆": 10**12}
_KANJI_NUMERAL_CHARS = frozenset("〇一二三四五六七八九十百千万億兆")


def japanese_numeral(number: int) -> str:
    """12350 → 一万二千三百五十, 1000 → 千: as Japanese writes numbers in kanji."""
    if number == 0:
        return "〇"
    parts, large = [], ["", "万", "億", "兆"]
    for unit in large:
        number, group = divmod(number, 10_000)
        if group:
            parts.append(_japanese_group(group) + unit)
        if not number:
            break
    return "".join(reversed(parts))


def _japanese_group(group: int) -> str:
    out = ""
    for unit, value in (("千", 1000), ("百", 100), ("十", 10)):
        digit, group = divmod(group, value)
        if digit:
            out += ("" if digit == 1 else _KANJI_DIGITS[digit]) + unit
    return out + (_KANJI_DIGITS[group] if group else "")


def kanji_numeral_value(numeral: str) -> int | None:
    """一万二千三百五十 → 12350; None when the characters are not one number."""
    total = section = digit = 0
    seen_digit = False
    for char in numeral:
        if char in _KANJI_DIGITS:
            if seen_digit:
                return None  # 二三 is a range ("two or three"), not a number
            digit, seen_digit = _KANJI_DIGITS.index(char), True
        elif char in _KANJI_SMALL_UNITS:
            section += (digit if seen_digit else 1) * _KANJI_SMALL_UNITS[char]
            digit, seen_digit = 0, False
        else:
            total += (section + digit or 1) * _KANJI_LARGE_UNITS[char]
            section = digit = 0
            seen_digit = False
    return total + section + digit


def japanese_as_kana(text: str) -> str:
    """Japanese text in kana as it is pronounced, for espeak-ng: its voice reads kana only, and
    says "Japanese letter" for each kanji.

    The readings are pyopenjtalk's, word by word in context (入った is はいった, 今日は is
    きょーわ, 四月 is しがつ, （日） is にちよーび), the analyzer Kokoro's Japanese already uses,
    with its dictionary installed from its package. Kana the text already has stay as written
    but for the particles は and へ, said わ and え. Numerals of two or more kanji that the
    dictionary reads as one word are read by num2words (the dictionary says つくも for 九十九).
    """
    words = _openjtalk().run_frontend(text, use_sudachi_kanji_yomi=False)
    return "".join(_spoken_kana(word) for word in words)


# What espeak-ng's Japanese voice takes as punctuation; other signs (・, ※) it spells out as
# "Japanese letter", so they become a pause.
_ESPEAK_PUNCTUATION = frozenset("。、，．！？!?「」『』（）()…　 ")
_HIRAGANA = re.compile(r"[\u3041-\u309fー]+")
_SPOKEN_PARTICLES = {"は": "わ", "へ": "え"}
# The dictionary's mark for an accent nucleus, which espeak-ng would read.
_ACCENT_MARK = "\u2019"


def _spoken_kana(word: dict) -> str:
    written, said = word["string"], word["pron"].replace(_ACCENT_MARK, "")
    if word["pos"] == "助詞" and written in _SPOKEN_PARTICLES:
        return _SPOKEN_PARTICLES[written]
    if _HIRAGANA.fullmatch(written):
        return written
    if said == "、" and written != "、":  # the analyzer's pause for any sign
        return written if written in _ESPEAK_PUNCTUATION else "、"
    if len(written) > 1 and all(char in _KANJI_NUMERAL_CHARS for char in written):
        value = kanji_numeral_value(written)
        if value is not None:
            return num2words(value, lang="ja", reading=True)
    return _as_hiragana(said)


def _as_hiragana(katakana: str) -> str:
    # Katakana and hiragana are the same syllables 0x60 apart; ヷ-ヺ and ー have no hiragana.
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in katakana)


def _signs_and_units_in_words(text: str, lang: str) -> str:
    if lang in MINUS_WORDS:
        negative = _NEGATIVE_CJK if lang in ("zh", "ja") else _NEGATIVE
        text = negative.sub(MINUS_WORDS[lang] + ("" if lang in ("zh", "ja") else " "), text)
    if lang in CELSIUS_WORDS:
        text = _CELSIUS.sub(" " + CELSIUS_WORDS[lang], text)
    if lang == "zh":
        return _PERCENT.sub(r"百分之\1", text)  # Chinese says the percent first
    if lang in PERCENT_WORDS:
        return _PERCENT.sub(rf"\1 {PERCENT_WORDS[lang]}", text)
    return text


_CHINESE_DIGITS = "零一二三四五六七八九"
_YEAR_ZH = re.compile(r"(?<!\d)(\d{4})\s?年")
_CLOCK = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")


def _chinese_clock(m: re.Match[str]) -> str:
    hour, minute = int(m[1]), int(m[2])
    if minute == 0:
        return f"{chinese_numeral(hour)}点"
    return f"{chinese_numeral(hour)}点{'零' if minute < 10 else ''}{chinese_numeral(minute)}分"


def chinese_numeral(number: int) -> str:
    """12350 → 一万二千三百五十: espeak-ng's Mandarin reads digit strings as 十二千…"""
    if number == 0:
        return "零"
    parts, unit_index = [], 0
    while number:
        number, group = divmod(number, 10_000)
        if group:
            parts.append(
                _chinese_group(group, leading=number == 0) + ["", "万", "亿", "万亿"][unit_index]
            )
        elif parts and not parts[-1].startswith("零"):
            parts.append("零")
        unit_index += 1
    text = "".join(reversed(parts)).rstrip("零")
    return text[1:] if text.startswith("一十") else text


def _chinese_group(group: int, leading: bool) -> str:
    digits = f"{group:04d}"
    out, zero = [], False
    for digit, unit in zip(digits, ("千", "百", "十", ""), strict=True):
        if digit == "0":
            zero = bool(out) or not leading
            continue
        if zero and (out or not leading):
            out.append("零")
        zero = False
        out.append(_CHINESE_DIGITS[int(digit)] + unit)
    return "".join(out)


def _integers_in_words(text: str, lang: str) -> str:
    return _INTEGER.sub(lambda m: num2words(int(m.group()), lang=lang), text)


@once
def _openjtalk():
    # Imported on first use: its dictionary loads with it (~1 s), and only espeak-ng's Japanese
    # needs it here.
    import pyopenjtalk

    return pyopenjtalk
