"""Currencies our own tables do not name ("₡ 3", "13 HKD"), named by CLDR through Babel."""

from functools import cache

from babel import UnknownLocaleError
from babel.numbers import get_currency_name, list_currencies

# Signs pages write, and the ISO code each stands for (the tables in money_words come first).
SYMBOL_CODES = {
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₡": "CRC", "₹": "INR",
    "₽": "RUB", "₺": "TRY", "₴": "UAH", "₫": "VND", "₪": "ILS", "₦": "NGN", "₱": "PHP",
    "฿": "THB", "₾": "GEL", "₸": "KZT", "₼": "AZN", "zł": "PLN", "Kč": "CZK",
    "Rs": "INR", "rs": "INR",
}  # fmt: skip
# Codes that are also everyday words: only their capitals are a currency ("ALL", not "all").
_WORDS_TOO = frozenset(
    "all amd bam bob cad cup dop gel kes lak mad mop mur pen ron sos top try uzs".split()
)
# Where the noun comes first ("colones costarricenses"); elsewhere it comes last ("South Korean
# won"). A sign names the currency without the country: "₡ 3" is "tres colones".
_NOUN_FIRST = frozenset({"es", "pt", "it", "fr", "ar", "he", "vi", "ro"})
# Languages whose nouns take three forms after a number (one, few, many).
_THREE_FORMS = frozenset({"ru", "uk", "pl", "cs"})


@cache
def currency_codes() -> tuple[str, ...]:
    """ISO codes as pages write them: "HKD", and "hkd" where that is no word."""
    codes = sorted(code for code in list_currencies() if len(code) == 3 and code.isalpha())
    return (*codes, *(code.lower() for code in codes if code.lower() not in _WORDS_TOO))


@cache
def currency_forms(written: str, lang: str) -> tuple[str, ...] | None:
    """The currency's name after one, and after several, (and after "few", Slavic): Babel's
    plural forms in `lang`; None where Babel does not know the language or the currency."""
    code = SYMBOL_CODES.get(written) or written.upper()
    counts = (1, 2, 5) if lang in _THREE_FORMS else (1, 5)
    try:
        forms = tuple(get_currency_name(code, count=n, locale=lang) for n in counts)
    except (UnknownLocaleError, ValueError, LookupError):
        return None
    if forms[0] == code:
        return None
    if written in SYMBOL_CODES:
        forms = tuple(_noun(form, lang) for form in forms)
    return forms


def _noun(name: str, lang: str) -> str:
    words = name.split()
    return words[0] if lang in _NOUN_FIRST else words[-1]
