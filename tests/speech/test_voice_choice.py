"""`auto`: each language read by the engine and voice measured best, espeak-ng as the fallback."""

import logging
import subprocess
import sys

import pytest

from reader.speech import voice_choice
from reader.speech.cache import cache_key
from reader.speech.engines.kokoro import KokoroEngine
from reader.speech.options import SynthesisOptions
from reader.speech.service import SpeechService
from reader.speech.settings import SpeechConfig
from reader.speech.voice_choice import Choice, Measured, choose, ranked
from reader.text.languages import LANGUAGES
from tests.speech import auto_voices
from tests.speech.auto_voices import FakeCatalog

TABLE = {
    "fr": (
        Measured("espeak", "roa/fr", 0.50, 0.01),
        Measured("kokoro", "jm_kumo", 0.84, 0.3),
        Measured("kokoro", "jf_alpha", 0.70, 0.3),
    ),
    "de": (Measured("espeak", "gmw/de", 0.80, 0.01), Measured("kokoro", "jm_kumo", 0.82, 0.3)),
}
EVERYTHING = lambda choice: True  # noqa: E731


def test_the_voice_heard_best_reads_the_language(monkeypatch):
    monkeypatch.setattr(voice_choice, "TABLE", TABLE)
    assert ranked("fr") == [
        Choice("kokoro", "jm_kumo"),
        Choice("kokoro", "jf_alpha"),
        Choice("espeak", "roa/fr"),
    ]
    assert choose("fr", EVERYTHING) == Choice("kokoro", "jm_kumo")


def test_espeak_ng_reads_where_no_neural_voice_is_clearly_better(monkeypatch):
    monkeypatch.setattr(voice_choice, "TABLE", TABLE)
    assert choose("de", EVERYTHING) == Choice("espeak", "gmw/de")  # within the recognizer's noise
    assert choose("pl", EVERYTHING) == Choice("espeak", "zlw/pl")  # never measured


def test_espeak_ng_reads_when_kokoro_is_not_installed(monkeypatch):
    monkeypatch.setattr(voice_choice, "TABLE", TABLE)
    assert choose("fr", lambda choice: choice.engine == "espeak") == Choice("espeak", "roa/fr")


def test_a_setting_overrides_one_language(monkeypatch):
    monkeypatch.setattr(voice_choice, "TABLE", TABLE)
    overrides = {"fr": "espeak:roa/fr", "de": "kokoro:jf_alpha"}
    assert choose("fr", EVERYTHING, overrides) == Choice("espeak", "roa/fr")
    assert choose("de", EVERYTHING, overrides) == Choice("kokoro", "jf_alpha")
    # An override that is not installed here gives way to the table.
    assert choose("de", lambda c: c.engine == "espeak", overrides) == Choice("espeak", "gmw/de")


def test_the_measured_table_keeps_its_promises():
    for lang, measured in voice_choice.TABLE.items():
        assert lang in LANGUAGES
        assert any(m.engine == "espeak" for m in measured), f"{lang}: no espeak-ng baseline"
        assert all(0 <= m.recall <= 1 and m.rtf > 0 for m in measured)
    for lang in LANGUAGES:
        assert ranked(lang)[-1] == Choice("espeak", LANGUAGES[lang].espeak_voice)
        assert all(KokoroEngine.speaks(lang) for c in ranked(lang) if c.engine == "kokoro")
    # Mandarin through misaki's pinyin G2P was heard far better than espeak-ng's (0.59/0.11).
    assert ranked("zh")[0] == Choice("kokoro", "jm_kumo")


def test_auto_reads_each_measured_language_with_the_voice_heard_best():
    for lang, measured in voice_choice.TABLE.items():
        best = max(measured, key=lambda m: m.recall)
        espeak = max(m.recall for m in measured if m.engine == "espeak")
        expected = best.choice if best.recall > espeak + voice_choice.MARGIN else None
        chosen = choose(lang, EVERYTHING)
        assert chosen == (expected or Choice("espeak", LANGUAGES[lang].espeak_voice)), lang


def auto_service(tmp_path, monkeypatch, kokoro_voices=("jm_kumo", "jf_alpha"), **settings):
    catalogs = {"kokoro": FakeCatalog({voice: voice for voice in kokoro_voices})}
    return auto_voices.auto_service(tmp_path, monkeypatch, TABLE, catalogs, **settings)


def test_auto_options_name_the_engine_voice_and_language(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch)
    french = service.options("fr")
    assert (french.engine, french.voice, french.language) == ("kokoro", "jm_kumo", "fr")
    german = service.options("de")
    assert (german.engine, german.voice, german.language) == ("espeak", "gmw/de", "")
    assert service.voice_for("fr") == "kokoro:jm_kumo"
    assert service.options("fr", voice="espeak:roa/fr").engine == "espeak"
    assert service.options("fr", voice="roa/fr").engine == "espeak"  # a bare espeak-ng id


def test_auto_falls_back_to_espeak_ng_when_the_model_cannot_load(tmp_path, monkeypatch, caplog):
    # A missing or corrupt model: the catalog's listing failed, so Kokoro has no voices.
    service = auto_service(tmp_path, monkeypatch, kokoro_voices=())
    with caplog.at_level(logging.WARNING, logger="reader.speech.voice_selection"):
        options = service.options("fr")
    assert (options.engine, options.voice) == ("espeak", "roa/fr")
    assert "kokoro:jm_kumo cannot read here; espeak:roa/fr reads instead" in caplog.text


