"""The one abbreviation table per language: whether a dot after it ends a sentence, and what
it stands for when espeak-ng would misread it (the tables by language family, one module each)."""

from reader.text.abbreviations import germanic, others, romance, slavic
from reader.text.abbreviations.kinds import (
    AFTER_NUMBER,
    ANYWHERE,
    BEFORE_NAME,
    BEFORE_NUMBER,
    NONE,
    Abbreviations,
    Spoken,
)

__all__ = [
    "AFTER_NUMBER",
    "ANYWHERE",
    "BEFORE_NAME",
    "BEFORE_NUMBER",
    "Abbreviations",
    "Spoken",
    "abbreviations",
]

ABBREVIATIONS: dict[str, Abbreviations] = {
    **romance.TABLES,
    **germanic.TABLES,
    **slavic.TABLES,
    **others.TABLES,
}


def abbreviations(lang: str) -> Abbreviations:
    """The language's abbreviations (none for a language we have no table for)."""
    return ABBREVIATIONS.get(lang, NONE)
