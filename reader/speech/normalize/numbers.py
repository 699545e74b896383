"""Numbers as pages write them, made readable for espeak-ng: digit groups, ranges, German scales."""

import re
from functools import cache

# Spaces used to group digits; espeak-ng reads "10\u00a0000" as "ten zero zero zero".
_GROUP_SPACES = "\u00a0\u202f\u2009\u2007"
# Languages whose pages group thousands with a dot ("10.000") or a comma ("10,000").
_DOT_GROUPING = {"de", "es", "it", "pt", "nl", "tr", "el"}
_COMMA_GROUPING = {"en", "ja", "zh", "ko", "hi", "ar", "he"}
# Languages whose number step says a bare four-digit number as a year (cardinals.py).
_YEARS_READ_AS_YEARS = {"en"}


@cache
def _grouped_number(lang: str) -> re.Pattern[str]:
    """Regex for a number written with thousands separators in this language."""
    separators = _GROUP_SPACES
    if lang not in _COMMA_GROUPING:  # "in 2023 100 people" would be misread in English
        separators += " "
    if lang in _DOT_GROUPING:
        separators += "."
    if lang in _COMMA_GROUPING:
        separators += ","
    sep = f"[{re.escape(separators)}]"
    return re.compile(rf"(?<![\d.,])\d{{1,3}}(?:{sep}\d{{3}})+(?![\d]|[.,]\d{{3}})")


def join_digit_groups(text: str, lang: str) -> str:
    """'10 000' -> '10000', so espeak-ng says 'ten thousand' and not 'ten zero zero zero'.
    A comma group stays where it is the only one ("1,925"): the number step says it as an
    amount, where "1925" would be a year."""

    def join(match: re.Match[str]) -> str:
        if lang in _YEARS_READ_AS_YEARS and re.fullmatch(r"\d,\d{3}", match.group()):
            return match.group()
        return re.sub(r"\D", "", match.group())

    return _grouped_number(lang).sub(join, text)


# The word each language says between the two ends of a range.
_RANGE_WORDS = {
    "fr": "à",
    "de": "bis",
    "en": "to",
    "es": "a",
    "it": "a",
    "pt": "a",
    "nl": "tot",
    "pl": "do",
    "cs": "až",
    "sv": "till",
    "tr": "ile",
    "ru": "до",
    "uk": "до",
    "el": "έως",
}
# Every dash a page may put between two numbers of a range.
_DASHES = "\u2012\u2013\u2014\u2212"
_DASH_RANGE = re.compile(rf"(?<=\d)\s?[{_DASHES}]\s?(?=\d)")
# A hyphen only between two years: "2-1" is a score, "2023-2024" a span.
_YEAR_RANGE = re.compile(r"(?<![\d-])(\d{4})-(\d{4})(?![\d-])")


def say_ranges(text: str, lang: str) -> str:
    """'10–12' -> '10 to 12'; espeak-ng otherwise just runs the two numbers together."""
    word = _RANGE_WORDS.get(lang)
    if not word:
        return text
    text = _YEAR_RANGE.sub(rf"\1 {word} \2", text)
    return _DASH_RANGE.sub(f" {word} ", text)


_DE_SCALE = re.compile(r"(?<=\d)\s?(Mio|Mrd|Tsd)\.(?=\s)")
_DE_SCALE_WORDS = {"Mio": "Millionen", "Mrd": "Milliarden", "Tsd": "Tausend"}


def expand_german_scales(text: str) -> str:
    """'5 Mio. Menschen' -> '5 Millionen Menschen' (amounts of money are spoken before this)."""
    return _DE_SCALE.sub(lambda m: " " + _DE_SCALE_WORDS[m[1]], text)
