"""Cardinal numbers in words for languages num2words does not know: Hindi and Armenian."""

# Hindi says every number below a hundred with its own word.
_HI_BELOW_100 = (
    "शून्य एक दो तीन चार पाँच छह सात आठ नौ "
    "दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस "
    "बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस "
    "तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस "
    "चालीस इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास "
    "पचास इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ "
    "साठ इकसठ बासठ तिरसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर "
    "सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी "
    "अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी "
    "नब्बे इक्यानबे बानबे तिरानबे चौरानबे पंचानबे छियानबे सत्तानबे अट्ठानबे निन्यानबे"
).split()
# The Indian scales: lakh (10^5), crore (10^7), arab (10^9), kharab (10^11).
_HI_SCALES = ((10**11, "खरब"), (10**9, "अरब"), (10**7, "करोड़"), (10**5, "लाख"), (1000, "हज़ार"))


def hindi_cardinal(number: int) -> str:
    """1122345567 -> 'एक अरब बारह करोड़ तेईस लाख पैंतालीस हज़ार पाँच सौ सड़सठ'."""
    if number < 100:
        return _HI_BELOW_100[number]
    words = []
    for scale, name in _HI_SCALES:
        if number >= scale:
            count, number = divmod(number, scale)
            words += [hindi_cardinal(count), name]
    if number >= 100:
        hundreds, number = divmod(number, 100)
        words += [_HI_BELOW_100[hundreds], "सौ"]
    if number:
        words.append(_HI_BELOW_100[number])
    return " ".join(words)


def hindi_year(number: int) -> str:
    """1990 -> 'उन्नीस सौ नब्बे': years before 2000 are said in hundreds."""
    if not 1100 <= number <= 1999:
        return hindi_cardinal(number)
    hundreds, rest = divmod(number, 100)
    return " ".join([_HI_BELOW_100[hundreds], "सौ", *([_HI_BELOW_100[rest]] if rest else [])])


_HY_UNITS = "զրո մեկ երկու երեք չորս հինգ վեց յոթ ութ ինը".split()
_HY_TENS = "_ տասը քսան երեսուն քառասուն հիսուն վաթսուն յոթանասուն ութսուն իննսուն".split()
_HY_SCALES = ((10**9, "միլիարդ"), (10**6, "միլիոն"), (1000, "հազար"))


def _hy_below_100(number: int) -> str:
    tens, units = divmod(number, 10)
    if tens == 0:
        return _HY_UNITS[units]
    if tens == 1 and units:
        return "տասն" + _HY_UNITS[units]  # տասնմեկ, տասներկու
    return _HY_TENS[tens] + (_HY_UNITS[units] if units else "")  # քսանմեկ


def armenian_cardinal(number: int) -> str:
    """91 -> 'իննսունմեկ', 1000000 -> 'մեկ միլիոն', 1000 -> 'հազար'."""
    if number < 100:
        return _hy_below_100(number)
    words = []
    for scale, name in _HY_SCALES:
        if number >= scale:
            count, number = divmod(number, scale)
            if count > 1 or scale > 1000:
                words.append(armenian_cardinal(count))
            words.append(name)
    if number >= 100:
        hundreds, number = divmod(number, 100)
        words += [_HY_UNITS[hundreds]] if hundreds > 1 else []
        words.append("հարյուր")
    if number:
        words.append(_hy_below_100(number))
    return " ".join(words)
