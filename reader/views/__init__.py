"""Blueprints: one per feature."""

from flask import Flask


def register_blueprints(app: Flask) -> None:
    """Attach every blueprint; the JSON API is exempt from CSRF (it uses no cookies)."""
    from reader.text.typography import typography
    from reader.views import api, articles, feedback, imports, listen

    app.register_blueprint(articles.bp)
    app.register_blueprint(listen.bp)
    app.register_blueprint(feedback.bp)
    app.register_blueprint(imports.bp)
    app.register_blueprint(api.bp)
    app.extensions["csrf"].exempt(api.bp)
    app.add_template_filter(typography, "typography")
