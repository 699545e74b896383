"""Roman numerals after a name ("Louis XIV", "World War II") and before a century ("XXI век")."""

import re
from collections.abc import Callable

from num2words import num2words

from reader.speech.normalize.ordinals import roman_to_int

# A capitalized word, then a numeral of two letters or more, or V and X alone ("Henry V");
# a lone "I" is too often the pronoun.
_AFTER_NAME = re.compile(r"\b(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+) (?P<roman>[IVX]{2,7}|V|X)\b(?![.'’]?\w)")
# German writes the ordinal's dot: "Benedikt XVI. besuchte" (the dot is no sentence end).
_AFTER_NAME_DOT = re.compile(
    r"\b(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+) (?P<roman>[IVX]{1,7})(?P<dot>\.)(?=\s+\w|$)"
)
_RU_CENTURY = re.compile(r"\b(?P<roman>[IVXL]{1,7})\s+(?P<noun>век|века|веке|веку|веком)\b")
_RU_CASES = {"век": "n", "века": "g", "веке": "p", "веку": "d", "веком": "i"}
_EN_WAR_WORDS = {"War", "Part", "Chapter", "Act", "Phase", "Round", "Volume", "Type", "Stage"}


def _en(name: str, number: int) -> str:
    # "World War Two", "Part Three", but "Elizabeth the Second".
    if name in _EN_WAR_WORDS:
        return f"{name} {num2words(number, lang='en').capitalize()}"
    return f"{name} the {num2words(number, lang='en', to='ordinal').capitalize()}"


def _fr(name: str, number: int) -> str:
    return f"{name} {'premier' if number == 1 else num2words(number, lang='fr')}"


def _romance(lang: str, last_ordinal: int) -> Callable[[str, int], str]:
    def say(name: str, number: int) -> str:
        to = "ordinal" if number <= last_ordinal else "cardinal"
        return f"{name} {num2words(number, lang=lang, to=to)}"

    return say


_COUNTED_PARTS = {"Teil", "Band", "Kapitel", "Akt", "Phase", "Stufe", "Runde", "Deel", "Fase"}


def _germanic(lang: str, article: str) -> Callable[[str, int], str]:
    def say(name: str, number: int) -> str:  # "Benedikt der Sechzehnte", "Willem de Derde"
        if name in _COUNTED_PARTS:  # "Teil zwei"
            return f"{name} {num2words(number, lang=lang)}"
        return f"{name} {article} {num2words(number, lang=lang, to='ordinal').capitalize()}"

    return say


_STYLES = {
    "de": _germanic("de", "der"),
    "nl": _germanic("nl", "de"),
    "en": _en,
    "fr": _fr,
    "es": _romance("es", 10),  # "Felipe sexto", "Alfonso trece"
    "pt": _romance("pt", 10),
    "it": _romance("it", 1000),  # "Giovanni Paolo secondo"
}


def say_roman_numerals(text: str, lang: str) -> str:
    """'Louis XIV' -> 'Louis quatorze', 'World War II' -> 'World War Two', 'XXI век'."""
    if lang == "ru":

        def century(m: re.Match[str]) -> str:
            number = roman_to_int(m["roman"])
            if number is None:
                return m.group()
            case = _RU_CASES[m["noun"]]
            return f"{num2words(number, lang='ru', to='ordinal', case=case)} {m['noun']}"

        return _RU_CENTURY.sub(century, text)
    say = _STYLES.get(lang)
    if say is None:
        return text

    def after_name(m: re.Match[str]) -> str:
        number = roman_to_int(m["roman"])
        if not number:
            return m.group()
        # A dot that also ends the text is the full stop.
        full_stop = m.groupdict().get("dot") and m.end() == len(m.string)
        return say(m["name"], number) + ("." if full_stop else "")

    if lang in _DOTTED:
        text = _AFTER_NAME_DOT.sub(after_name, text)
    return _AFTER_NAME.sub(after_name, text)


_DOTTED = frozenset({"de"})
