"""The abbreviations of Turkish, Greek, Arabic and Hebrew."""

from reader.text.abbreviations.kinds import BEFORE_NAME, Abbreviations, Spoken

TABLES: dict[str, Abbreviations] = {
    "tr": Abbreviations(
        keeps_sentence=frozenset(
            {"Av", "Cad", "Doç", "Dr", "Gen", "Mah", "No", "Org", "Prof", "Sok", "Yrd", "bkz"}
        ),
        may_end_sentence=frozenset({"vb", "vs"}),
        spoken=(
            Spoken("vb.", "ve benzeri"),
            Spoken("Prof.", "Profesör", BEFORE_NAME),
            Spoken("Dr.", "Doktor", BEFORE_NAME),
        ),
    ),
    "el": Abbreviations(
        keeps_sentence=frozenset({"Αγ", "Δρ", "αρ", "βλ", "δηλ", "κ", "κα", "καθ", "π.χ", "στρ"}),
        may_end_sentence=frozenset({"κ.λπ", "κλπ"}),
        spoken=(
            Spoken("κ.λπ.", "και λοιπά"),
            Spoken("π.χ.", "παραδείγματος χάριν"),
            Spoken("κ.", "κύριος", BEFORE_NAME),
            Spoken("Δρ.", "Δόκτωρ", BEFORE_NAME),
        ),
    ),
    "ar": Abbreviations(
        keeps_sentence=frozenset({"د", "م", "أ"}),
        may_end_sentence=frozenset(),
        spoken=(Spoken("د.", "دكتور"),),
    ),
    "he": Abbreviations(
        keeps_sentence=frozenset(),
        may_end_sentence=frozenset(),
        spoken=(Spoken('ד"ר', "דוקטור"), Spoken("ד״ר", "דוקטור")),
    ),
}
