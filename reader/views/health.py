"""Health for load balancers: /healthz (the process answers), /readyz (it can serve readers)."""

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text

from reader.db import get_session
from reader.views.speaking import speech

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """Alive: the process answers requests."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz():
    """Ready: the database answers, the speech workers take jobs, and a voice is installed.

    A voice that cannot load (a corrupt model) does not make the server unready: its language
    is read by the next choice; `notes` says which, so an operator sees it here and in the log.
    """
    checks = {"database": _database_answers(), **speech().readiness()}
    ready = all(checks.values())
    # A cache that cannot be written slows listening but stops nothing: said, not failed on.
    body = {"status": "ready" if ready else "not ready", "checks": checks}
    body["audio_cache"] = speech().cache_state()
    notes = speech().voice_problems()
    if notes:
        body["notes"] = notes
    return jsonify(body), 200 if ready else 503


def _database_answers() -> bool:
    try:
        get_session().execute(text("SELECT 1"))
    except Exception:
        current_app.logger.exception("the database does not answer")
        return False
    return True
