"""The front end's ES modules, with no build step: every import resolves, every page loads them."""

import re
from pathlib import Path

import pytest

JS = Path(__file__).resolve().parent.parent / "static" / "js"
MODULES = sorted(JS.rglob("*.js"))
IMPORT = re.compile(r'^import (?:\{([^}]*)\}|\* as \w+) from "([^"]+)";', re.M)
EXPORT = re.compile(r"^export (?:async )?(?:function|const|let) (\w+)", re.M)


def exports(path: Path) -> set[str]:
    return set(EXPORT.findall(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(JS)))
def test_every_import_names_a_module_and_what_it_exports(module):
    # A wrong name or path would only show as a console error in a browser.
    for names, target in IMPORT.findall(module.read_text(encoding="utf-8")):
        assert target.startswith("."), f"{target}: only our own modules, by relative path"
        imported = (module.parent / target).resolve()
        assert imported.is_file(), f"{module.name} imports {target}, which does not exist"
        wanted = {name.strip() for name in names.split(",") if name.strip()}
        assert wanted <= exports(imported), f"{module.name} wants {wanted - exports(imported)}"


def test_every_page_runs_the_entry_module_and_preloads_the_rest(app, client):
    html = client.get("/").get_data(as_text=True)
    # Under the static folder's fingerprint (reader/views/assets.py), relative imports included.
    static = f"/static/{app.extensions['reader.static_fingerprint']}"
    assert f'<script type="module" src="{static}/js/main.js"></script>' in html
    for module in MODULES:
        assert f'<link rel="modulepreload" href="{static}/{module.relative_to(JS.parent)}">' in html


def test_modules_are_served_as_javascript(client):
    # Browsers refuse a module script served under any other type.
    with client.get("/static/js/main.js") as response:
        assert response.mimetype in {"text/javascript", "application/javascript"}
