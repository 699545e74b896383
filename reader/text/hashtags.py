"""The one hashtag splitter: '#PremièresVictimes2024' -> 'Premières Victimes 2024'."""

import re

# Capitals and small letters of the scripts whose hashtags are camel-cased: Latin (with
# Latin-1 accents), Cyrillic and Greek.
_UPPER = "A-ZÀ-ÖØ-Þ\u0400-\u042f\u0391-\u03a9"
_LOWER = "a-zß-öø-ÿ\u0430-\u045f\u03b1-\u03c9"
# Where a tag splits into words: between letters and digits, before a capital that follows
# a small letter, and before the last capital of an acronym glued to a word ("COVIDVaccine").
_WORD_BOUNDARY = re.compile(
    rf"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])"
    rf"|(?<=[{_LOWER}])(?=[{_UPPER}])"
    rf"|(?<=[{_UPPER}])(?=[{_UPPER}][{_LOWER}])"
)


def hashtag_words(tag: str) -> str:
    """One tag as words: '#PremièresVictimes2024' -> 'Premières Victimes 2024'."""
    return _WORD_BOUNDARY.sub(" ", tag.lstrip("#").replace("_", " ")).strip()


def split_hashtags(text: str) -> str:
    """Every tag of a line as words, space-separated: '#KyivNews #Kiev' -> 'Kyiv News Kiev'."""
    return " ".join(hashtag_words(word) for word in text.replace("#", " ").split())
