"""Blueprints: one per feature."""

from flask import Flask
from flask_babel import format_datetime, format_number


def register_blueprints(app: Flask) -> None:
    """Attach every blueprint, after sign-in and rate limits.

    The JSON API is exempt from the form CSRF check: a token caller has no cookie to abuse,
    and a write made with the session cookie is checked for the CSRF header by the API itself.
    """
    from reader.text.typography import sentence_gap, typography
    from reader.views import (
        access,
        admin,
        api,
        articles,
        assets,
        auth,
        converters,
        feedback,
        feeds,
        front_door,
        health,
        imports,
        listen,
        metrics,
        page_cache,
        request_log,
        search,
        security_headers,
    )

    converters.init_app(app)
    request_log.init_app(app)
    security_headers.init_app(app)
    access.init_app(app)
    assets.init_app(app)
    page_cache.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(metrics.bp)
    app.register_blueprint(admin.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(listen.bp)
    app.register_blueprint(feedback.bp)
    app.register_blueprint(imports.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(api.bp)
    app.extensions["csrf"].exempt(api.bp)
    front_door.init_app(app)
    app.add_template_filter(typography, "typography")
    app.add_template_global(sentence_gap, "sentence_gap")
    app.add_template_filter(format_number, "format_count")
    app.add_template_filter(lambda value: format_datetime(value, "short"), "datetime_short")
