"""Which engine and voice read each language under READER_SPEECH_ENGINE=auto, and why.

One table, filled from `bench/voices.py` and `bench/articles.py` (`make bench`, whole articles as
served): per language, every engine/voice measured on the same
text of that language's seed, with the share of it an offline recognizer (Whisper base) heard.
`auto` reads with the best one that is installed here, a neural voice only when it beat
espeak-ng by more than the recognizer's own noise; espeak-ng reads every other language, and
every language when Kokoro cannot load. READER_VOICE_<LANG> (e.g. READER_VOICE_FR=espeak:roa/fr,
or READER_VOICE_FR=piper:fr_FR-siwis-medium) overrides a language.

A Piper voice an operator adds (`reader voices add`) has not been measured. The rule for it:
it reads its language at once when that language's measured choice is espeak-ng (nothing
neural measured better, or not installed here), because every Piper voice is trained on
recorded speech of its language and is heard better than espeak-ng's formant voice; where a
neural voice was measured better than espeak-ng (Kokoro in most seed languages), that voice
stays until the benchmark measures the Piper voice beside it or READER_VOICE_<LANG> names it.
A Piper voice in the table is ranked by its figures like any other.
"""

from collections.abc import Callable
from dataclasses import dataclass

from reader.text.languages import espeak_voice

KOKORO_DEFAULT = "jm_kumo"
"""Kokoro's voice for a language it was not measured in (heard best in French and English)."""
MARGIN = 0.05
"""How much better a neural voice must be heard: the recognizer swings by about this much."""


@dataclass(frozen=True)
class Choice:
    """An engine and one of its voices; as a string, `engine:voice`."""

    engine: str
    voice: str

    def __str__(self) -> str:
        return f"{self.engine}:{self.voice}"

    @classmethod
    def parse(cls, text: str) -> "Choice":
        engine, sep, voice = text.strip().partition(":")
        if not sep or not engine or not voice:
            raise ValueError(f"a voice is written engine:voice (espeak:roa/fr), not {text!r}")
        return cls(engine, voice)


@dataclass(frozen=True)
class Measured:
    """What bench/voices.py measured for one engine/voice reading one language."""

    engine: str
    voice: str
    recall: float
    """Share of the reference text the recognizer heard, in order (0 to 1)."""
    rtf: float
    """Synthesis seconds per second of audio, on the measuring host."""

    @property
    def choice(self) -> Choice:
        return Choice(self.engine, self.voice)


MEASURED_ON = (
    "bench/voices.py --chars 300 on 2026-12-06: 236-283 characters of each seed's body (151 "
    "of Japanese, 145 of Chinese), read as the app reads them (normalized, sentence by "
    "sentence), one ONNX Runtime thread; 2 cores shared with other work (load average 2.8-7.0; "
    "Arabic's Kokoro rtf and Japanese jf_alpha's were taken at the busiest, ~2x the others). "
    "French, Spanish, Japanese and Chinese: bench/articles.py (make bench) on 2026-12-06, the "
    "whole seed article as the app serves it (Ogg/Opus, Kokoro's Japanese from its kanji, its "
    "Mandarin from misaki's pinyin G2P); Japanese and Chinese at load average 2-5, French's "
    "and Spanish's rtf at 11-24 with nice 10 (~20x an idle host's). Russian and Ukrainian: "
    "bench/articles.py on 2026-12-06 23:10-23:42 UTC (bench/results/"
    "articles-2026-12-06-ru-uk-ar-de-en.json), jm_kumo only (heard best in both on 300 "
    "characters; jf_nezumi 0.45 and 0.28 there), the engine alone with one worker's single ONNX "
    "Runtime thread, load average 9-26 with nice 10: rtf ~5x an idle host's. Arabic: the same "
    "run (23:43-00:01, load 21-26), its short vowels written by libtashkeel before espeak-ng "
    "(Kokoro G2P revision 3; 0.55 on 300 characters without them), rtf as served (the engine "
    "alone on the whole text was skipped for time). German and English: the same run "
    "(00:01-00:22, load 17-26), rtf as served; English's Piper voice too. "
    "Italian: bench/articles.py on 2026-12-07 00:53-01:00 UTC "
    "(bench/results/articles-2026-12-07-it.json), jm_kumo only (best on 300 characters), "
    "load average 4-9 with nice 19, rtf as served. The rtf figures are the busy host's: on a "
    "quiet one (bench/results/articles-2026-12-07-timing.json) Kokoro's chosen voices read at "
    "0.51-0.68 of real time with one worker's single thread, in every language"
)
# From the JSON bench/voices.py and bench/articles.py print; a language absent here was not
# measured, and espeak-ng reads it. One method for every language: whole articles.
TABLE: dict[str, tuple[Measured, ...]] = {
    "fr": (
        Measured("espeak", "roa/fr", 0.402, 0.005),
        Measured("kokoro", "jm_kumo", 0.845, 7.834),
    ),
    "de": (
        Measured("espeak", "gmw/de", 0.603, 0.011),
        Measured("kokoro", "jm_kumo", 0.845, 2.929),
    ),
    "en": (
        Measured("espeak", "gmw/en", 0.804, 0.019),
        Measured("kokoro", "jm_kumo", 0.984, 3.209),
        Measured("piper", "en_US-joe-medium", 0.94, 0.458),
    ),
    "uk": (
        Measured("espeak", "zle/uk", 0.008, 0.005),
        Measured("kokoro", "jm_kumo", 0.376, 2.462),
    ),
    "ru": (
        Measured("espeak", "zle/ru", 0.07, 0.001),
        Measured("kokoro", "jm_kumo", 0.57, 2.077),
    ),
    "ja": (
        Measured("espeak", "jpx/ja", 0.138, 0.001),
        Measured("kokoro", "jf_alpha", 0.876, 0.587),
        Measured("kokoro", "jm_kumo", 0.854, 0.31),
    ),
    "zh": (
        Measured("espeak", "sit/cmn-latn-pinyin", 0.184, 0.001),
        Measured("kokoro", "jm_kumo", 0.59, 0.278),
        Measured("kokoro", "jf_alpha", 0.563, 0.28),
    ),
    "ar": (
        Measured("espeak", "sem/ar", 0.135, 0.013),
        Measured("kokoro", "jm_kumo", 0.69, 3.727),
    ),
    "es": (
        Measured("espeak", "roa/es", 0.714, 0.006),
        Measured("kokoro", "jm_kumo", 0.94, 5.907),
    ),
    "it": (
        Measured("espeak", "roa/it", 0.682, 0.003),
        Measured("kokoro", "jm_kumo", 0.891, 0.516),
    ),
}


