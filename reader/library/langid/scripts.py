"""The Unicode script of letters, and which of our languages each script leaves possible."""

from __future__ import annotations

from functools import cache

_SCRIPT_RANGES: tuple[tuple[str, int, int], ...] = (
    ("latin", 0x0041, 0x024F),
    ("latin", 0x1E00, 0x1EFF),
    ("greek", 0x0370, 0x03FF),
    ("greek", 0x1F00, 0x1FFF),
    ("cyrillic", 0x0400, 0x052F),
    ("hebrew", 0x0590, 0x05FF),
    ("hebrew", 0xFB1D, 0xFB4F),
    ("arabic", 0x0600, 0x06FF),
    ("arabic", 0x0750, 0x077F),
    ("arabic", 0x08A0, 0x08FF),
    ("arabic", 0xFB50, 0xFDFF),
    ("arabic", 0xFE70, 0xFEFF),
    ("devanagari", 0x0900, 0x097F),
    ("hangul", 0x1100, 0x11FF),
    ("hangul", 0x3130, 0x318F),
    ("hangul", 0xAC00, 0xD7AF),
    ("kana", 0x3040, 0x30FF),
    ("kana", 0x31F0, 0x31FF),
    ("kana", 0xFF66, 0xFF9F),
    ("han", 0x3400, 0x4DBF),
    ("han", 0x4E00, 0x9FFF),
    ("han", 0xF900, 0xFAFF),
    ("han", 0x20000, 0x2FA1F),
)

SCRIPT_LANGUAGE = {
    "greek": "el",
    "hebrew": "he",
    "arabic": "ar",
    "devanagari": "hi",
    "hangul": "ko",
    "kana": "ja",
}
"""Scripts that only one of our languages is written in."""

# The languages left to tell apart when a text is in a script several of ours share.
LATIN_LANGUAGES = ("fr", "de", "en", "es", "it", "pt", "nl", "pl", "tr", "sv", "cs")
CYRILLIC_LANGUAGES = ("uk", "ru")
HAN_LANGUAGES = ("zh", "ja")

_CJK_WEIGHT = 3
"""A Han, kana or Hangul character carries about as much evidence as a word's worth of letters."""


@cache
def script_of(char: str) -> str | None:
    """The script a letter belongs to, among those our languages use (None for anything else)."""
    code = ord(char)
    for script, low, high in _SCRIPT_RANGES:
        if low <= code <= high:
            if script == "latin" and not char.isalpha():
                return None  # × and ÷ sit in the Latin-1 block
            return script
    return None


def count_scripts(text: str) -> dict[str, int]:
    """How many letters of each script the text has; marks and digits don't count."""
    counts: dict[str, int] = {}
    for char in text:
        # Devanagari vowel signs are marks to Unicode, but they are most of a Hindi word.
        if char.isalpha() or 0x0900 <= ord(char) <= 0x097F:
            script = script_of(char)
            if script:
                counts[script] = counts.get(script, 0) + 1
    return counts


def dominant_script(counts: dict[str, int]) -> str | None:
    """The script the text is mostly written in; CJK characters weigh more than letters."""
    if not counts:
        return None
    weighted = {
        script: n * (_CJK_WEIGHT if script in ("han", "kana", "hangul") else 1)
        for script, n in counts.items()
    }
    if counts.get("kana"):
        # Japanese mixes kana with Han: the pair is one Japanese script.
        weighted["kana"] += weighted.pop("han", 0)
    return max(weighted, key=lambda script: (weighted[script], script))
