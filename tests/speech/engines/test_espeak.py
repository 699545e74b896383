"""The espeak-ng engine through pyttsx3: one engine per process, reused safely."""

import numpy
import pytest

from reader.speech.engines.registry import get_engine
from reader.speech.options import SynthesisOptions

pytestmark = pytest.mark.espeak


def loudness(pcm) -> float:
    return float(numpy.sqrt(numpy.mean(numpy.frombuffer(pcm.samples, numpy.int16) ** 2.0)))


def test_back_to_back_sentences_in_two_voices_are_each_spoken_whole():
    engine = get_engine("espeak")
    french, english = SynthesisOptions("roa/fr"), SynthesisOptions("gmw/en", rate=200)
    long_text = "Les premières pertes à Kyiv ont été confirmées ce matin par le ministère."
    lengths = []
    for _ in range(3):
        for text, options in [(long_text, french), ("Hello.", english), ("Oui.", french)]:
            pcm = engine.synthesize(text, options)
            assert pcm.sample_rate == 22050 and loudness(pcm) > 500
            lengths.append(len(pcm.samples))
    # The long sentence is never cut short by the one after it (espeak-ng varies by a few ms).
    longs = lengths[0::3]
    assert min(longs) > 0.97 * max(longs) and min(longs) > 2 * 22050 * 2


def test_listing_voices_does_not_take_the_engine_away():
    engine = get_engine("espeak")
    engine.synthesize("Bonjour.", SynthesisOptions("roa/fr"))
    assert engine.list_voices()["roa/fr"] == "French (France)"
    assert loudness(engine.synthesize("Encore une phrase.", SynthesisOptions("roa/fr"))) > 500


def test_a_faster_rate_is_shorter_every_time_it_changes():
    engine = get_engine("espeak")
    text = "Une phrase assez longue pour que la vitesse de lecture se mesure bien."
    for _ in range(3):  # a reused engine once kept its first rate: each change must take
        slow = engine.synthesize(text, SynthesisOptions("roa/fr", rate=120))
        fast = engine.synthesize(text, SynthesisOptions("roa/fr", rate=300))
        assert len(fast.samples) < 0.6 * len(slow.samples)


def test_lexicon_phonemes_are_said_as_phonemes():
    from reader.speech.lexicon import Lexicon, LexiconRule

    engine = get_engine("espeak")
    french = SynthesisOptions("roa/fr")
    lexicon = Lexicon([LexiconRule("fr", "Zelensky", "zelEnsk'i", kind="phonemes")])
    spoken = lexicon.rewrite("Selon Zelensky, non.", "fr")
    assert spoken == "Selon [[zelEnsk'i]], non."
    plain = engine.synthesize("Selon Zelensky, non.", french)
    phonemes = engine.synthesize(spoken, french)
    # Read as text, the mnemonics would be spelled out: "zelEnsk'i" said as letters and words.
    as_text = engine.synthesize("Selon zelEnsk'i, non.", french)
    assert loudness(phonemes) > 500
    assert phonemes.samples != plain.samples and phonemes.samples != as_text.samples
