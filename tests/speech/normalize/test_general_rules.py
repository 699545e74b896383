"""The general rules behind issue 21's examples, as strings: each covers a kind of text, not
one sentence (what espeak-ng makes of them is checked in test_heard.py)."""

import pytest

from reader.speech.normalize import normalize

RULES = [
    # Times with seconds: hours, minutes and seconds, in digits where counters read them.
    ("en", "finished in 2:05:09", "finished in two hours five minutes nine seconds"),
    ("de", "um 00:00:00 Uhr", "um null Uhr null Minuten null Sekunden"),
    ("zh", "下午03:04:05", "下午三点四分五秒"),
    # Currencies our tables lack are named by Babel; a sign without the country.
    ("es", "cuesta 13 HKD", "cuesta trece dólares hongkoneses"),
    ("es", "₡ 3", "tres colones"),
    ("ru", "5 € и 6 руб. 35 коп. за", "пять евро и шесть рублей тридцать пять копеек за"),
    ("sv", "$2,5 miljoner", "två komma fem miljoner dollar"),
    ("it", "5 mln €", "cinque milioni di euro"),
    ("en", "all 5 players", "all five players"),  # "all" is no Albanian lek
    # Units: any pair with the language's "per", and the units beyond the metric basics.
    ("vi", "50m/s", "năm mươi mét trên giây"),
    ("ko", "12kg/kg", "십이 킬로그램 퍼 킬로그램"),
    ("de", "42259 /m²", "zwei und vierzig tausend zwei hundert neun und fünfzig pro Quadratmeter"),
    ("hi", "5 km/hr", "पाँच किलोमीटर प्रति घंटा"),
    ("en", "2 GHz and 16 GB", "two gigahertz and sixteen gigabytes"),
    ("en", "born in 1990 in Paris", "born in nineteen ninety in Paris"),
    # Numeric dates in every separator and order, not taken for telephone numbers.
    ("es", "30-2-1990", "treinta de febrero de mil novecientos noventa"),
    ("pt", "2024/03/15", "quinze de março de dois mil e vinte e quatro"),
    ("sv", "02-01-2000", "andra januari tvåtusen"),
    ("hi", "10-29-2000", "उनतीस अक्टूबर दो हज़ार"),
    ("vi", "ngày 15/01/2024", "ngày mười lăm tháng một năm hai nghìn hai mươi tư"),
    ("de", "2. Mär. 2003", "zweiter März zwei tausend drei"),
    ("de", "Ich traf Jan. Dann", "Ich traf Jan. Dann"),
    ("hi", "1992 की बात, 1500 रुपए", "उन्नीस सौ बानबे की बात, एक हज़ार पाँच सौ रुपए"),
    ("zh", "2334bc", "公元前二三三四年"),
    # Telephone numbers in space-separated groups only where they cannot be an amount.
    ("es", "Llame al 912 345 678", "Llame al nueve uno dos, tres cuatro cinco, seis siete ocho"),
    ("es", "3 000 000 personas", "tres millones personas"),
    # Greek numbers in words; acronyms spelled where the voice runs them together.
    ("el", "7,25 και 2024", "επτά κόμμα είκοσι πέντε και δύο χιλιάδες είκοσι τέσσερα"),
    ("fr", "selon la KCNA", "selon la K C N A"),
    ("fr", "selon la NASA", "selon la NASA"),
    # Arabic decimals as a fraction; fractions after a minus sign and Korean 과.
    ("ar", "3.5", "ثلاثة وخمسة من عشرة"),
    ("ko", "-1과1/2", "마이너스 일과 이분의 일"),
    ("zh", "-98%", "负百分之九十八"),
]


@pytest.mark.parametrize(
    ("lang", "raw", "expected"),
    RULES,
    ids=[f"{lang}-{index}" for index, (lang, _, _) in enumerate(RULES)],
)
def test_general_rule(lang: str, raw: str, expected: str) -> None:
    assert normalize(raw, lang) == expected
