"""Numbers left as digits, said as words: "254" -> "двести пятьдесят четыре", "3,5" -> "drei Komma
fünf", "50 %" -> "пятьдесят процентов".

espeak-ng reads digits itself, but with a voice's own digit rules that often differ from the
words (a Swedish "18" is not heard as "arton", a Spanish "16" not as "dieciséis"); num2words
gives the words the language uses, and the grammar around them (the form of "percent").
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from num2words import num2words

from reader.speech.normalize.greek import greek_cardinal
from reader.speech.normalize.plurals import plural_form
from reader.speech.normalize.readings import MINUS_WORDS
from reader.speech.normalize.spellers import armenian_cardinal, hindi_cardinal, hindi_year


@dataclass(frozen=True)
class NumberWords:
    """How one language says a number written in digits."""

    code: str
    """The num2words language code."""
    decimal_mark: str = ","
    point: str = ""
    """The word between the whole part and the decimals, which are then said digit by digit;
    empty where num2words says decimals in the language's own way ("три целых пять десятых")."""
    percent: tuple[str, ...] = ()
    """The word for "%": one form, or (one, few, many) where the number decides it."""
    joined_decimals: bool = False
    """The decimal is written as one word ("이점오")."""
    decimals_as_number: bool = False
    """The decimals are said as one number ("virgola cinquantasei"), not digit by digit."""
    parts: str = ""
    """Regex of the words num2words runs together that espeak-ng reads better apart
    ("sechsundvierzigtausend" is said with a v, "sechs und vierzig tausend" right)."""
    one_before_feminine: tuple[str, str] = ("", "")
    """"1" before a feminine noun: the word and a regex of the nouns ("eine Million")."""
    one_before_noun: str = ""
    """"1" before a word, where it is not the counting "one" ("ein Euro", not "eins Euro")."""
    fixes: tuple[tuple[str, str], ...] = ()
    """Regex rewrites of num2words' words to what speakers say ("lẻ" -> "linh")."""
    spell: Callable[[int], str] | None = None
    """Our own speller, where num2words has none for the language."""
    spell_year: Callable[[int], str] | None = None
    """Our own speller for years, with `years`."""
    year_before: str = ""
    """Regex of the words a year comes before, where amounts are also written in four digits
    (Hindi "1990 का" is a year, "1500 रुपए" an amount)."""
    fraction_of: tuple[str, ...] = ()
    """Decimals said as a fraction: the whole, "and", the decimals "of" ten, a hundred...
    (Arabic "ثلاثة وخمسة من عشرة" for 3.5), by the number of decimal digits."""
    years: bool = False
    """A bare four-digit number is a year, said as one ("twenty twenty-four"): pages write
    larger counts with a thousands separator ("1,234")."""


NUMBER_WORDS: dict[str, NumberWords] = {
    "en": NumberWords("en", ".", "point", ("percent",), years=True),
    "de": NumberWords(
        "de",
        ",",
        "Komma",
        ("Prozent",),
        parts=r"hundert|tausend|und(?!ert)",
        one_before_noun="ein",
        one_before_feminine=("eine", r"Million|Milliarde|Stunde|Minute|Sekunde|Woche|Frau"),
    ),
    "fr": NumberWords("fr", ",", "virgule", ("pour cent",), decimals_as_number=True),
    "es": NumberWords(
        "es", ",", "coma", ("por ciento",), decimals_as_number=True, one_before_noun="un"
    ),
    "it": NumberWords(
        "it", ",", "virgola", ("per cento",), decimals_as_number=True, one_before_noun="un"
    ),
    "pt": NumberWords("pt_BR", ",", "vírgula", ("por cento",)),
    "nl": NumberWords("nl", ",", "komma", ("procent",)),
    "sv": NumberWords("sv", ",", "komma", ("procent",), fixes=((r"\bett(?=hundra|tusen)", ""),)),
    "hu": NumberWords("hu", ",", "", ("százalék",), fixes=((r"két$", "kettő"),)),
    "ru": NumberWords(
        "ru", ",", "", ("процент", "процента", "процентов"), fixes=((r"^одна тысяча", "тысяча"),)
    ),
    "uk": NumberWords("uk", ",", "кома", ("відсоток", "відсотки", "відсотків")),
    "pl": NumberWords("pl", ",", "przecinek", ("procent", "procent", "procent")),
    "cs": NumberWords("cs", ",", "celá", ("procento", "procenta", "procent")),
    "tr": NumberWords("tr", ",", "virgül"),
    "ko": NumberWords("ko", ".", "점", ("퍼센트",), joined_decimals=True),
    "vi": NumberWords(
        "vi",
        ",",
        "phẩy",
        ("phần trăm",),
        # "một nghìn hai mươi", "hai mươi tư": num2words says "lẻ hai mươi", "hai mươi bốn".
        fixes=((r"\blẻ (?=\S+ mươi)", ""), (r"\blẻ\b", "linh"), (r"mươi bốn\b", "mươi tư")),
    ),
    "hi": NumberWords(
        "hi",
        ".",
        "दशमलव",
        ("प्रतिशत",),
        spell=hindi_cardinal,
        spell_year=hindi_year,
        years=True,
        year_before=r"\s(?:का|की|के|में|से|तक)(?![\u0900-\u097f])",
    ),
    "hy": NumberWords("hy", ",", "ամբողջ", ("տոկոս",), spell=armenian_cardinal),
    "el": NumberWords(
        "el", ",", "κόμμα", ("τοις εκατό",), decimals_as_number=True, spell=greek_cardinal
    ),
    "ar": NumberWords(
        "ar",
        ".",
        "فاصلة",
        ("بالمئة",),
        fraction_of=("عشرة", "مئة", "ألف", "عشرة آلاف", "مئة ألف", "مليون"),
        # "و" is written on the next word; "خمس مئة" is how the hundreds are said.
        fixes=(
            (r"\bو ", "و"),
            (r"(ثلاث|أربع|خمس|ست|سبع|ثمان|تسع)مائة", r"\1 مئة"),
            ("مائة", "مئة"),
            ("مائتان", "مئتان"),
        ),
    ),
}
_DIGIT_WORDS_FROM = 10**24  # longer runs of digits are codes, said digit by digit


