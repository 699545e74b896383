"""The entry points: parse a date line, or search a longer text for its first date; never raise."""

from __future__ import annotations

from datetime import datetime

from reader.text.language_tags import base_language
from reader.text.languages import SUPPORTED_CODES

from .any_language import read_with_month_names
from .date_line import looks_like_date_line
from .fallback import fallback_parse
from .first_date import find_first_date
from .folding import cased_fold, fold_with_offsets, input_span
from .japanese_eras import gregorian_era_years
from .line_time import time_in_line
from .reconcile import needs_second_reading, reconcile
from .results import DateMatch, ParsedDate
from .zone_names import spell_zone_names

# A date string is short; anything longer is a page, not a date line, so parse() gives up.
MAX_PARSE_CHARS = 1_000
# search() only looks at the head of a page: the date line sits near the top, and this bounds
# the work on multi-megabyte input.
MAX_SEARCH_CHARS = 200_000


def parse(text: str, lang: str | None = None) -> datetime | None:
    """The datetime a date string states, or None when it states no full date."""
    parsed = parse_with_precision(text, lang)
    return parsed.value if parsed else None


def parse_with_precision(text: str, lang: str | None = None) -> ParsedDate | None:
    """Like parse(), keeping whether a time of day was printed."""
    try:
        return _parse(text, lang)
    except Exception:  # noqa: BLE001 - the contract is "never raise", whatever the input
        return None


def search(text: str, lang: str | None = None) -> DateMatch | None:
    """The first full date (with its time, if one is printed with it) inside a longer text."""
    try:
        return _search(text, lang)
    except Exception:  # noqa: BLE001 - the contract is "never raise", whatever the input
        return None


def _parse(text, lang) -> ParsedDate | None:
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_PARSE_CHARS:
        return None
    lang = base_language(lang)  # only the primary subtag matters: "pt-BR" reads as "pt"
    text = spell_zone_names(gregorian_era_years(text), lang)
    folded, index = fold_with_offsets(text)
    if lang and lang not in SUPPORTED_CODES:
        # Outside the core languages ours knows no month names: the language's CLDR month
        # names read a line that names its month (one name, one day, one year: nothing left
        # to guess). Otherwise dateparser, which knows the language's words and orders, and
        # ours (numeric lines) both read it, and reconcile() makes the two one answer.
        # dateparser goes after the month names because it costs milliseconds a call, and
        # may take "2.17.00" in "26. elokuuta 2018 2.17.00" for a date.
        named = read_with_month_names(text, lang)
        if named is not None:
            return named
        ours = _ours(folded, text, index, lang)
        if not needs_second_reading(ours, text):
            return ours
        return reconcile(ours, fallback_parse(text, lang), text, lang)
    found = find_first_date(folded, text, index, lang)
    if found is not None:
        # Ours found a date: when it is a date line, ours is the answer, even where dateparser
        # would read it otherwise (ours knows the core languages' day orders and connectors);
        # when the date sits in prose, the line is prose and dateparser is not asked either.
        if not looks_like_date_line(folded, cased_fold(text), found):
            return None
        return _with_line_time(found, folded, lang)
    return fallback_parse(text, lang)


def _ours(folded: str, text: str, index, lang: str | None) -> ParsedDate | None:
    """Our own reading of a date line, with the line's time, or None (also for prose)."""
    found = find_first_date(folded, text, index, lang)
    if found is None or not looks_like_date_line(folded, cased_fold(text), found):
        return None
    return _with_line_time(found, folded, lang)


def _with_line_time(found, folded: str, lang: str | None) -> ParsedDate:
    """The found date, with the line's one time when none was printed beside the date."""
    if found.parsed.has_time:
        return found.parsed
    hms = time_in_line(folded, found.start, found.end, lang)
    if hms is None:
        return found.parsed
    value = found.parsed.value.replace(hour=hms[0], minute=hms[1], second=hms[2])
    return ParsedDate(value, True)


def _search(text, lang) -> DateMatch | None:
    if not isinstance(text, str) or not text:
        return None
    lang = base_language(lang)  # only the primary subtag matters: "pt-BR" reads as "pt"
    head = text[:MAX_SEARCH_CHARS]
    folded, index = fold_with_offsets(head)
    found = find_first_date(folded, head, index, lang)
    if found is None:
        return None
    start, end = input_span(index, found.start, found.end)
    return DateMatch(start, end, found.parsed)
