"""The grammar around numbers: dates, ordinals, money, times and percent, in words."""

import pytest

from reader.speech.normalize import normalize

GRAMMAR = [
    # Dates: the day is an ordinal, in the case the language gives it.
    ("en", "The vote is on March 3, 2026.", "The vote is on March third, twenty twenty-six."),
    ("en", "Born 21 Feb 1990", "Born the twenty-first of February nineteen ninety"),
    ("en", "the 2nd round", "the second round"),
    ("ru", "Выборы 14 сентября", "Выборы четырнадцатого сентября"),
    ("ru", "в 1998 году", "в тысяча девятьсот девяносто восьмом году"),
    ("ru", "весна 2001 г.", "весна две тысячи первого года"),
    ("ru", "3-я попытка", "третья попытка"),
    ("uk", "Вибори 2 жовтня", "Вибори другого жовтня"),
    ("pl", "Od 11 listopada", "Od jedenastego listopada"),
    ("pl", "w 1999 r.", "w tysiąc dziewięćset dziewięćdziesiątym dziewiątym roku"),
    ("cs", "Od 28. října", "Od dvacátého osmého října"),
    ("tr", "2. Lig maçı", "ikinci Lig maçı"),
    # Percent agrees with the number.
    ("ru", "рост на 21%", "рост на двадцать один процент"),
    ("ru", "рост на 3 %", "рост на три процента"),
    ("ru", "рост на 17%", "рост на семнадцать процентов"),
    ("uk", "на 4%", "на чотири відсотки"),
    # Money with cents.
    ("en", "It costs $7.25 now", "It costs seven dollars and twenty-five cents now"),
    ("en", "only £0.99", "only ninety-nine pence"),
    ("de", "für 4,90 €", "für vier Euro neunzig"),
    ("de", "nur 0,75 €", "nur fünf und siebzig Cent"),
    ("fr", "à 8,30 €", "à huit euros trente"),
    ("es", "cuesta 1,25 €", "cuesta un euro veinticinco céntimos"),
    # Clock times in the language's own way.
    ("fr", "dès 8:15", "dès huit heures quinze"),
    ("es", "a las 9:10", "a las nueve y diez"),
    ("pt", "às 16h45", "às dezesseis horas e quarenta e cinco"),
    ("ru", "с 9:00 до 18:30", "с девяти часов до восемнадцати часов тридцати минут"),
    ("ko", "오후 3:20", "오후 세시 이십분"),
    ("en", "at 6:45 pm", "at six forty-five pm"),
    ("en", "music of the 1960s and 80s", "music of the nineteen sixties and eighties"),
    # Units agree with the number.
    ("en", "a 1 km walk, then 3.5 km", "a one kilometer walk, then three point five kilometers"),
    ("de", "Tempo 30 km/h", "Tempo dreißig Kilometer pro Stunde"),
    ("ru", "за 22 км", "за двадцать два километра"),
    ("es", "pesa 3kg", "pesa tres kilogramos"),
    # Languages num2words lacks, and fixes of its words.
    ("hi", "कुल 75 लोग", "कुल पचहत्तर लोग"),
    ("hi", "आबादी 250000", "आबादी दो लाख पचास हज़ार"),
    ("hy", "21 տարի", "քսանմեկ տարի"),
    ("vi", "năm 1005", "năm một nghìn linh năm"),
    ("sv", "1200 personer", "tusen tvåhundra personer"),
    # Telephone numbers by groups, not amounts.
    (
        "en",
        "Call (555) 010-4477 now",
        "Call five five five, zero one zero, four four seven seven now",
    ),
    ("de", "Tel. +49 30 901820", "Tel. plus vier neun, drei null, neun null eins acht zwei null"),
    ("fr", "au 01 45 67 89 10", "au zéro un, quarante-cinq, soixante-sept, quatre-vingt-neuf, dix"),
    # Money in more languages, with agreement.
    ("ru", "за 22 ₽", "за двадцать два рубля"),
    ("ru", "5 млн ₽", "пять миллионов рублей"),
    ("hi", "₹45", "पैंतालीस रुपए"),
    ("ko", "₩3000", "삼천원"),
    ("de", "1 Mrd. €", "eine Milliarde Euro"),
    ("en", "$2,500.75", "two thousand five hundred dollars and seventy-five cents"),
    ("en", "In 1,500 homes", "In one thousand five hundred homes"),
    # Fractions.
    ("en", "about 2/3 of voters", "about two thirds of voters"),
    ("en", "a 1/4 share", "a one quarter share"),
    ("de", "rund 3/4 der Fläche", "rund drei viertel der Fläche"),
    ("fr", "les 2/3 du budget", "les deux tiers du budget"),
    ("es", "1 1/2 litros", "uno y un medio litros"),
    ("ko", "전체의 3/5가", "전체의 오분의 삼가"),
    ("ar", "نحو 1/4 السكان", "نحو ربع السكان"),
    ("ru", "в 1960-х", "в тысяча девятьсот шестидесятых"),
    ("ar", "عدد 1077", "عدد ألف وسبعة وسبعون"),
    # Korean: dates, native numbers before counters, amounts written as one word.
    ("ko", "2025-03-01 발표", "이천이십오년 삼월 일일 발표"),
    ("ko", "5번째 시도", "다섯번째 시도"),
    ("ko", "1번째", "첫번째"),
    ("ko", "₩5000", "오천원"),
    # Swedish abbreviations before times and telephone numbers.
    ("sv", "kl. 9.15 f.m.", "klockan nio femton förmiddag"),
    ("sv", "tfn. 031-12 34 56", "telefon noll trettioett, tolv, trettiofyra, femtiosex"),
    # German ordinals after a preposition and a weekday.
    ("de", "ab Samstag, 15. März", "ab Samstag, fünfzehnten März"),
    # Roman numerals after names and before a century.
    ("fr", "sous Louis XIV", "sous Louis quatorze"),
    ("en", "after World War II", "after World War Two"),
    ("en", "Queen Elizabeth II", "Queen Elizabeth the Second"),
    ("ru", "в XXI веке", "в двадцать первом веке"),
    ("es", "el rey Felipe VI", "el rey Felipe sexto"),
    # Links say their site, addresses are spelled, emoji are skipped.
    (
        "fr",
        "Lire sur https://www.lemonde.fr/a/b.html et partager",
        "Lire sur lemonde.fr et partager",
    ),
    ("en", "Write to press@city.gov now", "Write to press at city dot gov now"),
    ("en", "Great news 🎉🙂", "Great news"),
    # Chinese: decimals keep their point, fractions, dates, money and percent.
    ("zh", "增长2.5%", "增长百分之二点五"),
    ("zh", "约3/4的人", "约四分之三的人"),
    ("zh", "2020/5/1发布", "二零二零年五月一日发布"),
    ("zh", "售价$30", "售价三十美元"),
    ("ja", "3.5キロ", "さんてんごキロ"),  # kana for espeak-ng in its engine, not here
    ("he", "3.5", "שלוש נקודה חמש"),
    # Spanish ordinals and the "de" of a date.
    ("es", "el 1er premio y la 3ra plaza", "el primer premio y la tercera plaza"),
    ("es", "desde el 12 junio", "desde el doce de junio"),
    ("es", "llame al 912-345-678", "llame al nueve uno dos, tres cuatro cinco, seis siete ocho"),
    # Letters next to digits stay a word of their own; "1.5m" is no meter in English.
    ("en", "G7 leaders met", "G seven leaders met"),
    ("de", "die A7 bei Kassel", "die A sieben bei Kassel"),
    ("en", "1.5m viewers", "one point five m viewers"),
    # Numbers in words, decimals kept.
    ("sv", "17 år", "sjutton år"),
    ("de", "2,5 Kilo", "zwei Komma fünf Kilo"),
    ("it", "3,75 metri", "tre virgola settantacinque metri"),
    ("ko", "1.5배", "일점오배"),
]


@pytest.mark.parametrize(
    ("lang", "raw", "expected"),
    GRAMMAR,
    ids=[f"{lang}-{index}" for index, (lang, _, _) in enumerate(GRAMMAR)],
)
def test_grammar_of_numbers(lang: str, raw: str, expected: str) -> None:
    assert normalize(raw, lang) == expected
