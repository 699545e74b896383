"""Neural voices that cannot read: ONNX Runtime that will not load, a broken Kokoro voice pack, a
Piper voice we cannot phonemize, a truncated Piper model. Each language falls back to its next
choice (espeak-ng at the end) with a log line and a note on /readyz, and the article plays."""

import json
import logging
import os
import shutil

import numpy
import pytest

from reader.speech.engines import voice_files
from reader.speech.engines.kokoro import KokoroEngine
from reader.speech.engines.piper import PiperEngine
from tests.helpers import load_seed, make_app

JOE = "en_US-joe-medium"


@pytest.fixture
def voices_dir(tmp_path, monkeypatch):
    folder = tmp_path / "voices"
    folder.mkdir()
    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(folder))
    return folder


def auto_app(tmp_path, kokoro_model_dir, voices_dir, **settings):
    return make_app(
        tmp_path,
        SPEECH_ENGINE="auto",
        MODEL_DIR=str(kokoro_model_dir),
        VOICES_DIR=str(voices_dir),
        **settings,
    )


def plays(app, prefix: str) -> bytes:
    """The seed article's audio as served: the whole Ogg stream."""
    with app.extensions["reader.db"]() as session:
        article = load_seed(session, prefix)
        article_id = article.id
    response = app.test_client().get(f"/articles/{article_id}/audio")
    assert response.status_code == 200, response.data[:300]
    return response.data


@pytest.mark.neural
@pytest.mark.espeak
@pytest.mark.slow
def test_onnx_runtime_that_will_not_load_leaves_every_language_to_espeak_ng(
    tmp_path, kokoro_model_dir, voices_dir, monkeypatch, caplog
):
    # A broken ONNX Runtime (a missing shared library, a CPU it was not built for) fails at
    # import. The voice listing runs in a subprocess, which finds this package first.
    broken = tmp_path / "broken-site" / "onnxruntime"
    broken.mkdir(parents=True)
    (broken / "__init__.py").write_text(
        'raise ImportError("libonnxruntime.so.1: cannot open shared object file")\n'
    )
    path = os.pathsep.join(filter(None, [str(broken.parent), os.environ.get("PYTHONPATH")]))
    monkeypatch.setenv("PYTHONPATH", path)
    app = auto_app(tmp_path, kokoro_model_dir, voices_dir)
    service = app.extensions["reader.speech"]
    with caplog.at_level(logging.ERROR, logger="reader.speech.voices"):
        service.voices.refresh()
    assert "could not list the kokoro voices: ONNX Runtime cannot be loaded" in caplog.text
    assert service.voice_for("fr") == "espeak:roa/fr"
    assert service.voice_for("en") == "espeak:gmw/en"  # Piper needs ONNX Runtime too
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 200
    notes = ready.json["notes"]
    assert any(note.startswith("kokoro: ONNX Runtime cannot be loaded") for note in notes)
    assert any(note.startswith(f"piper:{JOE} cannot read") for note in notes)
    assert len(plays(app, "01-fr")) > 10_000


@pytest.mark.neural
def test_a_broken_kokoro_voice_pack_is_reported_and_not_listed(voices_dir, kokoro_model_dir):
    folder = voices_dir / voice_files.KOKORO_FOLDER
    folder.mkdir()
    styles = numpy.random.default_rng(2).standard_normal((510, 1, 256)).astype("<f4")
    numpy.save(folder / "af_whole.npy", styles)
    numpy.save(folder / "af_cut.npy", styles)
    data = (folder / "af_cut.npy").read_bytes()
    (folder / "af_cut.npy").write_bytes(data[: len(data) // 2])  # a copy cut short
    numpy.save(folder / "af_flat.npy", numpy.zeros((10, 3), "<f4"))  # not a voice
    from reader.speech.engines import kokoro_model

    kokoro_model.configure(kokoro_model_dir)
    try:
        voices, problems = KokoroEngine().check_voices()
    finally:
        kokoro_model.configure(None)
    assert {"jm_kumo", "af_whole"} <= set(voices)
    assert set(problems) == {"af_cut", "af_flat"}
    assert "af_cut.npy cannot be read" in problems["af_cut"]
    assert "not a Kokoro voice pack" in problems["af_flat"]


@pytest.mark.neural
@pytest.mark.slow
def test_a_broken_pack_named_for_a_language_falls_back_with_a_note(
    tmp_path, kokoro_model_dir, voices_dir, caplog
):
    folder = voices_dir / voice_files.KOKORO_FOLDER
    folder.mkdir()
    (folder / "ff_cut.npy").write_bytes(b"\x93NUMPY\x01\x00")  # a header and nothing else
    app = auto_app(tmp_path, kokoro_model_dir, voices_dir, VOICES={"fr": "kokoro:ff_cut"})
    service = app.extensions["reader.speech"]
    with caplog.at_level(logging.WARNING):
        service.voices.refresh()
        assert service.voice_for("fr") == "kokoro:jm_kumo"  # the measured choice, next
    assert "the kokoro voice ff_cut cannot read" in caplog.text
    notes = app.test_client().get("/readyz").json["notes"]
    assert any(note.startswith("kokoro:ff_cut cannot read (ff_cut.npy") for note in notes)


@pytest.mark.neural
def test_a_piper_voice_we_cannot_phonemize_is_reported_not_read(voices_dir):
    files = voice_files.piper_voices()[JOE]
    config = voice_files.read_config(files)
    config["phoneme_type"] = "pinyin"  # Piper's Chinese voices take g2pW's pinyin
    (voices_dir / "zh_CN-joe-medium.onnx").symlink_to(files.model)
    (voices_dir / "zh_CN-joe-medium.onnx.json").write_text(json.dumps(config))
    voices, problems = PiperEngine().check_voices()
    assert JOE in voices and "zh_CN-joe-medium" not in voices
    assert problems == {"zh_CN-joe-medium": "zh_CN-joe-medium needs the pinyin phonemizer"}


@pytest.mark.neural
@pytest.mark.slow
def test_a_truncated_piper_voice_is_noted_on_readyz(tmp_path, kokoro_model_dir, voices_dir):
    files = voice_files.piper_voices()[JOE]
    model = files.model.read_bytes()
    (voices_dir / "nl_NL-cut-medium.onnx").write_bytes(model[: len(model) // 3])
    shutil.copy(files.config, voices_dir / "nl_NL-cut-medium.onnx.json")
    app = auto_app(tmp_path, kokoro_model_dir, voices_dir)
    service = app.extensions["reader.speech"]
    service.voices.refresh()
    assert service.voice_for("nl") == "espeak:gmw/nl"
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 200
    (note,) = [note for note in ready.json["notes"] if "nl_NL-cut-medium" in note]
    assert note.startswith("piper:nl_NL-cut-medium cannot read (nl_NL-cut-medium.onnx cannot be")
    assert note.endswith("; nl is read by espeak:gmw/nl")
