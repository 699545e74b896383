"""The language of one block of an article, leaning on the article's language."""

from __future__ import annotations

from reader.library.langid.cleaning import sample
from reader.library.langid.detection import Detection, best, language_probabilities
from reader.text.hashtags import split_hashtags
from reader.text.languages import SUPPORTED_CODES

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
        distribution = language_probabilities(text)
        if context_lang not in SUPPORTED_CODES:
            return best(distribution)
        prior = _CONTEXT_PRIOR.get(kind, _CONTEXT_PRIOR["paragraph"])
        if not distribution:
            return Detection(context_lang, prior)
        return best(_with_context(distribution, context_lang, prior))
    except Exception:  # noqa: BLE001 - as in detection.detect_with_confidence
        return None


def _with_context(distribution: dict[str, float], context_lang: str, prior: float):
    """Bayes: the text's likelihoods times a prior that favours the article's language."""
    others_prior = (1.0 - prior) / (len(SUPPORTED_CODES) - 1)
    posterior = {lang: p * others_prior for lang, p in distribution.items()}
    context_likelihood = max(distribution.get(context_lang, 0.0), _CONTEXT_FLOOR)
    posterior[context_lang] = context_likelihood * prior
    total = sum(posterior.values())
    return {lang: p / total for lang, p in posterior.items()}
