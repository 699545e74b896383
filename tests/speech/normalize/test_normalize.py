"""Tests for speech normalisation: the text rules, and what espeak-ng then really says."""

import pytest

from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.normalize import NORMALIZER_VERSION, hashtags_to_words, normalize
from reader.speech.normalize.steps import STEPS
from reader.text.languages import SUPPORTED_CODES

NNBSP = "\u202f"
NBSP = "\u00a0"

CASES = [
    # French
    (
        "fr",
        "5 décembre 2024, 11h58",
        "cinq décembre deux mille vingt-quatre, onze heures cinquante-huit",
    ),
    ("fr", "à 9h", "à neuf heures"),
    ("fr", "à 1h30", "à une heure trente"),
    ("fr", "à 11 h 05", "à onze heures cinq"),
    ("fr", "à 21h01", "à vingt et une heures une"),
    ("fr", "5 hommes", "cinq hommes"),
    ("fr", "14:30", "quatorze heures trente"),  # espeak-ng already says "quatorze heures trente"
    ("fr", "entre 10 000 et 12 000 soldats", "entre dix mille et douze mille soldats"),
    ("fr", f"10{NNBSP}000 soldats", "dix mille soldats"),
    ("fr", f"10{NBSP}000 soldats", "dix mille soldats"),
    ("fr", "1 234,5 km", "mille deux cent trente-quatre virgule cinq kilomètres"),
    ("fr", "la 11e brigade", "la onzième brigade"),
    ("fr", "le 11ème jour", "le onzième jour"),
    ("fr", "le 1er mai", "le premier mai"),
    ("fr", "la 1re fois", "la première fois"),
    ("fr", "la 1ère fois", "la première fois"),
    ("fr", "la 2nde guerre", "la seconde guerre"),
    ("fr", "le XXIe siècle", "le vingt et unième siècle"),
    ("fr", "François Ier", "François premier"),
    ("fr", "le 05.12.2024", "le cinq décembre deux mille vingt-quatre"),
    ("fr", "le 5/12/2024", "le cinq décembre deux mille vingt-quatre"),
    ("fr", "le 01/05/2024", "le premier mai deux mille vingt-quatre"),
    ("fr", "10–12 ans", "dix à douze ans"),
    ("fr", "2023-2024", "deux mille vingt-trois à deux mille vingt-quatre"),
    ("fr", "score 2-1", "score deux-un"),
    ("fr", "5 %", "cinq pour cent"),
    ("fr", "12 €", "douze euros"),
    ("fr", "€12", "douze euros"),
    ("fr", "1 €", "un euro"),
    ("fr", "$5", "cinq dollars"),
    ("fr", "5 M€", "cinq millions d'euros"),
    ("fr", "1,5 Md€", "un virgule cinq milliard d'euros"),
    ("fr", "M. Macron", "Monsieur Macron"),
    ("fr", "MM. Dupont et Durand", "Messieurs Dupont et Durand"),
    ("fr", "Mme Dupont", "Mme Dupont"),  # espeak-ng says "madame"
    ("fr", "des fruits, p. ex. des pommes", "des fruits, par exemple des pommes"),
    ("fr", "etc.", "etc."),
    ("fr", "le n° 5", "le numéro cinq"),
    ("fr", "voir https://example.com/a?b=1. Fin", "voir example.com. Fin"),
    (
        "fr",
        "écrire à jean.dupont@example.fr ou venir",
        "écrire à jean point dupont arobase example point fr ou venir",
    ),
    ("fr", "#PremièresVictimes #Kiev", "Premières Victimes, Kiev"),
    # German
    ("de", "um 11:58 Uhr", "um elf Uhr acht und fünfzig"),
    ("de", "um 11.58 Uhr", "um elf Uhr acht und fünfzig"),
    ("de", "um 14:30", "um vierzehn Uhr dreißig"),
    ("de", "um 1 Uhr", "um ein Uhr"),
    ("de", "um 9:05 Uhr", "um neun Uhr fünf"),
    ("de", "am 3. Dezember", "am dritten Dezember"),
    ("de", "Berlin, 3. Dezember 2024", "Berlin, dritter Dezember zwei tausend vier und zwanzig"),
    ("de", "vom 3. bis 5. Dezember", "vom dritten bis fünften Dezember"),
    ("de", "der 3. Platz", "der dritte Platz"),
    ("de", "in der 3. Runde", "in der dritten Runde"),
    ("de", "Er wurde 3. Das Rennen", "Er wurde drei. Das Rennen"),
    ("de", "am 05.12.2024", "am fünften Dezember zwei tausend vier und zwanzig"),
    ("de", "am 5.12. kam er", "am fünften Dezember kam er"),
    ("de", "10.000 Menschen", "zehn tausend Menschen"),
    ("de", "1.234,5 Meter", "ein tausend zwei hundert vier und dreißig Komma fünf Meter"),
    ("de", "3,5 Prozent", "drei Komma fünf Prozent"),
    ("de", "10–12 Jahre", "zehn bis zwölf Jahre"),
    ("de", "12 €", "zwölf Euro"),
    ("de", "5 Mio. €", "fünf Millionen Euro"),
    ("de", "1,5 Mrd. Euro", "eins Komma fünf Milliarden Euro"),
    ("de", "5 Mio. Menschen", "fünf Millionen Menschen"),
    ("de", "z. B. hier", "zum Beispiel hier"),
    ("de", "z.B. hier", "zum Beispiel hier"),
    ("de", "Nr. 5", "Nummer fünf"),
    ("de", "Dr. Müller", "Doktor Müller"),
    ("de", "gut bzw. schlecht", "gut beziehungsweise schlecht"),
    ("de", "u. a. Berlin", "unter anderem Berlin"),
    ("de", "ca. 5", "circa fünf"),
    ("de", "St. Pauli", "Sankt Pauli"),
    ("de", "usw.", "und so weiter"),
    # English
    ("en", "at 11:58 AM", "at eleven fifty-eight AM"),
    ("en", "at 11:05", "at eleven oh five"),
    ("en", "at 11:00", "at eleven o'clock"),
    ("en", "at 11:00 a.m.", "at eleven a.m."),
    ("en", "at 3 p.m.", "at three p.m."),
    ("en", "the 3rd time", "the third time"),
    ("en", "10,000 people", "ten thousand people"),
    ("en", "in 2023 100 people", "in twenty twenty-three one hundred people"),
    ("en", "$5", "five dollars"),
    ("en", "$1", "one dollar"),
    ("en", "$1.5 billion", "one point five billion dollars"),
    ("en", "$5bn", "five billion dollars"),
    ("en", "£5m", "five million pounds"),
    ("en", "€12", "twelve euros"),
    ("en", "10–12", "ten to twelve"),
    ("en", "e.g. this", "for example this"),
    ("en", "i.e. that", "that is that"),
    ("en", "Jan. 5", "January fifth"),
    ("en", "5/12/2024", "May twelfth, twenty twenty-four"),
    ("en", "13/12/2024", "December thirteenth, twenty twenty-four"),
    ("en", "2024-12-05", "December fifth, twenty twenty-four"),
    ("en", "No. 5", "number five"),
    ("en", "Sen. Smith", "Senator Smith"),
    ("en", "Mr. Smith", "Mr. Smith"),
    ("en", "see www.example.com today", "see example.com today"),
    # Others
    ("es", "10.000 personas", "diez mil personas"),
    ("es", "el 1.º", "el primero"),
    ("es", "la 1.ª", "la primera"),
    ("es", "12 €", "doce euros"),
    ("es", "€12", "doce euros"),
    ("es", "05/12/2024", "cinco de diciembre de dos mil veinticuatro"),
    ("es", "p. ej. esto", "por ejemplo esto"),
    ("es", "EE. UU.", "Estados Unidos"),
    ("es", "10–12", "diez a doce"),
    ("it", "il 1° maggio", "il primo maggio"),
    ("it", "25°C", "venticinque gradi Celsius"),  # not an ordinal; espeak says "gradi C"
    ("it", "la 1ª volta", "la prima volta"),
    ("it", "10.000 persone", "diecimila persone"),
    ("it", "Sig. Rossi", "signor Rossi"),
    ("pt", "o 1.º lugar", "o primeiro lugar"),
    ("pt", "a 1ª vez", "a primeira vez"),
    ("pt", "Sr. Silva", "senhor Silva"),
    ("pt", "05/12/2024", "cinco de dezembro de dois mil e vinte e quatro"),
    ("nl", "de 3de keer", "de derde keer"),
    ("nl", "de 1e keer", "de eerste keer"),
    ("nl", "10.000 mensen", "tienduizend mensen"),
    ("nl", "bijv. dit", "bijvoorbeeld dit"),
    ("pl", "10 000 osób", "dziesięć tysięcy osób"),
    ("pl", "10–12", "dziesięć do dwanaście"),
    ("cs", "10 000 lidí", "deset tisíc lidí"),
    ("cs", "např. tady", "například tady"),
    ("sv", "t.ex. här", "till exempel här"),
    ("sv", "10 000 personer", "tiotusen personer"),
    ("tr", "10.000 kişi", "onbin kişi"),
    ("ru", "10 000 человек", "десять тысяч человек"),
    ("ru", "и т. д.", "и так далее"),
    ("ru", "05.12.2024", "пятого декабря две тысячи двадцать четыре"),
    ("uk", "10 000 осіб", "десять тисяч осіб"),
    ("el", "10.000 άτομα", "δέκα χιλιάδες άτομα"),
    ("el", "π.χ. αυτό", "παραδείγματος χάριν αυτό"),
    ("ar", "10,000", "عشرة آلاف"),
    ("hi", "10,000", "दस हज़ार"),
    ("ja", "10,000", "一万"),  # kanji numerals: espeak-ng gets kana in its engine
]


