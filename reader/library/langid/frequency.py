"""How often each candidate language writes a text's words, from wordfreq's word lists.

On one or two words the n-gram detectors have little to go on: "Nueva", "Zeitung", "якість"
are short, but each is a frequent word in one language and rare or absent in the others.
wordfreq's 'small' lists (corpora of subtitles, Wikipedia, news, web text; not ours) give
that frequency per language.
"""

from __future__ import annotations

import math
import re
from functools import cache

from reader.library.langid.build_lock import build_lock

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

ABSENT_FREQUENCY = 1e-7
"""Frequency a word absent from a language's list counts as: a tenth of the rarest listed one
(the 'small' lists stop near 1e-6), so absence weighs against a language but never vetoes it."""


@cache
def _frequencies(lang: str) -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return get_frequency_dict(lang, wordlist="small")


def warm_up(candidates: tuple[str, ...]) -> None:
    """Load the candidates' word lists now (about 0.05 s and 5 MB each)."""
    for lang in candidates:
        with build_lock:
            _frequencies(lang)


def frequency_log_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Per candidate, the mean log-frequency of the text's words (0 for all when no words)."""
    # Dotted capital İ lowers to i + a combining dot, which would split "İmdat" in two.
    words = _WORD.findall(text.replace("İ", "i").lower().replace("’", "'"))
    if not words:
        return dict.fromkeys(candidates, 0.0)
    scores = {}
    for lang in candidates:
        with build_lock:
            table = _frequencies(lang)
        total = sum(math.log(max(table.get(word, 0.0), ABSENT_FREQUENCY)) for word in words)
        scores[lang] = total / len(words)
    top = max(scores.values())
    return {lang: score - top for lang, score in scores.items()}


MAX_HAN_WORD_CHARS = 6
"""Han text up to this long is looked up whole, as one word ("日曜日", "電車", "北京"); longer
text is a phrase that the word lists, which hold words, cannot answer."""


@cache
def _simplified_map() -> dict[int, str]:
    from wordfreq.chinese import SIMPLIFIED_MAP

    return SIMPLIFIED_MAP


def han_word_log_scores(text: str) -> dict[str, float]:
    """Log-frequency of a short Han text as a Japanese word and as a Chinese one.

    Chinese is looked up in simplified form (the list's own), so that traditional Chinese
    ("銀行", "經濟") counts as the Chinese word it is, not as a word unknown to Chinese.
    """
    word = "".join(text.split())
    if not word or len(word) > MAX_HAN_WORD_CHARS:
        return {"ja": 0.0, "zh": 0.0}
    with build_lock:
        japanese, chinese = _frequencies("ja"), _frequencies("zh")
    simplified = word.translate(_simplified_map())
    return {
        "ja": math.log(max(japanese.get(word, 0.0), ABSENT_FREQUENCY)),
        "zh": math.log(max(chinese.get(simplified, 0.0), ABSENT_FREQUENCY)),
    }
