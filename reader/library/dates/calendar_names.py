"""Month and weekday names of the 20 languages: CLDR's (through Babel) plus the forms it lacks."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale

from reader.text.languages import SUPPORTED_CODES

from .folding import fold

# Forms news sites print that CLDR's format/stand-alone names miss.
_EXTRA_MONTHS: dict[str, dict[int, tuple[str, ...]]] = {
    "en": {9: ("sept",)},
    "de": {1: ("jänner", "jän"), 3: ("mrz",)},
    "es": {9: ("setiembre", "set")},
    "pt": {9: ("setembro",)},
    "ar": {
        # Levantine / Iraqi names, as in "5 كانون الأول 2024".
        1: ("كانون الثاني", "كانون ثاني", "جانفي", "يناير", "ينايِر"),
        2: ("شباط", "فيفري", "فبراير"),
        3: ("آذار", "اذار", "مارس"),
        4: ("نيسان", "أفريل", "ابريل", "إبريل", "افريل"),
        5: ("أيار", "ايار", "ماي", "مايو"),
        6: ("حزيران", "جوان", "يونيو", "يونيه"),
        7: ("تموز", "جويلية", "يوليو", "يوليه", "جويلة"),
        8: ("آب", "أوت", "اغسطس", "أغسطس", "اغشت", "غشت"),
        9: ("أيلول", "ايلول", "سبتمبر", "شتنبر"),
        10: ("تشرين الأول", "تشرين اول", "أكتوبر", "اكتوبر"),
        11: ("تشرين الثاني", "تشرين ثاني", "نوفمبر", "نونبر"),
        12: ("كانون الأول", "كانون اول", "ديسمبر", "دجنبر"),
    },
    "hi": {
        2: ("फरवरी",),
        4: ("अप्रेल",),
        7: ("जुलाइ",),
        9: ("सितम्बर",),
        10: ("अक्तूबर", "अक्टूबर"),
        11: ("नवम्बर",),
        12: ("दिसम्बर",),
    },
    "el": {5: ("Μαΐου", "Μαίου", "Μάη"), 6: ("Ιούνη",), 7: ("Ιούλη",)},
    "uk": {11: ("листопаду",)},
    "tr": {},
}

_EXTRA_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "pt": ("segunda", "terça", "quarta", "quinta", "sexta"),
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "星期天")
    + ("週一", "週二", "週三", "週四", "週五", "週六", "週日", "周日", "周天"),
    "he": ("ראשון", "שני", "שלישי", "רביעי", "חמישי", "שישי", "שבת"),
    "ar": ("الاحد", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"),
    "en": ("tues", "thur", "thurs", "weds"),
    "de": ("mo", "di", "mi", "do", "fr", "sa", "so"),
}

# Languages whose sites clip month names to any prefix ("Déc", "Sept", "груд"); the other
# scripts print whole names or CLDR's own abbreviations.
_ALPHABETIC_CODES = (
    "fr",
    "de",
    "en",
    "uk",
    "ru",
    "es",
    "it",
    "pt",
    "nl",
    "pl",
    "tr",
    "sv",
    "el",
    "cs",
)


def _clean_name(name: str) -> str:
    return fold(name).strip().rstrip(".'").strip()


def _cldr_months(code: str) -> dict[str, int]:
    locale = Locale(code)
    names: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.months[context][width].items():
                cleaned = _clean_name(name)
                # Babel falls back to "1月" for some stand-alone tables; digits are no name.
                if cleaned and not any(ch.isdigit() for ch in cleaned):
                    names[cleaned] = number
    for number, extras in _EXTRA_MONTHS.get(code, {}).items():
        for name in extras:
            names[_clean_name(name)] = number
    return names


def _month_prefixes(names: dict[str, int]) -> dict[str, int]:
    """Abbreviations as sites cut them ("Déc", "Sept", "груд"), unambiguous within a language."""
    seen: dict[str, set[int]] = {}
    for name, number in names.items():
        if " " in name:
            continue
        for length in range(3, len(name)):
            seen.setdefault(name[:length], set()).add(number)
    return {prefix: next(iter(ms)) for prefix, ms in seen.items() if len(ms) == 1}


@lru_cache(maxsize=1)
def month_table() -> dict[str, dict[str, int]]:
    """Folded month word -> {language: month number}."""
    table: dict[str, dict[str, int]] = {}
    for code in SUPPORTED_CODES:
        names = _cldr_months(code)
        if code == "he":  # "בדצמבר": Hebrew glues the preposition to the month
            names.update({"ב" + name: n for name, n in list(names.items())})
        words = dict(_month_prefixes(names)) if code in _ALPHABETIC_CODES else {}
        words.update(names)  # full names win over a clipped form of another month
        for word, number in words.items():
            table.setdefault(word, {})[code] = number
    return table


def month_number(word: str, lang: str | None) -> int | None:
    """The month a folded month word names: in the page's language, else in most languages."""
    by_lang = month_table().get(word.rstrip(".'").strip())
    if not by_lang:
        return None
    if lang in by_lang:
        return by_lang[lang]
    numbers = list(by_lang.values())
    return max(set(numbers), key=numbers.count)


@lru_cache(maxsize=1)
def weekday_words() -> frozenset[str]:
    """Every folded weekday name and abbreviation of the 20 languages."""
    words: set[str] = set()
    for code in SUPPORTED_CODES:
        days = Locale(code).days
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated", "short"):
                for name in days[context][width].values():
                    words.add(_clean_name(name))
        words.update(_clean_name(w) for w in _EXTRA_WEEKDAYS.get(code, ()))
    return frozenset(w for w in words if w)
