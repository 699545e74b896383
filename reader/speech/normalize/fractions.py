"""Fractions ("3/4", "2 1/2") said as the language says them: "three quarters", "un tiers"."""

import re
from collections.abc import Callable

from num2words import num2words

from reader.speech.normalize.cardinals import NUMBER_WORDS, cardinal
from reader.speech.normalize.readings import MINUS_WORDS

# Korean writes a fraction right after a word ("1과1/2"): only Latin letters and digits bar it.
_FRACTION = re.compile(
    r"(?:(?P<minus>(?<!\S)[-\u2212])|(?<![0-9A-Za-z/.,:\-]))"
    r"(?:(?P<whole>\d+)(?:\s+|(?P<and>과|와)))?(?P<num>\d+)/(?P<den>\d+)(?![A-Za-z\d/]|[.,:]\d)"
)


def _words(number: int, lang: str) -> str:
    return cardinal(number, NUMBER_WORDS[lang])


def _ordinal(number: int, lang: str) -> str:
    return num2words(number, lang=NUMBER_WORDS[lang].code, to="ordinal")


def _en(num: int, den: int) -> str:
    name = {2: "half", 4: "quarter"}.get(den) or _ordinal(den, "en")
    if num != 1:
        name = "halves" if den == 2 else name + "s"
    return f"{_words(num, 'en')} {name}"


def _de(num: int, den: int) -> str:
    name = "halb" if den == 2 else _ordinal(den, "de")[:-1] + "el"  # dritte -> drittel
    return f"{'ein' if num == 1 else _words(num, 'de')} {name}"


def _fr(num: int, den: int) -> str:
    name = {2: "demi", 3: "tiers", 4: "quart"}.get(den) or _ordinal(den, "fr")
    if num > 1 and not name.endswith("s"):
        name += "s"
    return f"{_words(num, 'fr')} {name}"


_ES_NAMES = {2: "medio", 3: "tercio", 100: "centésimo", 1000: "milésimo"}


def _es(num: int, den: int) -> str | None:
    if den in _ES_NAMES or 4 <= den <= 10:
        name = _ES_NAMES.get(den) or _ordinal(den, "es")
    elif den < 100:
        name = re.sub(r"[ao]$", "", _words(den, "es").replace(" ", "")) + "avo"  # onceavo
    else:
        return f"{_words(num, 'es')} sobre {_words(den, 'es')}"
    return f"{'un' if num == 1 else _words(num, 'es')} {name}{'s' if num > 1 else ''}"


_PT_NAMES = {2: "meio", 3: "terço", 100: "centésimo", 1000: "milésimo"}


def _pt(num: int, den: int) -> str:
    if den in _PT_NAMES or 4 <= den <= 10:
        name = (_PT_NAMES.get(den) or _ordinal(den, "pt")) + ("s" if num > 1 else "")
    else:
        name = f"{_words(den, 'pt')} avos"
    return f"{_words(num, 'pt')} {name}"


def _it(num: int, den: int) -> str:
    name = "mezzo" if den == 2 else _ordinal(den, "it")
    if num > 1:
        name = name[:-1] + "i"  # terzo -> terzi
    return f"{'un' if num == 1 else _words(num, 'it')} {name}"


def _sv(num: int, den: int) -> str:
    if den == 2:
        return "en halv" if num == 1 else f"{_words(num, 'sv')} halva"
    name = _ordinal(den, "sv") + ("del" if num == 1 else "delar")
    return f"{'en' if num == 1 else _words(num, 'sv')} {name}"


_HY_ORDINALS = {2: "երկրորդ", 3: "երրորդ", 4: "չորրորդ"}


def _hy(num: int, den: int) -> str:
    return f"{_words(num, 'hy')} {_HY_ORDINALS.get(den) or _words(den, 'hy') + 'երորդ'}"


# Arabic names the parts up to a tenth: (one part, the plural after three to ten).
_AR_PARTS = {
    2: ("نصف", "أنصاف"), 3: ("ثلث", "أثلاث"), 4: ("ربع", "أرباع"), 5: ("خمس", "أخماس"),
    6: ("سدس", "أسداس"), 7: ("سبع", "أسباع"), 8: ("ثمن", "أثمان"), 9: ("تسع", "أتساع"),
    10: ("عشر", "أعشار"),
}  # fmt: skip


def _ar(num: int, den: int) -> str:
    if den not in _AR_PARTS:
        return f"{_words(num, 'ar')} على {_words(den, 'ar')}"
    one, many = _AR_PARTS[den]
    if num == 1:
        return one
    if num == 2:
        return one + "ان"  # ثلثان
    return f"{_words(num, 'ar')} {many if num <= 10 else one}"


FRACTION_STYLES: dict[str, tuple[Callable[[int, int], str | None], str]] = {
    # The language's fraction, and the word between a whole number and a fraction.
    "en": (_en, "and"),
    "de": (_de, ""),
    "fr": (_fr, "et"),
    "es": (_es, "y"),
    "pt": (_pt, "e"),
    "it": (_it, "e"),
    "sv": (_sv, "och"),
    "hy": (_hy, "և"),
    "ko": (lambda num, den: f"{_words(den, 'ko')}분의 {_words(num, 'ko')}", ""),
    "vi": (
        lambda num, den: f"{_words(num, 'vi')} phần {'tư' if den == 4 else _words(den, 'vi')}",
        "và",
    ),
    "ar": (_ar, "و"),
    "hi": (lambda num, den: f"{_words(num, 'hi')} बटा {_words(den, 'hi')}", "और"),
}


def say_fractions(text: str, lang: str) -> str:
    """'3/4' -> 'three quarters', '2 1/2' -> 'dos y un medio'."""
    style = FRACTION_STYLES.get(lang)
    if style is None:
        return text
    say, joiner = style

    def fraction(match: re.Match[str]) -> str:
        num, den = int(match["num"]), int(match["den"])
        spoken = say(num, den) if 1 < den else None
        if spoken is None:
            return match.group()
        if match["whole"]:
            whole = _words(int(match["whole"]), lang) + (match["and"] or "")
            spoken = " ".join(w for w in (whole, joiner, spoken) if w)
        if match["minus"]:
            spoken = f"{MINUS_WORDS.get(lang, '-')} {spoken}"
        return spoken

    return _FRACTION.sub(fraction, text)
