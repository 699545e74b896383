"""The CLDR locales (through Babel) that print a language, in each script it is written in."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.localedata import locale_identifiers

# Scripts in which CLDR has a second locale for one language: Serbian and Bosnian sites print
# both Cyrillic and Latin, Uzbek and Azerbaijani Latin and Cyrillic, Punjabi Gurmukhi and Arabic.
_SCRIPTS = ("Latn", "Cyrl", "Arab")


@lru_cache(maxsize=128)
def language_locales(lang: str | None) -> tuple[Locale, ...]:
    """The language's default CLDR locale and its other-script locales; () when it has none."""
    if not lang:
        return ()
    try:
        found = [Locale.parse(lang)]
    except Exception:  # noqa: BLE001 - no CLDR locale for this code
        return ()
    known = set(locale_identifiers())
    for script in _SCRIPTS:
        identifier = f"{lang}_{script}"
        if identifier in known and script != found[0].script:
            found.append(Locale.parse(identifier))
    return tuple(found)


@lru_cache(maxsize=128)
def day_before_month(lang: str | None) -> bool:
    """Whether the language's CLDR short date prints the day before the month ("d/M/yy")."""
    locales = language_locales(lang)
    if not locales:
        return True  # most of the world writes the day first
    pattern = locales[0].date_formats["short"].pattern
    day, month = pattern.find("d"), pattern.find("M")
    return day < 0 or month < 0 or day < month
