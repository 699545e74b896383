"""The layers: imports go one way, views -> services (library, speech, feedback) -> models/config.

Every module under reader/ is parsed with ast; every import counts, also those inside functions.
"""

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reader"

SERVICES = ("reader.library", "reader.speech", "reader.feedback", "reader.auth", "reader.lexicon")
# Below the services: what they may import, and which imports none of them.
FOUNDATION = ("reader.text", "reader.models", "reader.config", "reader.once", "reader.memo")
WEB_PACKAGES = ("flask", "flask_babel", "flask_wtf", "werkzeug", "wtforms")
# The web edge: the only modules outside reader.views that may import Flask and its kin.
# reader: create_app; reader.cli: the command line around the app; reader.errors: the error
# pages and JSON errors; reader.i18n: Flask-Babel's locale selector; reader.db: the request's
# session (flask.g) and the init-db command.
WEB_EDGE = {"reader", "reader.cli", "reader.errors", "reader.i18n", "reader.db"}
# Scripts, not modules: importing one runs it (Alembic runs env.py and loads the versions).
NOT_IMPORTABLE = {"reader.__main__", "reader.migrations.env"}
MIGRATION_SCRIPTS = "reader.migrations.versions."


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def in_layer(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def imported_names(module: str, path: Path) -> set[str]:
    """Every module name this one imports, at any depth; a from-import names the submodule."""
    is_package = path.name == "__init__.py"
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".") if is_package else module.split(".")[:-1]
                package = package[: len(package) - (node.level - 1)]
                base = ".".join([*package, base] if base else package)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def reader_module(name: str) -> str | None:
    """The reader module an imported name refers to (the longest that exists), or None."""
    known = modules()
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


@cache
def graph() -> dict[str, set[str]]:
    """Module -> the reader modules it imports.

    `from reader.views import present` is an edge to reader.views.present only: the parent
    package's own imports are not this module's (they would make every package a cycle).
    """
    edges = {}
    for module, path in modules().items():
        targets = set()
        for name in imported_names(module, path):
            target = reader_module(name)
            if target is None or target == module:
                continue
            targets.add(target)
        # Drop a package when a submodule of it was named in the same import.
        edges[module] = {
            t for t in targets if not any(o.startswith(t + ".") for o in targets if o != t)
        }
    return edges


def external_imports(module: str) -> set[str]:
    return {
        name.split(".")[0]
        for name in imported_names(module, modules()[module])
        if reader_module(name) is None
    }


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as [a, b, ..., a], or None."""
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def imports_of(prefix: str, target_prefix: str) -> list[str]:
    return sorted(
        f"{module} imports {target}"
        for module, targets in graph().items()
        if in_layer(module, prefix)
        for target in targets
        if in_layer(target, target_prefix)
    )


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    assert "reader.views.api" in graph()["reader.views"]  # inside register_blueprints
    assert "reader.views" in graph()["reader"]  # inside create_app
    assert "reader.speech.service" in graph()["reader.speech"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles_among_reader_modules():
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_only_the_views_and_the_web_edge_import_flask():
    web = sorted(
        f"{module} imports {', '.join(sorted(external_imports(module) & set(WEB_PACKAGES)))}"
        for module in modules()
        if external_imports(module) & set(WEB_PACKAGES)
        and not in_layer(module, "reader.views")
        and module not in WEB_EDGE
    )
    assert web == []


def test_services_do_not_import_the_web_edge():
    # Importing reader.db or reader.errors would bring Flask into a service.
    found = [
        line
        for service in SERVICES
        for edge in sorted(WEB_EDGE - {"reader"})
        for line in imports_of(service, edge)
    ]
    found += [
        f"{module} imports reader"
        for module, targets in graph().items()
        if any(in_layer(module, service) for service in SERVICES) and "reader" in targets
    ]
    assert found == []


def test_library_and_speech_do_not_import_each_other():
    assert imports_of("reader.library", "reader.speech") == []
    assert imports_of("reader.speech", "reader.library") == []


def test_no_service_imports_the_views():
    assert [line for service in SERVICES for line in imports_of(service, "reader.views")] == []


IMPORT_EACH_ALONE = """
import importlib, sys, traceback
root, names = sys.argv[1], sys.argv[2:]
failed = []
for name in names:
    for loaded in [m for m in sys.modules if m == "reader" or m.startswith("reader.")]:
        del sys.modules[loaded]
    try:
        module = importlib.import_module(name)
        assert module.__file__.startswith(root), f"{name} came from {module.__file__}"
    except BaseException:
        failed.append(name + ": " + traceback.format_exc(limit=-3))
print("\\n".join(failed))
sys.exit(1 if failed else 0)
"""


def test_every_module_imports_alone():
    """Each reader module as the first reader import of a process, as `python -c "import X"`.

    One interpreter for all, with every reader module dropped from sys.modules before each:
    third-party libraries stay loaded (they import no reader module), so this takes seconds.
    """
    names = sorted(
        name for name in set(modules()) - NOT_IMPORTABLE if not name.startswith(MIGRATION_SCRIPTS)
    )
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EACH_ALONE, str(PACKAGE), *names],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_foundation_imports_no_service_and_no_view():
    found = [
        line
        for lower in FOUNDATION
        for upper in (*SERVICES, "reader.views")
        for line in imports_of(lower, upper)
    ]
    assert found == []
