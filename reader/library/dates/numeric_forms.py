"""Dates in digits only (2024年12月5日, 2024-12-05, 05.12.2024, 05.12.24) and their day order."""

from __future__ import annotations

from reader.text.languages import SUPPORTED_CODES

from .cldr_locales import day_before_month

# 2024年12月5日, 2024년 12월 5일
CJK_YEAR_MONTH_DAY = (
    r"(?<!\d)(?P<cy>\d{4})\s*[年년]\s*(?P<cm>\d{1,2})\s*[月월]\s*(?P<cd>\d{1,2})\s*[日일号號]"
)
# ISO and the other year-first orders: 2024-12-05, 2024/12/05, 2024. 12. 5.
YEAR_FIRST = (
    r"(?<![\d.,])(?P<iy>\d{4})(?P<isep>[-/.])\s?(?P<im>\d{1,2})\s?(?P=isep)\s?(?P<id>\d{1,2})"
    r"(?!\d|[-/]\d)"
)
# 05.12.2024, 5/12/2024, 5. 12. 2024
YEAR_LAST = (
    r"(?<![\d./-])(?P<na>\d{1,2})(?P<nsep>[./-])\s?(?P<nb>\d{1,2})\s?(?P=nsep)\s?"
    r"(?P<ny4>\d{4})(?!\d)"
)
# 05.12.24 (two-digit year, no spaces, so "05.12. 11:58" stays a time)
TWO_DIGIT_YEAR = (
    r"(?<![\d./-])(?P<ta>\d{1,2})(?P<tsep>[./-])(?P<tb>\d{1,2})(?P=tsep)(?P<ty>\d{2})"
    r"(?![\d:]|[./-]\d|\s?h\s?\d)"
)


def numeric_date_parts(g: dict[str, str | None], lang: str | None) -> tuple[int, int, int]:
    """(year, month, day) from the groups of a numeric form, resolving order by language."""
    if g["cy"]:
        return int(g["cy"]), int(g["cm"]), int(g["cd"])
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["na"]:
        return _numeric_order(int(g["na"]), int(g["nb"]), int(g["ny4"]), g["nsep"], lang)
    return _numeric_order(int(g["ta"]), int(g["tb"]), _full_year(int(g["ty"])), g["tsep"], lang)


def _full_year(two_digits: int) -> int:
    # News dates are recent: "24" is 2024; "98" (archive pages) is 1998.
    return 2000 + two_digits if two_digits <= 69 else 1900 + two_digits


def _numeric_order(a: int, b: int, year: int, sep: str, lang: str | None):
    # Of the core languages only US English writes month first, and never with dots; beyond
    # them, the language's CLDR short date says ("M/d/yy" in Filipino). A part above 12
    # settles it either way.
    if lang in SUPPORTED_CODES or not lang:
        month_first = lang == "en" and sep in "/-"
    else:
        month_first = sep in "/-" and not day_before_month(lang)
    day, month = (b, a) if month_first else (a, b)
    if month > 12 >= day:
        day, month = month, day
    return year, month, day
