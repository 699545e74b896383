"""Failed imports as HTTP answers: one table for the import page and the JSON API."""

from flask_babel import lazy_gettext as _l

from reader.library import articles as article_service
from reader.library import importer

# Most specific first: TooLarge and UnsupportedType are kinds of ImportFailed.
IMPORT_ERRORS = (
    (importer.TooLarge, 413, _l("The file or page is too large.")),
    (
        importer.UnsupportedType,
        415,
        _l("This type of file is not supported: use text, Markdown or HTML."),
    ),
    (importer.ImportFailed, 422, _l("No article could be read from this file or address.")),
    (article_service.ArticleError, 422, _l("No article could be read from this file or address.")),
)
IMPORT_FAILURES = tuple(kind for kind, _status, _message in IMPORT_ERRORS)


def import_error(error: Exception, localized: bool) -> tuple[int, str]:
    """The status and message for a failed import.

    Pages show the reader's words (localized); the API keeps the service's English message.
    """
    for kind, status, message in IMPORT_ERRORS:
        if isinstance(error, kind):
            return status, str(message) if localized else str(error)
    raise error
