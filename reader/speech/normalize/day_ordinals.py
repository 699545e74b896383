"""Ordinals with their grammar: the day of a date ("December fifth", "десятого января",
"trzeciego maja", "pátého prosince") and numbers written with an ordinal ending ("5th", "15-й",
"2:a", Turkish "1.")."""

import re
from functools import cache

from babel.dates import get_month_names
from num2words import num2words

# --- English ----------------------------------------------------------------------------------

_EN_MONTHS = list(get_month_names("wide", locale="en").values())
_EN_SHORT = {m[:3].lower(): m for m in _EN_MONTHS} | {"sept": "September"}
_EN_MONTH = rf"(?:{'|'.join(_EN_MONTHS)}|(?:{'|'.join(_EN_SHORT)})\.?)"
_EN_ENDING = r"(?:st|nd|rd|th)?"
_EN_MONTH_DAY = re.compile(rf"\b({_EN_MONTH})\s+(\d{{1,2}}){_EN_ENDING}\b(?![:.,]\d)", re.I)
_EN_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_EN_ENDING}\s+(?:of\s+)?({_EN_MONTH})(?!\w)", re.I)
_EN_ORDINAL = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\b")
_EN_DECADE = re.compile(r"(?<![\w.,])(1[1-9]|20)?([1-9]0|00)s\b")


def _en_decade(match: re.Match[str]) -> str:
    """'1990s' -> 'nineteen nineties', '80s' -> 'eighties', '2000s' -> 'two thousands'."""
    if match[2] == "00":
        century = num2words(int(match[1] + "00"), lang="en", to="year") if match[1] else ""
        return f"{century}s" if century else match.group()
    tens = num2words(int(match[2]), lang="en")
    tens = tens[:-1] + "ies" if tens.endswith("y") else tens + "s"  # sixties, tens
    return f"{num2words(int(match[1]), lang='en')} {tens}" if match[1] else tens


def _en_month(written: str) -> str:
    short = written.rstrip(".").lower()
    return _EN_SHORT.get(short[:4] if short == "sept" else short[:3], written)


def _en_ordinal(number: str) -> str:
    return num2words(int(number), lang="en", to="ordinal")


def say_english_ordinals(text: str) -> str:
    """'December 5' -> 'December fifth', '5 Dec' -> 'the fifth of December', '21st' -> ..."""

    def month_day(m: re.Match[str]) -> str:
        return f"{_en_month(m[1])} {_en_ordinal(m[2])}" if 1 <= int(m[2]) <= 31 else m.group()

    def day_month(m: re.Match[str]) -> str:
        if not 1 <= int(m[1]) <= 31:
            return m.group()
        return f"the {_en_ordinal(m[1])} of {_en_month(m[2])}"

    text = _EN_MONTH_DAY.sub(month_day, text)
    text = _EN_DAY_MONTH.sub(day_month, text)
    text = _EN_DECADE.sub(_en_decade, text)
    return _EN_ORDINAL.sub(lambda m: _en_ordinal(m[1]), text)


# --- Russian and Ukrainian: the day of a date is a genitive ordinal ---------------------------


@cache
def _genitive_months(lang: str) -> str:
    return "|".join(get_month_names("wide", locale=lang, context="format").values())


# Ukrainian ordinal endings by (case, gender), for the hard ("-ий") and soft ("-ій") stems;
# num2words gives only the masculine nominative.
_UK_ENDINGS = {
    ("n", "m"): ("ий", "ій"), ("g", "m"): ("ого", "ього"), ("d", "m"): ("ому", "ьому"),
    ("p", "m"): ("ому", "ьому"), ("n", "f"): ("а", "я"), ("g", "f"): ("ої", "ьої"),
    ("n", "n"): ("е", "є"), ("g", "p"): ("их", "іх"), ("n", "p"): ("і", "і"),
}  # fmt: skip


def _uk_ordinal(number: int, case: str = "g", gender: str = "m") -> str:
    """'третій' -> 'третього', 'десятий' -> 'десята' (the last word agrees)."""
    # "одна тисяча дев'ятсот..." : a year is said "тисяча дев'ятсот дев'яносто першого".
    ordinal = num2words(number, lang="uk", to="ordinal").removeprefix("одна ")
    head, _, last = ordinal.rpartition(" ")
    hard, soft = _UK_ENDINGS.get((case, gender), _UK_ENDINGS["g", "m"])
    last = re.sub(r"ій$", soft, re.sub(r"ий$", hard, last))
    return f"{head} {last}".strip()


