"""Log lines, one per event, each carrying the id of the request it happened in."""

import contextvars
import logging
import re
import uuid

# The request being served in this thread (or "-" outside any request): every log line made
# while it is served, by a view or a service, names it.
REQUEST_ID: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# An id a proxy sent is kept only when it is short and plain, so it cannot forge log lines.
_SANE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
FORMAT = "%(asctime)s %(levelname)s [%(process)d] [%(request_id)s] %(name)s: %(message)s"


def request_id_from(header: str | None) -> str:
    """The id a client or proxy sent (X-Request-ID) when it is sane, else a new one."""
    if header and _SANE_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request's id on every record, as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = REQUEST_ID.get()
        return True


def logging_config(level: str = "INFO") -> dict:
    """A logging.config.dictConfig mapping: every line to standard error in FORMAT.

    gunicorn's own loggers hand their lines to the root logger, so the server's events and the
    app's read alike; gunicorn's access log stays off (reader.views.request_log writes one line
    per request, with its id).
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"line": {"format": FORMAT}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "line",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": [], "propagate": True},
            "gunicorn.access": {"level": level, "handlers": [], "propagate": False},
        },
    }
