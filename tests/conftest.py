"""Shared fixtures: a fresh app per test (tmp_path database and cache), articles by language."""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

from reader import create_app
from reader.library import articles
from reader.library.importer import draft_from_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SHARED_SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed-article.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# `make test` (and so CI) sets it: a tier whose tool is missing then fails instead of skipping.
REQUIRE_ALL_TIERS = "READER_REQUIRE_ALL_TIERS"
INSTALL_HINT = "`make test` installs it"


def missing_tool(marker: str, which=shutil.which, exists=os.path.exists, find_spec=None):
    """Why the tier a marker names cannot run here, or None when its tools are installed."""
    find_spec = find_spec or importlib.util.find_spec
    if marker in {"espeak", "browser"} and which("espeak-ng") is None:
        # The browser tests listen too: their server speaks with the real engine.
        return f"espeak-ng is not installed ({INSTALL_HINT})"
    if marker == "browser":
        if not exists(CHROMIUM):
            return f"chromium is not at {CHROMIUM} ({INSTALL_HINT})"
        if find_spec("playwright") is None:
            return f"playwright is not importable ({INSTALL_HINT}: pip install -e '.[test]')"
    return None


def all_tiers_required() -> bool:
    return os.environ.get(REQUIRE_ALL_TIERS, "") not in {"", "0"}


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A bare `pytest` skips a tier whose tool is missing; with READER_REQUIRE_ALL_TIERS=1, fail."""
    for marker in ("espeak", "browser"):
        if item.get_closest_marker(marker) is None:
            continue
        reason = missing_tool(marker)
        if reason is None:
            continue
        if all_tiers_required():
            pytest.fail(f"{marker} test, but {reason}; {REQUIRE_ALL_TIERS} is set", pytrace=False)
        pytest.skip(f"{marker} test: {reason}")


def make_app(tmp_path, **overrides):
    config = {
        "TESTING": True,
        "DATA_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite3'}",
        "SECRET_KEY": "test",
        "SPEECH_ENGINE": "silent",
        "SPEECH_WORKERS": 0,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    yield app
    app.extensions["reader.speech"].shutdown()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    with app.extensions["reader.db"]() as session:
        yield session


def load_seed(session, prefix: str):
    """Store the seed file whose name starts with the prefix ("01-fr")."""
    (path,) = SEEDS.glob(f"{prefix}-*.txt")
    article, _ = articles.store_article(session, draft_from_path(path))
    return article


@pytest.fixture
def french_article(session):
    return load_seed(session, "01-fr")


@pytest.fixture
def german_article(session):
    return load_seed(session, "02-de")


@pytest.fixture
def english_article(session):
    return load_seed(session, "03-en")


@pytest.fixture
def arabic_article(session):
    return load_seed(session, "07-ar")


@pytest.fixture
def japanese_article(session):
    return load_seed(session, "08-ja")