def _east_slavic_genitive(number: int, lang: str, case: str = "g") -> str:
    if lang == "ru":
        return num2words(number, lang="ru", to="ordinal", case=case, gender="m")
    return _uk_ordinal(number, case)


# "15-й", "20-го", "3-я": the ending gives the case and gender (Russian).
_RU_ENDINGS = {
    "й": ("n", "m"),
    "ый": ("n", "m"),
    "ий": ("n", "m"),
    "го": ("g", "m"),
    "ого": ("g", "m"),
    "му": ("d", "m"),
    "м": ("p", "m"),
    "я": ("n", "f"),
    "ая": ("n", "f"),
    "ю": ("a", "f"),
    "е": ("n", "n"),
    "ое": ("n", "n"),
    "х": ("g", "p"),  # "в 1990-х": the plural
    "ых": ("g", "p"),
}
_UK_WRITTEN_ENDINGS = {
    "й": ("n", "m"),
    "ий": ("n", "m"),
    "го": ("g", "m"),
    "ого": ("g", "m"),
    "му": ("d", "m"),
    "ому": ("d", "m"),
    "а": ("n", "f"),
    "та": ("n", "f"),
    "ї": ("g", "f"),
    "е": ("n", "n"),
    "те": ("n", "n"),
    "х": ("g", "p"),
    "их": ("g", "p"),
}
_ORDINAL_ENDINGS = {"ru": _RU_ENDINGS, "uk": _UK_WRITTEN_ENDINGS}
# Year words after a year, with the case the year's ordinal takes and the word said; after
# "в"/"у" the abbreviation is a locative ("в 2001 г." -> "в две тысячи первом году").
_YEAR_WORDS = {
    "ru": (
        (r"(?<=\b[вВ]\s)", r"(?:году|г\.)", "p", "году"),
        ("", r"(?:года|г\.)", "g", "года"),
        ("", r"году", "p", "году"),
    ),
    "uk": (
        (r"(?<=\b[уУвВ]\s)", r"(?:році|р\.)", "p", "році"),
        ("", r"(?:року|р\.)", "g", "року"),
        ("", r"році", "p", "році"),
    ),
}


def _written_ordinal(match: re.Match[str], lang: str) -> str:
    """'15-й' -> 'пятнадцатый', '10-го' -> 'десятого', '1990-х' -> 'девяностых'."""
    case, gender = _ORDINAL_ENDINGS[lang][match[2]]
    number = int(match[1])
    if lang == "uk":
        return _uk_ordinal(number, case, gender)
    if gender == "p":
        return num2words(number, lang="ru", to="ordinal", case=case, plural=True)
    return num2words(number, lang="ru", to="ordinal", case=case, gender=gender)


def say_east_slavic_dates(text: str, lang: str) -> str:
    """'10 января' -> 'десятого января', '2024 года' -> '... четвёртого года', '15-й'."""
    months = _genitive_months(lang)
    text = re.sub(
        rf"(?<![\d.,])(\d{{1,2}})(?=\s+(?:{months})\b)",
        lambda m: _east_slavic_genitive(int(m[1]), lang) if 1 <= int(m[1]) <= 31 else m[1],
        text,
        flags=re.I,
    )
    for after, written, case, said in _YEAR_WORDS[lang]:
        text = re.sub(
            rf"{after}(?<![\d.,])(\d{{4}})\s*{written}(?!\w)",
            lambda m, case=case, said=said: (
                f"{_east_slavic_genitive(int(m[1]), lang, case)} {said}"
            ),
            text,
        )
    endings = "|".join(sorted(_ORDINAL_ENDINGS[lang], key=len, reverse=True))
    return re.sub(rf"(?<![\w.,])(\d+)-({endings})(?!\w)", lambda m: _written_ordinal(m, lang), text)


# --- Polish -----------------------------------------------------------------------------------


_PL_CARDINALS_IN_Y = {"trzy", "cztery"}


