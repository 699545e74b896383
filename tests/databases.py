"""The database of a test app: SQLite in its tmp_path, or with --db=postgres a fresh schema."""

import os
import uuid

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

# `scripts/with-postgres.sh` (run by `make test`) sets it: an empty database the tests may use.
POSTGRES_URL_VAR = "READER_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgres")


class _Chosen:
    backend = "sqlite"  # --db, set once by conftest.pytest_configure
    schemas: list[str] = []  # made by this process, dropped at the end of the session
    admin = None


def use_backend(name: str) -> None:
    assert name in BACKENDS, name
    _Chosen.backend = name


def backend() -> str:
    return _Chosen.backend


def postgres_url() -> str | None:
    """The test PostgreSQL database, or None when there is none."""
    return os.environ.get(POSTGRES_URL_VAR) or None


def _admin():
    if _Chosen.admin is None:
        _Chosen.admin = create_engine(postgres_url(), poolclass=NullPool)
    return _Chosen.admin


def fresh_postgres_url() -> str:
    """A new, empty schema in the test database, as the URL of connections that use it.

    A schema per app is as good as a database per app (every table name the app uses is
    unqualified) and takes milliseconds to make, where CREATE DATABASE takes a checkpoint.
    """
    name = f"t_{uuid.uuid4().hex[:16]}"
    with _admin().begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{name}"'))
    _Chosen.schemas.append(name)
    url = make_url(postgres_url()).update_query_dict({"options": f"-csearch_path={name}"})
    return url.render_as_string(hide_password=False)


def database_url(tmp_path) -> str:
    """Where a test app keeps its data: the backend --db chose, fresh for each app."""
    if _Chosen.backend == "postgres":
        return fresh_postgres_url()
    return f"sqlite:///{tmp_path / 'test.sqlite3'}"


def drop_schemas() -> None:
    """Drop the schemas this process made (the throwaway cluster goes anyway; a kept one not)."""
    if not _Chosen.schemas:
        return
    for name in _Chosen.schemas:
        try:
            with _admin().begin() as connection:
                # An app a test left in a transaction must not hold the session's end up.
                connection.execute(text("SET LOCAL lock_timeout = '5s'"))
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        except DBAPIError:
            pass  # still locked: it goes with the cluster
    _Chosen.schemas.clear()
    _Chosen.admin.dispose()
