"""Abbreviations espeak-ng misreads ("z. B.", "M. Macron", "e.g."), spelled out per language."""

import re
from functools import cache

Rule = tuple[re.Pattern[str], str]
"""A written abbreviation and the words it stands for."""

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω"


def _abbreviation(written: str, spoken: str, before: str = "") -> Rule:
    """Rule replacing an abbreviation; spaces inside it are optional ("z.B." / "z. B.")."""
    parts = [re.escape(part) for part in written.split()]
    body = r"\s*".join(parts)
    end = "" if written.endswith(".") else r"(?!\w)"
    return re.compile(rf"(?<![\w.]){body}{end}{before}"), spoken


# Some abbreviations are only safe before a name ("M. Macron", not the M. ending a sentence)
# or before a number ("No. 5", not the word "No.").
_BEFORE_NAME = rf"(?=\s+[{_UPPER}])"
_BEFORE_NUMBER = r"(?=\s*\d)"

# Only what espeak-ng 1.51 reads wrongly; it already says "Mme", "etc.", "Mr.", "Dr. Jones".
_ABBREVIATIONS: dict[str, list[Rule]] = {
    "fr": [
        _abbreviation("MM.", "Messieurs", _BEFORE_NAME),
        _abbreviation("M.", "Monsieur", _BEFORE_NAME),
        _abbreviation("Mmes", "Mesdames"),
        _abbreviation("Mlle", "Mademoiselle"),
        _abbreviation("Pr", "Professeur", _BEFORE_NAME),
        _abbreviation("p. ex.", "par exemple"),
        _abbreviation("c.-à-d.", "c'est-à-dire"),
        _abbreviation("av. J.-C.", "avant Jésus-Christ"),
        _abbreviation("apr. J.-C.", "après Jésus-Christ"),
        _abbreviation("env.", "environ"),
        _abbreviation("n°", "numéro"),
        _abbreviation("N°", "numéro"),
    ],
    "de": [
        _abbreviation("z. B.", "zum Beispiel"),
        _abbreviation("u. a.", "unter anderem"),
        _abbreviation("d. h.", "das heißt"),
        _abbreviation("v. a.", "vor allem"),
        _abbreviation("bzw.", "beziehungsweise"),
        _abbreviation("usw.", "und so weiter"),
        _abbreviation("etc.", "et cetera"),
        _abbreviation("ca.", "circa"),
        _abbreviation("vgl.", "vergleiche"),
        _abbreviation("ggf.", "gegebenenfalls"),
        _abbreviation("inkl.", "inklusive"),
        _abbreviation("Jh.", "Jahrhundert"),
        _abbreviation("Nr.", "Nummer"),
        _abbreviation("Dr.", "Doktor"),
        _abbreviation("Prof.", "Professor"),
        _abbreviation("St.", "Sankt", _BEFORE_NAME),
        _abbreviation("Tsd.", "Tausend"),
    ],
    "en": [
        _abbreviation("e.g.", "for example"),
        _abbreviation("i.e.", "that is"),
        _abbreviation("vs.", "versus"),
        _abbreviation("No.", "number", _BEFORE_NUMBER),
        _abbreviation("Sen.", "Senator", _BEFORE_NAME),
        _abbreviation("Gov.", "Governor", _BEFORE_NAME),
        _abbreviation("Rep.", "Representative", _BEFORE_NAME),
        _abbreviation("Gen.", "General", _BEFORE_NAME),
        _abbreviation("Prof.", "Professor", _BEFORE_NAME),
        *(
            _abbreviation(short, month, _BEFORE_NUMBER)
            for short, month in (
                ("Jan.", "January"),
                ("Feb.", "February"),
                ("Aug.", "August"),
                ("Sept.", "September"),
                ("Sep.", "September"),
                ("Oct.", "October"),
                ("Nov.", "November"),
                ("Dec.", "December"),
            )
        ),
    ],
    "es": [
        _abbreviation("p. ej.", "por ejemplo"),
        _abbreviation("EE. UU.", "Estados Unidos"),
        _abbreviation("EE.UU.", "Estados Unidos"),
        _abbreviation("n.º", "número"),
        _abbreviation("etc.", "etcétera"),
    ],
    "it": [
        _abbreviation("Sig.ra", "signora"),
        _abbreviation("Sig.", "signor"),
        _abbreviation("dott.", "dottor"),
        _abbreviation("Dott.", "dottor"),
        _abbreviation("ecc.", "eccetera"),
    ],
    "pt": [
        _abbreviation("Sr.", "senhor", _BEFORE_NAME),
        _abbreviation("Sra.", "senhora", _BEFORE_NAME),
        _abbreviation("Dr.", "doutor", _BEFORE_NAME),
        _abbreviation("Dra.", "doutora", _BEFORE_NAME),
    ],
    "nl": [
        _abbreviation("bijv.", "bijvoorbeeld"),
        _abbreviation("dhr.", "de heer"),
        _abbreviation("o.a.", "onder andere"),
    ],
    "cs": [
        _abbreviation("např.", "například"),
        _abbreviation("atd.", "a tak dále"),
    ],
    "sv": [
        _abbreviation("t.ex.", "till exempel"),
        _abbreviation("bl.a.", "bland annat"),
        _abbreviation("osv.", "och så vidare"),
        _abbreviation("dvs.", "det vill säga"),
    ],
    "ru": [
        _abbreviation("и т. д.", "и так далее"),
        _abbreviation("и т. п.", "и тому подобное"),
        _abbreviation("т. е.", "то есть"),
    ],
    "uk": [
        _abbreviation("і т. д.", "і так далі"),
        _abbreviation("тис.", "тисяч"),
    ],
    "el": [
        _abbreviation("κ.λπ.", "και λοιπά"),
        _abbreviation("π.χ.", "παραδείγματος χάριν"),
    ],
}


@cache
def _any_abbreviation(lang: str) -> re.Pattern[str] | None:
    """One regex that finds whether any of the language's abbreviations occurs."""
    rules = _ABBREVIATIONS.get(lang)
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in rules)) if rules else None


def expand_abbreviations(text: str, lang: str) -> str:
    """'z. B.' -> 'zum Beispiel': the language's abbreviations, in the order listed."""
    # Most sentences have none: one scan says so, instead of one per abbreviation (17 in German).
    finder = _any_abbreviation(lang)
    if finder is None or not finder.search(text):
        return text
    for pattern, spoken in _ABBREVIATIONS[lang]:
        text = pattern.sub(spoken, text)
    return text
