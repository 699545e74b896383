"""Amounts of money ("€12", "5 Mio. €", "$1.5bn") as words: amount, scale, then the currency."""

import re
from functools import cache

from reader.speech.normalize.money_words import MONEY_WORDS, NO_WORDS, MoneyWords
from reader.speech.normalize.plurals import plural_form

# Scale words pages already write out; every language keeps them, only the currency moves.
_WORD_SCALES = r"million|billion|trillion|millions|milliards?|Millionen|Milliarden"
_AMOUNT = r"(?:\d,\d{3}(?:\.\d+)?(?!\d)|\d*(?:[.,]\d+)?(?<=\d))"


@cache
def _currency_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(symbol-first, symbol-last) money regexes, with an optional scale word."""
    own_scales = MONEY_WORDS.get(lang, NO_WORDS).scales
    # Longest first, so "Mio." wins over "Mio" and "Mds" over "Md".
    scales = "|".join(sorted((re.escape(s) for s in own_scales), key=len, reverse=True))
    scale = rf"(?:\s?(?P<scale>{scales + '|' if scales else ''}{_WORD_SCALES})(?![\w]))?"
    # Signs ("€") and written abbreviations ("руб.", "zł"), longest first; a word is whole.
    names = sorted(set("€$£") | set(MONEY_WORDS.get(lang, NO_WORDS).currencies), key=len)
    symbols = "|".join(
        re.escape(name) + (r"(?!\w)" if name[-1].isalpha() else "") for name in reversed(names)
    )
    # "3 mld di €": the language's "of" between the scale and the currency.
    of = r"(?:\s(?:di|de|d')\s?)?"
    symbol_first = re.compile(rf"(?P<sym>{symbols})\s?(?P<amount>{_AMOUNT}){scale}")
    symbol_last = re.compile(
        rf"(?<![\w.,])(?P<amount>{_AMOUNT}){scale}(?(scale){of})\s?(?P<sym>{symbols})"
    )
    return symbol_first, symbol_last


def _takes_plural(amount: str, words: MoneyWords) -> bool:
    if words.plural_from_two:
        return float(amount.replace(",", ".")) >= 2
    return amount not in ("1", "1,0", "1.0")


def _form(forms: tuple[str, ...], amount: str, words: MoneyWords, scale: bool = False) -> str:
    """The currency's word after `amount`: (one, many) or, in Slavic languages, (one, few,
    many); after a scale word it is the plural ("5 Millionen Euro", "5 млн рублей")."""
    if len(forms) == 3:
        if scale:
            return forms[2]
        whole, _, decimals = amount.replace(",", ".").partition(".")
        return forms[plural_form(whole or "0", bool(decimals))]
    return forms[scale or _takes_plural(amount, words)]


_CENTS = re.compile(r"(\d*|\d,\d{3})[.,](\d\d)")


def _say_cents(whole: str, cents: str, symbol: str, words: MoneyWords) -> str | None:
    """'12.50' -> '12 dollars and 50 cents'; None where the language names no hundredths."""
    name, minor = words.currencies.get(symbol), words.minor.get(symbol)
    if not name or not minor:
        return None
    main, hundredths = int(whole.replace(",", "") or 0), int(cents)
    amount = whole if "," in whole else str(main)  # "1,925": said as an amount, not a year
    spoken = [amount, _form(name, str(main), words)] if main or not hundredths else []
    if hundredths:
        if spoken and words.and_word:
            spoken.append(words.and_word)
        spoken.append(str(hundredths))
        if not spoken[:-1] or words.minor_after_main:
            spoken.append(_form(minor, str(hundredths), words))
    return " ".join(spoken)


def _say_money(match: re.Match[str], words: MoneyWords) -> str:
    amount, scale, symbol = match["amount"], match["scale"], match["sym"]
    cents = None if scale else _CENTS.fullmatch(amount)
    if cents and (spoken := _say_cents(cents[1], cents[2], symbol, words)):
        return spoken
    spoken = [amount]
    if scale:
        scale_words = words.scales.get(scale)
        spoken.append(_form(scale_words, amount, words) if scale_words else scale)
    name = words.currencies.get(symbol)
    if not name:
        return " ".join([*spoken, symbol])
    currency = _form(name, amount, words, bool(scale))  # "1 million euros": plural
    if words.of_after_scale and scale:  # "5 millions d'euros", "3 miliardi di euro"
        of = words.of_after_scale
        currency = (of[0] + "'" if of == "de" and currency[0] in "aeiou" else of + " ") + currency
    said = ("" if words.attached else " ").join([*spoken, currency])
    return said + _kept_full_stop(match)


def _kept_full_stop(match: re.Match[str]) -> str:
    """ "100 руб." at a sentence's end: the abbreviation's dot was also the full stop."""
    if not match["sym"].endswith("."):
        return ""
    rest = match.string[match.end() :].lstrip()
    return "." if not rest or rest[0].isupper() else ""


def say_money(text: str, lang: str) -> str:
    """'€12' -> '12 euros', '$1.5 billion' -> '1.5 billion dollars', in the language's words."""
    words = MONEY_WORDS.get(lang, NO_WORDS)
    for pattern in _currency_patterns(lang):
        text = pattern.sub(lambda m: _say_money(m, words), text)
    return text
