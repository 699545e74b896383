"""Clock times ("7:05", "14h30", "10h") said the way each language says them, in words."""

import re
from dataclasses import dataclass, field

from num2words import num2words

from reader.speech.normalize.cardinals import NUMBER_WORDS, cardinal
from reader.speech.normalize.plurals import plural_form


@dataclass(frozen=True)
class ClockStyle:
    """How one language says a time; {h} and {m} are the numbers in words."""

    full: str = "{h} {m}"
    whole: str = "{h}"
    """A time on the hour ("siete", "dez horas")."""
    hours: tuple[str, ...] = ()
    """The word for hours: (one, many) or (one, few, many)."""
    minutes: tuple[str, ...] = ()
    one: str = ""
    """Hour 1 where it takes another form ("una", "uma")."""
    h_suffix: bool = False
    """Pages also write "14h30", "10 h"."""
    feminine: dict[str, str] = field(default_factory=dict)
    """Last words of minutes that turn feminine ("две минуты")."""
    genitive_after: frozenset[str] = frozenset()
    """Prepositions after which the numbers take the genitive ("с десяти до двадцати двух")."""
    genitive: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    """The (hours, minutes) words in the genitive: (one, others)."""
    native_hours: tuple[str, ...] = ()
    dot_after: str = ""
    """The word after which "12.34" is a time, not a decimal ("klockan 12.34")."""
    """Hours said with other number words than the minutes (Korean 열시 삼십분)."""


_KO_HOURS = tuple("영 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열 열한 열두".split())
CLOCK_STYLES = {
    "es": ClockStyle("{h} y {m}", one="una", h_suffix=True),
    "it": ClockStyle("{h} e {m}", one="una"),
    "pt": ClockStyle(
        "{h} {hours} e {m}", "{h} {hours}", ("hora", "horas"), one="uma", h_suffix=True
    ),
    "ru": ClockStyle(
        "{h} {hours} {m} {minutes}",
        "{h} {hours}",
        ("час", "часа", "часов"),
        ("минута", "минуты", "минут"),
        feminine={"один": "одна", "два": "две"},
        genitive_after=frozenset({"с", "до", "около", "после", "от"}),
        genitive=(("часа", "часов"), ("минуты", "минут")),
    ),
    "uk": ClockStyle(
        "{h} {hours} {m} {minutes}",
        "{h} {hours}",
        ("година", "години", "годин"),
        ("хвилина", "хвилини", "хвилин"),
        one="одна",
        feminine={"один": "одна", "два": "дві"},
    ),
    "hu": ClockStyle("{h} óra {m} perc", "{h} óra"),
    "vi": ClockStyle("{h} giờ {m} phút", "{h} giờ", h_suffix=True),
    "ko": ClockStyle("{h}시 {m}분", "{h}시", native_hours=_KO_HOURS),
    "sv": ClockStyle(dot_after="klockan"),
    **{lang: ClockStyle() for lang in ("pl", "cs", "tr", "nl", "el")},
}
_COLON_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
_H_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4])\s?h\s?([0-5]\d)?(?!\w)")


def _form(forms: tuple[str, ...], number: int) -> str:
    if not forms:
        return ""
    if len(forms) == 3:
        return forms[plural_form(str(number))]
    return forms[number != 1]


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _genitive(match: re.Match[str], style: ClockStyle, lang: str) -> str | None:
    """'с 10:00' -> 'с десяти часов'; None when no preposition asks for the genitive."""
    before = _WORD_BEFORE.search(match.string[max(0, match.start() - 20) : match.start()])
    if not style.genitive_after or not before or before[1].lower() not in style.genitive_after:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    code = NUMBER_WORDS[lang].code
    hours, minutes = style.genitive
    spoken = f"{num2words(hour, lang=code, case='g')} {hours[hour % 10 != 1 or hour == 11]}"
    if minute:
        m = num2words(minute, lang=code, case="g", gender="f")
        spoken += f" {m} {minutes[minute % 10 != 1 or minute == 11]}"
    return spoken


def _say(match: re.Match[str], style: ClockStyle, lang: str) -> str:
    if (genitive := _genitive(match, style, lang)) is not None:
        return genitive
    words = NUMBER_WORDS[lang]
    hour, minute = int(match[1]), int(match[2] or 0)
    if style.native_hours and hour <= 12:
        h = style.native_hours[hour]
    else:
        h = style.one if hour == 1 and style.one else cardinal(hour, words)
    m = cardinal(minute, words)
    if style.feminine and not 11 <= minute % 100 <= 19:
        head, _, last = m.rpartition(" ")
        m = f"{head} {style.feminine.get(last, last)}".strip()
    pattern = style.full if minute else style.whole
    spoken = pattern.format(
        h=h, m=m, hours=_form(style.hours, hour), minutes=_form(style.minutes, minute)
    )
    return " ".join(spoken.split())


def say_times(text: str, lang: str) -> str:
    """'7:05' -> 'siete y cinco', '14h30' -> 'catorze horas e trinta', '10:30' -> '열시 삼십분'."""
    style = CLOCK_STYLES.get(lang)
    if style is None or lang not in NUMBER_WORDS:
        return text
    text = _COLON_TIME.sub(lambda m: _say(m, style, lang), text)
    if style.dot_after:
        dotted = rf"(?<={style.dot_after} )([01]?\d|2[0-4])\.([0-5]\d)(?![\d.])"
        text = re.sub(dotted, lambda m: _say(m, style, lang), text)
    if style.h_suffix:
        text = _H_TIME.sub(lambda m: _say(m, style, lang), text)
    return text
