"""Split article text into sentence spans (character offsets) for reading aloud and highlighting."""

import re
from dataclasses import dataclass
from functools import cache

from babel.dates import get_month_names

from reader.text.abbreviations import abbreviations
from reader.text.language_tags import base_language

# Quotes and brackets that close a sentence after its final punctuation: «Oui !» / „Ja.“ / "Yes."
# French puts a (no-break) space before », so one space may precede it.
_CLOSERS = r"(?:[”\"'’“‘)\]）」』】》〉]|[ \u00a0\u202f]?[»›])*"
_CLOSERS_CHARS = "”\"'’“‘)]）」』】》〉»› \u00a0\u202f"
_OPENERS = "([{«“„\"'‘‚¿¡‹"
_CJK_LANGS = {"zh", "ja", "ko"}
_CJK_TERMINATORS = "。！？｡"

_TERMINATORS = {
    "el": ".!?…;\u037e",  # Greek writes its question mark as ";" (or U+037E)
    "ar": ".!?…؟۔",
    "hi": ".!?…।॥",
    "he": ".!?…",
}
_DEFAULT_TERMINATORS = ".!?…‽"

# A capital word after these English dotted acronyms may still start a new sentence.
_SENTENCE_STARTERS = {
    *("The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "An", "This"),
    *("That", "There", "Its", "His", "Her", "Their", "Our", "On", "At", "For", "After"),
}
# Languages that write ordinals as "3." ("am 3. Dezember", "3. května").
_ORDINAL_DOT_LANGS = {"de", "cs", "pl", "tr", "sv"}
_GERMAN_ARTICLES = {
    *("am", "im", "vom", "zum", "zur", "beim", "dem", "den", "des", "der", "die", "das"),
    *("seit", "ab", "bis", "ihr", "ihre", "ihrem", "ihren", "sein", "seine", "seinem", "seinen"),
}

_DOTTED_ACRONYM = re.compile(r"^(?:[^\W\d_]{1,4}\.-?)+[^\W\d_]{1,4}$")
_SHORT_DATE = re.compile(r"^\d{1,2}\.\d{1,2}$")
_WORD = re.compile(r"[^\W\d_]+")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)\W*$")
_LINE = re.compile(r"[^\n]+")
_HIRAGANA = re.compile(r"[\u3041-\u309f]")

# The longest sentence we keep whole. One sentence is one synthesis job (its worker's timeout is
# per sentence) and one entry of the timings a player GETs: a text with no full stop (a pasted
# log, a 4 MB line) must still make jobs and answers of bounded size. Longer ones are cut at
# their last clause mark, else their last space, else anywhere, within the limit.
MAX_SENTENCE_CHARS = 400
# A cut leaves at least this much before it, so that a clause mark early on makes no crumb.
_MIN_PIECE_CHARS = MAX_SENTENCE_CHARS // 4
_CLAUSE_MARK = re.compile(r"[,;:–—](?=\s)|[，、；：]")
_SPACES = " \t\u3000"
# How far back a word before a full stop is looked for: no abbreviation is longer.
_MAX_TOKEN_CHARS = 64


@dataclass(frozen=True)
class _Rules:
    """Everything split_sentences needs to know about one language."""

    boundary: re.Pattern[str]
    abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    months: frozenset[str]
    lang: str


def _month_words(lang: str) -> frozenset[str]:
    """Month names and their abbreviations, lower-cased, in every grammatical form babel has."""
    words: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            try:
                names = get_month_names(width, context=context, locale=lang)
            except (ValueError, LookupError):
                continue
            words.update(name.lower().rstrip(".") for name in names.values())
    return frozenset(words)


@cache
def _rules(lang: str) -> _Rules:
    terminators = re.escape(_TERMINATORS.get(lang, _DEFAULT_TERMINATORS))
    spaced = rf"[{terminators}]+{_CLOSERS}(?=\s|$)"
    if lang in _CJK_LANGS:  # no space follows 。！？, yet they always end the sentence
        spaced = rf"[{_CJK_TERMINATORS}]+{_CLOSERS}|{spaced}"
    return _Rules(
        boundary=re.compile(spaced),
        abbreviations=abbreviations(lang).keeps_sentence,
        final_abbreviations=abbreviations(lang).may_end_sentence,
        months=_month_words(lang) if lang in _ORDINAL_DOT_LANGS else frozenset(),
        lang=lang,
    )