@cache
def _number_pattern(mark: str) -> re.Pattern[str]:
    # Where the decimal mark is a dot, a comma groups thousands ("1,925" is no year).
    grouped = r"\d{1,3}(?:,\d{3})+|" if mark == "." else ""
    return re.compile(
        rf"(?P<minus>(?:(?<=\s)|^|(?<=\())[-\u2212])?(?<![\d.,])(?P<whole>{grouped}\d+)"
        rf"(?:{re.escape(mark)}(?P<decimals>\d+))?(?![\d]|[.,]\d)(?P<percent>\s?%)?"
    )


_LETTER = re.compile(r"[A-Za-zÀ-ÿА-яЁёЄєІіЇї]")
_BEFORE_WORD = re.compile(r"\s[^\W\d]")


def cardinal(number: int, words: NumberWords, year: bool = False) -> str:
    if number >= _DIGIT_WORDS_FROM:
        return " ".join(cardinal(int(d), words) for d in str(number))
    if year and words.years and words.spell_year:
        return words.spell_year(number)
    if words.spell:
        return words.spell(number)
    to = "year" if year and words.years and 1100 <= number <= 2099 else "cardinal"
    # num2words writes commas inside numbers ("two thousand, one hundred"): no pause is said.
    spoken = num2words(number, lang=words.code, to=to).replace(",", "")
    for pattern, replacement in words.fixes:
        spoken = re.sub(pattern, replacement, spoken)
    if words.parts:
        spoken = " ".join(re.sub(rf"({words.parts})", r" \1 ", spoken).split())
    return spoken


def _decimal(whole: str, decimals: str, words: NumberWords) -> str:
    if words.fraction_of and len(decimals) <= len(words.fraction_of):
        of = words.fraction_of[len(decimals) - 1]
        return f"{cardinal(int(whole), words)} و{cardinal(int(decimals), words)} من {of}"
    if not words.point:
        return num2words(f"{whole}.{decimals}", lang=words.code).replace(",", "")
    if words.decimals_as_number and not decimals.startswith("0"):
        digits = cardinal(int(decimals), words)
    else:
        digits = " ".join(cardinal(int(d), words) for d in decimals)
    if words.joined_decimals:
        return f"{cardinal(int(whole), words)}{words.point}{digits.replace(' ', '')}"
    return f"{cardinal(int(whole), words)} {words.point} {digits}"


def _say(match: re.Match[str], words: NumberWords) -> str:
    written, decimals = match["whole"], match["decimals"]
    whole = written.replace(",", "")
    if decimals:
        spoken = _decimal(whole, decimals, words)
    elif whole == "1" and words.one_before_noun and _BEFORE_WORD.match(match.string, match.end()):
        spoken = words.one_before_noun
        feminine, nouns = words.one_before_feminine
        if feminine and re.match(rf"\s(?:{nouns})\b", match.string[match.end() :]):
            spoken = feminine
    else:
        year = len(written) == 4 and not match["percent"]
        if year and words.year_before:
            year = re.match(words.year_before, match.string[match.end() :]) is not None
        spoken = cardinal(int(whole), words, year=year)
    if match["minus"]:
        spoken = f"{MINUS_WORDS.get(words.code[:2], '-')} {spoken}"
    if match["percent"] and words.percent:
        forms = words.percent
        form = forms[0] if len(forms) == 1 else forms[plural_form(whole, bool(decimals))]
        spoken += " " + form
    elif match["percent"]:
        spoken += match["percent"]
    # "G7", "5G", "A7": the letters stay a word of their own ("G seven", "five G").
    if match.start() and _LETTER.match(match.string, match.start() - 1):
        spoken = " " + spoken
    if _LETTER.match(match.string, match.end()):
        spoken += " "
    return spoken


def say_numbers(text: str, lang: str) -> str:
    """Every number still in digits, in words: the last step, after dates, times and money."""
    words = NUMBER_WORDS.get(lang)
    if words is None:
        return text
    return _number_pattern(words.decimal_mark).sub(lambda m: _say(m, words), text)
