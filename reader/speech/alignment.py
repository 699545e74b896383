"""Where each spoken word comes from in the written text: normalization's alignment, word by word.

Normalization and the lexicon rewrite a sentence in many small steps ("11h58" -> "onze heures
cinquante-huit", "[[zelEnsk'i]]" for "Zelensky"). Rather than make every step report what it
moved, the written and the spoken sentence are aligned after the fact: words that are the same
on both sides (case and accents aside) anchor the alignment, and every spoken word between two
anchors belongs to the written words between the same anchors. So the four spoken words of
"11h58" all point at "11h58", and a word left as it was points at itself.
"""

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from difflib import SequenceMatcher
from functools import lru_cache

Span = tuple[int, int]

# A word: letters and digits, joined by inner hyphens, apostrophes or dots ("vingt-quatre",
# "l'accord", "11.5"); espeak-ng's phoneme brackets [[...]] hold one spoken word.
_WORD = r"\[\[.*?\]\]|\w+(?:[-'’.]\w+)*"
_WORDS = re.compile(_WORD)
# Punctuation the normalization keeps: anchors too, so "2024, 11h58" aligns in two parts.
_PUNCTUATION = ',;:!?()«»"“”'
_TOKENS = re.compile(f"{_WORD}|[{re.escape(_PUNCTUATION)}]")


def words(text: str) -> list[Span]:
    """The spans of the words of a text."""
    return [match.span() for match in _WORDS.finditer(text)]


def _tokens(text: str) -> list[Span]:
    return [match.span() for match in _TOKENS.finditer(text)]


def _is_word(text: str, span: Span) -> bool:
    return text[span[0] : span[1]] not in _PUNCTUATION


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def align(written: str, spoken: str) -> tuple[tuple[Span, Span], ...]:
    """(spoken word span, written span it says) for every spoken word that says written text.

    A spoken word with no written words between its anchors (one the normalization added)
    belongs to the written word before it, or after it at the start of the sentence.
    """
    written_tokens, spoken_tokens = _tokens(written), _tokens(spoken)
    matcher = SequenceMatcher(
        None,
        [_fold(written[a:b]) for a, b in written_tokens],
        [_fold(spoken[a:b]) for a, b in spoken_tokens],
        autojunk=False,
    )
    pairs = []
    for operation, w_from, w_to, s_from, s_to in matcher.get_opcodes():
        said = [t for t in spoken_tokens[s_from:s_to] if _is_word(spoken, t)]
        if operation == "equal":
            pairs += [
                (spoken_tokens[s_from + k], written_tokens[w_from + k])
                for k in range(s_to - s_from)
                if _is_word(spoken, spoken_tokens[s_from + k])
            ]
            continue
        if not said:
            continue  # written words not said (a link, a skipped sign)
        shown = [t for t in written_tokens[w_from:w_to] if _is_word(written, t)]
        if shown:
            span = (shown[0][0], shown[-1][1])
        else:
            before = [t for t in written_tokens[:w_from] if _is_word(written, t)]
            after = [t for t in written_tokens[w_to:] if _is_word(written, t)]
            span = before[-1] if before else after[0] if after else (0, len(written))
        pairs += [(token, span) for token in said]
    return tuple(pairs)


class WrittenSpans:
    """The written text said by any spoken characters of one sentence, found by bisection.

    A sentence has up to a few hundred words; looking each one up among all its pairs made the
    timing track of a long article quadratic (a 4 MB one-line text took a minute to time). The
    pairs are kept as four arrays of integers, ~16 bytes a word rather than ~200 as tuples.
    """

    __slots__ = ("_said_from", "_said_to", "_shown_from", "_shown_to")

    def __init__(self, pairs: tuple[tuple[Span, Span], ...]):
        # Spoken tokens come in reading order and do not overlap: their ends are sorted too.
        self._said_from = array("i", (said[0] for said, _ in pairs))
        self._said_to = array("i", (said[1] for said, _ in pairs))
        self._shown_from = array("i", (shown[0] for _, shown in pairs))
        self._shown_to = array("i", (shown[1] for _, shown in pairs))

    def of(self, spoken: Span) -> Span | None:
        """The union of the written spans of the words overlapping `spoken`, or None."""
        first = bisect_right(self._said_to, spoken[0])
        last = bisect_left(self._said_from, spoken[1], lo=first)
        if first >= last:
            return None
        return (min(self._shown_from[first:last]), max(self._shown_to[first:last]))


# The player polls the timing track while an article renders, a page at a time: each sentence
# is aligned once. Bounded in entries, and so in bytes: a sentence is at most 400 characters
# (the segmenter cuts longer ones), its alignment a few kilobytes.
@lru_cache(maxsize=1024)
def written_spans(written: str, spoken: str) -> WrittenSpans:
    """The alignment of a written sentence and its spoken text, ready for lookups."""
    return WrittenSpans(align(written, spoken))
