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


def supported_language(tag: object) -> str | None:
    """The tag's language when it is one of ours, else None."""
    code = base_language(tag)
    return code if code in LANGUAGES else None
