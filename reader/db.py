"""The database: one SQLAlchemy engine and session factory per app, SQLite (WAL) by default."""

from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask import Flask, current_app, g
from sqlalchemy import Connection, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from reader import db_file, migrations
from reader.library.search.index import keep_in_sync
from reader.library.search.schema import create_search_index


def make_engine(url: str, pool_size: int | None = None) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout.

    `pool_size`: the connections kept open, at least as many as the threads that use them at
    once (SQLAlchemy's default is five): past it, each further connection is opened and
    closed again for one use, and under load that churn cost the reading page a third of
    its throughput in the phases when eight threads of a web worker queried together.
    """
    pooling = {} if pool_size is None else {"pool_size": pool_size, "max_overflow": pool_size}
    if url.startswith("sqlite"):
        # No statement cache in the sqlite3 module: a cached statement is shared by every
        # cursor that runs the same SQL on a connection, and a finished cursor collected by
        # the garbage collector in another thread reset it under the cursor reading from it,
        # which crashed web workers (SIGSEGV) under load. Preparing a statement costs ~10 us.
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False, "cached_statements": 0},
            **pooling,
        )
        event.listen(engine, "connect", _configure_sqlite)
        db_file.watch(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, **pooling)


def _configure_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers go on while a writer commits; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    # SQLite's lower() folds ASCII only, so a case-blind search (ilike) missed "Київ" for
    # "київ"; Python's folds every script, as PostgreSQL's ILIKE does.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def create_schema(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database to the newest schema with the migrations; (before, after) revisions.

    An empty database gets every table; one from before the migrations keeps its rows.
    """
    before, after = migrations.upgrade(engine, revision)
    if after == migrations.head():
        # The search index is derived data, rebuilt from the articles whenever it is missing,
        # and its tables differ by database (FTS5, tsvector): made here, beside the migrations.
        create_search_index(engine)
    return before, after


def get_session() -> Session:
    """The request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["reader.db"]()
    return g.db_session


@contextmanager
def connection() -> Iterator[Connection]:
    """A pooled connection for one quick read, outside the request's session (a quarter of
    a session's cost: for the hottest checks, the reading page's)."""
    with current_app.extensions["reader.engine"].connect() as opened:
        yield opened


def _close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def init_app(app: Flask) -> None:
    """Bind an engine and session factory to the app, migrate (by setting), add `init-db`."""
    # Each web thread may hold a connection and its request's session at once; a few more for
    # the background threads (the render claims' follower).
    engine = make_engine(app.config["DATABASE_URL"], 2 * app.config["WEB_THREADS"] + 4)
    if app.config["MIGRATE_ON_START"]:
        create_schema(engine)
    app.extensions["reader.engine"] = engine
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    keep_in_sync(sessions)  # every session's flush keeps the search index in step
    app.extensions["reader.db"] = sessions
    app.teardown_appcontext(_close_session)
    app.cli.add_command(init_db_command)


@click.command("init-db")
def init_db_command() -> None:
    """Create the database tables, or bring them to the newest schema."""
    create_schema(current_app.extensions["reader.engine"])
    click.echo("Database ready.")
