"""Shared fixtures: a fresh app per test (tmp_path database and cache), articles by language."""

import os

import pytest

from tests import databases
from tests.helpers import (
    REQUIRE_ALL_TIERS,
    add_user,
    close_apps,
    load_seed,
    make_app,
    missing_tool,
    sign_in,
)


def all_tiers_required() -> bool:
    return os.environ.get(REQUIRE_ALL_TIERS, "") not in {"", "0"}


def pytest_addoption(parser):
    parser.addoption(
        "--db",
        choices=databases.BACKENDS,
        default="sqlite",
        help="where each test app keeps its data: SQLite in tmp_path (default), or a fresh "
        f"schema in the PostgreSQL database ${databases.POSTGRES_URL_VAR} names",
    )


def pytest_configure(config):
    backend = config.getoption("--db")
    if backend == "postgres" and databases.postgres_url() is None:
        raise pytest.UsageError(
            f"--db=postgres needs {databases.POSTGRES_URL_VAR}: "
            "run it under scripts/with-postgres.sh"
        )
    databases.use_backend(backend)


def pytest_report_header(config):
    return f"test database: {databases.backend()}"


def pytest_sessionfinish(session):
    databases.drop_schemas()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A bare `pytest` skips a tier whose tool is missing; with READER_REQUIRE_ALL_TIERS=1, fail."""
    for marker in ("espeak", "browser", "neural", "postgres", "redis"):
        if item.get_closest_marker(marker) is None:
            continue
        reason = missing_tool(marker)
        if reason is None:
            continue
        if all_tiers_required():
            pytest.fail(f"{marker} test, but {reason}; {REQUIRE_ALL_TIERS} is set", pytrace=False)
        pytest.skip(f"{marker} test: {reason}")


@pytest.fixture(scope="session")
def kokoro_model_dir(tmp_path_factory):
    """One folder for the Kokoro model, assembled once for all the session's tests (92 MB)."""
    return tmp_path_factory.mktemp("kokoro-models")


@pytest.fixture
def app(tmp_path):
    app = make_app(tmp_path)
    yield app
    app.extensions["reader.speech"].shutdown()


@pytest.fixture(autouse=True)
def _close_test_apps():
    """Each app's pooled connections close with its test, not when the collector finds them."""
    yield
    close_apps()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def editor(app):
    """A stored editor; the token is on `editor.token`."""
    user, token = add_user(app, "editor", "editor")
    user.token = token
    return user


@pytest.fixture
def editor_client(app, editor):
    """A client signed in as an editor."""
    client = app.test_client()
    sign_in(client, editor)
    return client


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def session(app):
    with app.extensions["reader.db"]() as session:
        yield session


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
