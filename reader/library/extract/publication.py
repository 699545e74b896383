"""The publication time, reconciled: the page's declared date as our parser reads it, else
htmldate's original date; the time of day from whichever source (those two or the printed
date line) gives one on the same day."""

from __future__ import annotations

from datetime import datetime

from htmldate import find_date
from lxml import html as lxml_html

from reader.library import dates
from reader.library.dates import ParsedDate

# htmldate prints its find with this format; a time it did not find comes out as midnight.
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# htmldate's extensive search (every date-like string in the page) costs ~11 ms a page on
# ../shared/dev-data against ~0.8 ms for its markup-only search; the printed date line, read
# by our own parser, covers what the extensive search would add.
HTMLDATE_EXTENSIVE_SEARCH = False


def publication_iso(
    tree: lxml_html.HtmlElement,
    declared: str | None,
    printed: str | None,
    url: str | None,
    lang: str | None,
) -> str | None:
    """The publication time as ISO 8601: "2024-03-04T10:12:00+01:00", or "2024-03-04" when no
    source gives a time of day on that day; None when neither the metadata nor htmldate gives a
    date (the printed line alone is the caller's date_line, read as the page prints it).

    declared is the date the page's metadata states (meta, JSON-LD), printed its date line."""
    declared_date = _read(declared, lang)
    printed_date = _read(printed, lang)
    found = htmldate_original(tree, url)
    chosen = declared_date or found
    if chosen is None:
        return None
    if not chosen.has_time:
        for other in (declared_date, found, printed_date):
            if other is not None and other.has_time and _same_day(other, chosen):
                chosen = other
                break
    return _iso(chosen)


def htmldate_original(tree: lxml_html.HtmlElement, url: str | None) -> ParsedDate | None:
    """htmldate's original (not last-updated) publication date for the page, or None."""
    try:
        found = find_date(
            tree,
            extensive_search=HTMLDATE_EXTENSIVE_SEARCH,
            original_date=True,
            outputformat=HTMLDATE_FORMAT,
            url=url,
        )
    except Exception:  # noqa: BLE001 - a third-party parser failing must not fail the import
        return None
    if not found:
        return None
    try:
        value = datetime.strptime(found, HTMLDATE_FORMAT)
    except ValueError:
        try:
            value = datetime.strptime(found[:19], HTMLDATE_FORMAT[:17])
        except ValueError:
            return None
    # Midnight exactly is how htmldate writes "no time found"; a story stamped 00:00:00 to the
    # second is rarer than a date without a time.
    has_time = (value.hour, value.minute, value.second) != (0, 0, 0)
    return ParsedDate(value, has_time)


def _read(text: str | None, lang: str | None) -> ParsedDate | None:
    return dates.parse_with_precision(text, lang) if text else None


def _same_day(a: ParsedDate, b: ParsedDate) -> bool:
    # Each on its own clock: a page's "10:12" and its metadata's "09:12Z" name the same day.
    return a.value.date() == b.value.date()


def _iso(parsed: ParsedDate) -> str:
    if not parsed.has_time:
        return parsed.value.date().isoformat()
    return parsed.value.isoformat()
