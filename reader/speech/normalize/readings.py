"""Readings every engine can pronounce (Japanese numbers as kana, Hebrew numbers as words), and
Japanese kanji as kana for espeak-ng, which reads nothing else."""

import re

from num2words import num2words

from reader.once import once

_INTEGER = re.compile(r"(?<![\d.,])\d+(?![\d])")
# 1400万 is one number (14,000,000), read as one: せんよんひゃくまん.
_JAPANESE_LARGE_NUMBER = re.compile(r"(?<![\d.,])(\d+)([万億兆]?)")
_JAPANESE_UNITS = {"": 1, "万": 10**4, "億": 10**8, "兆": 10**12}
_NON_KANA_JAPANESE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u30a0-\u30ff々〆]")


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
# Two or more numeral characters: a single one (一人, 三日月) is left to the reading dictionary.
_KANJI_NUMBER = re.compile(r"[〇一二三四五六七八九十百千万億兆]{2,}")


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
    """Japanese text in hiragana, for espeak-ng: its voice reads kana only, and says "Chinese
    letter" for each kanji. Numbers are read by num2words (kakasi reads 九十九 as つくも)."""

    def number(m: re.Match[str]) -> str:
        value = kanji_numeral_value(m.group())
        return m.group() if value is None else num2words(value, lang="ja", reading=True)

    text = _KANJI_NUMBER.sub(number, text)
    if not _NON_KANA_JAPANESE.search(text):
        return text
    return "".join(part["hira"] or part["orig"] for part in _kakasi().convert(text))


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
def _kakasi():
    import pykakasi

    return pykakasi.kakasi()