@pytest.mark.parametrize(
    ("lang", "raw", "expected"),
    CASES,
    ids=[f"{lang}-{index}" for index, (lang, _, _) in enumerate(CASES)],
)
def test_normalizes(lang: str, raw: str, expected: str) -> None:
    assert normalize(raw, lang) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("#PremièresVictimes #Kiev", "Premières Victimes, Kiev"),
        ("#COVIDVaccine2024", "COVID Vaccine 2024"),
        ("#ukraine_war", "ukraine war"),
        ("Lire #Kiev aujourd'hui", "Lire Kiev aujourd'hui"),
        ("sans hashtag", "sans hashtag"),
    ],
    ids=["fr-two", "en-caps-digits", "en-underscore", "fr-inline", "fr-none"],
)
def test_hashtags_to_words(line: str, expected: str) -> None:
    assert hashtags_to_words(line) == expected


def test_seed_brigade_line() -> None:
    line = (
        "Les troupes nord-coréennes seraient subordonnées à la 11e brigade aéroportée russe et "
        "garderaient les zones où les troupes russes sont concentrées."
    )
    assert normalize(line, "fr") == line.replace("11e", "onzième")


def test_text_without_rules_is_unchanged() -> None:
    text = "Le Centre national de la résistance, dirigé par l’armée ukrainienne."
    assert normalize(text, "fr") == text


