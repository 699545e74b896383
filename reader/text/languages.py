"""The languages reader knows: codes, names, writing direction, and espeak-ng voice ids."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    """One language the app can detect, show and speak."""

    code: str
    """ISO 639-1 code, also the UI locale name."""
    english_name: str
    native_name: str
    rtl: bool = False
    """Written right to left (Arabic, Hebrew)."""
    espeak_voice: str = ""
    """espeak-ng voice id (as pyttsx3 lists it); native voices only, never MBROLA ones."""


LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("fr", "French", "Français", espeak_voice="roa/fr"),
        Language("de", "German", "Deutsch", espeak_voice="gmw/de"),
        Language("en", "English", "English", espeak_voice="gmw/en"),
        Language("uk", "Ukrainian", "Українська", espeak_voice="zle/uk"),
        Language("ru", "Russian", "Русский", espeak_voice="zle/ru"),
        Language("ko", "Korean", "한국어", espeak_voice="ko"),
        Language("ja", "Japanese", "日本語", espeak_voice="jpx/ja"),
        # Mandarin "latin as pinyin": the plain cmn voice says pinyin tone digits in English.
        Language("zh", "Chinese", "中文", espeak_voice="sit/cmn-latn-pinyin"),
        Language("ar", "Arabic", "العربية", rtl=True, espeak_voice="sem/ar"),
        Language("es", "Spanish", "Español", espeak_voice="roa/es"),
        Language("it", "Italian", "Italiano", espeak_voice="roa/it"),
        Language("pt", "Portuguese", "Português", espeak_voice="roa/pt"),
        Language("nl", "Dutch", "Nederlands", espeak_voice="gmw/nl"),
        Language("pl", "Polish", "Polski", espeak_voice="zlw/pl"),
        Language("tr", "Turkish", "Türkçe", espeak_voice="trk/tr"),
        Language("sv", "Swedish", "Svenska", espeak_voice="gmq/sv"),
        Language("el", "Greek", "Ελληνικά", espeak_voice="grk/el"),
        Language("he", "Hebrew", "עברית", rtl=True, espeak_voice="sem/he"),
        Language("hi", "Hindi", "हिन्दी", espeak_voice="inc/hi"),
        Language("cs", "Czech", "Čeština", espeak_voice="zlw/cs"),
    )
}

SUPPORTED_CODES: tuple[str, ...] = tuple(LANGUAGES)
"""The 20 languages, in the order the UI lists them."""


def is_rtl(code: str | None) -> bool:
    """Whether text in this language is laid out right to left."""
    return bool(code) and code in LANGUAGES and LANGUAGES[code].rtl


# Spanish of the Americas (CLDR's region 419 and its countries, with the United States): read
# by espeak-ng's Latin American voice.
_LATIN_AMERICA = "419 AR BO CL CO CR CU DO EC GT HN MX NI PA PE PR PY SV US UY VE".split()
REGIONAL_ESPEAK_VOICES: dict[str, dict[str, str]] = {
    "en": {"US": "gmw/en-us", "GB": "gmw/en"},
    "es": {**dict.fromkeys(_LATIN_AMERICA, "roa/es-419"), "ES": "roa/es"},
    "pt": {"BR": "roa/pt-br", "PT": "roa/pt"},
}
"""espeak-ng's voice for a language as spoken in a region, where it has one; any other region
(and a tag without one) keeps the language's espeak_voice."""


def espeak_voice(code: str | None, region: str | None = None) -> str:
    """espeak-ng's voice for the language in the region ("en", "US" -> "gmw/en-us"), else the
    language's own voice; "" for a language we do not know."""
    language = LANGUAGES.get(code or "")
    if language is None:
        return ""
    return REGIONAL_ESPEAK_VOICES.get(language.code, {}).get(region or "", language.espeak_voice)


def language_of_espeak_voice(voice: str) -> str | None:
    """Our language code for an espeak-ng voice id ("roa/pt-br" -> "pt"), or None."""
    for code, language in LANGUAGES.items():
        if language.espeak_voice == voice:
            return code
    for code, voices in REGIONAL_ESPEAK_VOICES.items():
        if voice in voices.values():
            return code
    return None
