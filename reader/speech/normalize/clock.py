"""Clock times ("11h58", "11:58 Uhr", "11:05 am") written as a native reader says them."""

import re

from num2words import num2words

_FR_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4])\s?(?:h\s?([0-5]\d)?|:([0-5]\d))(?![\w:])")
_DE_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4]):([0-5]\d)(?:\s?Uhr\b)?")
_DE_TIME_WITHOUT_COLON = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4])[.]([0-5]\d)\s?Uhr\b")
_DE_ONE_OCLOCK = re.compile(r"(?<![\w,.])1(\s)Uhr\b")
_EN_TIME = re.compile(
    r"(?<![\w,.:])(1[0-2]|0?[1-9]|1[3-9]|2[0-3]):([0-5]\d)(?!\d)(\s?[ap]\.?m\.?)?"
)


def _fr_feminine_number(number: int) -> str:
    """'une', 'vingt et une': heures and minutes are feminine; the words also get liaison right
    ("neuf heures" with a v, which espeak-ng misses when given "9 heures")."""
    words = num2words(number, lang="fr")
    return words[:-2] + "une" if words.endswith("un") else words


def _fr_time(match: re.Match[str]) -> str:
    hours, minutes = int(match[1]), int(match[2] or match[3] or 0)
    spoken = _fr_feminine_number(hours) + (" heure" if hours <= 1 else " heures")
    return f"{spoken} {_fr_feminine_number(minutes)}" if minutes else spoken


def say_french_times(text: str) -> str:
    """'11h58' -> 'onze heures cinquante-huit'."""
    return _FR_TIME.sub(_fr_time, text)


def _de_time(match: re.Match[str]) -> str:
    hours, minutes = int(match[1]), int(match[2])
    spoken = "ein Uhr" if hours == 1 else f"{hours} Uhr"
    return f"{spoken} {minutes}" if minutes else spoken


def say_german_times(text: str) -> str:
    """'11:58 Uhr' -> '11 Uhr 58', '1 Uhr' -> 'ein Uhr' (espeak-ng says 'eins Uhr')."""
    text = _DE_TIME_WITHOUT_COLON.sub(_de_time, text)
    text = _DE_TIME.sub(_de_time, text)
    return _DE_ONE_OCLOCK.sub(r"ein\1Uhr", text)


def _en_time(match: re.Match[str]) -> str:
    hours, minutes, meridiem = int(match[1]), int(match[2]), match[3] or ""
    if minutes == 0:
        return f"{hours} {meridiem.strip()}" if meridiem else f"{hours} o'clock"
    if minutes < 10:  # "eleven oh five", not "eleven zero five"
        return f"{hours} oh {minutes}{meridiem}"
    return f"{hours} {minutes}{meridiem}"


def say_english_times(text: str) -> str:
    """'11:05' -> '11 oh 5', '9:00' -> '9 o'clock'."""
    return _EN_TIME.sub(_en_time, text)
