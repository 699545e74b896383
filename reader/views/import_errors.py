"""Failed imports as HTTP answers: one table for the import page and the JSON API."""

from flask_babel import lazy_gettext as _l

from reader.library import articles as article_service
from reader.library import importer

# Most specific first: every import error is a kind of ImportFailed.
IMPORT_ERRORS = (
    (importer.TooLarge, 413, _l("The file or page is too large.")),
    (
        importer.UnsupportedType,
        415,
        _l("This type of file is not supported: use text, Markdown or HTML."),
    ),
    (
        importer.NothingToImport,
        422,
        _l("Nothing to add: give a web address, choose a file or paste a text."),
    ),
    (importer.EmptyFile, 422, _l("This file is empty.")),
    (importer.BlankText, 422, _l("This text is blank: there is nothing to read in it.")),
    (
        importer.InvalidAddress,
        422,
        _l("This is not a web address: it should begin with https:// and name a site."),
    ),
    (
        importer.UnsupportedScheme,
        422,
        _l("Only web addresses (http:// or https://) can be imported."),
    ),
    (
        importer.Unreachable,
        422,
        _l("The page at this address could not be fetched: check the address or try later."),
    ),
    (importer.BadSeedFile, 422, _l("The file's header lines are not in the expected format.")),
    (importer.ImportFailed, 422, _l("No article could be read from this file or address.")),
    (article_service.ArticleError, 422, _l("No article could be read from this file or address.")),
)
IMPORT_FAILURES = tuple(kind for kind, _status, _message in IMPORT_ERRORS)


def import_error(error: Exception) -> tuple[int, str]:
    """The status and the reader's words (in the request's language) for a failed import."""
    for kind, status, message in IMPORT_ERRORS:
        if isinstance(error, kind):
            return status, str(message)
    raise error
