"""Text as every step compares it: collapsed whitespace, word tokens and their overlap."""

from __future__ import annotations

import re
from collections import Counter

# CJK and kana scripts write no spaces between words, so each character counts as one word
# (hangul syllables too, which keeps the token counts of the languages comparable).
WORD_TOKEN = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W_]+", re.UNICODE
)
WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    """The text on one line, each run of whitespace made a single space."""
    return WHITESPACE.sub(" ", text).strip()


def word_tokens(text: str) -> list[str]:
    """The text's words (CJK per character), lowercased."""
    return [token.lower() for token in WORD_TOKEN.findall(text)]


def token_key(text: str) -> str:
    """The words of a text joined by single spaces: equal for texts that differ only in
    punctuation, spacing or case, and a substring test on it matches whole words."""
    return " ".join(word_tokens(text))


def token_similarity(a: str, b: str) -> float:
    """How much of their words two texts share, from 0 (none) to 1 (the same bag of words)."""
    a_tokens, b_tokens = Counter(word_tokens(a)), Counter(word_tokens(b))
    shared = sum((a_tokens & b_tokens).values())
    return 2 * shared / max(sum(a_tokens.values()) + sum(b_tokens.values()), 1)


def token_f1(predicted: str | None, truth: str | None) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of a text against a reference (CJK per char)."""
    predicted_tokens = Counter(word_tokens(predicted or ""))
    truth_tokens = Counter(word_tokens(truth or ""))
    common = sum((predicted_tokens & truth_tokens).values())
    if not predicted_tokens or not truth_tokens or not common:
        both_empty = not predicted_tokens and not truth_tokens
        return (1.0, 1.0, 1.0) if both_empty else (0.0, 0.0, 0.0)
    precision = common / sum(predicted_tokens.values())
    recall = common / sum(truth_tokens.values())
    return precision, recall, 2 * precision * recall / (precision + recall)
