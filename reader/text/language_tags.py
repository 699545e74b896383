"""The one language-tag normalizer: 'fr-FR', 'EN_us', 'iw' -> our bare ISO 639 codes."""

import re

from reader.text.languages import LANGUAGES

# A tag's primary subtag: two or three letters, before any region or script ("pt-BR").
_PRIMARY = re.compile(r"^([A-Za-z]{2,3})(?:$|[-_])")
# Codes ISO 639 withdrew that old pages and feeds still declare.
LEGACY_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro"}


def base_language(tag: object) -> str | None:
    """The lower-case primary language of a tag ('pt-BR' -> 'pt', 'iw' -> 'he'), or None."""
    if not isinstance(tag, str):
        return None
    match = _PRIMARY.match(tag.strip())
    if match is None:
        return None
    code = match.group(1).lower()
    return LEGACY_CODES.get(code, code)


# A region subtag: two letters (US, BR) or three digits (419, Latin America), after the language
# and any script ("zh-Hant-TW").
_REGION = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z]{4})?[-_]([A-Za-z]{2}|\d{3})(?:$|[-_])")


def region(tag: object) -> str | None:
    """The tag's region, upper-case ('en-US' and 'en_us' -> 'US', 'es-419' -> '419'), or None."""
    if not isinstance(tag, str):
        return None
    match = _REGION.match(tag.strip())
    return match.group(1).upper() if match else None


def supported_language(tag: object) -> str | None:
    """The tag's language when it is one of ours, else None."""
    code = base_language(tag)
    return code if code in LANGUAGES else None
