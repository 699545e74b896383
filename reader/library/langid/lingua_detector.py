"""lingua's detector restricted to the candidate languages, and its confidence values."""

from __future__ import annotations

from functools import cache

from reader.library.langid.build_lock import build_lock

_LINGUA_HIGH_ACCURACY_CHARS = 120
"""Up to this length lingua uses all its n-gram sizes; beyond, trigrams do as well, faster."""


@cache
def _lingua_detector(candidates: tuple[str, ...], high_accuracy: bool):
    """A lingua detector for the candidate languages only; it loads its models on first use."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, lang.upper()) for lang in candidates]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def lingua_probabilities(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """lingua's confidence values over the candidates."""
    high_accuracy = len(text) <= _LINGUA_HIGH_ACCURACY_CHARS
    with build_lock:
        detector = _lingua_detector(candidates, high_accuracy)
    values = detector.compute_language_confidence_values(text)
    return {value.language.iso_code_639_1.name.lower(): value.value for value in values}
