"""Clock times ("7:05", "14h30", "10h") said the way each language says them, in words."""

import re
from dataclasses import dataclass, field
from functools import cache

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
    hour_names: tuple[tuple[str, ...], ...] = ()
    """Hours said by name, not number (Polish "siódma"); a second tuple holds the form after
    the words in `names_after` ("o siódmej")."""
    names_after: frozenset[str] = frozenset()
    dotted_after: frozenset[str] = frozenset()
    """Words after which "13.30" is a time ("a las 13.30"); also before "h" ("13.30 h").
    Elsewhere it may be a price ("3.50 euros" in American Spanish)."""
    minute_names: dict[int, str] = field(default_factory=dict)
    """Minutes said by name ("y media", "y cuarto")."""
    bare_hours_after: dict[str, int] = field(default_factory=dict)
    """Words after which a bare number is an hour, and which of `hour_names` says it
    ("o godzinie 12" -> "o godzinie dwunastej")."""
    in_digits: bool = False
    """The numbers stay digits, read later with the counters (Japanese 18時2分)."""
    meridiem: dict[str, str] = field(default_factory=dict)
    """Written marks after the time and the words said for them (Arabic ص -> صباحا)."""


_KO_HOURS = tuple("영 한 두 세 네 다섯 여섯 일곱 여덟 아홉 열 열한 열두".split())


# Arabic names the hour of a twelve-hour clock by its feminine ordinal ("العاشرة").
_AR_TWELVE = (
    "الثانية_عشرة الواحدة الثانية الثالثة الرابعة الخامسة السادسة السابعة الثامنة التاسعة "
    "العاشرة الحادية_عشرة"
).split()
_AR_FEMININE = {
    "واحد": "واحدة", "اثنان": "اثنتان", "ثلاثة": "ثلاث", "أربعة": "أربع", "خمسة": "خمس",
    "ستة": "ست", "سبعة": "سبع", "ثمانية": "ثماني", "تسعة": "تسع", "عشرة": "عشر", "عشر": "عشرة",
    "أحد": "إحدى", "اثنا": "اثنتا", "وواحد": "وواحدة", "واثنان": "واثنتان",
}  # fmt: skip
_AR_HOURS = tuple(_AR_TWELVE[hour % 12].replace("_", " ") for hour in range(25))


def _pl_hours(hard: str, soft: str) -> tuple[str, ...]:
    """Polish hours 0-24 as feminine ordinals: 'siódma' (hard, soft = 'a', 'ia'), or after
    "o" 'siódmej' ('ej', 'iej'); 'dwudziesta pierwsza'."""

    def agree(word: str) -> str:
        if word.endswith("y"):
            return word[:-1] + hard
        return word[:-1] + soft if word.endswith("i") else word

    ordinals = [num2words(hour, lang="pl", to="ordinal") for hour in range(1, 25)]
    return ("zero", *(" ".join(agree(w) for w in o.split()) for o in ordinals))


CLOCK_STYLES = {
    "es": ClockStyle(
        "{h} y {m}",
        hours=("hora", "horas"),
        one="una",
        h_suffix=True,
        dotted_after=frozenset({"las", "la", "desde", "hasta"}),
        minute_names={15: "cuarto", 30: "media"},
    ),
    "it": ClockStyle("{h} e {m}", one="una"),
    "pt": ClockStyle(
        "{h} {hours} e {m}",
        "{h} {hours}",
        ("hora", "horas"),
        one="uma",
        h_suffix=True,
        dotted_after=frozenset({"às", "as", "das", "até"}),
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
    "pl": ClockStyle(
        hour_names=(_pl_hours("a", "ia"), _pl_hours("ej", "iej")),
        names_after=frozenset({"o", "godzinie"}),
        bare_hours_after={"godzinie": 1, "godzina": 0},
    ),
    "ja": ClockStyle("{h}時{m}分", "{h}時", in_digits=True),
    "hi": ClockStyle("{h} बजकर {m} मिनट", "{h} बजे"),
    "ar": ClockStyle(
        "{h} و{m} دقيقة",
        "{h}",
        hour_names=(_AR_HOURS,),
        feminine=_AR_FEMININE,
        meridiem={"ص": "صباحا", "م": "مساء", "صباحا": "صباحا"},
    ),
    **{lang: ClockStyle() for lang in ("cs", "tr", "nl", "el")},
}
_COLON_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4]):([0-5]\d)(?![\d:])")
_DOTTED_TIME = re.compile(
    r"(?<![\w.,:])([01]?\d|2[0-4])\.([0-5]\d)(?![\d.,]\d|\d)(?P<suffix>\s?h(?!\w))?"
)
_H_TIME = re.compile(r"(?<![\w,.:])([01]?\d|2[0-4])\s?h\s?([0-5]\d)?(?!\w)")