def _token_before(text: str, index: int) -> str:
    """The word a punctuation mark at `index` closes, without its opening quotes."""
    start, floor = index, max(0, index - _MAX_TOKEN_CHARS)
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return text[start:index].lstrip(_OPENERS)


def _next_visible(text: str, index: int) -> int:
    """Index of the first non-space character at or after `index` (len(text) if none)."""
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _is_ordinal_number(text: str, token: str, start: int, next_word: str, rules: _Rules) -> bool:
    """'am 3. Dezember', '3. května': a number with a dot that is not a sentence end."""
    if rules.lang not in _ORDINAL_DOT_LANGS or not token.isdigit() or len(token) > 2:
        return False
    if next_word.lower() in rules.months:
        return True
    if rules.lang != "de":
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, start - 30), start - len(token))
    return bool(previous) and previous[1].lower() in _GERMAN_ARTICLES


def _dot_ends_sentence(text: str, dot: int, after: int, rules: _Rules) -> bool:
    """Whether the '.' at `dot`, followed by the character at `after`, closes a sentence."""
    token = _token_before(text, dot)
    next_match = _WORD.match(text, after)
    next_word = next_match.group() if next_match else ""
    # A sentence-initial abbreviation is capitalised: "Např." is "např.".
    uncapitalised = token[:1].lower() + token[1:]
    if token in rules.final_abbreviations or uncapitalised in rules.final_abbreviations:
        return True  # "etc. Le lendemain": a capital follows, so a new sentence starts
    if token in rules.abbreviations or uncapitalised in rules.abbreviations:
        return False
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. K. Rowling" ("3,5 m." is a unit, so not lower case)
    if _DOTTED_ACRONYM.match(token):
        return rules.lang == "en" and next_word in _SENTENCE_STARTERS
    if token in ("No", "Nr", "nr", "Art", "S") and text[after : after + 1].isdigit():
        return False  # "No. 5", "S. 12"
    if _SHORT_DATE.match(token) and text[after : after + 1].isdigit():
        return False  # "5.12. 2024"
    return not _is_ordinal_number(text, token, dot, next_word, rules)


def _ends_sentence(text: str, match: re.Match[str], rules: _Rules) -> bool:
    after = _next_visible(text, match.end())
    if after >= len(text):
        return True
    if text[after].islower() or text[after] in ",;:":
        # "… ukrainiens”, a déclaré", "« Vraiment ? » a-t-il demandé": the sentence goes on.
        return False
    if rules.lang == "ja" and _HIRAGANA.match(text, after) and match.group()[-1] in "」』":
        return False  # 「行く。」と言った: a quoted sentence inside the one that goes on
    punctuation = match.group().rstrip(_CLOSERS_CHARS)
    if punctuation == ".":
        return _dot_ends_sentence(text, match.start(), after, rules)
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span (start, end) cut into pieces of at most MAX_SENTENCE_CHARS, trimmed."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        low, limit = start + _MIN_PIECE_CHARS, start + MAX_SENTENCE_CHARS
        marks = list(_CLAUSE_MARK.finditer(text, low, limit))
        if marks:
            cut = marks[-1].end()
        else:
            space = max(text.rfind(char, low, limit) for char in _SPACES)
            cut = space + 1 if space >= 0 else limit
        if span := _trimmed(text, start, cut):
            spans.append(span)
        start = cut
    if span := _trimmed(text, start, end):
        spans.append(span)
    return spans


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) into `text`, whitespace trimmed; a line break always ends one.

    None is longer than MAX_SENTENCE_CHARS.
    """
    return [piece for start, end in _sentences(text, lang) for piece in _bounded(text, start, end)]


def _sentences(text: str, lang: str) -> list[tuple[int, int]]:
    rules = _rules(base_language(lang) or "")
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for match in rules.boundary.finditer(text, line.start(), line.end()):
            if match.end() <= start or not _ends_sentence(text, match, rules):
                continue
            if span := _trimmed(text, start, match.end()):
                spans.append(span)
            start = match.end()
        if span := _trimmed(text, start, line.end()):
            spans.append(span)
    return spans