def espeak_choice(lang: str | None, region: str | None = None) -> Choice | None:
    """espeak-ng's voice for the language (in the region, where it has a regional one): the
    fallback every language has."""
    voice = espeak_voice(lang, region)
    return Choice("espeak", voice) if voice else None


def espeak_choices(lang: str | None, region: str | None = None) -> list[Choice]:
    """espeak-ng's regional voice for the language, then its own (when the first is missing)."""
    found = [espeak_choice(lang, region), espeak_choice(lang)]
    return [choice for i, choice in enumerate(found) if choice and choice not in found[:i]]


def ranked(
    lang: str | None,
    table: dict[str, tuple[Measured, ...]] | None = None,
    unmeasured: tuple[Choice, ...] = (),
    region: str | None = None,
) -> list[Choice]:
    """The language's choices, best first, ending with espeak-ng (its voice for the region
    first, where it has one).

    A neural voice comes before espeak-ng only if it was heard better by more than MARGIN;
    the `unmeasured` voices (Piper voices added here, not in the table) come after the
    measured ones and before espeak-ng; a language with neither is read by espeak-ng alone.
    """
    measured = (TABLE if table is None else table).get(lang or "", ())
    espeak_recall = max((m.recall for m in measured if m.engine == "espeak"), default=None)
    better = [
        m
        for m in sorted(measured, key=lambda m: m.recall, reverse=True)
        if m.engine != "espeak" and espeak_recall is not None and m.recall > espeak_recall + MARGIN
    ]
    choices = [m.choice for m in better]
    known = {m.choice for m in measured}
    choices += [choice for choice in unmeasured if choice not in known]
    return choices + espeak_choices(lang, region)


def choose(
    lang: str | None,
    is_installed: Callable[[Choice], bool],
    overrides: dict[str, str] | None = None,
    unmeasured: tuple[Choice, ...] = (),
    region: str | None = None,
) -> Choice | None:
    """The engine and voice that read the language here: the override, else the table's best.

    An override or a table entry whose engine or voice is not installed (Kokoro's model missing
    or corrupt) is passed over for the next one; None when nothing installed speaks it.
    """
    candidates = []
    override = (overrides or {}).get(lang or "")
    if override:
        candidates.append(Choice.parse(override))
    candidates += ranked(lang, unmeasured=unmeasured, region=region)
    return next((choice for choice in candidates if is_installed(choice)), None)


def best_voice(lang: str | None, engine: str) -> str | None:
    """The engine's best measured voice for the language, or None."""
    measured = [m for m in TABLE.get(lang or "", ()) if m.engine == engine]
    return max(measured, key=lambda m: m.recall).voice if measured else None
