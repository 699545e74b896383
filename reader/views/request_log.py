"""One log line per request, with its id (X-Request-ID), and its count in the metrics."""

import logging
import time

from flask import Flask, g, request

from reader import logs, metrics

log = logging.getLogger("reader.requests")
REQUEST_ID_HEADER = "X-Request-ID"


def init_app(app: Flask) -> None:
    """Runs first and last around every request, errors included."""
    app.before_request_funcs.setdefault(None, []).insert(0, _begin)
    app.after_request(_end)
    app.teardown_request(_forget)


def _begin() -> None:
    g.request_started = time.perf_counter()
    g.request_id = logs.request_id_from(request.headers.get(REQUEST_ID_HEADER))
    # Every line logged while this request is served, by a view or a service, names it.
    g.request_id_token = logs.REQUEST_ID.set(g.request_id)


def _end(response):
    started = g.get("request_started")
    if started is None:  # a request refused before any hook ran
        return response
    seconds = time.perf_counter() - started
    response.headers[REQUEST_ID_HEADER] = g.request_id
    # The URL rule, not the path: /articles/<int:article_id> is one route however many articles.
    route = request.url_rule.rule if request.url_rule is not None else "(no route)"
    shown = request.full_path if request.query_string else request.path
    answered(request.method, shown, route, response.status_code, seconds)
    return response


def answered(method: str, shown_path: str, route: str, status: int, seconds: float) -> None:
    """A request answered: counted in the metrics and logged on one line (with the request id
    in logs.REQUEST_ID), by the hooks here or by the front door before them."""
    metrics.request_answered(route, method, status, seconds)
    log.info("%s %s %d %.1fms", method, shown_path, status, seconds * 1000)


def _forget(_error=None) -> None:
    token = g.pop("request_id_token", None)
    if token is not None:
        logs.REQUEST_ID.reset(token)
