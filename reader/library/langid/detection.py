"""A text's language with its confidence: its script decides, or the fused detectors do."""

from __future__ import annotations

from dataclasses import dataclass

from reader.library.langid.cleaning import clean
from reader.library.langid.frequency import warm_up as warm_word_lists
from reader.library.langid.fusion import fuse
from reader.library.langid.scripts import (
    CYRILLIC_LANGUAGES,
    HAN_LANGUAGES,
    LATIN_LANGUAGES,
    SCRIPT_LANGUAGE,
    count_scripts,
    dominant_script,
)


@dataclass(frozen=True)
class Detection:
    """A detected language and how sure we are of it (0..1; 0.9 and above means very likely)."""

    lang: str
    confidence: float


def _evidence_factor(letters: int) -> float:
    """How far a script alone can be trusted: one stray letter is weak evidence."""
    return min(1.0, 0.5 + 0.25 * letters)


def language_probabilities(text: object) -> dict[str, float]:
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
        return fuse(cleaned, HAN_LANGUAGES)
    if script == "cyrillic":
        return fuse(cleaned, CYRILLIC_LANGUAGES)
    return fuse(cleaned, LATIN_LANGUAGES)


def best(distribution: dict[str, float]) -> Detection | None:
    """The most probable language; ties go by code, so that the answer never hangs on order."""
    if not distribution:
        return None
    lang = max(distribution, key=lambda code: (distribution[code], code))
    return Detection(lang, round(min(max(distribution[lang], 0.0), 1.0), 4))


def detect_with_confidence(text: str) -> Detection | None:
    """The most likely language with its probability, or None when the text gives no evidence."""
    try:
        return best(language_probabilities(text))
    except Exception:  # noqa: BLE001 - a reading app must never fail on a detector's bug
        return None


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language among SUPPORTED_CODES, or None without evidence."""
    detection = detect_with_confidence(text)
    return detection.lang if detection else None


def warm_up() -> None:
    """Build the detectors and load their models now rather than on the first request."""
    for greeting in ("Bonjour à tous", "Привіт усім", "你好"):
        detect(greeting)
    warm_word_lists(LATIN_LANGUAGES + CYRILLIC_LANGUAGES)
