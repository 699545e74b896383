"""Read the date (and time) a news site prints, in every language espeak-ng speaks."""

from .api import MAX_PARSE_CHARS, MAX_SEARCH_CHARS, parse, parse_with_precision, search
from .relative import parse_relative
from .results import DateMatch, ParsedDate

__all__ = [
    "MAX_PARSE_CHARS",
    "MAX_SEARCH_CHARS",
    "DateMatch",
    "ParsedDate",
    "parse",
    "parse_relative",
    "parse_with_precision",
    "search",
]
