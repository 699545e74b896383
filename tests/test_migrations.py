"""Alembic migrations: they agree with the models, and a release 0.1 database upgrades intact."""

import shutil
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    inspect,
    select,
    text,
)

from reader import migrations
from reader.db import make_engine
from reader.models import Article, Base
from tests import databases
from tests.helpers import add_user, make_app, reader_env, sign_in

FIRST_FEEDBACK_COLUMNS = (
    "id",
    "article_id",
    "category",
    "message",
    "email",
    "locale",
    "created_at",
)
RELEASE_DUMP = Path(__file__).resolve().parent / "data" / "release-0.1.sqlite.sql"
# Every table of release 0.1 and its row count in the dump.
RELEASE_ROWS = {
    "articles": 2,
    "blocks": 12,
    "sentences": 22,
    "users": 1,
    "feedback": 2,
    "feedback_events": 1,
    "api_tokens": 1,
    "lexicon_entries": 1,
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    """An empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'migrated.sqlite3'}"
    return databases.fresh_postgres_url()


@pytest.fixture
def engine(url):
    engine = make_engine(url)
    yield engine
    engine.dispose()


def release_metadata():
    """The tables as release 0.1 made them, from the baseline migration."""
    return migrations.scripts().get_revision("0001").module.release


def release_rows() -> dict[str, list[dict]]:
    """Every row of the release 0.1 dump, by table, typed, in id order."""
    dump = sqlite3.connect(":memory:")
    dump.executescript(RELEASE_DUMP.read_text(encoding="utf-8"))
    engine = create_engine("sqlite://", creator=lambda: dump)
    rows = rows_of(engine, release_metadata())
    engine.dispose()
    return rows


def rows_of(engine, metadata) -> dict[str, list[dict]]:
    """Every row of the release's tables, typed by the release's columns, in id order."""
    with engine.connect() as connection:
        return {
            name: [
                dict(row._mapping)
                for row in connection.execute(
                    select(metadata.tables[name]).order_by(metadata.tables[name].c.id)
                )
            ]
            for name in RELEASE_ROWS
        }


def make_release_database(engine) -> None:
    """A database as release 0.1 left it: its tables (no alembic_version) and the dump's rows."""
    if engine.dialect.name == "sqlite":
        # The dump itself, as sqlite3 wrote it (with no foreign keys checked while it loads).
        with closing(sqlite3.connect(engine.url.database)) as connection:
            connection.executescript(RELEASE_DUMP.read_text(encoding="utf-8"))
        return
    # Release 0.1 on PostgreSQL: its create_all, then the same rows, ids and all.
    metadata = release_metadata()
    metadata.create_all(engine)
    rows = release_rows()
    with engine.begin() as connection:
        for table in metadata.sorted_tables:
            connection.execute(table.insert(), rows[table.name])
            # Rows came with their ids: the sequence goes on after them, as it had.
            connection.execute(
                text(f"SELECT setval('{table.name}_id_seq', (SELECT max(id) FROM {table.name}))")
            )


def schema_of(engine) -> dict:
    """Every table's columns (name, type, nullable), keys, uniques and indexes, as reflected."""
    inspector = inspect(engine)
    return {
        table: (
            [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
            inspector.get_pk_constraint(table)["constrained_columns"],
            sorted(
                (fk["constrained_columns"], fk["referred_table"], fk["options"].get("ondelete"))
                for fk in inspector.get_foreign_keys(table)
            ),
            sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(table)),
            sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(table)),
        )
        for table in sorted(inspector.get_table_names())
    }


def test_the_migrations_make_the_tables_the_models_describe(engine, url):
    before, after = migrations.upgrade(engine, replay=True)  # every migration, one by one
    assert (before, after) == (None, migrations.head())
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    # An empty database is made from the models at once: the same tables, keys and indexes.
    fresh = make_engine(databases.fresh_postgres_url() if "postgresql" in url else url + "2")
    assert migrations.upgrade(fresh) == (None, migrations.head())
    assert schema_of(fresh) == schema_of(engine)
    fresh.dispose()


def test_upgrading_a_database_already_at_the_newest_does_nothing(engine):
    migrations.upgrade(engine)
    assert migrations.upgrade(engine) == (migrations.head(), migrations.head())


