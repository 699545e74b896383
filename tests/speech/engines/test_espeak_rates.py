"""One rate setting, one pace: espeak-ng's rate calibrated per language, in the cache key."""

import re
import statistics
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from reader.speech.engines import espeak_rates
from reader.speech.engines.espeak import EspeakEngine, _espeak_session
from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.engines.espeak_rates import calibrated_rate, rates_stamp
from reader.speech.options import MAX_RATE, MIN_RATE, SynthesisOptions
from reader.text.languages import LANGUAGES, REGIONAL_ESPEAK_VOICES

CATALOGS = Path(__file__).resolve().parents[3] / "reader" / "translations"
# The same sentences in every language: the app's own messages, as translated.
MESSAGES = [
    "The request could not be understood.",
    "The data sent could not be processed.",
    "The sample could not be said. Please try again.",
    "Some sentences could not be read aloud and were skipped.",
    "The page at this address could not be fetched: check the address or try later.",
]
# The fastest and slowest before calibration (Ukrainian 6.5, Mandarin 3.9 syllables a second,
# German 5.3), and French, which was read at 216 words a minute to German's 165.
PACED = ("fr", "de", "en", "uk", "zh", "es", "ar")
_NUCLEUS = re.compile(r"[aeiouyɑɐɒæɛɜɝɞɔøœɪʏʊʌɤɯɨʉɘɵəɚᵻ][aeiouyɑɐɒæɛɜɝɞɔøœɪʏʊʌɤɯɨʉɘɵəɚᵻː\u0303]*")


def about_as_long(a: int, b: int) -> bool:
    # espeak-ng's audio for the same text and rate varies by a few milliseconds from call to
    # call (~0.6 %); a rate off by one voice's speed (5 %) is far outside this.
    return abs(a - b) <= 0.015 * b


def test_every_language_and_regional_voice_has_a_factor():
    regional = {v for voices in REGIONAL_ESPEAK_VOICES.values() for v in voices.values()}
    defaults = {language.espeak_voice for language in LANGUAGES.values()}
    assert set(espeak_rates.RATE_FACTORS) == set(LANGUAGES) | (regional - defaults)


def test_the_rate_is_scaled_by_the_voice_language_and_kept_in_range():
    french = espeak_rates.RATE_FACTORS["fr"]
    assert calibrated_rate(175, "roa/fr") == round(175 * french)
    assert calibrated_rate(175, "art/unknown") == 175  # a voice we have no figure for
    assert calibrated_rate(MAX_RATE, "sem/he") == MAX_RATE
    assert calibrated_rate(MIN_RATE, "zle/uk") == MIN_RATE


def test_new_factors_give_new_cache_keys(monkeypatch):
    before = rates_stamp()
    monkeypatch.setitem(espeak_rates.RATE_FACTORS, "fr", 1.5)
    assert rates_stamp() != before


@pytest.mark.espeak
def test_the_engine_version_carries_the_rates():
    assert f"+rates-{rates_stamp()}" in EspeakEngine().version()


def _syllables_per_second(lang: str) -> float:
    with (CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalog = read_po(file)
    voice = LANGUAGES[lang].espeak_voice
    engine = EspeakEngine()
    seconds = syllables = 0
    for message in MESSAGES:
        sentence = catalog.get(message).string
        pcm = engine.synthesize(sentence, SynthesisOptions(voice, rate=175))
        seconds += len(pcm.samples) / 2 / pcm.sample_rate
        ipa = phonemize_with_espeak(sentence, voice, ipa=True)
        syllables += len(_NUCLEUS.findall(ipa))
    return syllables / seconds


@pytest.mark.espeak
def test_one_rate_setting_is_one_pace_in_every_language():
    # Audio length, not wall time: the same audio whatever the host's load.
    pace = {lang: _syllables_per_second(lang) for lang in PACED}
    middle = statistics.median(pace.values())
    assert {lang: p for lang, p in pace.items() if abs(p - middle) > 0.1 * middle} == {}
    assert abs(pace["fr"] - pace["de"]) <= 0.1 * pace["de"], pace


@pytest.mark.espeak
def test_the_engine_asks_espeak_for_the_calibrated_rate():
    options = SynthesisOptions("zle/uk", rate=175)
    read = EspeakEngine().synthesize("Привіт, як справи сьогодні?", options)
    at_rate = _espeak_session().synthesize(
        "Привіт, як справи сьогодні?",
        SynthesisOptions("zle/uk", rate=calibrated_rate(175, "zle/uk")),
    )
    at_setting = _espeak_session().synthesize("Привіт, як справи сьогодні?", options)
    assert about_as_long(len(read.samples), len(at_rate.samples))
    assert len(read.samples) > len(at_setting.samples)  # Ukrainian was the fastest: slowed


@pytest.mark.espeak
def test_a_voice_does_not_keep_the_last_voice_pace():
    # Russian's voice speaks at 95 %; the next voice read at the same setting kept it.
    session = _espeak_session()
    spanish = SynthesisOptions("roa/es", rate=175)
    text = "La solicitud no se pudo entender. Vuelva a intentarlo más tarde."
    first = len(session.synthesize(text, spanish).samples)
    session.synthesize("Привет, как дела?", SynthesisOptions("zle/ru", rate=175))
    assert about_as_long(len(session.synthesize(text, spanish).samples), first)
