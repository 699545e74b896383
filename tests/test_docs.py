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


def test_every_default_in_the_readme_is_the_settings_default():
    wrong = {}
    for setting in SETTINGS:
        if setting.default == "":
            continue  # described in words: "instance folder", "random, kept in `DATA_DIR`"
        row = next(
            line for line in README.splitlines() if line.startswith(f"| `{setting.env_var}`")
        )
        default = setting.default
        if isinstance(default, bool):
            shown = str(default).lower()
        elif isinstance(default, float):
            shown = f"{default:g}"
        else:
            shown = str(default)
        if row.split("|")[2].strip() != f"`{shown}`":
            wrong[setting.env_var] = shown
    assert wrong == {}


def test_the_api_section_states_the_default_bit_rates():
    from reader.config import DEFAULT_MP3_BITRATE, DEFAULT_OPUS_BITRATE

    assert f"({DEFAULT_OPUS_BITRATE} kbit/s; MP3 at {DEFAULT_MP3_BITRATE} kbit/s" in README


def test_the_tests_section_names_a_real_test_and_the_tier_variable():
    import re

    (example,) = re.findall(r"pytest (tests/\S+\.py)::(\w+)", README)
    path = Path(__file__).resolve().parent.parent / example[0]
    assert f"def {example[1]}(" in path.read_text(encoding="utf-8")
    assert "`READER_REQUIRE_ALL_TIERS=1`" in README
    for marker in ("espeak", "browser", "slow"):
        assert f"`{marker}`" in README