def test_the_override_setting_reaches_the_choice(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch, voices={"fr": "kokoro:jf_alpha"})
    assert service.voice_for("fr") == "kokoro:jf_alpha"


def test_a_bad_override_is_refused_at_start(tmp_path):
    with pytest.raises(ValueError, match="engine:voice"):
        SpeechConfig(cache_root=str(tmp_path), engine="auto", voices={"fr": "roa/fr"})
    with pytest.raises(ValueError, match="unknown language"):
        SpeechConfig(cache_root=str(tmp_path), engine="auto", voices={"xx": "espeak:roa/fr"})


def test_a_quote_in_another_language_gets_that_languages_engine(
    tmp_path, monkeypatch, german_article
):
    service = auto_service(tmp_path, monkeypatch)
    _request, jobs = service.request(german_article, language="fr")
    engines = {(job.options.engine, job.options.voice) for job in jobs}
    assert ("kokoro", "jm_kumo") in engines
    _request, jobs = service.request(german_article)
    assert {(job.options.engine, job.options.voice) for job in jobs} == {("espeak", "gmw/de")}


def test_cache_keys_differ_between_engines_and_voices():
    text = "Le pont est ouvert."
    keys = {
        cache_key("sentence-v1", text, options, 300)
        for options in (
            SynthesisOptions("roa/fr", engine="espeak"),
            SynthesisOptions("jm_kumo", engine="kokoro", language="fr"),
            SynthesisOptions("jf_alpha", engine="kokoro", language="fr"),
            SynthesisOptions("jm_kumo", engine="kokoro", language="es"),
        )
    }
    assert len(keys) == 4


def test_the_kokoro_version_names_the_models_hash():
    from reader.speech.engines.kokoro_model import MODEL_SHA256

    assert MODEL_SHA256[:16] in KokoroEngine().version()


def test_the_web_process_never_loads_onnxruntime(tmp_path, kokoro_model_dir):
    # An app under auto answers what a reader asks (voices, options, versions) without ever
    # importing ONNX Runtime: the model is loaded only in the speech workers.
    script = f"""
import sys
from pathlib import Path
from tests.helpers import make_app
app = make_app(Path({str(tmp_path)!r}), SPEECH_ENGINE="auto", MODEL_DIR={str(kokoro_model_dir)!r})
service = app.extensions["reader.speech"]
service.voices.refresh()
for lang in ("fr", "ja", "zh", "de"):
    service.voice_for(lang)
service.engine_version()
app.test_client().get("/about/audio")
assert "onnxruntime" not in sys.modules, "onnxruntime was imported"
assert "pyttsx3" not in sys.modules, "pyttsx3 was imported"
kokoro = [voice for voice in service.voices.voices() if voice.startswith("kokoro:")]
print("clean", len(kokoro))
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "clean" in done.stdout
    if KokoroEngine().is_available():
        assert "clean 5" in done.stdout  # Kokoro's voices were listed (in a subprocess)


@pytest.mark.espeak
def test_a_model_that_cannot_be_assembled_leaves_every_language_to_espeak_ng(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setattr(voice_choice, "TABLE", TABLE)
    not_a_folder = tmp_path / "models"
    not_a_folder.write_text("a file where the model folder should be")
    service = SpeechService(
        SpeechConfig(
            cache_root=str(tmp_path / "audio"),
            engine="auto",
            workers=0,
            model_dir=str(not_a_folder),
        )
    )
    with caplog.at_level(logging.ERROR, logger="reader.speech.voices"):
        options = service.options("fr")
    assert (options.engine, options.voice) == ("espeak", "roa/fr")
    if KokoroEngine().is_available():
        assert "could not list the kokoro voices" in caplog.text


@pytest.mark.neural
@pytest.mark.slow
def test_a_worker_loads_the_model_once_and_reads_a_sentence(tmp_path, kokoro_model_dir):
    from reader.speech.audio.formats import get_format
    from reader.speech.jobs import JobRunner
    from reader.speech.worker import SentenceJob

    runner = JobRunner(1, 120, engine_name="auto", model_dir=str(kokoro_model_dir))
    options = SynthesisOptions("jm_kumo", engine="kokoro", language="fr", audio_format="mp3")
    try:
        job = SentenceJob("k1", "Le pont est ouvert.", options, 200, str(tmp_path / "audio"))
        audio = runner.submit(job).result(timeout=300)
    finally:
        runner.shutdown()
    assert get_format("mp3").is_valid(audio.data)
    assert 0.8 < audio.duration < 5
    assert (kokoro_model_dir / "kokoro-v1.0.int8.onnx").is_file()


def test_the_about_page_names_the_engine_that_reads_the_language(tmp_path, monkeypatch):
    service = auto_service(tmp_path, monkeypatch)
    if not KokoroEngine().is_available():
        pytest.skip("Kokoro is not installed here")
    assert service.engine_description("fr").startswith("Kokoro-82M (kokoro-")
    assert "espeak-ng (" in service.engine_description("de")
    assert "Kokoro-82M" not in service.engine_description("de")
