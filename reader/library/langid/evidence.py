"""Evidence beyond the detectors: foreign letters, function words, ¡¿ marks, Japanese kanji."""

from __future__ import annotations

import math
import re
from functools import cache

from reader.library.langid.han_forms import mixes_simplified_and_traditional
from reader.library.langid.lexicon import ALLOWED_LETTERS, FUNCTION_WORDS, JAPANESE_ONLY_KANJI
from reader.library.langid.scripts import script_of

# Words as the function-word lists spell them: elided articles keep their apostrophe (l', d').
_WORD = re.compile(r"[^\W\d_]+'?")

_FOREIGN_LETTER_PENALTY = math.log(0.03)
"""Log-weight per distinct letter a language does not use: rare in names and loanwords."""

_JAPANESE_KANJI_BONUS = math.log(50.0)
"""Log-weight for Japanese per distinct Japanese-only kanji in a text without kana."""


_MIXED_FORMS_BONUS = math.log(500.0)
"""Log-weight for Japanese when Han-only text mixes simplified and traditional forms ("中国語").
Tuned on CLDR's Japanese names of languages and countries without kana: 12 of 30 right at 50,
15 at 500 and no more at 5000; no Chinese name (2,299, both scripts) mixes the two forms."""


def japanese_kanji_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights for Japanese when Han-only text uses Japanese-only character forms."""
    scores = dict.fromkeys(candidates, 0.0)
    if "ja" in scores:
        scores["ja"] = _JAPANESE_KANJI_BONUS * len(JAPANESE_ONLY_KANJI.intersection(text))
        if mixes_simplified_and_traditional(text):
            scores["ja"] += _MIXED_FORMS_BONUS
    return scores


@cache
def _word_languages() -> dict[str, frozenset[str]]:
    """Each listed function word -> the languages whose list has it."""
    index: dict[str, set[str]] = {}
    for lang, words in FUNCTION_WORDS.items():
        for word in words.split():
            index.setdefault(word, set()).add(lang)
    return {word: frozenset(langs) for word, langs in index.items()}


USE_FUNCTION_WORDS = True
"""Switch for the benchmark, to measure what the word lists add."""

_FUNCTION_WORD_BONUS = math.log(6.0)
"""Log-weight a language gains per word of the text found in its list (up to 3 words' worth)."""


def letter_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights against languages that do not write some of the text's letters."""
    # Dotted capital İ lowers to i + a combining dot; as ı, it stays a Turkish-only letter.
    lowered = text.replace("İ", "ı").lower()
    foreign = {char for char in lowered if char.isalpha() and not char.isascii()}
    scores = {}
    for lang in candidates:
        allowed = ALLOWED_LETTERS.get(lang)
        if allowed is None:
            scores[lang] = 0.0
            continue
        misses = sum(1 for char in foreign if char not in allowed and script_of(char))
        scores[lang] = misses * _FOREIGN_LETTER_PENALTY
    return scores


_OPENING_MARKS = {"¡": "es", "¿": "es"}
"""Punctuation only one of our languages uses."""

_OPENING_MARK_BONUS = math.log(20.0)


def punctuation_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights for the language of Spanish-style opening ¡ and ¿."""
    scores = dict.fromkeys(candidates, 0.0)
    for mark, lang in _OPENING_MARKS.items():
        if mark in text and lang in scores:
            scores[lang] += _OPENING_MARK_BONUS
    return scores


def word_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights for languages whose frequent words the text uses."""
    scores = dict.fromkeys(candidates, 0.0)
    if not USE_FUNCTION_WORDS:
        return scores
    words = _WORD.findall(text.lower())
    if not words:
        return scores
    index = _word_languages()
    hits = dict.fromkeys(candidates, 0)
    for word in words:
        for lang in index.get(word, ()):
            if lang in hits:
                hits[lang] += 1
    # A share of the words rather than a count, so that long texts (where the detectors are
    # reliable) don't drown them in a word list's opinion.
    scale = min(len(words), 3) / len(words)
    return {lang: _FUNCTION_WORD_BONUS * hits[lang] * scale for lang in candidates}
