"""Which form a noun takes after a number in the Slavic languages: one, few or many."""


def plural_form(whole: str, has_decimals: bool = False) -> int:
    """0 for 'one' (1, 21, 101), 1 for 'few' (2-4, 22-24; also decimals), 2 for 'many'."""
    if has_decimals:
        return 1  # "2,5 процента": a fraction takes the genitive singular
    number = int(whole)
    if number % 10 == 1 and number % 100 != 11:
        return 0
    if 2 <= number % 10 <= 4 and not 12 <= number % 100 <= 14:
        return 1
    return 2
