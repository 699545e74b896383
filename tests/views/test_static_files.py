"""Static files: fingerprinted URLs cached for a year, plain URLs briefly, imports that resolve."""

import re
from pathlib import Path
from urllib.parse import urljoin

from reader.views.assets import IMMUTABLE, fingerprint

IMPORT = re.compile(r"""^\s*import\s[^'"]*['"](\.[^'"]+)['"]""", re.M)


def page_static_urls(client, path: str) -> list[str]:
    html = client.get(path).get_data(as_text=True)
    return re.findall(r'(?:href|src|data-artwork-[a-z]+)="(/static/[^"]+)"', html)


def test_pages_name_static_files_by_their_fingerprint(app, client, german_article):
    version = app.extensions["reader.static_fingerprint"]
    urls = page_static_urls(client, f"/articles/{german_article.id}")
    assert f"/static/{version}/reader.css" in urls and f"/static/{version}/js/main.js" in urls
    assert all(url.startswith(f"/static/{version}/") for url in urls), urls
    for url in urls:
        with client.get(url) as response:
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == IMMUTABLE


def test_every_relative_module_import_resolves_under_the_same_fingerprint(app, client):
    """ES modules import each other by relative URL: the fingerprint prefix carries over."""
    version = app.extensions["reader.static_fingerprint"]
    pending, seen = [f"/static/{version}/js/main.js"], set()
    while pending:
        url = pending.pop()
        if url in seen:
            continue
        seen.add(url)
        with client.get(url) as response:
            assert response.status_code == 200, url
            assert response.headers["Cache-Control"] == IMMUTABLE
            source = response.get_data(as_text=True)
        pending += [urljoin(url, target) for target in IMPORT.findall(source)]
    static_js = Path(app.static_folder) / "js"
    assert len(seen) == len(list(static_js.rglob("*.js")))  # every module reached from main.js


def test_plain_and_stale_urls_still_work_with_short_caching(client):
    with client.get("/static/reader.css") as plain:
        assert plain.status_code == 200 and plain.headers["Cache-Control"] == "public, max-age=300"
    # A page cached before a deploy asks for the old fingerprint: it gets today's file, briefly.
    with client.get("/static/000000000000/reader.css") as stale:
        assert stale.status_code == 200 and stale.headers["Cache-Control"] == "public, max-age=300"
    with client.get("/static/000000000000/../secret_key") as traversal:
        assert traversal.status_code == 404


def test_the_fingerprint_changes_with_any_file(tmp_path):
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "a.js").write_text("export const a = 1;")
    first = fingerprint(tmp_path)
    assert fingerprint(tmp_path) == first and re.fullmatch(r"[0-9a-f]{12}", first)
    (tmp_path / "js" / "a.js").write_text("export const a = 2;")
    assert fingerprint(tmp_path) != first
