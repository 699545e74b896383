"""The SQLite file a server opened: noticed when it is deleted or replaced under the server."""

import logging
import os

from sqlalchemy import event
from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


class DatabaseFileChanged(RuntimeError):
    """The database file is not the one the server opened: deleted, moved or replaced."""


def watch(engine: Engine) -> None:
    """Check the SQLite file before each use of a connection and before each commit.

    An open SQLite connection goes on reading and writing a deleted file: the writes are
    acknowledged and lost at the next start. The file's device and inode, taken at the first
    connection, must still be the path's; otherwise DatabaseFileChanged (the app answers 503).
    """
    path = engine.url.database
    if not path or path == ":memory:" or path.startswith("file:"):
        return
    path = os.path.abspath(path)
    opened: list[tuple[int, int]] = []  # the file's identity, once the first connection made it

    def check(*_args) -> None:
        now = _identity(path)
        if not opened:
            if now is not None:
                opened.append(now)
            return
        if now != opened[0]:
            reason = "deleted" if now is None else "replaced"
            log.error("the database file %s was %s under the running server", path, reason)
            raise DatabaseFileChanged(f"the database file {path} was {reason}; restart the server")

    event.listen(engine, "engine_connect", check)
    event.listen(engine, "commit", check)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino
