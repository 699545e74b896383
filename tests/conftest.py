"""Shared fixtures: a fresh app per test (tmp_path database and cache), articles by language."""

from pathlib import Path

import pytest

from reader import create_app
from reader.library import articles
from reader.library.importer import draft_from_path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SHARED_SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed-article.txt"


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
