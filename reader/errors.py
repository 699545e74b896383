"""Errors: one JSON helper for the API, and app-wide handlers that answer JSON or HTML."""

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_limiter.errors import RateLimitExceeded
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DatabaseError, IntegrityError
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from reader.db_file import DatabaseFileChanged

log = logging.getLogger(__name__)


def wants_json() -> bool:
    """The API, and clients that prefer JSON to HTML, get JSON errors."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def error_response(status: int, message: str, **details):
    """A JSON error body: {"error": {"status", "message", ...details}}."""
    body = {"error": {"status": status, "message": message, **details}}
    return jsonify(body), status


def _localized_message(error: HTTPException) -> str:
    messages = {
        400: _("The request could not be understood."),
        404: _("This page does not exist."),
        405: _("This action is not allowed here."),
        413: _("The upload is too large."),
        415: _("This type of file is not supported."),
        401: _("Please sign in to do this."),
        403: _("You do not have permission to do this."),
        422: _("The data sent could not be processed."),
        429: _("Too many attempts. Please wait a minute and try again."),
        500: _("Something went wrong on our side. Please try again."),
        503: _("This service is unavailable right now. Please try again later."),
    }
    return messages.get(error.code or 500, error.name)


def session_expired() -> str:
    """A form sent with a missing or stale CSRF token: the reader's words, not Flask-WTF's."""
    return _("Your session has expired. Please send the form again.")


def handle_http_error(error: HTTPException):
    """Render an HTTP error as JSON or as a localized page."""
    status = error.code or 500
    if isinstance(error, CSRFError):
        message = session_expired()
    elif _is_custom(error):
        message = error.description
    else:
        message = _localized_message(error)
    # A 405 says which methods are allowed (Allow); other errors' own headers are kept too.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    if wants_json():
        body, status = error_response(status, message)
        return body, status, headers
    return render_template("error.html", status=status, message=message), status, headers


def _is_custom(error: HTTPException) -> bool:
    # Our own abort(status, description) calls carry a specific, already-localized message;
    # Flask-Limiter's carries the limit itself ("2 per 1 minute"), which is not for readers.
    if isinstance(error, RateLimitExceeded):
        return False
    return error.description != type(error).description


def handle_unexpected_error(error: Exception):
    """Log an unexpected exception and answer 500 without a stack trace."""
    log.exception("Unhandled error on %s", request.path, exc_info=error)
    from werkzeug.exceptions import InternalServerError

    return handle_http_error(InternalServerError())


def handle_database_error(error: Exception):
    """The database file gone, replaced or unreadable: 503, nothing acknowledged, a log line."""
    if isinstance(error, IntegrityError):
        return handle_unexpected_error(error)  # a bug of ours, not the database's state
    log.error("the database cannot be used on %s: %s", request.path, error)
    message = _("The database is unavailable, so nothing was saved. Please try again later.")
    return handle_http_error(ServiceUnavailable(message))


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(HTTPException, handle_http_error)
    app.register_error_handler(DatabaseFileChanged, handle_database_error)
    app.register_error_handler(DatabaseError, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected_error)
