"""reader: a self-hosted, multilingual reading app that reads articles aloud."""

import os
import secrets
from pathlib import Path

from flask import Flask

from reader.config import load_settings

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Config, database, i18n, CSRF, speech, blueprints, errors, command line."""
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    configure(app, test_config)

    from reader import db, errors, i18n, speech
    from reader.views import register_blueprints

    db.init_app(app)
    i18n.init_app(app)
    _init_csrf(app)
    speech.init_app(app)
    register_blueprints(app)
    errors.init_app(app)
    _list_js_modules(app)
    return app


def configure(app: Flask, test_config: dict | None) -> None:
    """Settings from READER_* variables, overlaid by the test mapping, with derived defaults."""
    app.config.update(load_settings())
    if test_config:
        app.config.update(test_config)
    data_dir = app.config["DATA_DIR"] or app.instance_path
    os.makedirs(data_dir, exist_ok=True)
    app.config["DATA_DIR"] = data_dir
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = f"sqlite:///{os.path.join(data_dir, 'reader.sqlite3')}"
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _persistent_secret(data_dir)
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_UPLOAD_MB"] * 1024 * 1024
    app.config.setdefault("WTF_CSRF_TIME_LIMIT", None)
    # The sign-in cookie: never readable by scripts, not sent on cross-site requests, and
    # HTTPS-only by setting (a plain-HTTP install on one machine would lose it otherwise).
    secure = app.config["SECURE_COOKIES"]
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=secure,
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SECURE=secure,
        RATELIMIT_STORAGE_URI=app.config["RATELIMIT_STORAGE_URI"],
        RATELIMIT_HEADERS_ENABLED=True,
    )


def _persistent_secret(data_dir: str) -> str:
    # One random key per installation, so sessions survive restarts without configuration.
    path = Path(data_dir) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _list_js_modules(app: Flask) -> None:
    # A browser finds a module's imports only once it has that module, one level at a time;
    # base.html preloads every module of static/js instead, so they arrive together.
    static = Path(app.static_folder)
    app.jinja_env.globals["js_modules"] = sorted(
        path.relative_to(static).as_posix() for path in (static / "js").rglob("*.js")
    )


def _init_csrf(app: Flask) -> None:
    from flask_wtf.csrf import CSRFProtect

    CSRFProtect(app)
