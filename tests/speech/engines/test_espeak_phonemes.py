"""The one way to ask espeak-ng for phonemes: mnemonics or IPA, per line, and clear failures."""

import pytest

from reader.speech.engines.base import SynthesisFailed
from reader.speech.engines.espeak_phonemes import EspeakPhonemesFailed, phonemize_with_espeak

pytestmark = pytest.mark.espeak


def test_mnemonics_by_default_and_ipa_when_asked():
    assert phonemize_with_espeak("hello", "en").strip() == "h@l'oU"
    assert phonemize_with_espeak("hello", "en", ipa=True).strip() == "həlˈəʊ"


def test_the_tie_character_joins_one_phonemes_letters():
    assert "^" not in phonemize_with_espeak("church", "en", ipa=True)
    assert "t^ʃ" in phonemize_with_espeak("church", "en", ipa=True, tie="^")


def test_by_line_reads_each_line_on_its_own():
    text = "one two\nthree four"
    assert phonemize_with_espeak(text, "en", ipa=True, by_line=True).splitlines() == [
        "wˈɒn tˈuː",
        "θɹˈiː fˈɔː",
    ]
    # Otherwise a new line is a space: one clause, one line.
    assert len(phonemize_with_espeak(text, "en", ipa=True).strip().splitlines()) == 1


def test_a_text_starting_with_a_dash_is_read_not_taken_for_an_option():
    assert "f'aIv" in phonemize_with_espeak("-5 degrees", "en")


def test_phoneme_blocks_are_read_as_phonemes():
    assert phonemize_with_espeak("[[h@l'oU]]", "en", ipa=True).strip() == "həlˈəʊ"


def test_an_unknown_voice_fails_with_espeaks_reason():
    with pytest.raises(EspeakPhonemesFailed, match="voice does not exist"):
        phonemize_with_espeak("hello", "nosuchvoice")


def test_a_missing_espeak_ng_fails_clearly_as_a_synthesis_failure(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no espeak-ng on this PATH
    with pytest.raises(SynthesisFailed, match="espeak-ng is not installed"):
        phonemize_with_espeak("hello", "en")
