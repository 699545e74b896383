"""Telephone numbers read digit by digit in their groups, not as amounts."""

import re
from functools import cache

from babel import UnknownLocaleError
from babel.numbers import get_group_symbol

from reader.speech.normalize.cardinals import NUMBER_WORDS, cardinal

PLUS_WORDS = {
    "en": "plus", "de": "plus", "fr": "plus", "es": "más", "pt": "mais", "it": "più",
    "nl": "plus", "sv": "plus", "hu": "plusz", "ru": "плюс", "uk": "плюс", "pl": "plus",
    "cs": "plus", "tr": "artı", "vi": "cộng", "ko": "플러스", "hi": "प्लस", "ar": "زائد",
    "hy": "պլյուս",
}  # fmt: skip
_SEP = r"(?:[ .\-]|\)[ \-]?)"
# "+49 30 1234567", "+1 (123) 123-5678": a country code, then groups of digits.
_INTERNATIONAL = re.compile(
    rf"(?<![\w+])\+\s?\(?\d{{1,3}}\)?(?:{_SEP}\(?\d{{1,10}}\)?){{1,5}}(?!\d)"
)
# "(123) 123-5678", "123-123-5678", "123-123-5678-1111": groups a number never has.
_NATIONAL = re.compile(r"(?<![\w+\-.,])\(?\d{3}\)?[ \-.]\d{3}[\-.]\d{3,4}(?:-\d{1,4})?(?![\w\-])")


# Languages that say each group as a number ("négyszáznegyvenegy"), leading zeros as digits.
_GROUPS_AS_NUMBERS = {"hu", "sv", "fr"}

# "01 23 45 67 89": a French number, in pairs.
_PAIRS = re.compile(r"(?<![\w+\-.,])0\d(?:[ .]\d\d){4}(?![\w\-])")
# "08-789 52 25": an area code with a leading zero, a dash, then the groups.
_AREA_CODE = re.compile(r"(?<![\w+\-.,])0\d{1,3}-\d{2,4}(?: \d{2,4}){0,3}(?![\w\-]|[.,]\d)")


# "912 345 678", "210 123 4567": groups split by spaces, in a language whose amounts are
# grouped with another sign ("912.345.678", "912,345,678").
_SPACED = re.compile(r"(?<![\w+\-.,])(?<!\d )\d{2,4}(?: \d{2,4}){2,3}(?![\w\-]|[.,]\d| \d)")
# Words that announce a telephone number a few words before it ("Llame al 912 345 678").
_PHONE_CUES = {
    "es": r"llam\w*|tel\w*|móvil|número",
    "en": r"call\w*|phone|tel|dial\w*|number|fax",
    "pt": r"lig\w*|tel\w*|número|celular",
    "it": r"chiam\w*|tel\w*|numero|cellulare",
    "de": r"anruf\w*|ruf\w*|tel\w*|nummer|handy|fax",
    "nl": r"bel\w*|tel\w*|nummer",
    "el": r"τηλ\w*|καλέστε|αριθμ\w*",
    "tr": r"ara\w*|tel\w*|numara\w*",
    "fr": r"appel\w*|tél\w*|numéro",
    "ru": r"звон\w*|тел\w*|номер\w*",
    "uk": r"телеф\w*|тел|дзвон\w*|номер\w*",
    "pl": r"dzwo\w*|tel\w*|numer\w*",
    "cs": r"vol\w*|tel\w*|číslo",
    "sv": r"ring\w*|tel\w*|nummer",
}


def _spaced_phone(match: re.Match[str], lang: str) -> bool:
    """Groups of an amount have three digits: other groups, a leading zero, or a telephone word
    just before ("al", "on") make them a telephone number."""
    groups = match.group().split()
    if groups[0].startswith("0") or any(len(group) != 3 for group in groups[1:]):
        return True
    before = match.string[max(0, match.start() - 30) : match.start()]
    cue = _PHONE_CUES.get(lang)
    return bool(cue and re.search(rf"(?i)\b(?:{cue})\b", before))


# Mobile numbers written in one run: Chinese "13812345678".
_MOBILE_RUN = {"zh": re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")}
# "03-1234-5678": Japanese and Korean numbers, groups joined by dashes.
_DASHED = re.compile(r"(?<![\w+\-.,])0\d{1,4}-\d{1,4}-\d{3,4}(?![\w\-])")
# Digit names where the numbers themselves are read later (the telephone's "1" is 幺 in zh).
DIGIT_NAMES = {
    "zh": "零 幺 二 三 四 五 六 七 八 九".split(),
    "ja": "ぜろ いち に さん よん ご ろく なな はち きゅう".split(),
    "ko": "영 일 이 삼 사 오 육 칠 팔 구".split(),
}


def _digits(group: str, lang: str) -> str:
    if lang in DIGIT_NAMES:
        return "".join(DIGIT_NAMES[lang][int(d)] for d in group)
    words = NUMBER_WORDS[lang]
    if lang in _GROUPS_AS_NUMBERS and len(group) <= 4:
        rest = group.lstrip("0")
        zeros = [cardinal(0, words)] * (len(group) - len(rest))
        return " ".join([*zeros, cardinal(int(rest), words)] if rest else zeros)
    return " ".join(cardinal(int(d), words) for d in group)


_DATE_SHAPE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])-(?:0?[1-9]|1[0-2])-(?:1[89]|20)\d\d")


def _say(match: re.Match[str], lang: str) -> str:
    written = match.group()
    if _DATE_SHAPE.fullmatch(written.strip()):
        return written  # "01-06-1995" is a date, read later
    groups = re.findall(r"\d+", written)
    if sum(len(g) for g in groups) < 7:
        return written  # "+3 5": a score or a sum, not a telephone
    spoken = ", ".join(_digits(group, lang) for group in groups)
    if written.lstrip().startswith("+"):
        spoken = f"{PLUS_WORDS.get(lang, '+')} {spoken}"
    return spoken


def say_phone_numbers(text: str, lang: str) -> str:
    """'+1 (123) 123-5678' -> 'plus one, one two three, one two three, five six seven eight'."""
    if lang not in NUMBER_WORDS and lang not in DIGIT_NAMES:
        return text
    text = _INTERNATIONAL.sub(lambda m: _say(m, lang), text)
    text = _NATIONAL.sub(lambda m: _say(m, lang), text)
    text = _PAIRS.sub(lambda m: _say(m, lang), text)
    text = _DASHED.sub(lambda m: _say(m, lang), text)
    if not _spaces_group_thousands(lang) or lang in _PHONE_CUES:
        text = _SPACED.sub(lambda m: _say(m, lang) if _spaced_phone(m, lang) else m.group(), text)
    if lang in _MOBILE_RUN:
        text = _MOBILE_RUN[lang].sub(lambda m: _say(m, lang), text)
    return _AREA_CODE.sub(lambda m: _say(m, lang), text)


@cache
def _spaces_group_thousands(lang: str) -> bool:
    """Whether CLDR writes the language's large amounts with spaces ("10 000" in French)."""
    try:
        return not get_group_symbol(lang).strip()
    except (UnknownLocaleError, ValueError):
        return True
