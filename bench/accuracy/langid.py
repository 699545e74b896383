"""Benchmark reader's language detection against plain langdetect and plain lingua."""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

from reader.library import langid
from reader.library.langid import evidence
from reader.text.languages import SUPPORTED_CODES

DATA = Path(__file__).parent / "data" / "langid.json"

Detector = Callable[[str], str | None]


def load_cases() -> dict[str, dict[str, list[str]]]:
    """{lang: {"sentences": [...], "short": [...]}} from the hand-written set."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def cldr_words() -> dict[str, list[str]]:
    """Month and weekday names from CLDR (via babel): short texts written by nobody here.

    Names spelled the same in two of our languages ("april", CJK "1月") are dropped: no
    detector can tell them apart.
    """
    from babel import Locale

    words: dict[str, list[str]] = {}
    for lang in SUPPORTED_CODES:
        locale = Locale.parse(lang)
        names = list(locale.months["format"]["wide"].values())
        names += list(locale.days["format"]["wide"].values())
        words[lang] = [name for name in names if len(name.split()) <= 2]
    return _unique_to_one_language(words)


def _unique_to_one_language(words: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each language's names that no other language shares (a shared name has no answer)."""
    seen: dict[str, set[str]] = {}
    for lang, names in words.items():
        for name in names:
            seen.setdefault(name.lower(), set()).add(lang)
    return {
        lang: [name for name in names if len(seen[name.lower()]) == 1]
        for lang, names in words.items()
    }


def cldr_names() -> dict[str, list[str]]:
    """CLDR's names of countries, languages and currencies of one or two words, per language.

    Written by CLDR's translators, not here: short texts like headings and names. The weights
    of the word-frequency evidence (reader.library.langid.fusion) were tuned on this set, so it
    is a development figure, not an unseen one. Names shared by two languages are dropped.
    """
    from babel import Locale

    words: dict[str, list[str]] = {}
    for lang in SUPPORTED_CODES:
        locale = Locale.parse(lang)
        names = [*locale.territories.values(), *locale.languages.values()]
        names += list(locale.currencies.values())
        words[lang] = sorted({name for name in names if 1 <= len(name.split()) <= 2})
    return _unique_to_one_language(words)


def plain_langdetect() -> Detector:
    """langdetect as shipped (all 55 profiles, seeded); zh-cn/zh-tw count as zh."""
    from langdetect import DetectorFactory, LangDetectException
    from langdetect import detect as langdetect_detect

    DetectorFactory.seed = 0

    def detect(text: str) -> str | None:
        try:
            return langdetect_detect(text).split("-")[0]
        except LangDetectException:
            return None

    return detect


def plain_lingua() -> Detector:
    """lingua restricted to our 20 languages, high-accuracy mode, models loaded lazily."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, lang.upper()) for lang in SUPPORTED_CODES]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()

    def detect(text: str) -> str | None:
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else None

    return detect


def ours_without_function_words(text: str) -> str | None:
    """Ours with the hand-made word lists switched off, to measure what they add."""
    evidence.USE_FUNCTION_WORDS = False
    try:
        return langid.detect(text)
    finally:
        evidence.USE_FUNCTION_WORDS = True


def score(detect: Detector, cases: dict[str, list[str]]) -> dict:
    """Accuracy per language and averaged over languages, and mean µs per call."""
    per_lang = {}
    calls, elapsed = 0, 0.0
    for lang, texts in cases.items():
        right = 0
        for text in texts:
            start = time.perf_counter()
            answer = detect(text)
            elapsed += time.perf_counter() - start
            calls += 1
            right += answer == lang
        per_lang[lang] = round(right / len(texts), 3) if texts else None
    scored = [value for value in per_lang.values() if value is not None]
    return {
        "accuracy": round(sum(scored) / len(scored), 4),
        "us_per_call": round(elapsed / calls * 1e6, 1),
        "per_language": per_lang,
    }


def calibration(cases: dict[str, list[str]], threshold: float = 0.9) -> dict:
    """How often ours is right when it says confidence >= threshold, and how often it says so."""
    confident = right = total = 0
    for lang, texts in cases.items():
        for text in texts:
            total += 1
            found = langid.detect_with_confidence(text)
            if found and found.confidence >= threshold:
                confident += 1
                right += found.lang == lang
    return {
        "threshold": threshold,
        "share_at_or_above": round(confident / total, 3),
        "precision_at_or_above": round(right / confident, 4) if confident else None,
    }


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run() -> dict:
    data = load_cases()
    sets = {
        "sentences": {lang: data[lang]["sentences"] for lang in SUPPORTED_CODES},
        "short": {lang: data[lang]["short"] for lang in SUPPORTED_CODES},
        "cldr_month_day_names": cldr_words(),
        "cldr_names_dev": cldr_names(),
    }
    detectors: dict[str, Detector] = {"ours": langid.detect}
    langid.warm_up()
    memory = {"after_ours_warm_mb": rss_mb()}
    detectors["ours_without_function_words"] = ours_without_function_words
    detectors["langdetect"] = plain_langdetect()
    detectors["lingua_20_high_accuracy"] = plain_lingua()
    for detect in detectors.values():  # first calls load models: keep them out of the timing
        for cases in sets.values():
            for texts in cases.values():
                for text in texts[:3]:
                    detect(text)
    result: dict = {"sizes": {name: sum(map(len, s.values())) for name, s in sets.items()}}
    for set_name, cases in sets.items():
        result[set_name] = {name: score(detect, cases) for name, detect in detectors.items()}
    summary = {}
    for name in detectors:
        summary[name] = {
            set_name: {
                "accuracy": result[set_name][name]["accuracy"],
                "us_per_call": result[set_name][name]["us_per_call"],
            }
            for set_name in sets
        }
    result["summary"] = summary
    result["calibration_ours"] = {name: calibration(cases) for name, cases in sets.items()}
    memory["end_of_run_mb"] = rss_mb()
    result["max_rss"] = memory
    return result


if __name__ == "__main__":
    print(json.dumps(run(), indent=2, ensure_ascii=False))
