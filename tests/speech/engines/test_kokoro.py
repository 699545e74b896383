"""The Kokoro engine: espeak-ng's IPA as Kokoro phonemes, and real speech from the model."""

import array
import json

import pytest

from reader.speech.engines import kokoro, kokoro_model
from reader.speech.engines.kokoro import (
    KokoroEngine,
    _mandarin_g2p,
    chunks,
    espeak_phonemes,
    join_clauses,
    mandarin_phonemes,
    speed_for,
    split_clauses,
)
from reader.speech.normalize import normalize
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


def test_kokoro_speaks_mandarin_and_japanese_with_their_own_phonemizers():
    assert KokoroEngine.speaks("zh") and KokoroEngine.speaks("ja") and KokoroEngine.speaks("fr")
    assert not KokoroEngine.speaks("xx")


def test_mandarin_phonemes_carry_tone_arrows_not_digits():
    # espeak-ng's Mandarin IPA writes tones as digits, which the model says aloud; misaki's
    # pinyin IPA writes them as the arrows Kokoro v1.0 learned.
    text = normalize("4月16日上午9时，江岚市科技馆天文展正式开幕，观众超过12,350人。", "zh")
    phonemes = mandarin_phonemes(text, _mandarin_g2p(), "gmw/en")
    assert not any(char.isdigit() for char in phonemes)
    assert {"↗", "↘", "↓", "→"} & set(phonemes)
    assert "kʰai→mu↘" in phonemes  # 开幕
    _voices, vocab_path = kokoro_model.voice_data()
    vocab = json.loads(vocab_path.read_text("utf-8"))["vocab"]
    assert set(phonemes) - {" "} <= set(vocab)  # nothing the model would drop


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


@pytest.mark.espeak
def test_latin_letters_in_mandarin_are_read_as_english_not_spelled_as_symbols():
    phonemes = mandarin_phonemes("戴上VR设备", _mandarin_g2p(), "gmw/en")
    assert "VR" not in phonemes
    assert "vˌiːˈɑː" in phonemes


class RecordingModel:
    """The real ONNX session, noting the phonemes each run was given."""

    def __init__(self, model, vocab):
        self.model, self.symbols, self.phonemes = model, {v: k for k, v in vocab.items()}, []

    def run(self, outputs, feeds):
        tokens = feeds["tokens"][0][1:-1]
        self.phonemes.append("".join(self.symbols[int(token)] for token in tokens))
        return self.model.run(outputs, feeds)


@pytest.mark.neural
@pytest.mark.slow
@pytest.mark.parametrize(
    ("lang", "written", "heard", "not_heard"),
    [
        # 8日 is ようか (the 8th), not はちにち; 三人 is さんにん.
        ("ja", "港南電鉄は8日、3人の新しい運転士を迎えた。", "joːka", "haʨi"),
        ("ja", "東京駅から新型特急が出発した。", "toːkʲoː", "toɯ"),
        ("zh", "4月16日上午，天文展正式开幕。", "kʰai→mu↘", "5"),
        # Written without short vowels, أطلقت is "ʔt̪lqt" to espeak-ng; vowelled, "ʔat̪laqat".
        ("ar", "أطلقت بلدية المدينة أول خط، في خطوة جديدة.", "laq", "lqt"),
    ],
    ids=["ja-day-reading", "ja-kanji-in-context", "zh-pinyin", "ar-short-vowels"],
)
def test_what_the_model_is_given(kokoro_model_dir, monkeypatch, lang, written, heard, not_heard):
    monkeypatch.setattr(kokoro_model, "_configured_dir", str(kokoro_model_dir))
    engine = KokoroEngine()
    engine.list_voices()  # assembles the model, once per session
    session = kokoro._session()
    recorder = RecordingModel(session._model, session._vocab)
    monkeypatch.setattr(session, "_model", recorder)
    options = SynthesisOptions("jf_alpha", engine="kokoro", language=lang)
    pcm = engine.synthesize(normalize(written, lang), options)
    given = "".join(recorder.phonemes).replace(" ", "")  # word breaks are the G2P's choice
    assert heard in given and not_heard not in given
    assert not any(char.isdigit() for char in given)
    assert len(pcm.samples) / 2 / pcm.sample_rate > 1.0
    assert loudness(pcm) > 500  # speech, not silence
