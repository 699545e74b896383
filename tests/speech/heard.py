"""Test helper that judges spoken text by what espeak-ng says, so equal-sounding spellings pass."""

import re

from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.normalize.readings import japanese_as_kana
from reader.text.languages import LANGUAGES

# Stress, pauses, syllable and length marks vary with the context, not with the words.
_NOT_A_SOUND = re.compile(r"[\s'ˈˌ,_:;!?.|\-2]")


def phonemes(text: str, lang: str) -> str:
    """espeak-ng's phoneme mnemonics for `text` in the language's voice, marks removed."""
    if lang == "ja":  # as the espeak-ng engine does: its Japanese voice reads only kana
        text = japanese_as_kana(text)
    return _NOT_A_SOUND.sub("", phonemize_with_espeak(text, LANGUAGES[lang].espeak_voice))


def clause_breaks(text: str, lang: str) -> int:
    """How many times espeak-ng stops as at a clause's end in `text` (a new line of -x)."""
    said = phonemize_with_espeak(text, LANGUAGES[lang].espeak_voice)
    return len(said.strip().splitlines()) - 1


def distance(a: str, b: str) -> int:
    """Levenshtein distance between two phoneme strings."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[-1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def sounds_like(said: str, expected: str, lang: str, tolerance: float = 0.1) -> bool:
    """True when espeak-ng says `said` as it says `expected`, within `tolerance` of its sounds."""
    heard, wanted = phonemes(said, lang), phonemes(expected, lang)
    return distance(heard, wanted) <= tolerance * max(1, len(wanted))
