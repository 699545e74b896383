"""langdetect's n-gram profiles as log-probabilities, scored over every n-gram of a text."""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.library.langid.build_lock import build_lock

_LANGDETECT_PROFILES = {"zh": ("zh-cn", "zh-tw")}
"""Our codes whose langdetect profiles have other names."""

_LANGDETECT_CHARS = 300
"""langdetect scores at most this many characters: its verdict is settled long before."""


@dataclass(frozen=True)
class _NgramModel:
    """langdetect's profiles for some candidates, as log-probabilities per n-gram."""

    factory: object
    """A seeded langdetect DetectorFactory holding only the candidates' profiles."""
    langs: tuple[str, ...]
    """Our code for each profile, in the factory's order (zh-cn and zh-tw are both zh)."""
    log_probabilities: dict[str, tuple[float, ...]]


@cache
def _ngram_model(candidates: tuple[str, ...]) -> _NgramModel:
    """Load langdetect's profiles for the candidates only: faster, and answers stay in them."""
    import langdetect
    from langdetect.detector import Detector
    from langdetect.detector_factory import DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    profile_dir = Path(langdetect.__file__).parent / "profiles"
    names = [name for lang in candidates for name in _LANGDETECT_PROFILES.get(lang, (lang,))]
    factory = DetectorFactory()
    factory.set_seed(0)
    for index, name in enumerate(names):
        data = json.loads((profile_dir / name).read_text(encoding="utf-8"))
        factory.add_profile(LangProfile(**data), index, len(names))
    # langdetect multiplies (alpha / BASE_FREQ + p) per n-gram; precomputing the logs once
    # makes scoring a text a few list additions per n-gram.
    smoothing = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
    log_probabilities = {
        gram: tuple(math.log(smoothing + p) for p in probabilities)
        for gram, probabilities in factory.word_lang_prob_map.items()
    }
    langs = tuple(name.split("-")[0] for name in names)
    return _NgramModel(factory, langs, log_probabilities)


def _langdetect_ngrams(text: str, model: _NgramModel) -> list[str]:
    """The n-grams langdetect would draw from the text (it skips words in capitals)."""
    from langdetect.utils.ngram import NGram

    if not any(char.islower() for char in text):
        text = text.lower()  # an all-caps headline would otherwise give no n-gram at all
    detector = model.factory.create()
    detector.set_max_text_length(_LANGDETECT_CHARS)
    detector.append(text)
    detector.cleaning_text()  # drops Latin words from mostly non-Latin text, as detect() does
    known = model.log_probabilities
    grams: list[str] = []
    ngram = NGram()
    for char in detector.text:
        ngram.add_char(char)
        if ngram.capitalword:
            continue
        for n in range(1, NGram.N_GRAM + 1):
            if len(ngram.grams) < n:
                break
            gram = ngram.grams[-n:]
            if gram != " " and gram in known:
                grams.append(gram)
    return grams


def langdetect_log_likelihoods(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """langdetect's n-gram model, scored on every n-gram of the text (naive Bayes).

    langdetect's own detect() samples n-grams at random and reports near-certain
    probabilities even for one word; summing over all n-grams gives the same model's
    verdict without sampling noise, deterministically and faster. The sum is divided by
    the square root of the n-gram count because n-grams overlap and are far from independent.
    Log-likelihoods are relative to the best candidate (0); empty when no n-gram is known.
    """
    with build_lock:
        model = _ngram_model(candidates)
    grams = _langdetect_ngrams(text, model)
    if not grams:
        return {}
    sums = [0.0] * len(model.langs)
    for gram in grams:
        sums = list(map(operator.add, sums, model.log_probabilities[gram]))
    by_lang: dict[str, float] = {}
    for lang, total in zip(model.langs, sums, strict=True):
        by_lang[lang] = max(by_lang.get(lang, -math.inf), total)
    best = max(by_lang.values())
    scale = math.sqrt(len(grams))
    return {lang: (total - best) / scale for lang, total in by_lang.items()}