# A text that one language's own rules rewrite, with that language.
LANGUAGE_RULE_SAMPLES = [
    ("fr", "M. Macron"),
    ("de", "z. B. hier"),
    ("en", "e.g. here"),
    ("fr", "12 € ici"),
    ("de", "5 Mio. Menschen"),
    ("fr", "le 05.12.2024"),
    ("de", "am 5.12. hier"),
    ("fr", "à 11h58"),
    ("de", "um 1 Uhr"),
    ("en", "at 11:05"),
    ("fr", "la 11e brigade"),
    ("de", "am 3. Dezember"),
    ("es", "el 1.º"),
    ("it", "il 3° posto"),
    ("nl", "de 3e plaats"),
    ("fr", "10–12 ans"),
    ("en", "2023-2024"),
]


def test_unknown_language_only_gets_generic_rules() -> None:
    # Generic: links said by their site, hashtags and digit groups joined, the currency
    # after the amount.
    assert normalize(f"10{NNBSP}000 https://x.org #BeC €12", "xx") == "10000 x.org Be C 12 €"
    # A sample its own language leaves alone would prove nothing below.
    unused = [
        (lang, sample)
        for lang, sample in LANGUAGE_RULE_SAMPLES
        if normalize(sample, lang) == sample
    ]
    assert not unused
    leaked = {sample: normalize(sample, "xx") for _, sample in LANGUAGE_RULE_SAMPLES}
    assert {sample: spoken for sample, spoken in leaked.items() if spoken != sample} == {}


def test_every_language_has_its_own_steps() -> None:
    # A language missing from the table would silently get only the generic steps.
    assert sorted(STEPS) == sorted(SUPPORTED_CODES)


