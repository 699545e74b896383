"""Every route of the api blueprint is in the README and in the OpenAPI document."""

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
IGNORED_METHODS = {"HEAD", "OPTIONS"}
CONVERTER = re.compile(r"<(?:[a-z_]+:)?([a-z_]+)>")


def api_routes(app) -> list[tuple[str, str]]:
    """(method, Flask rule) for every route of the api blueprint, from the URL map."""
    routes = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint.split(".")[0] == "api":
            routes += [(method, rule.rule) for method in rule.methods - IGNORED_METHODS]
    assert routes, "the api blueprint has no routes: is it still named 'api'?"
    return sorted(routes)


def readme_form(rule: str) -> str:
    """/api/v1/articles/<int:article_id> as the README writes it: /api/v1/articles/<id>."""
    return CONVERTER.sub(lambda m: "<id>" if m[1] == "article_id" else f"<{m[1]}>", rule)


def openapi_form(rule: str) -> str:
    """/api/v1/articles/<int:article_id> as OpenAPI writes it: /api/v1/articles/{article_id}."""
    return CONVERTER.sub(lambda m: "{" + m[1] + "}", rule)


def test_every_api_route_is_in_the_readme(app):
    # `METHOD path` in backticks, the path ending there or at its query ("[?language=fr]").
    missing = [
        f"{method} {readme_form(rule)}"
        for method, rule in api_routes(app)
        if not re.search(re.escape(f"`{method} {readme_form(rule)}") + r"[`\[?]", README)
    ]
    assert missing == [], "document in README.md's HTTP API section"


def test_every_api_route_is_in_the_openapi_document(app, client):
    paths = client.get("/api/v1/openapi.json").json["paths"]
    missing = [
        f"{method} {openapi_form(rule)}"
        for method, rule in api_routes(app)
        if method.lower() not in paths.get(openapi_form(rule), {})
    ]
    assert missing == [], "describe in reader/views/openapi.py"


def test_the_openapi_document_describes_only_routes_that_exist(app, client):
    served = {
        (method.lower(), openapi_form(rule.rule))
        for rule in app.url_map.iter_rules()
        for method in rule.methods - IGNORED_METHODS
    }
    paths = client.get("/api/v1/openapi.json").json["paths"]
    stale = [
        f"{method.upper()} {path}"
        for path, operations in paths.items()
        for method in operations
        if (method, path) not in served
    ]
    assert stale == []


@pytest.mark.parametrize(
    ("rule", "readme", "openapi"),
    [
        (
            "/api/v1/articles/<int:article_id>",
            "/api/v1/articles/<id>",
            "/api/v1/articles/{article_id}",
        ),
        (
            "/api/v1/a/<int:article_id>/b/<int:position>",
            "/api/v1/a/<id>/b/<position>",
            "/api/v1/a/{article_id}/b/{position}",
        ),
    ],
)
def test_rules_are_written_as_each_document_writes_them(rule, readme, openapi):
    assert (readme_form(rule), openapi_form(rule)) == (readme, openapi)
