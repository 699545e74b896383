"""The request's ?since= and ?until= days, read one way for the HTML list and the JSON API."""

from flask import current_app, request
from flask_babel import gettext as _

from reader.library.published_range import PublishedRange, published_range


def requested_range() -> PublishedRange:
    """?since= and ?until= (days, YYYY-MM-DD, in the server's time zone), or BadDateRange."""
    return published_range(
        request.args.get("since"),
        request.args.get("until"),
        current_app.config["DEFAULT_TIMEZONE"],
    )


def bad_range_message() -> str:
    """What a reader is told, in their language, when the days cannot be used."""
    return _("Choose the days as a date, the first one no later than the last.")