def _pl_ordinal(number: int, ending: str) -> str:
    """Genitive ('ego') or locative ('ym') of each ordinal word: 'trzeci' -> 'trzeciego',
    'dwa tysiące dwudziesty czwarty' -> 'dwa tysiące dwudziestego czwartego'."""
    words = num2words(number, lang="pl", to="ordinal").split()

    def agree(word: str) -> str:
        if word in _PL_CARDINALS_IN_Y or word[-1] not in "yi":
            return word
        if word.endswith("y"):
            return word[:-1] + ending  # dwudziesty -> dwudziestego, dwudziestym
        return word + ("ego" if ending == "ego" else "m")  # trzeci -> trzeciego, trzecim

    return " ".join(agree(w) for w in words)


@cache
def _pl_months() -> str:
    return "|".join(get_month_names("wide", locale="pl", context="format").values())


def say_polish_dates(text: str) -> str:
    """'3 maja' -> 'trzeciego maja', 'w 2024 r.' -> 'w dwa tysiące dwudziestym czwartym roku'."""
    text = re.sub(
        rf"(?<![\d.,])(\d{{1,2}})(?=\s+(?:{_pl_months()})\b)",
        lambda m: _pl_ordinal(int(m[1]), "ego") if 1 <= int(m[1]) <= 31 else m[1],
        text,
        flags=re.I,
    )

    def year(m: re.Match[str]) -> str:
        ending = "ym" if m[1] else "ego"
        return f"{m[1] or ''}{_pl_ordinal(int(m[2]), ending)} roku"

    text = re.sub(r"(\b[wW]\s+)?(?<![\d.,])(\d{4})\s*r(?:\.|oku\b)", year, text)
    return _PL_ORDINAL.sub(_pl_ordinal_before_noun, text)


# "1. miejsce", "3. edycja": a number with a dot before a lower-case noun is an ordinal, in
# the noun's gender, told by its ending (neuter -e/-o/-um, feminine -a, else masculine).
_PL_ORDINAL = re.compile(r"(?<![\w.,])(\d{1,3})\.\s+(?=(?P<noun>[a-ząćęłńóśźż]+))")


def _pl_ordinal_before_noun(match: re.Match[str]) -> str:
    noun = match["noun"]
    hard, soft = ("e", "ie") if noun.endswith(("e", "o", "um")) else ("a", "ia")
    if not noun.endswith(("e", "o", "um", "a")):
        hard, soft = "y", "i"
    words = num2words(int(match[1]), lang="pl", to="ordinal").split()
    agreed = [w[:-1] + hard if w.endswith("y") else w[:-1] + soft if w.endswith("i") else w
              for w in words]  # fmt: skip
    return " ".join(agreed) + " "


# --- Czech: "5. prosince" -> "pátého prosince" ------------------------------------------------

_CS_GENITIVE = (
    "prvního druhého třetího čtvrtého pátého šestého sedmého osmého devátého desátého "
    "jedenáctého dvanáctého třináctého čtrnáctého patnáctého šestnáctého sedmnáctého "
    "osmnáctého devatenáctého dvacátého"
).split()


def _cs_genitive(day: int) -> str:
    if day <= 20:
        return _CS_GENITIVE[day - 1]
    tens = "dvacátého" if day < 30 else "třicátého"
    return f"{tens} {_CS_GENITIVE[day % 10 - 1]}" if day % 10 else tens


@cache
def _cs_months() -> str:
    return "|".join(get_month_names("wide", locale="cs", context="format").values())


def say_czech_dates(text: str) -> str:
    return re.sub(
        rf"(?<![\d.,])(\d{{1,2}})\.(?=\s*(?:{_cs_months()})\b)",
        lambda m: _cs_genitive(int(m[1])) if 1 <= int(m[1]) <= 31 else m.group(),
        text,
        flags=re.I,
    )


# --- Turkish "1." and Swedish "2:a" -----------------------------------------------------------

_TR_ORDINAL = re.compile(r"(?<![\w.,])(\d{1,4})\.(?=\s+[^\W\d])")
_SV_ORDINAL = re.compile(r"(?<![\w.,])(\d+):([ae])\b")


def say_turkish_ordinals(text: str) -> str:
    """'1. Dünya Savaşı' -> 'birinci Dünya Savaşı'."""
    return _TR_ORDINAL.sub(lambda m: num2words(int(m[1]), lang="tr", to="ordinal"), text)


def say_swedish_ordinals(text: str) -> str:
    """'2:a' -> 'andra'."""
    return _SV_ORDINAL.sub(lambda m: num2words(int(m[1]), lang="sv", to="ordinal"), text)
