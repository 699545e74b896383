"""Which rewriting steps each language gets, in the order they run."""

from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from reader.speech.normalize.abbreviations import expand_abbreviations
from reader.speech.normalize.acronyms import spell_acronyms
from reader.speech.normalize.cardinals import say_numbers
from reader.speech.normalize.chinese import say_chinese_numbers
from reader.speech.normalize.clock import say_english_times, say_french_times, say_german_times
from reader.speech.normalize.clock_words import say_times
from reader.speech.normalize.dates import (
    say_german_short_dates,
    say_numeric_dates,
    say_spanish_day_of_month,
)
from reader.speech.normalize.day_ordinals import (
    say_czech_dates,
    say_east_slavic_dates,
    say_english_ordinals,
    say_polish_dates,
    say_swedish_ordinals,
    say_turkish_ordinals,
)
from reader.speech.normalize.durations import say_durations
from reader.speech.normalize.fractions import say_fractions
from reader.speech.normalize.hebrew import join_hebrew_prefixes
from reader.speech.normalize.korean import say_korean_dates_and_counters
from reader.speech.normalize.links import hashtags_to_words, remove_links
from reader.speech.normalize.money import say_money
from reader.speech.normalize.numbers import expand_german_scales, join_digit_groups, say_ranges
from reader.speech.normalize.ordinals import (
    say_dutch_ordinals,
    say_french_ordinals,
    say_german_ordinals,
    say_iberian_ordinals,
    say_italian_ordinals,
)
from reader.speech.normalize.phones import say_phone_numbers
from reader.speech.normalize.roman import say_roman_numerals
from reader.speech.normalize.units import say_units


class Step(NamedTuple):
    """One rewrite of a sentence."""

    rewrite: Callable[[str], str]
    needs_digit: bool = False
    """Only ever changes text that has a digit, so it is skipped for text without one."""


# The order of the steps matters: links go first (the digits of a URL are no number to read),
# numeric dates before the ordinals they produce ("01/05/2024" -> "1er mai 2024" -> "premier
# mai 2024"), and German short dates before German ordinals ("am 5.12." -> "am 5. Dezember" ->
# "am fünften Dezember"). Every table below keeps the one order the rules were tested in.
HASHTAGS_AS_WORDS = Step(hashtags_to_words)
GERMAN_SCALES = Step(expand_german_scales, needs_digit=True)
GERMAN_SHORT_DATES = Step(say_german_short_dates, needs_digit=True)
FRENCH_TIMES = Step(say_french_times, needs_digit=True)
GERMAN_TIMES = Step(say_german_times, needs_digit=True)
ENGLISH_TIMES = Step(say_english_times, needs_digit=True)
FRENCH_ORDINALS = Step(say_french_ordinals)  # Roman numerals need no digit: "le XXIe siècle"
GERMAN_ORDINALS = Step(say_german_ordinals, needs_digit=True)
ITALIAN_ORDINALS = Step(say_italian_ordinals, needs_digit=True)
DUTCH_ORDINALS = Step(say_dutch_ordinals, needs_digit=True)
ENGLISH_ORDINALS = Step(say_english_ordinals, needs_digit=True)
POLISH_DATES = Step(say_polish_dates, needs_digit=True)
CZECH_DATES = Step(say_czech_dates, needs_digit=True)
TURKISH_ORDINALS = Step(say_turkish_ordinals, needs_digit=True)
SWEDISH_ORDINALS = Step(say_swedish_ordinals, needs_digit=True)
SPANISH_DAY_OF_MONTH = Step(say_spanish_day_of_month, needs_digit=True)
CHINESE_NUMBERS = Step(say_chinese_numbers, needs_digit=True)
KOREAN_DATES_AND_COUNTERS = Step(say_korean_dates_and_counters, needs_digit=True)
HEBREW_PREFIXES = Step(join_hebrew_prefixes, needs_digit=True)


def numeric_dates(lang: str) -> Step:
    return Step(partial(say_numeric_dates, lang=lang), needs_digit=True)


def east_slavic_dates(lang: str) -> Step:
    return Step(partial(say_east_slavic_dates, lang=lang), needs_digit=True)


def digit_groups(lang: str) -> Step:
    return Step(partial(join_digit_groups, lang=lang), needs_digit=True)


def durations(lang: str) -> Step:
    return Step(partial(say_durations, lang=lang), needs_digit=True)


def acronyms(lang: str) -> Step:
    return Step(partial(spell_acronyms, lang=lang))


def abbreviations(lang: str) -> Step:
    return Step(partial(expand_abbreviations, lang=lang))


def money(lang: str) -> Step:
    return Step(partial(say_money, lang=lang), needs_digit=True)


def iberian_ordinals(lang: str) -> Step:
    return Step(partial(say_iberian_ordinals, lang=lang), needs_digit=True)


