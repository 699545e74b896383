"""Fuse the detectors' votes and the other evidence into probabilities over candidate languages."""

from __future__ import annotations

import math

from reader.library.langid.evidence import (
    japanese_kanji_scores,
    letter_scores,
    punctuation_scores,
    word_scores,
)
from reader.library.langid.frequency import frequency_log_scores, han_word_log_scores
from reader.library.langid.lingua_detector import lingua_probabilities
from reader.library.langid.ngrams import langdetect_log_likelihoods
from reader.library.langid.scripts import HAN_LANGUAGES

_FLOOR = 1e-3
"""Smallest probability lingua's vote counts for: it alone cannot veto a language."""

_LANGDETECT_ABSENT = -20.0
"""Relative log-likelihood for a candidate langdetect has no opinion on."""


def _langdetect_weight(n_words: int) -> float:
    """How much langdetect's n-grams count next to lingua's, by text length.

    On one or two words langdetect's profiles (built from Wikipedia) mislead more than they
    help, and lingua's word-level models are better there; on sentences both are good and
    their errors differ, so they vote as equals.
    """
    if n_words <= 2:
        return 0.15
    if n_words <= 5:
        return 0.4
    return 1.0


def _frequency_weight(n_words: int) -> float:
    """How much the words' frequencies in each language count, by text length.

    Tuned on CLDR's names of countries, languages and currencies in our languages (one and two
    words, written by CLDR's translators): on those, the n-gram detectors confuse close
    languages that the words' frequencies tell apart. Beyond a few words the detectors are
    reliable and the frequencies only add time.
    """
    if n_words <= 2:
        return FREQUENCY_WEIGHT_SHORT
    if n_words <= 5:
        return FREQUENCY_WEIGHT_PHRASE
    return 0.0


FREQUENCY_WEIGHT_SHORT = 1.0
FREQUENCY_WEIGHT_PHRASE = 0.5


HAN_WORD_WEIGHT = 2.0
"""How much a short Han text's frequency as a Japanese and as a Chinese word counts. Tuned on
CLDR's month, weekday, country and language names in Japanese and Chinese (both scripts):
Japanese is right on 9 of 49 Han-only names without it, 18 at 1.0, 19 at 2.0 and no more
above; no Chinese name (2,299, simplified and traditional) changes at any weight up to 5."""

_HAN_ONLY_CHINESE_PRIOR = math.log(2.0)
"""Han text without kana is more often Chinese than Japanese (Japanese prose needs kana)."""


def fuse(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Probabilities over the candidates from both detectors, letters and function words."""
    if candidates == HAN_LANGUAGES:
        return _fuse_han(text)
    n_words = len(text.split())
    langdetect_weight = _langdetect_weight(n_words)
    frequency_weight = _frequency_weight(n_words)
    by_frequency = frequency_log_scores(text, candidates) if frequency_weight else {}
    by_langdetect = langdetect_log_likelihoods(text, candidates)
    by_lingua = lingua_probabilities(text, candidates)
    letters = letter_scores(text, candidates)
    words = word_scores(text, candidates)
    punctuation = punctuation_scores(text, candidates)
    log_scores = {}
    for lang in candidates:
        log_scores[lang] = (
            langdetect_weight * by_langdetect.get(lang, _LANGDETECT_ABSENT if by_langdetect else 0)
            + math.log(max(by_lingua.get(lang, 0.0), _FLOOR))
            + letters[lang]
            + words[lang]
            + punctuation[lang]
            + frequency_weight * by_frequency.get(lang, 0.0)
        )
    return _softmax(log_scores)


def _fuse_han(text: str) -> dict[str, float]:
    """Chinese or Japanese for Han text without kana.

    lingua answers Chinese for any such text, so it has nothing to add; langdetect's
    Japanese and Chinese profiles do know which characters each language favours.
    """
    by_langdetect = langdetect_log_likelihoods(text, HAN_LANGUAGES)
    kanji = japanese_kanji_scores(text, HAN_LANGUAGES)
    as_word = han_word_log_scores(text)
    log_scores = {
        lang: by_langdetect.get(lang, 0.0) + kanji[lang] + HAN_WORD_WEIGHT * as_word[lang]
        for lang in HAN_LANGUAGES
    }
    log_scores["zh"] += _HAN_ONLY_CHINESE_PRIOR
    return _softmax(log_scores)


def _softmax(log_scores: dict[str, float]) -> dict[str, float]:
    """Probabilities from log-scores, shifted by the top one so that exp() cannot overflow."""
    top = max(log_scores.values())
    weights = {lang: math.exp(score - top) for lang, score in log_scores.items()}
    total = sum(weights.values())
    return {lang: weight / total for lang, weight in weights.items()}
