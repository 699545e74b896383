"""Amounts of money ("€12", "5 Mio. €", "$1.5bn") as words: amount, scale, then the currency."""

import re
from dataclasses import dataclass, field
from functools import cache


@dataclass(frozen=True)
class MoneyWords:
    """How one language says amounts of money; each word pair is (singular, plural)."""

    currencies: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Name of each currency symbol, where espeak-ng misnames or misplaces the symbol."""
    scales: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Large-number words that news pages abbreviate after an amount ("5 Mio. €")."""
    plural_from_two: bool = False
    """Plural only from two on ("1,5 million"), not for everything but one."""
    of_after_scale: bool = False
    """The currency follows a scale as a complement ("5 millions d'euros")."""
    minor: dict[str, tuple[str, str]] = field(default_factory=dict)
    """The hundredth of each currency ("cent", "cents"), said after the cents' number."""
    minor_after_main: bool = True
    """The hundredth is named after a whole amount too ("and fifty cents"); without it, only
    cents alone are ("zwanzig Cent", but "drei Euro zwanzig")."""
    and_word: str = ""
    """The word between the whole amount and the cents ("twelve dollars and fifty cents")."""


_NO_WORDS = MoneyWords()
_MONEY_WORDS: dict[str, MoneyWords] = {
    "fr": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dollar", "dollars"), "£": ("livre", "livres")},
        scales={
            "M": ("million", "millions"),
            "Md": ("milliard", "milliards"),
            "Mds": ("milliard", "milliards"),
            "Mrd": ("milliard", "milliards"),
        },
        plural_from_two=True,
        of_after_scale=True,
        minor={"€": ("centime", "centimes"), "$": ("cent", "cents")},
        minor_after_main=False,
    ),
    "de": MoneyWords(
        currencies={"€": ("Euro", "Euro"), "$": ("Dollar", "Dollar"), "£": ("Pfund", "Pfund")},
        scales={
            "Mio.": ("Million", "Millionen"),
            "Mrd.": ("Milliarde", "Milliarden"),
            "Mio": ("Million", "Millionen"),
            "Mrd": ("Milliarde", "Milliarden"),
        },
        minor={"€": ("Cent", "Cent"), "$": ("Cent", "Cent"), "£": ("Penny", "Pence")},
        minor_after_main=False,
    ),
    "en": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dollar", "dollars"), "£": ("pound", "pounds")},
        scales={
            "bn": ("billion", "billion"),
            "m": ("million", "million"),
            "k": ("thousand", "thousand"),
        },
        minor={"€": ("cent", "cents"), "$": ("cent", "cents"), "£": ("penny", "pence")},
        and_word="and",
    ),
    "es": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dólar", "dólares"), "£": ("libra", "libras")},
        minor={"€": ("céntimo", "céntimos"), "$": ("centavo", "centavos")},
        and_word="con",
    ),
    "it": MoneyWords(
        currencies={
            "€": ("euro", "euro"),
            "$": ("dollaro", "dollari"),
            "£": ("sterlina", "sterline"),
        },
        minor={"€": ("centesimo", "centesimi"), "$": ("centesimo", "centesimi")},
        and_word="e",
    ),
    "pt": MoneyWords(
        currencies={"€": ("euro", "euros"), "$": ("dólar", "dólares"), "£": ("libra", "libras")},
        minor={"€": ("cêntimo", "cêntimos"), "$": ("centavo", "centavos")},
        and_word="e",
    ),
    "nl": MoneyWords(
        currencies={"€": ("euro", "euro"), "$": ("dollar", "dollar"), "£": ("pond", "pond")},
        minor={"€": ("cent", "cent"), "$": ("cent", "cent")},
        minor_after_main=False,
    ),
}
# Scale words pages already write out; every language keeps them, only the currency moves.
_WORD_SCALES = r"million|billion|trillion|millions|milliards?|Millionen|Milliarden"
_AMOUNT = r"\d*(?:[.,]\d+)?(?<=\d)"


@cache
def _currency_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(symbol-first, symbol-last) money regexes, with an optional scale word."""
    own_scales = _MONEY_WORDS.get(lang, _NO_WORDS).scales
    # Longest first, so "Mio." wins over "Mio" and "Mds" over "Md".
    scales = "|".join(sorted((re.escape(s) for s in own_scales), key=len, reverse=True))
    scale = rf"(?:\s?(?P<scale>{scales + '|' if scales else ''}{_WORD_SCALES})(?![\w]))?"
    symbol_first = re.compile(rf"(?P<sym>[€$£])\s?(?P<amount>{_AMOUNT}){scale}")
    symbol_last = re.compile(rf"(?<![\w.,])(?P<amount>{_AMOUNT}){scale}\s?(?P<sym>[€$£])")
    return symbol_first, symbol_last


def _takes_plural(amount: str, words: MoneyWords) -> bool:
    if words.plural_from_two:
        return float(amount.replace(",", ".")) >= 2
    return amount not in ("1", "1,0", "1.0")


_CENTS = re.compile(r"(\d*)[.,](\d\d)")


def _say_cents(whole: str, cents: str, symbol: str, words: MoneyWords) -> str | None:
    """'12.50' -> '12 dollars and 50 cents'; None where the language names no hundredths."""
    name, minor = words.currencies.get(symbol), words.minor.get(symbol)
    if not name or not minor:
        return None
    main, hundredths = int(whole or 0), int(cents)
    spoken = [str(main), name[_takes_plural(str(main), words)]] if main or not hundredths else []
    if hundredths:
        if spoken and words.and_word:
            spoken.append(words.and_word)
        spoken.append(str(hundredths))
        if not spoken[:-1] or words.minor_after_main:
            spoken.append(minor[hundredths != 1])
    return " ".join(spoken)


def _say_money(match: re.Match[str], words: MoneyWords) -> str:
    amount, scale, symbol = match["amount"], match["scale"], match["sym"]
    cents = None if scale else _CENTS.fullmatch(amount)
    if cents and (spoken := _say_cents(cents[1], cents[2], symbol, words)):
        return spoken
    plural = _takes_plural(amount, words)
    spoken = [amount]
    if scale:
        scale_words = words.scales.get(scale)
        spoken.append(scale_words[plural] if scale_words else scale)
    name = words.currencies.get(symbol)
    if not name:
        return " ".join([*spoken, symbol])
    currency = name[plural or bool(scale)]  # "1 million euros": a scale makes it plural
    if words.of_after_scale and scale:  # "5 millions d'euros", "2 milliards de dollars"
        currency = ("d'" if currency[0] in "aeiou" else "de ") + currency
    return " ".join([*spoken, currency])


def say_money(text: str, lang: str) -> str:
    """'€12' -> '12 euros', '$1.5 billion' -> '1.5 billion dollars', in the language's words."""
    words = _MONEY_WORDS.get(lang, _NO_WORDS)
    for pattern in _currency_patterns(lang):
        text = pattern.sub(lambda m: _say_money(m, words), text)
    return text
