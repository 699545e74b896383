"""Chinese numbers the integer reading leaves wrong: decimals keep their point (十三点五),
fractions (五分之一) and numeric dates (二零一九年二月十日)."""

import re

from reader.speech.normalize.readings import chinese_numeral

_DIGITS = "零一二三四五六七八九"
_DECIMAL = re.compile(r"(?<![\d.])(\d+)\.(\d+)(?![\d.])")
_FRACTION = re.compile(r"(?<![\d/])(\d+)/(\d+)(?![\d/])")
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?%")
_MINUS_PERCENT = re.compile(r"(?<![0-9A-Za-z])[-\u2212]百分之")
_DATE = re.compile(r"(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])")


def _digits(digits: str) -> str:
    return "".join(_DIGITS[int(d)] for d in digits)


def _date(match: re.Match[str]) -> str:
    month, day = int(match[3]), int(match[4])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group()
    return f"{_digits(match[1])}年{chinese_numeral(month)}月{chinese_numeral(day)}日"


# "2934 a.d.", "1234 b.c.": the era first, the year digit by digit (公元前一二三四年).
_ERA = re.compile(r"(?<![\d.])(\d{1,4})\s?(?:(?P<ad>[aA]\.?[dD]\.?)|[bB]\.?[cC]\.?)(?![A-Za-z])")
# "02年": a year written with its leading zero is read digit by digit (零二年).
_SHORT_YEAR = re.compile(r"(?<![\d.])(0\d)年")


def say_chinese_numbers(text: str) -> str:
    """'13.5亿' -> '十三点五亿', '1/5' -> '五分之一', '2019/2/10' -> '二零一九年二月十日'."""
    text = _ERA.sub(lambda m: f"公元{'' if m['ad'] else '前'}{_digits(m[1])}年", text)
    text = _SHORT_YEAR.sub(lambda m: f"{_digits(m[1])}年", text)
    text = _DATE.sub(_date, text)
    text = _PERCENT.sub(r"百分之\1", text)  # Chinese says the percent first
    text = _MINUS_PERCENT.sub("负百分之", text)
    text = _DECIMAL.sub(lambda m: f"{chinese_numeral(int(m[1]))}点{_digits(m[2])}", text)
    return _FRACTION.sub(
        lambda m: f"{chinese_numeral(int(m[2]))}分之{chinese_numeral(int(m[1]))}", text
    )
