"""Detect which of reader's 20 languages a text is in: script rules, langdetect and lingua fused."""

from __future__ import annotations

import math
from dataclasses import dataclass

from reader.languages import SUPPORTED_CODES
from reader.library.langid.cleaning import clean, sample, split_hashtags
from reader.library.langid.evidence import (
    japanese_kanji_scores,
    letter_scores,
    punctuation_scores,
    word_scores,
)
from reader.library.langid.lingua_detector import lingua_probabilities
from reader.library.langid.ngrams import langdetect_log_likelihoods
from reader.library.langid.scripts import (
    CYRILLIC_LANGUAGES,
    HAN_LANGUAGES,
    LATIN_LANGUAGES,
    SCRIPT_LANGUAGE,
    count_scripts,
    dominant_script,
)

__all__ = ["Detection", "detect", "detect_block", "detect_with_confidence"]


@dataclass(frozen=True)
class Detection:
    """A detected language and how sure we are of it (0..1; 0.9 and above means very likely)."""

    lang: str
    confidence: float


# ---------------------------------------------------------------------------------------------
# Fusion

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


_HAN_ONLY_CHINESE_PRIOR = math.log(2.0)
"""Han text without kana is more often Chinese than Japanese (Japanese prose needs kana)."""


def _fuse(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Probabilities over the candidates from both detectors, letters and function words."""
    if candidates == HAN_LANGUAGES:
        return _fuse_han(text)
    langdetect_weight = _langdetect_weight(len(text.split()))
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
        )
    return _softmax(log_scores)


def _fuse_han(text: str) -> dict[str, float]:
    """Chinese or Japanese for Han text without kana.

    lingua answers Chinese for any such text, so it has nothing to add; langdetect's
    Japanese and Chinese profiles do know which characters each language favours.
    """
    by_langdetect = langdetect_log_likelihoods(text, HAN_LANGUAGES)
    kanji = japanese_kanji_scores(text, HAN_LANGUAGES)
    log_scores = {lang: by_langdetect.get(lang, 0.0) + kanji[lang] for lang in HAN_LANGUAGES}
    log_scores["zh"] += _HAN_ONLY_CHINESE_PRIOR
    return _softmax(log_scores)


def _softmax(log_scores: dict[str, float]) -> dict[str, float]:
    top = max(log_scores.values())
    weights = {lang: math.exp(score - top) for lang, score in log_scores.items()}
    total = sum(weights.values())
    return {lang: weight / total for lang, weight in weights.items()}


def _evidence_factor(letters: int) -> float:
    """How far a script alone can be trusted: one stray letter is weak evidence."""
    return min(1.0, 0.5 + 0.25 * letters)


def _distribution(text: object) -> dict[str, float]:
    """Probabilities over our languages for the text; empty when it gives no evidence."""
    cleaned = clean(text)
    counts = count_scripts(cleaned)
    script = dominant_script(counts)
    if script is None:
        return {}
    if script in SCRIPT_LANGUAGE:
        letters = counts[script] + (counts.get("han", 0) if script == "kana" else 0)
        return {SCRIPT_LANGUAGE[script]: 0.99 * _evidence_factor(letters)}
    if script == "han":
        return _fuse(cleaned, HAN_LANGUAGES)
    if script == "cyrillic":
        return _fuse(cleaned, CYRILLIC_LANGUAGES)
    return _fuse(cleaned, LATIN_LANGUAGES)


def _best(distribution: dict[str, float]) -> Detection | None:
    if not distribution:
        return None
    lang = max(distribution, key=lambda code: (distribution[code], code))
    return Detection(lang, round(min(max(distribution[lang], 0.0), 1.0), 4))


# ---------------------------------------------------------------------------------------------
# Public API


def detect_with_confidence(text: str) -> Detection | None:
    """The most likely language with its probability, or None when the text gives no evidence."""
    try:
        return _best(_distribution(text))
    except Exception:  # noqa: BLE001 - a reading app must never fail on a detector's bug
        return None


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language among SUPPORTED_CODES, or None without evidence."""
    detection = detect_with_confidence(text)
    return detection.lang if detection else None


_CONTEXT_PRIOR = {"heading": 0.9, "hashtags": 0.9, "paragraph": 0.75}
"""How likely a block is, before reading it, to be in the article's language."""

_CONTEXT_FLOOR = 1e-3
"""Likelihood left to the article's language when the text's script rules it out."""


def detect_block(text: str, context_lang: str | None, kind: str = "paragraph") -> Detection | None:
    """Language of one block of an article, leaning on the article's language (context_lang).

    Headings and hashtag lines keep the article's language unless their text strongly
    says otherwise; paragraphs lean on it less. The confidence is the posterior used.
    """
    try:
        if kind == "hashtags" and isinstance(text, str):
            text = split_hashtags(sample(text))
        distribution = _distribution(text)
        if context_lang not in SUPPORTED_CODES:
            return _best(distribution)
        prior = _CONTEXT_PRIOR.get(kind, _CONTEXT_PRIOR["paragraph"])
        if not distribution:
            return Detection(context_lang, prior)
        return _best(_with_context(distribution, context_lang, prior))
    except Exception:  # noqa: BLE001 - see detect_with_confidence
        return None


def _with_context(distribution: dict[str, float], context_lang: str, prior: float):
    """Bayes: the text's likelihoods times a prior that favours the article's language."""
    others_prior = (1.0 - prior) / (len(SUPPORTED_CODES) - 1)
    posterior = {lang: p * others_prior for lang, p in distribution.items()}
    context_likelihood = max(distribution.get(context_lang, 0.0), _CONTEXT_FLOOR)
    posterior[context_lang] = context_likelihood * prior
    total = sum(posterior.values())
    return {lang: p / total for lang, p in posterior.items()}


def warm_up() -> None:
    """Build the detectors and load their models now rather than on the first request."""
    for greeting in ("Bonjour à tous", "Привіт усім", "你好"):
        detect(greeting)
