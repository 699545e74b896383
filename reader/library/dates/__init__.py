"""Read the absolute date (and time) that a news site prints, in any of the app's 20 languages."""

from .api import MAX_PARSE_CHARS, MAX_SEARCH_CHARS, parse, parse_with_precision, search
from .results import DateMatch, ParsedDate

__all__ = [
    "MAX_PARSE_CHARS",
    "MAX_SEARCH_CHARS",
    "DateMatch",
    "ParsedDate",
    "parse",
    "parse_with_precision",
    "search",
]
