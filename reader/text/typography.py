"""Display typography: no-break spaces, curled English quotes, and the gap between sentences."""

import re

# French sets « guillemets » and high punctuation (; : ! ?) off with a no-break space; the
# source text often has plain spaces, so a line could break between a word and its « or ».
_FRENCH_SPACES = re.compile(r"(?<=«) | (?=[»:;!?])")

# English straight quotes, curled as the press sets them: an opening quote follows a space, a
# bracket or a dash (or starts the text); every other one closes, and a ' inside a word is an
# apostrophe (’), which is also what a closing single quote looks like.
_OPENS_AFTER = r"(?:(?<=^)|(?<=[\s(\[{\u2014\u2013-]))"
_ENGLISH_QUOTES = (
    (re.compile(r"'(?=\d\ds?\b)"), "\u2019"),  # the '90s
    (re.compile(_OPENS_AFTER + '"'), "\u201c"),
    (re.compile('"'), "\u201d"),
    (re.compile(_OPENS_AFTER + "'"), "\u2018"),
    (re.compile("'"), "\u2019"),
)

# Chinese and Japanese set sentences one after the other: no space after 。！？ or a closing
# bracket. Korean separates its sentences with a space, as Western languages do.
_CJK_SENTENCE_END = re.compile(r"[\u3002\uff01\uff1f\u300d\u300f\uff09\u3011]\s*$")


def typography(text: str, lang: str | None) -> str:
    """The text as the language's press sets it; same length, so sentence spans still fit."""
    if lang == "fr":
        return _FRENCH_SPACES.sub("\u00a0", text)
    if lang == "en":
        for pattern, curled in _ENGLISH_QUOTES:
            text = pattern.sub(curled, text)
    return text


def sentence_gap(sentence: str, lang: str | None) -> str:
    """What follows a sentence before the next one: a space, or nothing after CJK punctuation."""
    if _CJK_SENTENCE_END.search(sentence) or lang in {"ja", "zh"}:
        return ""
    return " "
