"""The schema's versions: Alembic migrations brought to a database, and where one stands."""

import tempfile
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import Connection, Engine

from reader.models import Base

HERE = Path(__file__).resolve().parent
# Any number, the same in every process: PostgreSQL lets one of them migrate at a time.
ADVISORY_LOCK = 0x72656164


def config(connection: Connection | None = None, location: Path = HERE) -> Config:
    """Alembic's configuration: the scripts in `location`, run on the connection given."""
    settings = Config()
    settings.set_main_option("script_location", str(location))
    # v0001_baseline.py: a module name may not start with a digit.
    settings.set_main_option("file_template", "v%%(rev)s_%%(slug)s")
    settings.attributes["connection"] = connection
    return settings


def scripts(location: Path = HERE) -> ScriptDirectory:
    """The migration scripts, in versions/."""
    return ScriptDirectory.from_config(config(location=location))


@cache
def head() -> str:
    """The newest revision (there is one head: the migrations are a line)."""
    return scripts().get_current_head()


def current(engine: Engine) -> str | None:
    """The database's revision; None for an empty database or one from before Alembic."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(
    engine: Engine, revision: str = "head", location: Path = HERE, replay: bool = False
) -> tuple[str | None, str | None]:
    """Bring the database to the revision; return (before, after).

    An empty database gets every table at once, as the models describe them, and is marked
    newest: what replaying every migration makes (tests/test_migrations.py replays them and
    compares), at a fraction of the cost; `replay` replays them anyway. A database from
    release 0.1 (tables, but no alembic_version) is completed in place by the baseline and
    then migrated, keeping its rows. Checked first without a lock, so a database already
    there costs one query.
    """
    before = current(engine)
    newest = head() if location == HERE else scripts(location).get_current_head()
    target = newest if revision == "head" else revision
    if before == target:
        return before, before
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # SQLite alters a table by copying it and dropping the old one, and a drop with
            # foreign keys on deletes the rows that point at it (ON DELETE CASCADE): off while
            # migrating. The pragma only takes effect outside a transaction, hence the commit.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            with connection.begin():
                if connection.dialect.name == "postgresql":
                    # Servers starting together: one migrates, the others wait, then find
                    # it done.
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": ADVISORY_LOCK}
                    )
                settings = config(connection, location)
                fresh = not inspect(connection).get_table_names()
                if fresh and revision == "head" and location == HERE and not replay:
                    Base.metadata.create_all(connection)
                    command.stamp(settings, "head")
                else:
                    command.upgrade(settings, revision)
                after = MigrationContext.configure(connection).get_current_revision()
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
    return before, after


def write_revision(message: str, location: Path = HERE) -> Path:
    """Write versions/vNNNN_<message>.py: what the models have that the migrations lack.

    Alembic compares the models with a scratch SQLite database brought to the newest
    revision; read the file it writes before committing it (a rename reads as drop and add).
    """
    with tempfile.TemporaryDirectory() as scratch:
        engine = create_engine(f"sqlite:///{scratch}/scratch.sqlite3")
        try:
            upgrade(engine, location=location, replay=True)
            number = int(scripts(location).get_current_head()) + 1
            with engine.begin() as connection:
                script = command.revision(
                    config(connection, location),
                    message=message,
                    autogenerate=True,
                    rev_id=f"{number:04d}",
                )
        finally:
            engine.dispose()
    return Path(script.path)
