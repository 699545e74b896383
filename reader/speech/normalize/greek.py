"""Greek cardinal numbers in words, which num2words does not know (espeak-ng reads digits
of a decimal one by one: "7,25" is heard as "επτά κόμμα δύο πέντε")."""

_BELOW_20 = (
    "μηδέν ένα δύο τρία τέσσερα πέντε έξι επτά οκτώ εννέα δέκα έντεκα δώδεκα δεκατρία "
    "δεκατέσσερα δεκαπέντε δεκαέξι δεκαεπτά δεκαοκτώ δεκαεννέα"
).split()
_TENS = "_ _ είκοσι τριάντα σαράντα πενήντα εξήντα εβδομήντα ογδόντα ενενήντα".split()
_HUNDREDS = (
    "_ εκατό διακόσια τριακόσια τετρακόσια πεντακόσια εξακόσια επτακόσια οκτακόσια εννιακόσια"
).split()
# Before "χιλιάδες" (feminine) the numbers that have a gender change it: τρεις, διακόσιες.
_FEMININE = (("τρία", "τρεις"), ("τέσσερα", "τέσσερις"), ("ένα", "μία"), ("όσια", "όσιες"))


def _below_1000(number: int) -> str:
    hundreds, rest = divmod(number, 100)
    words = []
    if hundreds:
        words.append("εκατόν" if hundreds == 1 and rest else _HUNDREDS[hundreds])
    if rest >= 20:
        tens, units = divmod(rest, 10)
        words.append(_TENS[tens])
        if units:
            words.append(_BELOW_20[units])
    elif rest or not hundreds:
        words.append(_BELOW_20[rest])
    return " ".join(words)


def _feminine(words: str) -> str:
    spoken = []
    for word in words.split():
        for neuter, feminine in _FEMININE:
            if word == neuter or (neuter == "όσια" and word.endswith(neuter)):
                word = word.removesuffix(neuter) + feminine if neuter == "όσια" else feminine
        spoken.append(word)
    return " ".join(spoken)


def greek_cardinal(number: int) -> str:
    """1234 -> 'χίλια διακόσια τριάντα τέσσερα', 3000 -> 'τρεις χιλιάδες'."""
    if number < 1000:
        return _below_1000(number)
    words = []
    for scale, one, many in ((10**9, "ένα δισεκατομμύριο", "δισεκατομμύρια"),
                             (10**6, "ένα εκατομμύριο", "εκατομμύρια")):  # fmt: skip
        if number >= scale:
            count, number = divmod(number, scale)
            words.append(one if count == 1 else f"{greek_cardinal(count)} {many}")
    if number >= 1000:
        count, number = divmod(number, 1000)
        words.append("χίλια" if count == 1 else f"{_feminine(_below_1000(count))} χιλιάδες")
    if number:
        words.append(_below_1000(number))
    return " ".join(words)
