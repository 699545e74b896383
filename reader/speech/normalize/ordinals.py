"""Ordinal numbers ("11e", "XXIe", "am 3. Dezember", "1.º", "3e") as words in their language."""

import re

from babel.dates import get_day_names, get_month_names
from num2words import num2words

# --- French: digits or Roman numerals, with a suffix that also gives the gender ---------------

_FR_ORDINAL = re.compile(
    r"(?<![\w,.])(\d+|[IVXLC]+)(er|re|ère|nd|nde|e|è|ème|eme|ᵉ|ᵉʳ|ʳᵉ|ème)(?!\w)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_VALID_ROMAN = re.compile(r"^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def roman_to_int(numeral: str) -> int | None:
    if not numeral or not _VALID_ROMAN.match(numeral):
        return None
    values = [_ROMAN_VALUES[c] for c in numeral]
    total = sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))
    return total or None


def _fr_ordinal(match: re.Match[str]) -> str:
    digits, suffix = match[1], match[2]
    if not digits.isdigit() and not set(digits) & set("IVX"):
        return match.group()  # "Le", "Ce" are words, not the Roman numerals L and C
    number = int(digits) if digits.isdigit() else roman_to_int(digits)
    if number is None:
        return match.group()
    feminine = suffix in ("re", "ère", "ʳᵉ", "nde")
    if number == 1:
        return "première" if feminine else "premier"
    if number == 2 and suffix in ("nd", "nde"):
        return "seconde" if feminine else "second"
    if suffix in ("er", "re", "nd", "nde"):  # "2er" is a typo, not an ordinal we can trust
        return match.group()
    return num2words(number, lang="fr", to="ordinal")


def say_french_ordinals(text: str) -> str:
    """'la 11e brigade' -> 'la onzième brigade', 'le XXIe siècle' -> 'le vingt et unième siècle'."""
    return _FR_ORDINAL.sub(_fr_ordinal, text)


# --- Spanish, Portuguese, Italian: a degree-like sign after the digits gives the gender -------

# "1.º", "2ª", "1.000.ª", and the Spanish apocope "1er", "3.ᵉʳ" ("primer", "tercer"), "1ra".
_IBERIAN_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,3}(?:\.\d{3})?|\d{4})\.?([ºª]|ᵉʳ|er|ra|ro)(?!\w)")
# Italian pages also write "°"; a word (not C or F) must follow, so "20° C" stays a temperature.
_IT_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,2})([°ºª])(?=\s+[^\W\dCF])")


def _romance_ordinal(match: re.Match[str], lang: str) -> str:
    word = num2words(int(match[1].replace(".", "")), lang=lang, to="ordinal")
    if match[2] in ("ª", "ra"):  # feminine: "primeira", "prima", "primera"
        word = " ".join(w[:-1] + "a" if w.endswith("o") else w for w in word.split())
    elif match[2] in ("ᵉʳ", "er"):  # before a noun: "primer", "tercer"
        word = re.sub(r"(primer|tercer)o\b", r"\1", word)
    return word


def say_iberian_ordinals(text: str, lang: str) -> str:
    """'el 1.º' -> 'el primero', 'a 2ª' -> 'a segunda' (Spanish and Portuguese)."""
    return _IBERIAN_ORDINAL.sub(lambda m: _romance_ordinal(m, lang), text)


def say_italian_ordinals(text: str) -> str:
    """'il 3° posto' -> 'il terzo posto'."""
    return _IT_ORDINAL.sub(lambda m: _romance_ordinal(m, "it"), text)


# --- Dutch ------------------------------------------------------------------------------------

_NL_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,3})(e|ste|de)(?!\w)")


def say_dutch_ordinals(text: str) -> str:
    """'de 3e plaats' -> 'de derde plaats'."""
    return _NL_ORDINAL.sub(lambda m: num2words(int(m[1]), lang="nl", to="ordinal"), text)


# --- German: "3." is an ordinal before a month name or, after an article, before a noun -------

_DE_MONTHS = "|".join(get_month_names("wide", locale="de").values())
_DE_DATIVE_WORDS = {
    "am",
    "im",
    "vom",
    "zum",
    "beim",
    "dem",
    "den",
    "des",
    "seit",
    "ab",
    "zur",
    "bis",
}
_DE_PREPOSITIONS = {"in", "an", "auf", "aus", "bei", "mit", "nach", "von", "zu", "vor", "seit"}
_DE_NOMINATIVE_WORDS = {"der", "die", "das"}
_DE_MONTH_NAMES = set(get_month_names("wide", locale="de").values())
_DE_ORDINAL = re.compile(
    rf"(?<![\d.,])(?P<n>\d{{1,2}})\."
    rf"(?=(?P<range>\s*(?:bis|und|–|-)\s*\d{{1,2}}\.)?\s+(?P<next>{_DE_MONTHS}|[A-ZÄÖÜ][a-zäöüß]+))"
)
_LAST_TWO_WORDS = re.compile(r"(?:(\w+)\s+)?(\w+),?\s*$")
_DE_WEEKDAYS = {d.lower() for d in get_day_names("wide", locale="de").values()}


def _words_before(text: str, position: int) -> tuple[str, str]:
    """The two words before `position`, lower-cased, nearest last ("in der 3." -> in, der)."""
    found = _LAST_TWO_WORDS.search(text[max(0, position - 40) : position])
    if not found:
        return "", ""
    return (found[1] or "").lower(), (found[2] or "").lower()


def _de_ordinal_ending(before2: str, before: str, is_month: bool) -> str | None:
    """Adjective ending after the words before; None when it is not read as an ordinal."""
    if before in _DE_WEEKDAYS and before2 in _DE_DATIVE_WORDS:  # "ab Samstag, 15. März"
        return "n"
    if before in _DE_DATIVE_WORDS:
        return "n"
    if before in _DE_NOMINATIVE_WORDS:
        return "n" if before2 in _DE_PREPOSITIONS else ""
    # Without article a date is named ("Montag, 3. Dezember" -> "dritter Dezember").
    return "r" if is_month else None


def _de_ordinal(match: re.Match[str]) -> str:
    before2, before = _words_before(match.string, match.start())
    is_month = match["next"] in _DE_MONTH_NAMES or bool(match["range"])
    ending = _de_ordinal_ending(before2, before, is_month)
    if ending is None:
        return match.group()  # "Er wurde 3. Das Rennen …": a sentence end, not an ordinal
    return num2words(int(match["n"]), lang="de", to="ordinal") + ending


def say_german_ordinals(text: str) -> str:
    """'am 3. Dezember' -> 'am dritten Dezember', 'in der 2. Runde' -> 'in der zweiten Runde'."""
    return _DE_ORDINAL.sub(_de_ordinal, text)
