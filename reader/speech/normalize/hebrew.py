"""Hebrew prefix letters written before a number with a hyphen ("ב-2024"), said with it."""

import re

# ב, ה, ו, כ, ל, מ, ש (and pairs like "וב") join the number: "ב-2024" is "be-alpayim...",
# where the hyphen alone would make espeak-ng say the letter's name ("bet").
_PREFIX = re.compile(r"(?<![\u0590-\u05ff])([בהוכלמש]{1,2})[-\u05be\u2011](?=\d)")


def join_hebrew_prefixes(text: str) -> str:
    """'ב-2024' -> 'ב2024', read later as one word: 'באלפיים עשרים וארבע'."""
    return _PREFIX.sub(r"\1", text)
