"""Times with seconds ("1:04:12", "14:30:05") said as hours, minutes and seconds."""

import re
from typing import NamedTuple

from reader.speech.normalize.cardinals import NUMBER_WORDS, cardinal
from reader.speech.normalize.plurals import plural_form


class DurationWords(NamedTuple):
    """The words for hours, minutes and seconds: (one, many) or (one, few, many)."""

    hours: tuple[str, ...]
    minutes: tuple[str, ...]
    seconds: tuple[str, ...]
    and_word: str = ""
    """Said before the last part ("quince horas diez minutos y cuarenta segundos")."""
    in_digits: bool = False
    """The numbers stay digits, read later with the counters (Chinese 3点4分5秒)."""
    ones: tuple[str, str, str] = ("", "", "")
    """"1" before the hours, minutes and seconds words, where it is not the counting one
    ("ein Uhr eine Minute eine Sekunde")."""


DURATION_WORDS = {
    "en": DurationWords(("hour", "hours"), ("minute", "minutes"), ("second", "seconds")),
    "fr": DurationWords(("heure", "heures"), ("minute", "minutes"), ("seconde", "secondes")),
    "de": DurationWords(
        ("Uhr", "Uhr"), ("Minute", "Minuten"), ("Sekunde", "Sekunden"), ones=("ein", "eine", "eine")
    ),
    "es": DurationWords(("hora", "horas"), ("minuto", "minutos"), ("segundo", "segundos"), "y"),
    "pt": DurationWords(("hora", "horas"), ("minuto", "minutos"), ("segundo", "segundos"), "e"),
    "it": DurationWords(("ora", "ore"), ("minuto", "minuti"), ("secondo", "secondi"), "e"),
    "nl": DurationWords(("uur", "uur"), ("minuut", "minuten"), ("seconde", "seconden"), "en"),
    "sv": DurationWords(("timme", "timmar"), ("minut", "minuter"), ("sekund", "sekunder"), "och"),
    "ru": DurationWords(
        ("час", "часа", "часов"), ("минута", "минуты", "минут"), ("секунда", "секунды", "секунд")
    ),
    "uk": DurationWords(
        ("година", "години", "годин"),
        ("хвилина", "хвилини", "хвилин"),
        ("секунда", "секунди", "секунд"),
    ),
    "pl": DurationWords(
        ("godzina", "godziny", "godzin"),
        ("minuta", "minuty", "minut"),
        ("sekunda", "sekundy", "sekund"),
    ),
    "cs": DurationWords(
        ("hodina", "hodiny", "hodin"),
        ("minuta", "minuty", "minut"),
        ("sekunda", "sekundy", "sekund"),
    ),
    "hu": DurationWords(("óra",), ("perc",), ("másodperc",)),
    "tr": DurationWords(("saat",), ("dakika",), ("saniye",)),
    "vi": DurationWords(("giờ",), ("phút",), ("giây",)),
    "hi": DurationWords(("घंटे",), ("मिनट",), ("सेकंड",)),
    "zh": DurationWords(("点",), ("分",), ("秒",), in_digits=True),
    "ja": DurationWords(("時",), ("分",), ("秒",), in_digits=True),
    "ko": DurationWords(("시",), ("분",), ("초",), in_digits=True),
}
# Chinese and Japanese write a time right after a word: only Latin letters and digits bar it.
_WITH_SECONDS = re.compile(
    r"(?<![0-9A-Za-z,.:])(\d{1,2}):([0-5]\d):([0-5]\d)(?![\d:])(?:\s?Uhr\b)?"
)
# Feminine "one" and "two" before minutes and seconds in the Slavic languages.
_FEMININE = {"ru": {"один": "одна", "два": "две"}, "uk": {"один": "одна", "два": "дві"}}


def _form(forms: tuple[str, ...], number: int) -> str:
    if len(forms) == 3:
        return forms[plural_form(str(number))]
    return forms[min(len(forms) - 1, int(number != 1))]


def _number(number: int, lang: str, feminine: bool) -> str:
    words = cardinal(number, NUMBER_WORDS[lang])
    if feminine and not 11 <= number % 100 <= 19:
        head, _, last = words.rpartition(" ")
        words = f"{head} {_FEMININE.get(lang, {}).get(last, last)}".strip()
    return words


def _say(match: re.Match[str], lang: str) -> str:
    words = DURATION_WORDS[lang]
    values = [int(part) for part in match.groups()]
    parts = []
    for index, (value, forms) in enumerate(
        zip(values, (words.hours, words.minutes, words.seconds), strict=True)
    ):
        # "04:30:00" is "four hours thirty minutes"; "00:00:00" is said whole.
        if index and not value and any(values):
            continue
        said = str(value) if words.in_digits else _number(value, lang, feminine=index > 0)
        if value == 1 and words.ones[index]:
            said = words.ones[index]
        parts.append(f"{said}{'' if words.in_digits else ' '}{_form(forms, value)}")
    if words.and_word and len(parts) > 1:
        parts[-1] = f"{words.and_word} {parts[-1]}"
    return ("" if words.in_digits else " ").join(parts)


def say_durations(text: str, lang: str) -> str:
    """'1:04:12' -> 'one hour four minutes twelve seconds', '03:04:05' -> '3点4分5秒'."""
    if lang not in DURATION_WORDS or ":" not in text:
        return text
    if not DURATION_WORDS[lang].in_digits and lang not in NUMBER_WORDS:
        return text
    return _WITH_SECONDS.sub(lambda m: _say(m, lang), text)
