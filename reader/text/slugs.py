"""Slugs: a title as a short file or URL name, in its own script ("premieres-pertes-kyiv")."""

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w]+")
MAX_SLUG_CHARS = 60


def _without_latin_accents(text: str) -> str:
    """é → e, but が keeps its dakuten and Arabic its marks: only accents on a Latin letter go."""
    kept, base = [], ""
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            if base.isascii():
                continue
        else:
            base = char
        kept.append(char)
    return "".join(kept)


def slug(text: str, ascii_only: bool = False) -> str:
    """Lowercase words joined by hyphens; accents dropped from Latin letters, other scripts kept.

    `ascii_only` keeps only what ASCII can spell (empty for a Japanese or Arabic title): the
    fallback name for clients that cannot read a UTF-8 file name.
    """
    letters = unicodedata.normalize("NFC", _without_latin_accents(text)).casefold()
    if ascii_only:
        letters = letters.encode("ascii", "ignore").decode("ascii")
    words = [word for word in _NOT_WORD.split(letters.replace("_", " ")) if word]
    result = ""
    for word in words:
        longer = f"{result}-{word}" if result else word
        if len(longer) > MAX_SLUG_CHARS:
            return result or word[:MAX_SLUG_CHARS]
        result = longer
    return result
