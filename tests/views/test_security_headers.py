"""Every response carries the security headers: a strict CSP, nosniff, a referrer policy."""

import re
from pathlib import Path

import pytest

from reader.views.security_headers import CONTENT_SECURITY_POLICY

ROOT = Path(__file__).resolve().parents[2]


def concrete_paths(app, article_id: int) -> list[str]:
    """One URL per GET rule of the URL map, every number the article's id or 1."""
    fingerprint = app.extensions["reader.static_fingerprint"]
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        values = {}
        for arg in rule.arguments:
            if arg == "version":
                values[arg] = fingerprint
            elif arg == "filename":
                values[arg] = "js/main.js"
            else:
                values[arg] = article_id if "article" in arg else 1
        paths.append(app.url_map.bind("localhost").build(rule.endpoint, values))
    return paths


def assert_secured(response, path: str) -> None:
    headers = response.headers
    assert headers.get("Content-Security-Policy") == CONTENT_SECURITY_POLICY, path
    assert headers.get("X-Content-Type-Options") == "nosniff", path
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin", path


@pytest.mark.parametrize("signed_in", [False, True], ids=["public", "editor"])
def test_every_get_route_sends_the_security_headers(
    app, client, editor_client, german_article, signed_in
):
    browser = editor_client if signed_in else client
    paths = concrete_paths(app, german_article.id)
    assert "/" in paths and "/metrics" in paths and len(paths) > 20
    for path in paths:
        with browser.get(path) as response:
            response.get_data()  # a streamed body runs to its end
            assert response.status_code < 500, path
            assert_secured(response, path)


def test_errors_and_refusals_carry_them_too(client):
    for method, path in (
        ("GET", "/no/such/page"),
        ("GET", "/articles/999999"),
        ("POST", "/login"),
        ("GET", "/static/no-such-file.css"),
        ("DELETE", "/"),
    ):
        with client.open(path, method=method) as response:
            assert response.status_code >= 400, path
            assert_secured(response, path)


def test_the_policy_allows_no_inline_code_and_no_framing():
    directives = dict(part.split(" ", 1) for part in CONTENT_SECURITY_POLICY.split("; "))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert directives["frame-ancestors"] == "'none'"


def test_no_template_has_inline_script_style_or_event_handlers():
    """What the policy would block: inline <script>, <style>, style= and on*= attributes."""
    offenders = []
    for template in sorted((ROOT / "templates").rglob("*.html")):
        text = template.read_text("utf-8")
        for pattern in (r"<script(?![^>]*\bsrc=)[^>]*>", r"<style\b", r"\sstyle=", r"\son[a-z]+="):
            offenders += [f"{template.name}: {m.group(0)}" for m in re.finditer(pattern, text)]
    assert offenders == []
