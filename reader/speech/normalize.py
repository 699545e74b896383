"""Rewrite article text into the words espeak-ng should read aloud, per language."""

import re
from collections.abc import Callable
from functools import cache, lru_cache

from babel.dates import get_month_names
from num2words import num2words

from reader.speech.readings import speakable

NORMALIZER_VERSION = "3"
"""Part of the audio cache key: bump whenever normalize() output changes."""

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

# Every dash a page may put between two numbers of a range.
_DASHES = "\u2012\u2013\u2014\u2212"
# Spaces used to group digits; espeak-ng reads "10\u00a0000" as "ten zero zero zero".
_GROUP_SPACES = "\u00a0\u202f\u2009\u2007"
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω"

# --- links ----------------------------------------------------------------------------------

_URL = re.compile(r"[ \t]*(?:\bhttps?://|\bwww\.)[^\s<>\"«»“”]+?(?=[.,;:!?)\]»”']*(?:\s|$))")
_EMAIL = re.compile(r"[ \t]*\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_MANY_SPACES = re.compile(r"[ \t]{2,}")
_DIGIT = re.compile(r"\d")


def _remove_links(text: str) -> str:
    """Drop URLs and e-mail addresses: read aloud they are noise, not content."""
    # The substring tests cost nothing; each regex scans every position of the sentence.
    if "://" in text or "www." in text:
        text = _URL.sub("", text)
    return _EMAIL.sub("", text) if "@" in text else text


# --- hashtags -------------------------------------------------------------------------------

_HASHTAG_RUN = re.compile(r"#\w+(?:\s+#\w+)*")
_CAMEL_BOUNDARY = re.compile(
    r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?<=[^\W_A-Z])(?=[A-ZÀ-ÖØ-Þ])"
    r"|(?<=[A-ZÀ-ÖØ-Þ])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ])"
)


def _hashtag_words(tag: str) -> str:
    """'#PremièresVictimes2024' -> 'Premières Victimes 2024'."""
    words = tag.lstrip("#").replace("_", " ")
    return _CAMEL_BOUNDARY.sub(" ", words)


def hashtags_to_words(line: str) -> str:
    """Turn hashtags into words, a comma between neighbours: '#A #BeC' -> 'A, Be C'."""

    def spell_run(match: re.Match[str]) -> str:
        return ", ".join(_hashtag_words(tag) for tag in match.group().split())

    return _HASHTAG_RUN.sub(spell_run, line)


# --- digit grouping -------------------------------------------------------------------------

# Languages whose pages group thousands with a dot ("10.000") or a comma ("10,000").
_DOT_GROUPING = {"de", "es", "it", "pt", "nl", "tr", "el"}
_COMMA_GROUPING = {"en", "ja", "zh", "ko", "hi", "ar", "he"}


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


def _join_digit_groups(text: str, lang: str) -> str:
    """'10 000' -> '10000', so espeak-ng says 'ten thousand' and not 'ten zero zero zero'."""
    return _grouped_number(lang).sub(lambda m: re.sub(r"\D", "", m.group()), text)


# --- abbreviations --------------------------------------------------------------------------


def _abbreviation(written: str, spoken: str, before: str = "") -> Rule:
    """Rule replacing an abbreviation; spaces inside it are optional ("z.B." / "z. B.")."""
    parts = [re.escape(part) for part in written.split()]
    body = r"\s*".join(parts)
    end = "" if written.endswith(".") else r"(?!\w)"
    return re.compile(rf"(?<![\w.]){body}{end}{before}"), spoken


_BEFORE_NAME = rf"(?=\s+[{_UPPER}])"
_BEFORE_NUMBER = r"(?=\s*\d)"

