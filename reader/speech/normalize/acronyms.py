"""Acronyms that espeak-ng would read as a word ("KCNA" as "kkna") spelled letter by letter."""

import re

# Capitals only, opening with two consonants and holding a vowel: espeak-ng spells an acronym
# with no vowel itself ("BBC") but runs "KCNA" together; "NATO" and "UNESCO" are words.
_UNPRONOUNCEABLE = re.compile(r"\b(?=[B-DF-HJ-NP-TV-Z]{2})(?=[A-Z]*[AEIOUY])[A-Z]{3,6}\b")

# The voices that read such an acronym as one word; English and German ones spell it.
SPELLS_ACRONYMS = frozenset({"fr", "it", "pt", "nl", "pl", "cs", "sv", "tr", "es"})


def spell_acronyms(text: str, lang: str) -> str:
    """'KCNA a rapporté' -> 'K C N A a rapporté' where the voice would say 'kkna'."""
    if lang not in SPELLS_ACRONYMS:
        return text
    return _UNPRONOUNCEABLE.sub(lambda m: " ".join(m.group()), text)