def ranges(lang: str) -> Step:
    return Step(partial(say_ranges, lang=lang), needs_digit=True)


def numbers(lang: str) -> Step:
    return Step(partial(say_numbers, lang=lang), needs_digit=True)


def links(lang: str) -> Step:
    return Step(partial(remove_links, lang=lang))


def phone_numbers(lang: str) -> Step:
    return Step(partial(say_phone_numbers, lang=lang), needs_digit=True)


def roman_numerals(lang: str) -> Step:
    return Step(partial(say_roman_numerals, lang=lang))


def fractions(lang: str) -> Step:
    return Step(partial(say_fractions, lang=lang), needs_digit=True)


def units(lang: str) -> Step:
    return Step(partial(say_units, lang=lang), needs_digit=True)


def times(lang: str) -> Step:
    return Step(partial(say_times, lang=lang), needs_digit=True)


def _steps(lang: str, *own_steps: Step) -> tuple[Step, ...]:
    """Links and hashtags first, as for every language, then telephone numbers (before their
    groups are joined or read as dates) and times with seconds (before the clock times in
    them are read), the language's own steps, and last Roman numerals
    after names, fractions, units, clock times and the numbers still in digits, in words
    (no-ops where the language has no words for them)."""
    return (
        links(lang),
        HASHTAGS_AS_WORDS,
        acronyms(lang),
        phone_numbers(lang),
        durations(lang),
        *own_steps,
        roman_numerals(lang),
        fractions(lang),
        units(lang),
        times(lang),
        numbers(lang),
    )


def _digits_and_money(lang: str, *own_steps: Step) -> tuple[Step, ...]:
    """What every language gets: numeric dates and abbreviations (where the language has a
    table), digit groups joined, currency symbols moved after amounts."""
    return _steps(
        lang, numeric_dates(lang), digit_groups(lang), abbreviations(lang), money(lang), *own_steps
    )


STEPS: dict[str, tuple[Step, ...]] = {
    "fr": _steps(
        "fr",
        numeric_dates("fr"),
        digit_groups("fr"),
        abbreviations("fr"),
        money("fr"),
        FRENCH_TIMES,
        FRENCH_ORDINALS,
        ranges("fr"),
    ),
    "de": _steps(
        "de",
        numeric_dates("de"),
        digit_groups("de"),
        abbreviations("de"),
        money("de"),
        GERMAN_SCALES,
        GERMAN_SHORT_DATES,
        GERMAN_TIMES,
        GERMAN_ORDINALS,
        ranges("de"),
    ),
    "en": _steps(
        "en",
        numeric_dates("en"),
        digit_groups("en"),
        abbreviations("en"),
        money("en"),
        ENGLISH_TIMES,
        ENGLISH_ORDINALS,
        ranges("en"),
    ),
    "es": _steps(
        "es",
        numeric_dates("es"),
        digit_groups("es"),
        abbreviations("es"),
        money("es"),
        iberian_ordinals("es"),
        SPANISH_DAY_OF_MONTH,
        ranges("es"),
    ),
    "pt": _steps(
        "pt",
        numeric_dates("pt"),
        digit_groups("pt"),
        abbreviations("pt"),
        money("pt"),
        iberian_ordinals("pt"),
        ranges("pt"),
    ),
    "it": _steps(
        "it",
        numeric_dates("it"),
        digit_groups("it"),
        abbreviations("it"),
        money("it"),
        ITALIAN_ORDINALS,
        ranges("it"),
    ),
    "nl": _steps(
        "nl",
        numeric_dates("nl"),
        digit_groups("nl"),
        abbreviations("nl"),
        money("nl"),
        DUTCH_ORDINALS,
        ranges("nl"),
    ),
    **{
        lang: _steps(
            lang,
            numeric_dates(lang),
            digit_groups(lang),
            abbreviations(lang),
            money(lang),
            *own_ordinals,
            ranges(lang),
        )
        for lang, own_ordinals in (
            ("uk", [east_slavic_dates("uk")]),
            ("ru", [east_slavic_dates("ru")]),
            ("el", []),
            ("cs", [CZECH_DATES]),
            ("sv", [SWEDISH_ORDINALS]),
            ("pl", [POLISH_DATES]),
            ("tr", [TURKISH_ORDINALS]),
        )
    },
    "ko": _steps("ko", digit_groups("ko"), money("ko"), KOREAN_DATES_AND_COUNTERS),
    "zh": _digits_and_money("zh", CHINESE_NUMBERS),
    "he": _digits_and_money("he", HEBREW_PREFIXES),
    **{lang: _digits_and_money(lang) for lang in ("ja", "ar", "hi")},
}


def steps_for(lang: str) -> tuple[Step, ...]:
    """The steps for `lang`; a language without an entry still gets the ones every page needs."""
    return STEPS.get(lang) or _digits_and_money(lang)
