"""The reader command: seed (idempotent), import, prune, feedback-export, voices list."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import MALFORMED_SEED_HEADERS, SEEDS, SHARED_SEED


def reader(tmp_path, *args, check=True, **settings):
    env = {**os.environ, "READER_DATA_DIR": str(tmp_path), "READER_SPEECH_ENGINE": "silent"}
    env.update({f"READER_{name}": value for name, value in settings.items()})
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        env=env,
        capture_output=True,
        text=True,
        check=check,
    )


def test_seed_is_idempotent(tmp_path):
    first = reader(tmp_path, "seed")
    assert "10 new article(s)" in first.stdout
    again = reader(tmp_path, "seed")
    assert "0 new article(s), 10 already there" in again.stdout


def test_import_the_verbatim_seed_page(tmp_path):
    if not SHARED_SEED.exists():
        pytest.skip("shared/seed-article.txt is not beside this checkout")
    out = reader(tmp_path, "import", str(SHARED_SEED)).stdout
    assert out.startswith("imported: #1 [fr] Premières pertes")
    # The seed file and the verbatim page are the same article.
    assert (
        "already there"
        in reader(tmp_path, "import", str(SEEDS / "01-fr-premieres-pertes-kyiv.txt")).stdout
    )


def test_import_of_a_bad_file_fails_with_a_message(tmp_path):
    bad = tmp_path / "x.png"
    bad.write_bytes(b"\x89PNG\r\n")
    result = reader(tmp_path, "import", str(bad), check=False)
    assert result.returncode != 0
    assert "unsupported type" in result.stderr


def test_prune_and_feedback_export(tmp_path):
    assert "removed 0 file(s)" in reader(tmp_path, "prune").stdout
    assert reader(tmp_path, "feedback-export").stdout == ""


def test_feedback_export_prints_json_lines(tmp_path, app, client):
    client.post("/api/v1/feedback", json={"category": "other", "message": "Très bien."})
    database = app.config["DATABASE_URL"]
    lines = reader(tmp_path, "feedback-export", DATABASE_URL=database).stdout.splitlines()
    assert json.loads(lines[0])["message"] == "Très bien."


def test_import_of_a_malformed_seed_header_fails_with_the_reason(tmp_path):
    text, reason = MALFORMED_SEED_HEADERS["bad date"]
    seed = tmp_path / "seed.txt"
    seed.write_text(text, encoding="utf-8")
    result = reader(tmp_path, "import", str(seed), check=False)
    assert result.returncode == 1
    assert reason in result.stderr and "Traceback" not in result.stderr


def test_voices_list_names_every_voice_and_each_languages_reader(tmp_path):
    voices, choices = reader(tmp_path, "voices", "list").stdout.split("\n\n")
    # By language: language, engine:voice, name, quality, sample rate, size, licence.
    assert "fr\tsilent:roa/fr\tFrench\tformant\t22050 Hz\t-\t" in voices.splitlines()
    assert "fr\troa/fr\tFrench" in choices.splitlines()
