"""The README stays honest: two commands first, every setting documented."""

from pathlib import Path

from reader.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    commands = [line.split("#")[0].strip() for line in README.splitlines()[1:5] if "make" in line]
    assert commands == ["make run", "make test"]


def test_every_setting_is_documented():
    missing = [s.env_var for s in SETTINGS if f"`{s.env_var}`" not in README]
    assert missing == []


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert "make test" in ci
