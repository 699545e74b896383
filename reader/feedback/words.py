"""A sentence's words, as a listener picks one: letters and digits with their inner marks."""

import re

# A word: letters, marks and digits, with inner apostrophes and hyphens ("aujourd'hui",
# "Saint-Denis"); numbers whole ("3,5", "10 000"). Scripts written without spaces are cut
# where the script changes (kanji, hiragana, katakana runs): the nearest to a word that a
# rule this small gets.
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HIRAGANA = r"\u3041-\u309f"
_KATAKANA = r"\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_SPACELESS = _HAN + _HIRAGANA + _KATAKANA
WORD = re.compile(
    rf"[{_HAN}]+|[{_HIRAGANA}]+|[{_KATAKANA}]+"
    r"|\d+(?:[.,\u00a0\u202f]\d+)*(?![\w])"
    rf"|(?:(?![{_SPACELESS}])[\w])+(?:['’\-](?:(?![{_SPACELESS}])[\w])+)*"
)
MAX_WORD_LENGTH = 200


def split_words(text: str) -> list[str]:
    """The words of a sentence in order; the same word twice is listed twice."""
    return [match.group(0)[:MAX_WORD_LENGTH] for match in WORD.finditer(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each of `split_words(text)` is in the text: (start, end)."""
    return [match.span() for match in WORD.finditer(text)]


def mark_word(text: str, index: int | None) -> tuple[str, str, str]:
    """The text as (before, word, after) around its index-th word; all in `before` if none."""
    spans = word_spans(text)
    if index is None or not 0 <= index < len(spans):
        return text, "", ""
    start, end = spans[index]
    return text[:start], text[start:end], text[end:]
