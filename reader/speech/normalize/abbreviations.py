"""Abbreviations espeak-ng misreads ("z. B.", "M. Macron", "e.g."), spelled out from the table."""

import re
from functools import cache

from reader.text.abbreviations import (
    AFTER_NUMBER,
    ANYWHERE,
    BEFORE_NAME,
    BEFORE_NUMBER,
    abbreviations,
)

Rule = tuple[re.Pattern[str], str]
"""A written abbreviation and the words it stands for."""

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω"


def _abbreviation(written: str, spoken: str, where: str = ANYWHERE) -> Rule:
    """Rule replacing an abbreviation; spaces inside it are optional ("z.B." / "z. B.")."""
    parts = [re.escape(part) for part in written.split()]
    body = r"\s*".join(parts)
    end = "" if written.endswith(".") else r"(?!\w)"
    after = _AFTER_NUMBER if where == AFTER_NUMBER else ""
    return re.compile(rf"{after}(?<![\w.]){body}{end}{_WHERE[where]}"), spoken


_BEFORE_NAME = rf"(?=\s+[{_UPPER}])"
_BEFORE_NUMBER = r"(?=\s*\d)"
# "2. Mär. 2003": a day, its dot and a space before the abbreviation.
_AFTER_NUMBER = r"(?:(?<=\d\. )|(?<=\d ))"

# The lookahead each placement needs, after the abbreviation itself.
_WHERE = {ANYWHERE: "", BEFORE_NAME: _BEFORE_NAME, BEFORE_NUMBER: _BEFORE_NUMBER, AFTER_NUMBER: ""}


@cache
def _rules(lang: str) -> tuple[Rule, ...]:
    """The language's spoken abbreviations as rules, in the order the table lists them."""
    rules = []
    for entry in abbreviations(lang).spoken:
        rules.append(_abbreviation(entry.written, entry.says, entry.where))
        # "т. е." opens a sentence as "Т. е.": said the same, with a capital.
        if entry.written[0].islower() and entry.written[0].upper() != entry.written[0]:
            capitalized = entry.written[0].upper() + entry.written[1:]
            says = entry.says[0].upper() + entry.says[1:]
            rules.append(_abbreviation(capitalized, says, entry.where))
    return tuple(rules)


@cache
def _any_abbreviation(lang: str) -> re.Pattern[str] | None:
    """One regex that finds whether any of the language's abbreviations occurs."""
    rules = _rules(lang)
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in rules)) if rules else None


def expand_abbreviations(text: str, lang: str) -> str:
    """'z. B.' -> 'zum Beispiel': the language's abbreviations, in the order listed."""
    # Most sentences have none: one scan says so, instead of one per abbreviation (17 in German).
    finder = _any_abbreviation(lang)
    if finder is None or not finder.search(text):
        return text
    for pattern, spoken in _rules(lang):
        text = pattern.sub(spoken, text)
    return text
