"""espeak-ng's rate per language, calibrated so that one rate setting is one pace everywhere."""

import hashlib
import json

from reader.speech.options import MAX_RATE, MIN_RATE
from reader.text.languages import language_of_espeak_voice

MEASURED_ON = (
    "bench/espeak_rates.py on 2026-12-06 (espeak-ng 1.51, rate setting 175): the same 40 "
    "translated messages of the app in each language, read as the app reads them; syllables "
    "are the vowel groups of espeak-ng's own IPA. Before calibration, syllables a second "
    "(words a minute): fr 5.58 (216), de 5.28 (165), en 4.67 (193), uk 6.50 (161), ru 6.24 "
    "(148), ko 5.17 (104), ja 6.53, zh 3.86, ar 3.91 (119), es 6.15 (186), it 6.24 (166), pt "
    "6.05 (173), nl 4.83 (166), pl 4.74 (133), tr 5.21 (119), sv 4.91 (154), el 6.30 (161), "
    "he 1.69 (137), hi 5.13 (178), cs 5.37 (148); median 5.25"
)
# Each factor brings the language's syllables a second to the median language's (5.25 at 175),
# measured twice: once at the setting, then once more at the first factor, since espeak-ng's
# pace is not quite proportional to its rate (Mandarin at 1.38 went 1.45 times as fast). Hebrew
# by phonemes a second instead (median 16.3): espeak-ng says unvowelled Hebrew as strings of
# consonants, so its IPA has almost no vowels and syllables would call it three times too slow.
RATE_FACTORS: dict[str, float] = {
    "fr": 0.94, "de": 1.00, "en": 1.12, "uk": 0.78, "ru": 0.81, "ko": 1.02, "ja": 0.82,
    "zh": 1.29, "ar": 1.35, "es": 0.85, "it": 0.83, "pt": 0.88, "nl": 1.09, "pl": 1.11,
    "tr": 1.01, "sv": 1.07, "el": 0.83, "he": 1.41, "hi": 1.02, "cs": 0.97,
    # The regional voices, by voice id: en-us 4.60 (190), es-419 5.71 (172), pt-br 5.85 (168)
    # before; at their language's factor 5.13, 4.82 and 5.11, hence their own.
    "gmw/en-us": 1.15, "roa/es-419": 0.93, "roa/pt-br": 0.90,
}  # fmt: skip
"""By language code, or by espeak-ng voice id for a regional voice (which wins)."""


def calibrated_rate(rate: int, voice: str) -> int:
    """The rate to ask espeak-ng for, for a rate setting read by one of its voices."""
    factor = RATE_FACTORS.get(voice) or RATE_FACTORS.get(language_of_espeak_voice(voice) or "", 1.0)
    return max(MIN_RATE, min(MAX_RATE, round(rate * factor)))


def rates_stamp() -> str:
    """A digest of the table, part of espeak-ng's version: new factors give new cache keys."""
    table = json.dumps(sorted(RATE_FACTORS.items())).encode()
    return hashlib.sha256(table).hexdigest()[:8]