def test_version_is_a_non_empty_string() -> None:
    assert isinstance(NORMALIZER_VERSION, str) and NORMALIZER_VERSION


# --- what espeak-ng really says -------------------------------------------------------------


def phonemes(text: str, lang: str) -> str:
    """espeak-ng's phoneme mnemonics for `text`, without stress and pause marks."""
    said = phonemize_with_espeak(text, lang)
    # Stress, pauses and secondary vowel marks ("I2") vary with the context, not the words.
    return "".join(c for c in said if c not in "'_,!|:;-2\n ")


SPOKEN = [
    # (lang, raw text, words espeak-ng should say for it)
    ("fr", "11h58", "onze heures cinquante-huit"),
    ("fr", "9h", "neuf heures"),
    ("fr", f"10{NNBSP}000 soldats", "dix mille soldats"),
    ("fr", "la 11e brigade", "la onzième brigade"),
    ("fr", "la 1re fois", "la première fois"),
    ("fr", "€12", "douze euros"),
    ("fr", "M. Macron", "Monsieur Macron"),
    ("fr", "10–12 ans", "dix à douze ans"),
    ("fr", "le 05.12.2024", "le cinq décembre deux mille vingt-quatre"),
    ("de", "11:58 Uhr", "elf Uhr achtundfünfzig"),
    ("de", "1 Uhr", "ein Uhr"),
    ("de", "am 3. Dezember", "am dritten Dezember"),
    ("de", "5 Mio. €", "fünf Millionen Euro"),
    ("de", "z. B.", "zum Beispiel"),
    ("de", "Nr. 5", "Nummer fünf"),
    ("de", f"10{NBSP}000", "zehntausend"),
    ("en", "$1.5 billion", "one point five billion dollars"),
    ("en", "€12", "twelve euros"),
    ("en", "11:05", "eleven oh five"),
    ("en", "e.g.", "for example"),
    ("es", "el 1.º", "el primero"),
    ("it", "il 1° maggio", "il primo maggio"),
    ("nl", "de 3de", "de derde"),
    ("cs", "10 000", "deset tisíc"),
    ("ru", "и т. д.", "и так далее"),
    ("sv", "t.ex.", "till exempel"),
]


@pytest.mark.espeak
@pytest.mark.parametrize(
    ("lang", "raw", "words"),
    SPOKEN,
    ids=[f"{lang}-{index}" for index, (lang, _, _) in enumerate(SPOKEN)],
)
def test_espeak_says_normalized_text_like_the_words(lang: str, raw: str, words: str) -> None:
    spoken = phonemes(normalize(raw, lang), lang)
    assert spoken == phonemes(words, lang)
    assert phonemes(raw, lang) != spoken, "espeak-ng already read this right: drop the rule"


ZERO_PHONEMES = {"fr": "zero", "de": "nUl", "cs": "nula", "ru": "nojl", "uk": "nulj"}


@pytest.mark.espeak
@pytest.mark.parametrize("space", [" ", NBSP, NNBSP], ids=["space", "nbsp", "narrow-nbsp"])
@pytest.mark.parametrize("lang", list(ZERO_PHONEMES))
def test_grouped_thousands_are_not_read_as_zeros(lang: str, space: str) -> None:
    raw = f"10{space}000"
    assert ZERO_PHONEMES[lang] not in phonemes(normalize(raw, lang), lang)
    assert phonemes(normalize(raw, lang), lang) == phonemes(normalize("10000", lang), lang)


KEPT = [
    ("fr", "14:30", "quatorze heures trente"),
    ("fr", "1er mai", "premier mai"),
    ("fr", "10 000", "dix mille"),
    ("fr", "Mme Dupont", "madame Dupont"),
    ("fr", "5 %", "cinq pour cent"),
    ("de", "10.000", "zehntausend"),
    ("en", "3rd", "third"),
    ("en", "10,000", "ten thousand"),
]


@pytest.mark.espeak
@pytest.mark.parametrize(
    ("lang", "raw", "words"),
    KEPT,
    ids=[f"{lang}-{index}" for index, (lang, _, _) in enumerate(KEPT)],
)
def test_espeak_still_reads_what_it_already_read_well(lang: str, raw: str, words: str) -> None:
    assert phonemes(normalize(raw, lang), lang) == phonemes(words, lang)
