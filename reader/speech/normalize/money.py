"""Amounts of money ("€12", "5 Mio. €", "$1.5bn") as words: amount, scale, then the currency."""

import re
from functools import cache

from reader.speech.normalize.currency_names import SYMBOL_CODES, currency_codes, currency_forms
from reader.speech.normalize.money_words import MONEY_WORDS, NO_WORDS, MoneyWords
from reader.speech.normalize.plurals import plural_form

# Scale words pages already write out; every language keeps them, only the currency moves.
_WORD_SCALES = (
    r"mil millones|millones|millón|billones|billón|mil milhões|milhões|milhão|bilhões|bilhão|"
    r"millions?|billions?|trillions?|milliards?|Millionen|Milliarden|Million|Milliarde|"
    r"miljoner|miljarder|biljoner|miljon|miljard|milioni|miliardi|milione|miliardo|"
    r"miljoen|miljard|millió|milliárd|triệu|tỷ|lakh|crore|لاكه|مليون|مليار|"
    r"миллионов|миллиона|миллион|миллиардов|миллиарда|миллиард|мільйонів|мільйони|мільйон|"
    r"мільярдів|мільярди|мільярд|milionów|miliony|milion|miliardów|miliardy|miliard"
)
_AMOUNT = r"(?:\d,\d{3}(?:\.\d+)?(?!\d)|\d*(?:[.,]\d+)?(?<=\d))"


@cache
def _currency_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(symbol-first, symbol-last) money regexes, with an optional scale word."""
    own_scales = MONEY_WORDS.get(lang, NO_WORDS).scales
    # Longest first, so "Mio." wins over "Mio" and "Mds" over "Md".
    scales = "|".join(sorted((re.escape(s) for s in own_scales), key=len, reverse=True))
    scale = rf"(?:\s?(?P<scale>{scales + '|' if scales else ''}{_WORD_SCALES})(?![\w]))?"
    # Signs ("€"), written abbreviations ("руб.", "zł") and ISO codes ("HKD"), longest first;
    # a word is whole.
    own = set(MONEY_WORDS.get(lang, NO_WORDS).currencies) | set(SYMBOL_CODES)
    signs = [name for name in own if not name[0].isalpha()]
    codes = currency_codes()
    symbols = _alternatives([*own, *codes])
    # "3 mld di €": the language's "of" between the scale and the currency.
    of = r"(?:\s(?:di|de|d')\s?)?"
    # Before the amount: signs and codes ("nio21"), not "руб." ("6 руб. 35 коп.").
    first = _alternatives([*signs, *codes])
    symbol_first = re.compile(rf"(?P<sym>{first})\s?(?P<amount>{_AMOUNT}){scale}")
    symbol_last = re.compile(
        rf"(?<![\w.,])(?P<amount>{_AMOUNT}){scale}(?(scale){of})\s?(?P<sym>{symbols})"
    )
    return symbol_first, symbol_last


def _alternatives(names: list[str]) -> str:
    """A regex of the written currencies, longest first; a word must stand alone."""
    return "|".join(
        (r"(?<![^\W\d_])" if name[0].isalpha() else "")
        + re.escape(name)
        + (r"(?![^\W\d_])" if name[-1].isalpha() else "")
        for name in sorted(set(names), key=len, reverse=True)
    )


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


def _say_money(match: re.Match[str], words: MoneyWords, lang: str) -> str:
    amount, scale, symbol = match["amount"], match["scale"], match["sym"]
    cents = None if scale else _CENTS.fullmatch(amount)
    if cents and (spoken := _say_cents(cents[1], cents[2], symbol, words)):
        return spoken
    spoken = [amount]
    if scale:
        scale_words = words.scales.get(scale)
        spoken.append(_form(scale_words, amount, words) if scale_words else scale)
    name = words.currencies.get(symbol) or currency_forms(symbol, lang)
    if not name:
        return " ".join([*spoken, symbol])
    currency = _form(name, amount, words, bool(scale))  # "1 million euros": plural
    if words.of_after_scale and scale:  # "5 millions d'euros", "3 miliardi di euro"
        elided = words.elided_of and currency[0] in "aeiou"
        currency = (words.elided_of if elided else words.of_after_scale + " ") + currency
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
        text = pattern.sub(lambda m: _say_money(m, words, lang), text)
    return text
