"""Rewrite article text into the words espeak-ng should read aloud, per language."""

import re
from functools import lru_cache

from reader.speech.normalize.links import hashtags_to_words
from reader.speech.normalize.readings import speakable
from reader.speech.normalize.steps import steps_for
from reader.text.language_tags import base_language

__all__ = ["NORMALIZER_VERSION", "hashtags_to_words", "normalize"]

NORMALIZER_VERSION = "6"
"""Part of the audio cache key: bump whenever normalize() output changes."""

_DIGIT = re.compile(r"\d")
_MANY_SPACES = re.compile(r"[ \t]{2,}")


# Every audio, status and timings request plans the article again (the player polls status
# while it renders); the same sentences are then normalized once, not on every poll.
@lru_cache(maxsize=8192)
def normalize(text: str, lang: str) -> str:
    """The text espeak-ng should speak for `text` in `lang` (an ISO 639-1 code)."""
    lang = base_language(lang) or ""
    has_digit: bool | None = None
    for step in steps_for(lang):
        if step.needs_digit:
            # Looked for once: no step writes a digit, so text without one stays without.
            if has_digit is None:
                has_digit = _DIGIT.search(text) is not None
            if not has_digit:
                continue
        text = step.rewrite(text)
    # Links removed and words spelled out leave doubled spaces behind.
    return speakable(_MANY_SPACES.sub(" ", text).strip(), lang)