# Only what espeak-ng 1.51 reads wrongly; it already says "Mme", "etc.", "Mr.", "Dr. Jones".
_ABBREVIATIONS: dict[str, list[Rule]] = {
    "fr": [
        _abbreviation("MM.", "Messieurs", _BEFORE_NAME),
        _abbreviation("M.", "Monsieur", _BEFORE_NAME),
        _abbreviation("Mmes", "Mesdames"),
        _abbreviation("Mlle", "Mademoiselle"),
        _abbreviation("Pr", "Professeur", _BEFORE_NAME),
        _abbreviation("p. ex.", "par exemple"),
        _abbreviation("c.-à-d.", "c'est-à-dire"),
        _abbreviation("av. J.-C.", "avant Jésus-Christ"),
        _abbreviation("apr. J.-C.", "après Jésus-Christ"),
        _abbreviation("env.", "environ"),
        _abbreviation("n°", "numéro"),
        _abbreviation("N°", "numéro"),
    ],
    "de": [
        _abbreviation("z. B.", "zum Beispiel"),
        _abbreviation("u. a.", "unter anderem"),
        _abbreviation("d. h.", "das heißt"),
        _abbreviation("v. a.", "vor allem"),
        _abbreviation("bzw.", "beziehungsweise"),
        _abbreviation("usw.", "und so weiter"),
        _abbreviation("etc.", "et cetera"),
        _abbreviation("ca.", "circa"),
        _abbreviation("vgl.", "vergleiche"),
        _abbreviation("ggf.", "gegebenenfalls"),
        _abbreviation("inkl.", "inklusive"),
        _abbreviation("Jh.", "Jahrhundert"),
        _abbreviation("Nr.", "Nummer"),
        _abbreviation("Dr.", "Doktor"),
        _abbreviation("Prof.", "Professor"),
        _abbreviation("St.", "Sankt", _BEFORE_NAME),
        _abbreviation("Tsd.", "Tausend"),
    ],
    "en": [
        _abbreviation("e.g.", "for example"),
        _abbreviation("i.e.", "that is"),
        _abbreviation("vs.", "versus"),
        _abbreviation("No.", "number", _BEFORE_NUMBER),
        _abbreviation("Sen.", "Senator", _BEFORE_NAME),
        _abbreviation("Gov.", "Governor", _BEFORE_NAME),
        _abbreviation("Rep.", "Representative", _BEFORE_NAME),
        _abbreviation("Gen.", "General", _BEFORE_NAME),
        _abbreviation("Prof.", "Professor", _BEFORE_NAME),
        *(
            _abbreviation(short, month, _BEFORE_NUMBER)
            for short, month in (
                ("Jan.", "January"),
                ("Feb.", "February"),
                ("Aug.", "August"),
                ("Sept.", "September"),
                ("Sep.", "September"),
                ("Oct.", "October"),
                ("Nov.", "November"),
                ("Dec.", "December"),
            )
        ),
    ],
    "es": [
        _abbreviation("p. ej.", "por ejemplo"),
        _abbreviation("EE. UU.", "Estados Unidos"),
        _abbreviation("EE.UU.", "Estados Unidos"),
        _abbreviation("n.º", "número"),
        _abbreviation("etc.", "etcétera"),
    ],
    "it": [
        _abbreviation("Sig.ra", "signora"),
        _abbreviation("Sig.", "signor"),
        _abbreviation("dott.", "dottor"),
        _abbreviation("Dott.", "dottor"),
        _abbreviation("ecc.", "eccetera"),
    ],
    "pt": [
        _abbreviation("Sr.", "senhor", _BEFORE_NAME),
        _abbreviation("Sra.", "senhora", _BEFORE_NAME),
        _abbreviation("Dr.", "doutor", _BEFORE_NAME),
        _abbreviation("Dra.", "doutora", _BEFORE_NAME),
    ],
    "nl": [
        _abbreviation("bijv.", "bijvoorbeeld"),
        _abbreviation("dhr.", "de heer"),
        _abbreviation("o.a.", "onder andere"),
    ],
    "cs": [
        _abbreviation("např.", "například"),
        _abbreviation("atd.", "a tak dále"),
    ],
    "sv": [
        _abbreviation("t.ex.", "till exempel"),
        _abbreviation("bl.a.", "bland annat"),
        _abbreviation("osv.", "och så vidare"),
        _abbreviation("dvs.", "det vill säga"),
    ],
    "ru": [
        _abbreviation("и т. д.", "и так далее"),
        _abbreviation("и т. п.", "и тому подобное"),
        _abbreviation("т. е.", "то есть"),
    ],
    "uk": [
        _abbreviation("і т. д.", "і так далі"),
        _abbreviation("тис.", "тисяч"),
    ],
    "el": [
        _abbreviation("κ.λπ.", "και λοιπά"),
        _abbreviation("π.χ.", "παραδείγματος χάριν"),
    ],
}


