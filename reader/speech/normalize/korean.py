"""Korean: dates with 년/월/일, and native numbers before the counters that take them."""

import re

# Native numbers as said before a counter (한 개, 두 번째, 스무 살).
_UNITS = ("", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉")
_TENS = ("", "열", "스물", "서른", "마흔", "쉰", "예순", "일흔", "여든", "아흔")
_NATIVE_COUNTERS = "번째|번|개|명|살|마리|가지|권|시간|시(?![즌작])|잔|병|곳"
_COUNTED = re.compile(rf"(?<![\d.,])(\d{{1,2}})\s?({_NATIVE_COUNTERS})")
_DATE_YMD = re.compile(r"(?<![\d.,/-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/-]|[.,]\d)")
_DATE_DMY = re.compile(r"(?<![\d.,/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d/-]|[.,]\d)")


def native_number(number: int) -> str:
    """13 -> '열세', 20 -> '스무' (before a counter); from 100 on, Sino-Korean is said."""
    tens, units = divmod(number, 10)
    if number == 20:
        return "스무"
    return _TENS[tens] + _UNITS[units]


def _counted(match: re.Match[str]) -> str:
    number, counter = int(match[1]), match[2]
    if number == 0:
        return match.group()
    if number == 1 and counter == "번째":
        return "첫번째"
    return native_number(number) + counter


def _date(year: str, month: str, day: str) -> str:
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return ""
    return f"{year}년 {int(month)}월 {int(day)}일"


def say_korean_dates_and_counters(text: str) -> str:
    """'2024-07-23' -> '2024년 7월 23일', '3번째' -> '세번째' (digits left are said later)."""
    text = _DATE_YMD.sub(lambda m: _date(m[1], m[3], m[4]) or m.group(), text)
    text = _DATE_DMY.sub(lambda m: _date(m[4], m[3], m[1]) or m.group(), text)
    return _COUNTED.sub(_counted, text)
