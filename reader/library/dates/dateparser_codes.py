"""Which dateparser language reads a page language, and that language's own words."""

from __future__ import annotations

from functools import lru_cache

# espeak-ng / Babel codes that dateparser spells otherwise.
_DATEPARSER_CODE = {"cmn": "zh", "yue": "zh", "nb": "nb", "no": "nb"}


@lru_cache(maxsize=1)
def _dateparser_languages() -> frozenset[str]:
    from dateparser.data import language_locale_dict

    return frozenset(language_locale_dict)


def dateparser_code(lang: str | None) -> str | None:
    """The dateparser language for a page language, or None when dateparser has none."""
    if not lang:
        return None
    code = _DATEPARSER_CODE.get(lang, lang)
    return code if code in _dateparser_languages() else None


@lru_cache(maxsize=128)
def dateparser_words(lang: str | None, key: str) -> tuple[str, ...]:
    """dateparser's words of one kind ("am", "pm", ...) for a language, or ()."""
    code = dateparser_code(lang)
    if code is None:
        return ()
    from dateparser.languages import default_loader

    try:
        info = default_loader.get_locale(code).info
    except Exception:  # noqa: BLE001 - a locale dateparser lists but cannot load
        return ()
    return tuple(w for w in info.get(key, ()) if isinstance(w, str))
