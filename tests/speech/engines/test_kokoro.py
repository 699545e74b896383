"""The Kokoro engine: espeak-ng's IPA as Kokoro phonemes, and real speech from the model."""

import array

import pytest

from reader.speech.engines import kokoro_model
from reader.speech.engines.kokoro import (
    KokoroEngine,
    chunks,
    espeak_phonemes,
    join_clauses,
    speed_for,
    split_clauses,
)
from reader.speech.options import SynthesisOptions


def test_clauses_keep_their_punctuation_for_the_model():
    assert split_clauses("Bonjour à tous, ceci est un essai ; vraiment ! Oui…") == [
        ("Bonjour à tous", ","),
        ("ceci est un essai", ";"),
        ("vraiment", "!"),
        ("Oui", "…"),
    ]
    assert split_clauses("「東京」、大阪。") == [("「東京」", ","), ("大阪", ".")]


def test_tied_phonemes_become_kokoro_symbols_and_language_flags_go():
    assert join_clauses([("t^ʃˈɜːt^ʃ (en)d^ʒˈʌd^ʒ(fr)", "."), ("lə- mˈɔ̃d", "?")]) == (
        "ʧˈɜːʧ ʤˈʌʤ. lə mˈɔ̃d?"
    )


def test_long_phoneme_strings_are_cut_after_a_mark():
    text = "a" * 300 + ", " + "b" * 300
    pieces = chunks(text, limit=400)
    assert pieces == ["a" * 300 + ",", "b" * 300]
    assert all(len(piece) <= 40 for piece in chunks("word " * 100, limit=40))


def test_the_rate_becomes_a_bounded_speed():
    assert speed_for(175) == 1.0
    assert speed_for(350) == 2.0
    assert speed_for(100) == pytest.approx(100 / 175)
    assert speed_for(80) == 0.5
    assert speed_for(450) == 2.0


def test_chinese_stays_with_espeak_ng():
    # espeak-ng's Mandarin IPA carries tone digits the model would read aloud.
    assert not KokoroEngine.speaks("zh")
    assert KokoroEngine.speaks("fr") and KokoroEngine.speaks("ja")


@pytest.mark.espeak
def test_espeak_ng_ipa_as_kokoro_phonemes():
    phonemes = espeak_phonemes("Bonjour à tous, le monde !", "roa/fr")
    assert phonemes == "bɔ̃ʒˈuʁ a tˈus, lə mˈɔ̃d!"


def loudness(pcm) -> float:
    samples = array.array("h", pcm.samples)
    return (sum(s * s for s in samples) / max(1, len(samples))) ** 0.5


@pytest.mark.neural
@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le nouveau pont sur le Rhin est ouvert depuis ce matin."),
        ("ja", "新しい特急が走り始めました。"),
    ],
)
def test_the_model_speaks(kokoro_model_dir, monkeypatch, lang, text):
    monkeypatch.setattr(kokoro_model, "_configured_dir", str(kokoro_model_dir))
    engine = KokoroEngine()
    assert "jm_kumo" in engine.list_voices()  # assembles the model, once per session
    pcm = engine.synthesize(text, SynthesisOptions("jm_kumo", engine="kokoro", language=lang))
    assert pcm.sample_rate == 24000
    seconds = len(pcm.samples) / 2 / pcm.sample_rate
    assert 1.0 < seconds < 10.0
    assert loudness(pcm) > 500  # speech, not silence
