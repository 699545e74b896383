"""Fold text to one comparable form (lower case, no accents, ASCII digits) and map it back."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_DIGIT_BLOCKS = ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯", "０１２３４５６７８９")
_CHAR_FOLDS = {
    **{d: str(i) for block in _DIGIT_BLOCKS for i, d in enumerate(block)},
    **dict.fromkeys("\u00a0\u202f\u2009\u2007\u200a\u2002\u2003\u3000\t\n\r\v\f", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c\u0640", ""),
    **dict.fromkeys("’ʼ‘`´׳′", "'"),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "״": '"',
    "：": ":",
    "，": ",",
    "、": ",",
    "،": ",",
    "٫": ".",
    "٬": ",",
    "．": ".",
    "。": ".",
    "／": "/",
    "（": "(",
    "）": ")",
    "【": "[",
    "】": "]",
    "॰": ".",  # Devanagari abbreviation sign, as in "दिस॰"
    "ı": "i",  # Turkish dotless i, so "ARALIK" and "Aralık" meet
    "İ": "i",
    "ς": "σ",
    "ى": "ي",
    "ی": "ي",
    "ک": "ك",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ە": "ه",
}
_ASCII_WS = str.maketrans("\t\n\r\v\f", "     ")


def _is_dropped_mark(ch: str) -> bool:
    """Accents, Hindi nukta, Arabic vowel marks: dropped so spelling variants compare equal."""
    o = ord(ch)
    return (
        0x0300 <= o <= 0x036F or o == 0x093C or 0x064B <= o <= 0x065F or o == 0x0670
    ) or 0x0591 <= o <= 0x05C7


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _CHAR_FOLDS:
        return _CHAR_FOLDS[ch]
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:  # full-width ASCII
        ch, o = chr(o - 0xFEE0), o - 0xFEE0
    low = ch.lower()
    if len(low) != 1:
        low = ch
    # Only alphabetic scripts are decomposed: NFD would split Hangul syllables into jamo.
    if 0x80 <= o < 0x0980 or 0x1E00 <= o < 0x2000:
        low = "".join(c for c in unicodedata.normalize("NFD", low) if not _is_dropped_mark(c))
    return low


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """Folded text and, unless it is the identity, the input offset of each folded char."""
    if text.isascii():
        return text.lower().translate(_ASCII_WS), None
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded:
            out.append(folded)
            index.extend([i] * len(folded))
    index.append(len(text))
    return "".join(out), index


def fold(text: str) -> str:
    """The comparable form of a word: lower case, no accents, ASCII digits."""
    return fold_with_offsets(text)[0]


def input_span(index: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """Input offsets of a folded span."""
    if index is None:
        return start, end
    if end <= start:
        return index[start], index[start]
    return index[start], index[end - 1] + 1


def cased_fold(text: str) -> str:
    """The folded text with capitals kept, aligned char for char with the folded text."""
    return "".join(_keep_case(ch) for ch in text)


def _keep_case(ch: str) -> str:
    folded = _fold_char(ch)
    if ch.isupper() and len(folded) == 1 and len(folded.upper()) == 1:
        return folded.upper()
    return folded
