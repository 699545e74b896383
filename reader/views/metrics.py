"""/metrics: the server's counters in Prometheus's text format, public or behind a token."""

import hmac

from flask import Blueprint, Response, abort, current_app, request

from reader import metrics

bp = Blueprint("metrics", __name__)


@bp.get("/metrics")
def exposition():
    """Every process's counts (requests, renders, sentences, cache, synthesis time)."""
    token = current_app.config["METRICS_TOKEN"]
    if token:
        scheme, _sep, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
            abort(401)  # the app's own 401 message, in the asker's language
    body, content_type = metrics.exposition()
    return Response(body, content_type=content_type, headers={"Cache-Control": "no-store"})
