"""Static files under a fingerprint of their content, cached for a year; plain URLs briefly."""

import hashlib
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, send_from_directory, url_for

bp = Blueprint("assets", __name__)

FINGERPRINT_LENGTH = 12  # reader.views.converters.Fingerprint matches exactly this many
IMMUTABLE = "public, max-age=31536000, immutable"
# A plain /static/ URL (an old bookmark, a page cached across a deploy) is checked again soon.
SHORT_MAX_AGE_SECONDS = 300


def fingerprint(folder: Path) -> str:
    """A hash of every file's path and content: it changes whenever any static file does.

    One fingerprint for the whole folder, as a directory prefix (/static/<fingerprint>/js/...),
    so that ES modules importing each other by relative URL stay under the same prefix.
    """
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:FINGERPRINT_LENGTH]


def init_app(app: Flask) -> None:
    """Fingerprint the static folder once, at start, and give templates `static_url`."""
    app.extensions["reader.static_fingerprint"] = fingerprint(Path(app.static_folder))
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = SHORT_MAX_AGE_SECONDS
    app.jinja_env.globals["static_url"] = static_url
    app.register_blueprint(bp)


def static_url(filename: str) -> str:
    """The fingerprinted URL of a static file: /static/<fingerprint>/<filename>."""
    return url_for(
        "assets.fingerprinted",
        version=current_app.extensions["reader.static_fingerprint"],
        filename=filename,
    )


@bp.get("/static/<fingerprint:version>/<path:filename>")
def fingerprinted(version: str, filename: str):
    if current_app.static_folder is None:
        abort(404)
    response = send_from_directory(current_app.static_folder, filename)
    if version == current_app.extensions["reader.static_fingerprint"]:
        response.headers["Cache-Control"] = IMMUTABLE
    return response
