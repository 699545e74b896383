"""How fast espeak-ng speaks each language at one rate setting: syllables a second, words a minute.

    .venv/bin/python -m bench.espeak_rates [--rate 175] [--langs fr,de] [--messages 40]

The same sentences in every language: the app's own translated messages (reader/translations),
those whose English is at least 40 characters and holds no placeholder or markup, one parallel
set of ~40 sentences per language. Each is read as the app reads it (normalized, then by
EspeakEngine, Japanese in kana) with the language's espeak-ng voice, twice: at the rate setting
as espeak-ng takes it ("raw", how every language was read before calibration) and through the
engine's calibrated rate ("calibrated"). Syllables are the vowel groups of espeak-ng's own IPA
for the spoken text (`espeak-ng -q --ipa`), so one count serves every language; words are the
text's space-separated words (none in Japanese and Chinese). Prints JSON: per language, the
seconds of audio, syllables per second and words a minute in both readings, the factor the table
in reader/speech/engines/espeak_rates.py holds, and the factor this run measures (the median
language's raw syllables per second over this one's), with the host's load; then the same for
each regional voice (en-us, es-419, pt-br), which takes its language's factor.
"""

import argparse
import json
import os
import re
import statistics
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from reader.speech.engines.espeak import EspeakEngine, _espeak_session
from reader.speech.engines.espeak_phonemes import phonemize_with_espeak
from reader.speech.engines.espeak_rates import RATE_FACTORS, calibrated_rate
from reader.speech.normalize import normalize
from reader.speech.normalize.readings import japanese_as_kana
from reader.speech.options import SynthesisOptions
from reader.text.languages import LANGUAGES, REGIONAL_ESPEAK_VOICES

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "reader" / "translations"
# A message with a placeholder, markup or a link is not a sentence anyone reads aloud.
_NOT_PROSE = re.compile(r"[%{}<>\n]|https?:|\.\w{2,4}\b")
# IPA vowels (with espeak-ng's own ɐ, ɚ, ᵻ); a run of them, with length and nasal marks, is one
# syllable's nucleus.
_VOWELS = "aeiouyɑɐɒæɛɜɝɞɔøœɶɪʏʊʌɤɯɨʉɘɵəɚᵻäëïöüɷ"
_NUCLEUS = re.compile(rf"[{_VOWELS}][{_VOWELS}ːˑ\u0303\u031e\u031d\u0329\u032f\u0308]*")
# A phoneme is a letter of the IPA (a long vowel or a diphthong's glide counts once each).
_SEGMENT = re.compile(r"[^\W\d_]")


def parallel_sentences(limit: int) -> dict[str, list[str]]:
    """The same translated messages in each language: msgid -> text, in msgid order."""
    english = read_po((CATALOGS / "en" / "LC_MESSAGES" / "messages.po").open("rb"))
    ids = sorted(
        m.id
        for m in english
        if isinstance(m.id, str) and len(m.id) >= 40 and not _NOT_PROSE.search(m.id)
    )
    texts = {}
    for lang in LANGUAGES:
        catalog = read_po((CATALOGS / lang / "LC_MESSAGES" / "messages.po").open("rb"))
        found = [catalog.get(i).string for i in ids if catalog.get(i) and catalog.get(i).string]
        texts[lang] = [t for t in found if not _NOT_PROSE.search(t)][:limit]
    return texts


def syllables_and_phonemes(spoken: str, voice: str) -> tuple[int, int]:
    ipa = phonemize_with_espeak(spoken, voice, ipa=True, timeout=60)
    return len(_NUCLEUS.findall(ipa)), len(_SEGMENT.findall(ipa))


def measure(lang: str, sentences: list[str], rate: int, voice: str = "") -> dict:
    engine = EspeakEngine()
    voice = voice or LANGUAGES[lang].espeak_voice
    options = SynthesisOptions(voice, rate=rate, engine="espeak")
    seconds = {"raw": 0.0, "calibrated": 0.0}
    count = phonemes = words = 0
    for sentence in sentences:
        spoken = normalize(sentence, lang)
        as_read = japanese_as_kana(spoken) if lang == "ja" else spoken
        found = syllables_and_phonemes(as_read, voice)
        count += found[0]
        phonemes += found[1]
        words += 0 if lang in ("ja", "zh") else len(spoken.split())
        # Raw: espeak-ng at the setting itself, as before calibration (the session is what the
        # engine calls once it has chosen its rate).
        raw = _espeak_session().synthesize(as_read, options)
        seconds["raw"] += len(raw.samples) / 2 / raw.sample_rate
        calibrated = engine.synthesize(spoken, options)
        seconds["calibrated"] += len(calibrated.samples) / 2 / calibrated.sample_rate
    return {
        "voice": voice,
        "sentences": len(sentences),
        "syllables": count,
        "phonemes": phonemes,
        "words": words,
        "table_factor": RATE_FACTORS.get(lang, 1.0),
        "calibrated_rate": calibrated_rate(rate, voice),
        **{f"{kind}_seconds": round(value, 2) for kind, value in seconds.items()},
        **{
            f"{kind}_syllables_per_second": round(count / value, 2)
            for kind, value in seconds.items()
        },
        **{
            f"{kind}_phonemes_per_second": round(phonemes / value, 2)
            for kind, value in seconds.items()
        },
        **{
            f"{kind}_words_per_minute": round(words / value * 60) if words else None
            for kind, value in seconds.items()
        },
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=int, default=175)
    parser.add_argument("--langs", default=",".join(LANGUAGES))
    parser.add_argument("--messages", type=int, default=40)
    args = parser.parse_args(argv)
    load_before = os.getloadavg()
    texts = parallel_sentences(args.messages)
    langs = args.langs.split(",")
    results = {lang: measure(lang, texts[lang], args.rate) for lang in langs}
    median = statistics.median(r["raw_syllables_per_second"] for r in results.values())
    # The regional voices share their language's factor; measured to show how far they stray.
    regional = {
        voice: measure(lang, texts[lang], args.rate, voice)
        for lang in langs
        for voice in sorted(set(REGIONAL_ESPEAK_VOICES.get(lang, {}).values()))
        if voice != LANGUAGES[lang].espeak_voice
    }
    for result in (*results.values(), *regional.values()):
        result["measured_factor"] = round(median / result["raw_syllables_per_second"], 2)
    calibrated = [r["calibrated_syllables_per_second"] for r in results.values()]
    print(
        json.dumps(
            {
                "rate": args.rate,
                "median_raw_syllables_per_second": round(median, 2),
                "calibrated_spread": round(max(calibrated) / min(calibrated), 2),
                "load_average": {"before": load_before, "after": os.getloadavg()},
                "languages": results,
                "regional_voices": regional,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
