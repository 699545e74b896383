"""What an abbreviation table holds: the kinds of place a spoken expansion is safe in."""

from dataclasses import dataclass

# Where a spoken expansion is safe: some only before a name ("M. Macron", not the "M." that
# ends a sentence) or before a number ("No. 5", not the word "No.").
ANYWHERE = ""
BEFORE_NAME = "before a name"
BEFORE_NUMBER = "before a number"
AFTER_NUMBER = "after a number"


@dataclass(frozen=True)
class Spoken:
    """A written abbreviation and the words a listener expects for it."""

    written: str
    says: str
    where: str = ANYWHERE


@dataclass(frozen=True)
class Abbreviations:
    """What one language's abbreviations mean to the segmenter and to the speech rewriter."""

    keeps_sentence: frozenset[str]
    """Written without their final dot: a "." after one does not end the sentence ("Nr. 5")."""
    may_end_sentence: frozenset[str]
    """Without their dot: they may close a sentence, so a capital after one starts the next."""
    spoken: tuple[Spoken, ...] = ()
    """Only what espeak-ng 1.51 reads wrongly; it already says "Mme", "Mr.", "Dr. Jones"."""


NONE = Abbreviations(frozenset(), frozenset())
