"""What every public report route does first: refuse big bodies, then count the client."""

from contextlib import contextmanager

from flask import abort, current_app, request
from flask_babel import gettext as _

from reader.errors import error_response
from reader.feedback.service import MAX_BODY_BYTES
from reader.views.access import limiter


def too_large():
    """None, or the 413 answer for a body over MAX_BODY_BYTES, decided before it is parsed."""
    # A body sent without a length (chunked) is cut at the same size when it is read.
    request.max_content_length = MAX_BODY_BYTES
    if (request.content_length or 0) <= MAX_BODY_BYTES:
        return None
    if request.path.startswith("/api/"):
        return error_response(413, f"the body is larger than {MAX_BODY_BYTES} bytes")
    abort(413, _("This report is too long to be sent."))


@contextmanager
def report_limit():
    """FEEDBACK_LIMIT per client, one count shared by the form, the report form and the API.

    "off" counts nothing: the load benchmark posts far more than any one reader would.
    """
    limit = current_app.config["FEEDBACK_LIMIT"]
    if limit.strip().lower() == "off":
        yield
        return
    with limiter().shared_limit(limit, scope="feedback"):
        yield