@cache
def _colon_time(lang: str) -> re.Pattern[str]:
    """'7:05', with what the language reads after it ("22:00 h", Arabic "10:15 ص")."""
    style = CLOCK_STYLES[lang]
    marks = sorted(style.meridiem, key=len, reverse=True) + (["h"] if style.h_suffix else [])
    if not marks:
        return _COLON_TIME
    suffix = "|".join(re.escape(mark) for mark in marks)
    return re.compile(rf"{_COLON_TIME.pattern}(?P<suffix>\s?(?:{suffix})(?!\w))?")


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


def _after(match: re.Match[str], words: frozenset[str]) -> bool:
    """Whether the word just before the time is one of `words` ("o 7:05")."""
    before = _WORD_BEFORE.search(match.string[max(0, match.start() - 20) : match.start()])
    return bool(before and before[1].lower() in words)


def _suffix(match: re.Match[str], style: ClockStyle) -> str:
    """The words for what is written after the time: "h" says the hours' word."""
    suffix = (match.groupdict().get("suffix") or "").strip()
    return f" {style.meridiem[suffix]}" if suffix in style.meridiem else ""


def _say(match: re.Match[str], style: ClockStyle, lang: str) -> str:
    if (genitive := _genitive(match, style, lang)) is not None:
        return genitive + _suffix(match, style)
    if style.in_digits:
        hour, minute = int(match[1]), int(match[2] or 0)
        return (style.full if minute else style.whole).format(h=hour, m=minute)
    words = NUMBER_WORDS[lang]
    hour, minute = int(match[1]), int(match[2] or 0)
    if style.native_hours and hour <= 12:
        h = style.native_hours[hour]
    elif style.hour_names:
        h = style.hour_names[_after(match, style.names_after) if style.names_after else 0][hour]
    else:
        h = style.one if hour == 1 and style.one else cardinal(hour, words)
    m = style.minute_names.get(minute) or cardinal(minute, words)
    if style.feminine:  # "две минуты", Arabic "خمس عشرة دقيقة"
        m = " ".join(style.feminine.get(word, word) for word in m.split())
    pattern = style.full if minute else style.whole
    if not minute and (match.groupdict().get("suffix") or "").strip() == "h" and style.hours:
        pattern = "{h} {hours}"  # "a las 22:00 h": "veintidós horas"
    spoken = pattern.format(
        h=h, m=m, hours=_form(style.hours, hour), minutes=_form(style.minutes, minute)
    )
    return " ".join(spoken.split()) + _suffix(match, style)


def say_times(text: str, lang: str) -> str:
    """'7:05' -> 'siete y cinco', '14h30' -> 'catorze horas e trinta', '10:30' -> '열시 삼십분'."""
    style = CLOCK_STYLES.get(lang)
    if style is None or (lang not in NUMBER_WORDS and not style.in_digits):
        return text
    text = _colon_time(lang).sub(lambda m: _say(m, style, lang), text)
    if style.dot_after:
        dotted = rf"(?<={style.dot_after} )([01]?\d|2[0-4])\.([0-5]\d)(?![\d.])"
        text = re.sub(dotted, lambda m: _say(m, style, lang), text)
    if style.dotted_after:
        text = _DOTTED_TIME.sub(
            lambda m: (
                _say(m, style, lang) if m["suffix"] or _after(m, style.dotted_after) else m.group()
            ),
            text,
        )
    if style.h_suffix:
        text = _H_TIME.sub(lambda m: _say(m, style, lang), text)
    for word, form in style.bare_hours_after.items():
        text = re.sub(
            rf"(?<=\b{word} )([01]?\d|2[0-4])(?![\d:.,])",
            lambda m, form=form: style.hour_names[form][int(m[1])],
            text,
        )
    return text