@cache
def _any_abbreviation(lang: str) -> re.Pattern[str] | None:
    """One regex that finds whether any of the language's abbreviations occurs."""
    rules = _ABBREVIATIONS.get(lang)
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in rules)) if rules else None


def _expand_abbreviations(text: str, lang: str) -> str:
    # Most sentences have none: one scan says so, instead of one per abbreviation (23 in French).
    finder = _any_abbreviation(lang)
    if finder is None or not finder.search(text):
        return text
    for pattern, spoken in _ABBREVIATIONS[lang]:
        text = pattern.sub(spoken, text)
    return text


# --- currencies -----------------------------------------------------------------------------

# (singular, plural) names, for languages where espeak-ng misnames or misplaces the symbol.
_CURRENCY_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {"€": ("euro", "euros"), "$": ("dollar", "dollars"), "£": ("livre", "livres")},
    "de": {"€": ("Euro", "Euro"), "$": ("Dollar", "Dollar"), "£": ("Pfund", "Pfund")},
    "en": {"€": ("euro", "euros"), "$": ("dollar", "dollars"), "£": ("pound", "pounds")},
    "es": {"€": ("euro", "euros"), "$": ("dólar", "dólares"), "£": ("libra", "libras")},
    "it": {"€": ("euro", "euro"), "$": ("dollaro", "dollari"), "£": ("sterlina", "sterline")},
    "pt": {"€": ("euro", "euros"), "$": ("dólar", "dólares"), "£": ("libra", "libras")},
    "nl": {"€": ("euro", "euro"), "$": ("dollar", "dollar"), "£": ("pond", "pond")},
}
# Large-number words that news pages abbreviate after an amount.
_SCALES: dict[str, dict[str, tuple[str, str]]] = {
    "fr": {
        "M": ("million", "millions"),
        "Md": ("milliard", "milliards"),
        "Mds": ("milliard", "milliards"),
        "Mrd": ("milliard", "milliards"),
    },
    "de": {
        "Mio.": ("Million", "Millionen"),
        "Mrd.": ("Milliarde", "Milliarden"),
        "Mio": ("Million", "Millionen"),
        "Mrd": ("Milliarde", "Milliarden"),
    },
    "en": {
        "bn": ("billion", "billion"),
        "m": ("million", "million"),
        "k": ("thousand", "thousand"),
    },
}
_WORD_SCALES = r"million|billion|trillion|millions|milliards?|Millionen|Milliarden"
_AMOUNT = r"\d+(?:[.,]\d+)?"


