"""Real services for the job tests: a redis-server and `reader worker` (Celery) on free ports."""

import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.helpers import free_port, reader_env

ROOT = Path(__file__).resolve().parent.parent


class Redis:
    """A redis-server of a test: its URL, and stop/start on the same port (a fault test)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                shutil.which("redis-server") or "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--dir",
                str(self.folder),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis.from_url(self.url, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.exceptions.ConnectionError:
                if self.process.poll() is not None:
                    pytest.fail(f"redis-server exited ({self.process.returncode})")
                time.sleep(0.05)
        pytest.fail("redis-server did not answer in 20 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def forget_claims(self) -> None:
        """Between tests: the claims of the last one go (the Celery queue stays as it is)."""
        import redis

        client = redis.Redis.from_url(self.url)
        keys = list(client.scan_iter("reader:claim:*"))
        if keys:
            client.delete(*keys)


@contextmanager
def redis_server(folder: Path):
    server = Redis(folder)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class Worker:
    """A `reader worker` process (Celery, prefork) of a test, with its log."""

    def __init__(self, process: subprocess.Popen, log: Path):
        self.process, self.log = process, log

    def children(self) -> list[int]:
        """The prefork children's pids (the processes that run jobs)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in path.read_text().split()]
        except FileNotFoundError:
            return []


@contextmanager
def celery_worker(data: Path, redis_url: str, concurrency: int = 2, **settings: str):
    """`reader worker` on the Redis at redis_url, run in the checkout (the tests' tasks import)."""
    data.mkdir(parents=True, exist_ok=True)
    env = reader_env(
        data,
        **{"SPEECH_ENGINE": "silent", **settings, "JOB_BACKEND": "celery", "REDIS_URL": redis_url},
    )
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    log = data / "worker.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "worker", f"--concurrency={concurrency}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    worker = Worker(process, log)
    try:
        deadline = time.monotonic() + 60
        while "ready." not in log.read_text():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"reader worker did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.1)
        yield worker
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
