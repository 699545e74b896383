"""A bare `pytest` skips a tier whose tool is missing; `make test` fails instead."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import CHROMIUM, missing_tool

ROOT = Path(__file__).resolve().parent.parent
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def found(name):
    return f"/usr/bin/{name}"


@pytest.mark.parametrize(
    ("marker", "which", "exists", "importable", "missing"),
    [
        ("espeak", found, True, True, None),
        ("espeak", lambda name: None, True, True, "espeak-ng"),
        ("browser", found, True, True, None),
        ("browser", found, False, True, "chromium"),
        ("browser", found, True, False, "playwright"),
        ("browser", lambda name: None, True, True, "espeak-ng"),
        ("redis", found, True, True, None),
        ("redis", lambda name: None, True, True, "redis-server"),
        ("slow", lambda name: None, False, False, None),
    ],
)
def test_each_tier_names_the_tool_it_misses(marker, which, exists, importable, missing):
    reason = missing_tool(
        marker,
        which=which,
        exists=lambda path: exists and path == CHROMIUM,
        find_spec=lambda name: object() if importable else None,
    )
    assert (reason is None) if missing is None else (missing in reason)


def run_espeak_test_without_espeak(tmp_path, **env):
    """One espeak test, with a PATH where espeak-ng cannot be found."""
    environ = {**os.environ, "PATH": str(tmp_path)}
    environ.pop("READER_REQUIRE_ALL_TIERS", None)
    environ.update(env)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/speech/engines/test_espeak.py::test_listing_voices_does_not_take_the_engine_away",
        ],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_without_espeak_a_bare_pytest_skips_and_make_test_fails(tmp_path):
    bare = run_espeak_test_without_espeak(tmp_path)
    assert bare.returncode == 0, bare.stdout
    assert "1 skipped" in bare.stdout and "espeak-ng is not installed" in bare.stdout
    required = run_espeak_test_without_espeak(tmp_path, READER_REQUIRE_ALL_TIERS="1")
    assert required.returncode == 1, required.stdout
    # Failed in setup: pytest counts it as an error, with the reason.
    assert "1 error" in required.stdout and "READER_REQUIRE_ALL_TIERS is set" in required.stdout


def test_make_test_requires_every_tier():
    test_target = MAKEFILE.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "READER_REQUIRE_ALL_TIERS=1 $(VENV)/pytest" in test_target


def test_the_postgres_tier_names_the_variable_it_misses(monkeypatch):
    monkeypatch.delenv("READER_TEST_POSTGRES_URL", raising=False)
    assert "READER_TEST_POSTGRES_URL is not set" in missing_tool("postgres")
    monkeypatch.setenv("READER_TEST_POSTGRES_URL", "postgresql+psycopg://reader@127.0.0.1/x")
    assert missing_tool("postgres") is None


def test_make_test_runs_the_storage_view_and_job_tests_on_postgresql_too():
    test_target = MAKEFILE.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/with-postgres.sh" in test_target and "test-postgres-again" in test_target
    again = MAKEFILE.split("\ntest-postgres-again:", 1)[1].split("\n\n", 1)[0]
    assert "--db=postgres" in again and "$(POSTGRES_TESTS)" in again
    for suite in ("tests/library", "tests/views", "tests/speech/test_jobs.py"):
        assert suite in MAKEFILE.split("POSTGRES_TESTS :=", 1)[1].split("\n\n", 1)[0]