@cache
def _currency_patterns(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(symbol-first, symbol-last) money regexes, with an optional scale word."""
    scales = "|".join(sorted((re.escape(s) for s in _SCALES.get(lang, {})), key=len, reverse=True))
    scale = rf"(?:\s?(?P<scale>{scales + '|' if scales else ''}{_WORD_SCALES})(?![\w]))?"
    symbol_first = re.compile(rf"(?P<sym>[€$£])\s?(?P<amount>{_AMOUNT}){scale}")
    symbol_last = re.compile(rf"(?<![\w.,])(?P<amount>{_AMOUNT}){scale}\s?(?P<sym>[€$£])")
    return symbol_first, symbol_last


def _is_one(amount: str) -> bool:
    return amount in ("1", "1,0", "1.0")


def _takes_plural(amount: str, lang: str) -> bool:
    # French says "1,5 million" (singular below two); the others pluralise all but one.
    if lang == "fr":
        return float(amount.replace(",", ".")) >= 2
    return not _is_one(amount)


def _say_money(match: re.Match[str], lang: str) -> str:
    amount, scale, symbol = match["amount"], match["scale"], match["sym"]
    plural = _takes_plural(amount, lang)
    words = [amount]
    if scale:
        singular_plural = _SCALES.get(lang, {}).get(scale)
        words.append(singular_plural[plural] if singular_plural else scale)
    name = _CURRENCY_NAMES.get(lang, {}).get(symbol)
    if not name:
        return " ".join([*words, symbol])
    currency = name[plural or bool(scale)]
    if lang == "fr" and scale:  # "5 millions d'euros", "2 milliards de dollars"
        currency = ("d'" if currency[0] in "aeiou" else "de ") + currency
        return " ".join(words) + " " + currency
    return " ".join([*words, currency])


def _expand_money(text: str, lang: str) -> str:
    for pattern in _currency_patterns(lang):
        text = pattern.sub(lambda m: _say_money(m, lang), text)
    return text


_DE_SCALE = re.compile(r"(?<=\d)\s?(Mio|Mrd|Tsd)\.(?=\s)")
_DE_SCALE_WORDS = {"Mio": "Millionen", "Mrd": "Milliarden", "Tsd": "Tausend"}


def _expand_german_scales(text: str) -> str:
    """'5 Mio. Menschen' -> '5 Millionen Menschen' (money was handled before)."""
    return _DE_SCALE.sub(lambda m: " " + _DE_SCALE_WORDS[m[1]], text)


# --- dates ----------------------------------------------------------------------------------

_DATE_FORMATS = {
    "fr": "{day} {month} {year}",
    "de": "{day}. {month} {year}",
    "es": "{day} de {month} de {year}",
    "pt": "{day} de {month} de {year}",
    "it": "{day} {month} {year}",
    "nl": "{day} {month} {year}",
    "pl": "{day} {month} {year}",
    "cs": "{day}. {month} {year}",
    "sv": "{day} {month} {year}",
    "tr": "{day} {month} {year}",
    "ru": "{day} {month} {year}",
    "uk": "{day} {month} {year}",
    "el": "{day} {month} {year}",
    "en": "{month} {day}, {year}",
}
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d])"
)
_ISO_DATE = re.compile(r"(?<![\d.-])(?P<year>\d{4})-(?P<b>\d{2})-(?P<a>\d{2})(?![\d])")


def _spoken_date(day: int, month: int, year: str, lang: str) -> str | None:
    if not (1 <= day <= 31 and 1 <= month <= 12) or lang not in _DATE_FORMATS:
        return None
    month_name = get_month_names("wide", locale=lang)[month]
    day_text = "1er" if lang == "fr" and day == 1 else str(day)
    return _DATE_FORMATS[lang].format(day=day_text, month=month_name, year=year)


def _expand_numeric_dates(text: str, lang: str) -> str:
    """'05.12.2024' -> '5 décembre 2024'; English slashes are month first (US style)."""

    def say(match: re.Match[str], iso: bool = False) -> str:
        a, b = int(match["a"]), int(match["b"])
        day, month = a, b
        if lang == "en" and not iso and match["sep"] == "/" and a <= 12:
            day, month = b, a
        return _spoken_date(day, month, match["year"], lang) or match.group()

    text = _ISO_DATE.sub(lambda m: say(m, iso=True), text)
    return _NUMERIC_DATE.sub(say, text)


_DE_SHORT_DATE = re.compile(r"(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(?!\d)")


def _expand_german_short_dates(text: str) -> str:
    """'am 5.12.' -> 'am 5. Dezember' (then read as an ordinal)."""

    def say(match: re.Match[str]) -> str:
        day, month = int(match[1]), int(match[2])
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return match.group()
        return f"{day}. {get_month_names('wide', locale='de')[month]}"

    return _DE_SHORT_DATE.sub(say, text)


# --- times ----------------------------------------------------------------------------------

_FR_TIME = re.compile(r"(?<![\w,.])([01]?\d|2[0-4])\s?h\s?([0-5]\d)?(?!\w)")
_DE_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4]):([0-5]\d)(?:\s?Uhr\b)?")
_DE_TIME_WITHOUT_COLON = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4])[.]([0-5]\d)\s?Uhr\b")
_DE_ONE_OCLOCK = re.compile(r"(?<![\w,.])1(\s)Uhr\b")
_EN_TIME = re.compile(
    r"(?<![\w,.:])(1[0-2]|0?[1-9]|1[3-9]|2[0-3]):([0-5]\d)(?!\d)(\s?[ap]\.?m\.?)?"
)


def _fr_feminine_number(number: int) -> str:
    """'une', 'vingt et une': heures and minutes are feminine; the words also get liaison right
    ("neuf heures" with a v, which espeak-ng misses when given "9 heures")."""
    words = num2words(number, lang="fr")
    return words[:-2] + "une" if words.endswith("un") else words


def _fr_time(match: re.Match[str]) -> str:
    hours, minutes = int(match[1]), int(match[2] or 0)
    spoken = _fr_feminine_number(hours) + (" heure" if hours <= 1 else " heures")
    return f"{spoken} {_fr_feminine_number(minutes)}" if minutes else spoken


def _de_time(match: re.Match[str]) -> str:
    hours, minutes = int(match[1]), int(match[2])
    spoken = "ein Uhr" if hours == 1 else f"{hours} Uhr"
    return f"{spoken} {minutes}" if minutes else spoken


def _en_time(match: re.Match[str]) -> str:
    hours, minutes, meridiem = int(match[1]), int(match[2]), match[3] or ""
    if minutes == 0:
        return f"{hours}{meridiem}" if meridiem else f"{hours} o'clock"
    if minutes < 10:  # "eleven oh five", not "eleven zero five"
        return f"{hours} oh {minutes}{meridiem}"
    return match.group()


def _expand_times(text: str, lang: str) -> str:
    """Clock times, written as a native reader says them aloud."""
    if lang == "fr":
        return _FR_TIME.sub(_fr_time, text)
    if lang == "de":
        text = _DE_TIME_WITHOUT_COLON.sub(_de_time, text)
        text = _DE_TIME.sub(_de_time, text)
        return _DE_ONE_OCLOCK.sub(r"ein\1Uhr", text)
    if lang == "en":
        return _EN_TIME.sub(_en_time, text)
    return text


# --- ordinals -------------------------------------------------------------------------------

_FR_ORDINAL = re.compile(
    r"(?<![\w,.])(\d+|[IVXLC]+)(er|re|ère|nd|nde|e|è|ème|eme|ᵉ|ᵉʳ|ʳᵉ|ème)(?!\w)"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_VALID_ROMAN = re.compile(r"^C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


def _roman_to_int(numeral: str) -> int | None:
    if not numeral or not _VALID_ROMAN.match(numeral):
        return None
    values = [_ROMAN_VALUES[c] for c in numeral]
    total = sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))
    return total or None


def _fr_ordinal(match: re.Match[str]) -> str:
    digits, suffix = match[1], match[2]
    if not digits.isdigit() and not set(digits) & set("IVX"):
        return match.group()  # "Le", "Ce" are words, not the Roman numerals L and C
    number = int(digits) if digits.isdigit() else _roman_to_int(digits)
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


_IBERIAN_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,3})\.?([ºª])(?!\w)")
_IT_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,2})([°ºª])(?=\s+[^\W\dCF])")
_NL_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,3})(e|ste|de)(?!\w)")


def _romance_ordinal(match: re.Match[str], lang: str) -> str:
    word = num2words(int(match[1]), lang=lang, to="ordinal")
    if match[2] == "ª":  # feminine: "primeira", "prima", "primera"
        word = " ".join(w[:-1] + "a" if w.endswith("o") else w for w in word.split())
    return word


def _nl_ordinal(match: re.Match[str]) -> str:
    return num2words(int(match[1]), lang="nl", to="ordinal")


# German: "3." is an ordinal before a month name or, after an article, before a noun.
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
_LAST_TWO_WORDS = re.compile(r"(?:(\w+)\s+)?(\w+)\s*$")


def _words_before(text: str, position: int) -> tuple[str, str]:
    """The two words before `position`, lower-cased, nearest last ("in der 3." -> in, der)."""
    found = _LAST_TWO_WORDS.search(text[max(0, position - 40) : position])
    if not found:
        return "", ""
    return (found[1] or "").lower(), (found[2] or "").lower()


def _de_ordinal_ending(before2: str, before: str, is_month: bool) -> str | None:
    """Adjective ending after the words before; None when it is not read as an ordinal."""
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


def _expand_ordinals(text: str, lang: str) -> str:
    if lang == "fr":
        return _FR_ORDINAL.sub(_fr_ordinal, text)
    if lang == "de":
        return _DE_ORDINAL.sub(_de_ordinal, text)
    if lang in ("es", "pt"):
        return _IBERIAN_ORDINAL.sub(lambda m: _romance_ordinal(m, lang), text)
    if lang == "it":
        return _IT_ORDINAL.sub(lambda m: _romance_ordinal(m, lang), text)
    if lang == "nl":
        return _NL_ORDINAL.sub(_nl_ordinal, text)
    return text


# --- ranges ---------------------------------------------------------------------------------

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
_DASH_RANGE = re.compile(rf"(?<=\d)\s?[{_DASHES}]\s?(?=\d)")
# A hyphen only between two years: "2-1" is a score, "2023-2024" a span.
_YEAR_RANGE = re.compile(r"(?<![\d-])(\d{4})-(\d{4})(?![\d-])")


def _expand_ranges(text: str, lang: str) -> str:
    """'10–12' -> '10 to 12'; espeak-ng otherwise just runs the two numbers together."""
    word = _RANGE_WORDS.get(lang)
    if not word:
        return text
    text = _YEAR_RANGE.sub(rf"\1 {word} \2", text)
    return _DASH_RANGE.sub(f" {word} ", text)


# --- pipeline -------------------------------------------------------------------------------


def _tidy_spaces(text: str) -> str:
    return _MANY_SPACES.sub(" ", text).strip()


# Every audio, status and timings request plans the article again (the player polls status
# while it renders); the same sentences are then normalized once, not on every poll.
@lru_cache(maxsize=8192)
def normalize(text: str, lang: str) -> str:
    """The text espeak-ng should speak for `text` in `lang` (an ISO 639-1 code)."""
    lang = lang.split("-")[0].split("_")[0].lower()
    text = _remove_links(text)
    text = hashtags_to_words(text)
    # Dates, digit groups, money, times and ranges all need a digit, and no step before
    # them writes one (abbreviations and ordinals are spelled out in words).
    numbers = _DIGIT.search(text) is not None
    if numbers:
        text = _expand_numeric_dates(text, lang)
        text = _join_digit_groups(text, lang)
    text = _expand_abbreviations(text, lang)
    if numbers:
        text = _expand_money(text, lang)
        if lang == "de":
            text = _expand_german_scales(text)
            text = _expand_german_short_dates(text)
        text = _expand_times(text, lang)
    text = _expand_ordinals(text, lang)  # French ones may be Roman numerals: "XIe siècle"
    if numbers:
        text = _expand_ranges(text, lang)
    return speakable(_tidy_spaces(text), lang)
