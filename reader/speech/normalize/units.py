"""Units after a number ("12 kg", "5km", "90 km/h") said as words that agree with the number."""

import re
from functools import cache

from reader.speech.normalize.more_units import EXTRA_UNITS
from reader.speech.normalize.plurals import plural_form
from reader.speech.normalize.unit_names import PER_WORDS, UNITS


@cache
def _table(lang: str) -> dict[str, str]:
    """The language's units, its own words first, by their written form in lower case."""
    table = {**EXTRA_UNITS.get(lang, {}), **UNITS.get(lang, {})}
    return {name.lower(): forms for name, forms in table.items()}


@cache
def _unit_pattern(lang: str) -> re.Pattern[str] | None:
    table = {**EXTRA_UNITS.get(lang, {}), **UNITS.get(lang, {})}
    if not table:
        return None
    # Longest first ("km/h" before "km"); litres are written "l" or "L" (and "ml", "mL").
    names = sorted(table, key=len, reverse=True)
    units = "|".join(re.escape(n).replace("l", "[lL]") for n in names)
    # "km/s" said with "per" where the table has no word for the pair; "/m²" after a number.
    per = rf"(?:\s?/\s?(?P<per>{units}))?" if lang in PER_WORDS else ""
    only_per = rf"|\s?/(?P<only_per>{units})" if lang in PER_WORDS else ""
    # Chinese writes the number right after a word (重量是25kg): only Latin letters bar it.
    return re.compile(
        rf"(?P<number>(?<![0-9A-Za-z.,])\d+(?:[.,]\d+)?)"
        rf"(?:(?P<space>\s?)(?P<unit>{units}){per}{only_per})(?![\w/²³])"
    )


def _unit_words(forms: str, number: str) -> str:
    choices = forms.split("/")
    decimal = bool(re.search(r"[.,]", number))
    if len(choices) == 3:
        whole = re.split(r"[.,]", number)[0]
        return choices[plural_form(whole, decimal)]
    if len(choices) == 2:
        return choices[decimal or int(number) != 1]
    return choices[0]


def say_units(text: str, lang: str) -> str:
    """'12 kg' -> '12 kilograms', '5 km/s' -> '5 kilometers per second', '5 км' -> '5 км…ов'."""
    pattern = _unit_pattern(lang)
    if pattern is None:
        return text
    units = _table(lang)

    def say(match: re.Match[str]) -> str:
        number = match["number"]
        if match["only_per"] if "only_per" in pattern.groupindex else None:
            per_unit = units[match["only_per"].lower()].split("/")[0]
            return f"{number} {PER_WORDS[lang]} {per_unit}"
        spoken = f"{number} {_unit_words(units[match['unit'].lower()], number)}"
        if "per" in pattern.groupindex and match["per"]:
            spoken += f" {PER_WORDS[lang]} {units[match['per'].lower()].split('/')[0]}"
        return spoken

    return pattern.sub(say, text)
