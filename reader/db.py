"""The database: one SQLAlchemy engine and session factory per app, SQLite (WAL) by default."""

import click
from flask import Flask, current_app, g
from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from reader.library.search.index import keep_in_sync
from reader.library.search.schema import create_search_index
from reader.models import Base


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(dbapi_connection, _record) -> None:
    # WAL lets readers go on while a writer commits; foreign keys are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_schema(engine: Engine) -> None:
    """Create every table that does not exist yet, add the nullable columns it lacks, and the
    full-text search tables (indexing the articles stored before search existed)."""
    Base.metadata.create_all(engine)
    add_missing_columns(engine)
    create_search_index(engine)


def add_missing_columns(engine: Engine) -> list[str]:
    """ALTER TABLE ADD COLUMN for each nullable column a table made by an older version lacks.

    Idempotent: a column that exists is left alone. Only nullable columns are added (with no
    default in the database, so old rows read as NULL); anything else needs a real migration.
    Returns "table.column" for each column added.
    """
    inspector = inspect(engine)
    existing_tables = set(inspector.get_table_names())
    added = []
    with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name not in existing_tables:
                continue
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name in present:
                    continue
                if not column.nullable:
                    raise RuntimeError(f"{table.name}.{column.name} is new and not nullable")
                kind = column.type.compile(dialect=engine.dialect)
                preparer = engine.dialect.identifier_preparer
                connection.exec_driver_sql(
                    f"ALTER TABLE {preparer.quote(table.name)} "
                    f"ADD COLUMN {preparer.quote(column.name)} {kind}"
                )
                added.append(f"{table.name}.{column.name}")
    return added


def get_session() -> Session:
    """The request's session, opened on first use and closed at teardown."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["reader.db"]()
    return g.db_session


def _close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


def init_app(app: Flask) -> None:
    """Bind an engine and session factory to the app, create tables, add `init-db`."""
    engine = make_engine(app.config["DATABASE_URL"])
    create_schema(engine)
    app.extensions["reader.engine"] = engine
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    keep_in_sync(sessions)  # every session's flush keeps the search index in step
    app.extensions["reader.db"] = sessions
    app.teardown_appcontext(_close_session)
    app.cli.add_command(init_db_command)


@click.command("init-db")
def init_db_command() -> None:
    """Create the database tables."""
    create_schema(current_app.extensions["reader.engine"])
    click.echo("Database ready.")