def test_a_release_database_upgrades_without_losing_a_row(engine, url, tmp_path):
    make_release_database(engine)
    metadata = release_metadata()
    before = rows_of(engine, metadata)
    assert {name: len(rows) for name, rows in before.items()} == RELEASE_ROWS
    assert before == release_rows()
    assert migrations.current(engine) is None

    upgrade = subprocess.run(
        [sys.executable, "-m", "reader", "db", "upgrade"],
        env=reader_env(tmp_path, DATABASE_URL=url),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert upgrade.returncode == 0, upgrade.stderr
    assert f"to {migrations.head()}" in upgrade.stdout
    assert migrations.current(engine) == migrations.head()
    assert rows_of(engine, metadata) == before
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_the_app_goes_on_with_an_upgraded_release_database(engine, url, tmp_path):
    make_release_database(engine)
    app = make_app(tmp_path, DATABASE_URL=url)  # it migrates as it starts
    assert migrations.current(engine) == migrations.head()
    user, _token = add_user(app, "ed", "editor")
    client = app.test_client()
    sign_in(client, user)
    page = client.get("/admin/feedback").get_data(as_text=True)
    # The report from before statuses existed reads as new; the other kept its own.
    assert "旧い報告" in page and 'data-status="new"' in page
    assert client.get("/feedback/status?ids=1,2").json == {
        "statuses": {"1": "in_progress", "2": "new"}
    }
    assert client.get("/articles/1").status_code == 200
    response = client.post("/api/v1/articles", json={"text": "Ein Titel\nEin neuer Text."})
    assert response.status_code == 201 and response.json["id"] == 3
    app.extensions["reader.speech"].shutdown()


def test_an_older_feedback_table_gets_the_sentence_report_columns(engine, url, tmp_path):
    old = release_metadata()
    # The feedback table of the first release: no sentence reports yet, no status.
    first = Table(
        "feedback",
        MetaData(),
        *(
            Column(column.name, column.type, primary_key=column.primary_key)
            for column in old.tables["feedback"].columns
            if column.name in FIRST_FEEDBACK_COLUMNS
        ),
    )
    first.create(engine)
    with engine.begin() as connection:
        connection.execute(
            first.insert(),
            {"category": "pronunciation", "message": "old row", "created_at": datetime(2024, 1, 1)},
        )
    migrations.upgrade(engine)
    columns = {column["name"] for column in inspect(engine).get_columns("feedback")}
    assert {column.name for column in old.tables["feedback"].columns} <= columns
    app = make_app(tmp_path, DATABASE_URL=url)
    user, _token = add_user(app, "ed", "editor")
    client = app.test_client()
    sign_in(client, user)
    page = client.get("/admin/feedback").get_data(as_text=True)
    assert "old row" in page and 'data-status="new"' in page
    app.extensions["reader.speech"].shutdown()


def test_a_migration_that_copies_a_table_on_sqlite_keeps_the_rows_pointing_at_it(
    engine, url, monkeypatch
):
    # SQLite alters a table by copying it and dropping the old one; with foreign keys on, the
    # drop would delete every feedback_events row (ON DELETE CASCADE). A migration of the
    # feedback table, run the way every migration runs:
    make_release_database(engine)
    migrations.upgrade(engine)

    def alter_feedback(config, _revision):
        connection = config.attributes["connection"]
        copy = "always" if connection.dialect.name == "sqlite" else "auto"
        operations = Operations(MigrationContext.configure(connection))
        with operations.batch_alter_table("feedback", recreate=copy) as batch:
            batch.alter_column("word", type_=Text(), existing_type=String(200))

    monkeypatch.setattr(migrations.command, "upgrade", alter_feedback)
    migrations.upgrade(engine, "0001")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM feedback_events")).scalar() == 1
        assert connection.execute(text("SELECT count(*) FROM feedback")).scalar() == 2
        if engine.dialect.name == "sqlite":
            # And foreign keys are on again afterwards, for the app's own connections.
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.postgres
def test_ids_past_two_to_the_31_fit_on_postgresql(tmp_path):
    url = databases.fresh_postgres_url()
    app = make_app(tmp_path, DATABASE_URL=url)
    with app.extensions["reader.db"]() as session:
        session.add(Article(id=2**31 + 7, fingerprint="f" * 64, title="Loin", timezone="UTC"))
        session.commit()
        assert session.scalar(select(Article.id).where(Article.title == "Loin")) == 2**31 + 7
    with app.extensions["reader.engine"].connect() as connection:
        sequence = connection.execute(
            text("SELECT data_type FROM information_schema.sequences WHERE sequence_name = :n"),
            {"n": "sentences_id_seq"},
        ).scalar()
    assert sequence == "bigint"


@pytest.mark.postgres
def test_servers_starting_together_migrate_once_on_postgresql():
    url = databases.fresh_postgres_url()
    engines = [make_engine(url) for _ in range(4)]
    results, barrier = [], threading.Barrier(len(engines))

    def start(engine):
        barrier.wait()
        results.append(migrations.upgrade(engine))

    threads = [threading.Thread(target=start, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for engine in engines:
        engine.dispose()
    head = migrations.head()
    assert len(results) == len(engines)
    # One migrated from nothing; the others found it done (or waited on the lock, then did).
    assert all(after == head for _before, after in results)
    assert sum(before is None for before, after in results) >= 1


def test_db_current_says_where_the_database_stands(tmp_path):
    env = reader_env(tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'cli.sqlite3'}")

    def reader(*args):
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout

    assert reader("db", "current").startswith("none")  # `reader db` does not migrate first
    assert (
        reader("db", "upgrade", "0001") == "Database upgraded from release 0.1 or empty to 0001.\n"
    )
    assert reader("db", "current") == f"0001 (newest is {migrations.head()})\n"
    assert reader("db", "upgrade").endswith(f"to {migrations.head()}.\n")
    assert reader("db", "current") == f"{migrations.head()} (newest)\n"


def test_a_new_table_in_the_models_gets_a_migration_written_for_it(engine, tmp_path):
    # What a developer runs after changing models.py: `reader db revision "bookmarks"`.
    location = tmp_path / "migrations"
    shutil.copytree(migrations.HERE, location, ignore=shutil.ignore_patterns("__pycache__"))
    claims = Table(
        "bookmarks",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("article_key", String(64), nullable=False, unique=True),
    )
    try:
        path = migrations.write_revision("bookmarks", location=location)
    finally:
        Base.metadata.remove(claims)
    number = int(migrations.head()) + 1
    assert path.name == f"v{number:04d}_bookmarks.py"
    written = path.read_text(encoding="utf-8")
    assert f"down_revision = {migrations.head()!r}" in written
    assert "op.create_table(" in written and "bookmarks" in written
    assert "drop_table" in written  # its downgrade
    before, after = migrations.upgrade(engine, location=location)
    assert (before, after) == (None, f"{number:04d}")
    assert "article_key" in {c["name"] for c in inspect(engine).get_columns("bookmarks")}
