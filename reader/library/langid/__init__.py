"""Detect which of reader's 20 languages a text is in: script rules, langdetect and lingua fused."""

from __future__ import annotations

import json
import math
import operator
import re
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reader.languages import SUPPORTED_CODES
from reader.library.langid.cleaning import clean, sample, split_hashtags
from reader.library.langid.scripts import (
    CYRILLIC_LANGUAGES,
    HAN_LANGUAGES,
    LATIN_LANGUAGES,
    SCRIPT_LANGUAGE,
    count_scripts,
    dominant_script,
    script_of,
)

__all__ = ["Detection", "detect", "detect_block", "detect_with_confidence"]


@dataclass(frozen=True)
class Detection:
    """A detected language and how sure we are of it (0..1; 0.9 and above means very likely)."""

    lang: str
    confidence: float


_WORD = re.compile(r"[^\W\d_]+'?")

# ---------------------------------------------------------------------------------------------
# Letters and words that tell languages apart

_ALLOWED_LETTERS: dict[str, str] = {
    # Non-ASCII letters each language writes natively (lower case). A letter outside a
    # language's set is strong evidence against it (foreign names aside).
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "en": "",
    "es": "áéíóúüñ",
    "it": "àèéìíòóùú",
    "pt": "áâãàçéêíóôõú",
    "nl": "éèëïöüáóê",
    "pl": "ąćęłńóśźż",
    "tr": "çğıöşüâîû",
    "sv": "åäöé",
    "cs": "áčďéěíňóřšťúůýž",
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
}

_FOREIGN_LETTER_PENALTY = math.log(0.03)
"""Log-weight per distinct letter a language does not use: rare in names and loanwords."""

_FUNCTION_WORDS: dict[str, str] = {
    # Hand-made: the most frequent function words, greetings and courtesies of each language.
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette "
    "il elle ils nous vous je tu on ne se sont été plus par mais ou où très bien aussi comme "
    "tout tous son sa ses leur être avoir fait bonjour merci bonsoir salut oui non chez après "
    "avant déjà encore toujours beaucoup rien moi toi ça l' d' j' n' qu' c' s' m' voilà ici "
    "je tu elle nous vous ils elles me te lui suis es sommes êtes ai as avons avez ont était "
    "sera mon ton ma ta mes tes",
    "de": "der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im "
    "auch es sie er wir ihr ich du sind war wird werden hat haben noch nur aber oder wenn wie "
    "bei nach aus um schon sehr kein keine mehr gut guten morgen tag danke bitte hallo ja "
    "nein heute über dass wurde vom zum zur beim gibt alle jetzt hier "
    "ich du er sie es wir ihr mich dich mir dir bin bist sind seid habe hast hatte kann muss "
    "mein dein",
    "en": "the of and to in is was for that on with as by at from it this be are have has not "
    "but they he she we you i his her their an or will would can been which who what there "
    "about more one all if so do no new after said our my your hello thanks thank please yes "
    "good morning night today how why when where "
    "i you he she it we they me him us them am is are was were have has had do does did my your",
    "es": "el la los las de del y que en un una es por con para no se su sus al lo como más "
    "pero muy también ya hay fue son está están este esta ese esa todo todos sobre entre "
    "cuando donde porque hola gracias adiós buenos buenas días noches sí bien yo tú usted "
    "ellos nosotros hasta desde año años "
    "yo tú él ella nosotros ellos me te le les nos soy eres es somos estoy estás tengo tiene mi tu",
    "it": "il lo la le gli i di del della dei delle e è che in un una uno per non con da dal "
    "alla al nel nella sono si ma come anche più molto questo questa quello tutto tutti ci ha "
    "hanno essere stato stata ancora dove quando perché ciao grazie buongiorno buonasera "
    "prego sì bene anni oggi mi ti noi voi loro l' dell' all' nell' un' sull' dall' "
    "io tu lui lei noi voi loro mi ti ci vi gli sono sei siamo ho hai abbiamo mio tuo mia",
    "pt": "o a os as de do da dos das e é que em um uma no na nos nas por para com não se ao à "
    "mais mas como também muito foi são está estão ele ela eles nós você isso este esta esse "
    "essa seu sua pelo pela quando onde porque olá obrigado obrigada bom dia sim até ainda já "
    "eu tu ele ela nós eles elas me te lhe nos sou és somos estou tenho tem meu teu minha",
    "nl": "de het een en van in is dat op te zijn met voor niet aan er die ook als maar om bij "
    "of door over dan nog wel naar uit heeft hebben wordt worden was werd ze zij hij wij we "
    "ik je jij u mijn ons onze hun geen meer veel zeer heel goed dag dank bedankt hallo ja nee "
    "vandaag morgen waar wat hoe wie waarom "
    "ik jij je hij zij ze wij we jullie mij me hem haar ons zijn ben bent is heb hebt heeft "
    "mijn jouw",
    "pl": "i w na z się nie to jest że do o jak ale od po za co czy jego jej ich tak już są był "
    "była było przez dla tylko może bardzo jeszcze ten ta te tego który która które oraz przy "
    "we ze mnie mi ja ty my wy on ona oni pan pani dzień dobry dziękuję cześć proszę "
    "ja ty on ona my wy oni mnie cię go jej nas jestem jesteś jest są mam masz ma mój twój",
    "tr": "ve bir bu da de ile için çok daha ne gibi var yok olan olarak en ama kadar sonra "
    "ben sen o biz siz onlar şey her değil mi mı mu mü ise şu merhaba teşekkürler teşekkür "
    "ederim lütfen evet hayır günaydın iyi güzel nasıl neden nerede bugün yarın "
    "ben sen o biz siz onlar beni seni bana sana benim senin var yok değil",
    "sv": "och i att det som en på är av för med till den har de inte om ett han hon vi jag "
    "du ni var men från så kan eller när efter också vid sig sin sitt hans hennes här där nu "
    "bara mycket tack hej ja nej god morgon dag idag kväll bra hur vad varför vem "
    "jag du han hon vi ni de mig dig honom henne oss är var har hade min din",
    "cs": "a je se v na to že s z do o k i jako ale pro po od jsou byl byla bylo jeho její "
    "jejich také už ještě jen tak když než podle který která které tento tato toto být má "
    "mají není ve ze já ty my vy on ona oni dobrý den děkuji prosím ahoj ano ne dnes zítra "
    "velmi moc "
    "já ty on ona my vy oni mě tě mi ti jsem jsi je jsme jste mám máš má můj tvůj",
    # Cyrillic: what the letters і ї є ґ / ы э ъ ё leave open, these often settle.
    "uk": "і й в у не на я що він вона з як це по але до із за та так ви від ми був все його "
    "мені ні тут є або теж дуже коли де чи щоб вже ще",
    "ru": "и в не на я что он она с как это по но к у из за то так вы от мы был всё его мне "
    "нет здесь есть или тоже очень когда где ли чтобы уже ещё",
}


_JAPANESE_ONLY_KANJI = frozenset(
    # Shinjitai forms and kokuji: Japanese spellings that neither simplified nor traditional
    # Chinese uses (Chinese writes 站/驛 for 駅, 樱/櫻 for 桜, 气/氣 for 気...).
    "駅桜気売読続楽薬図団県転戦単労営経歳様歩沢済絵縄総聴脳蔵覧鉄関険験騒髪黒実込畑峠辻"
    "働枠挙拠捜揺摂斎暦栄桟検毎乗亜仏伝価児剤剣勧圧囲壊広庁弾徴恵悪払拝拡択権歓穂隠"
    "雑霊駆変発"
)
_JAPANESE_KANJI_BONUS = math.log(50.0)
"""Log-weight for Japanese per distinct Japanese-only kanji in a text without kana."""


def _japanese_kanji_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights for Japanese when Han-only text uses Japanese-only character forms."""
    scores = dict.fromkeys(candidates, 0.0)
    if "ja" in scores:
        scores["ja"] = _JAPANESE_KANJI_BONUS * len(_JAPANESE_ONLY_KANJI.intersection(text))
    return scores


@cache
def _word_languages() -> dict[str, frozenset[str]]:
    """Each listed function word -> the languages whose list has it."""
    index: dict[str, set[str]] = {}
    for lang, words in _FUNCTION_WORDS.items():
        for word in words.split():
            index.setdefault(word, set()).add(lang)
    return {word: frozenset(langs) for word, langs in index.items()}


USE_FUNCTION_WORDS = True
"""Switch for the benchmark, to measure what the word lists add."""

_FUNCTION_WORD_BONUS = math.log(6.0)
"""Log-weight a language gains per word of the text found in its list (up to 3 words' worth)."""


def _letter_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights against languages that do not write some of the text's letters."""
    # Dotted capital İ lowers to i + a combining dot; as ı, it stays a Turkish-only letter.
    lowered = text.replace("İ", "ı").lower()
    foreign = {char for char in lowered if char.isalpha() and not char.isascii()}
    scores = {}
    for lang in candidates:
        allowed = _ALLOWED_LETTERS.get(lang)
        if allowed is None:
            scores[lang] = 0.0
            continue
        misses = sum(1 for char in foreign if char not in allowed and script_of(char))
        scores[lang] = misses * _FOREIGN_LETTER_PENALTY
    return scores


_OPENING_MARKS = {"¡": "es", "¿": "es"}
"""Punctuation only one of our languages uses."""

_OPENING_MARK_BONUS = math.log(20.0)


def _punctuation_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights for the language of Spanish-style opening ¡ and ¿."""
    scores = dict.fromkeys(candidates, 0.0)
    for mark, lang in _OPENING_MARKS.items():
        if mark in text and lang in scores:
            scores[lang] += _OPENING_MARK_BONUS
    return scores


def _word_scores(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Log-weights for languages whose frequent words the text uses."""
    scores = dict.fromkeys(candidates, 0.0)
    if not USE_FUNCTION_WORDS:
        return scores
    words = _WORD.findall(text.lower())
    if not words:
        return scores
    index = _word_languages()
    hits = dict.fromkeys(candidates, 0)
    for word in words:
        for lang in index.get(word, ()):
            if lang in hits:
                hits[lang] += 1
    # A share of the words rather than a count, so that long texts (where the detectors are
    # reliable) don't drown them in a word list's opinion.
    scale = min(len(words), 3) / len(words)
    return {lang: _FUNCTION_WORD_BONUS * hits[lang] * scale for lang in candidates}


# ---------------------------------------------------------------------------------------------
# The detectors, built once and lazily

_LANGDETECT_PROFILES = {"zh": ("zh-cn", "zh-tw")}
"""Our codes whose langdetect profiles have other names."""

_build_lock = threading.Lock()


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


def _langdetect_log_likelihoods(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """langdetect's n-gram model, scored on every n-gram of the text (naive Bayes).

    langdetect's own detect() samples n-grams at random and reports near-certain
    probabilities even for one word; summing over all n-grams gives the same model's
    verdict without sampling noise, deterministically and faster. The sum is divided by
    the square root of the n-gram count because n-grams overlap and are far from independent.
    Log-likelihoods are relative to the best candidate (0); empty when no n-gram is known.
    """
    with _build_lock:
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


_LINGUA_HIGH_ACCURACY_CHARS = 120
"""Up to this length lingua uses all its n-gram sizes; beyond, trigrams do as well, faster."""


@cache
def _lingua_detector(candidates: tuple[str, ...], high_accuracy: bool):
    """A lingua detector for the candidate languages only; it loads its models on first use."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, lang.upper()) for lang in candidates]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if not high_accuracy:
        builder = builder.with_low_accuracy_mode()
    return builder.build()


def _lingua_probabilities(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """lingua's confidence values over the candidates."""
    high_accuracy = len(text) <= _LINGUA_HIGH_ACCURACY_CHARS
    with _build_lock:
        detector = _lingua_detector(candidates, high_accuracy)
    values = detector.compute_language_confidence_values(text)
    return {value.language.iso_code_639_1.name.lower(): value.value for value in values}


# ---------------------------------------------------------------------------------------------
# Fusion

_FLOOR = 1e-3
"""Smallest probability lingua's vote counts for: it alone cannot veto a language."""

_LANGDETECT_ABSENT = -20.0
"""Relative log-likelihood for a candidate langdetect has no opinion on."""


def _langdetect_weight(n_words: int) -> float:
    """How much langdetect's n-grams count next to lingua's, by text length.

    On one or two words langdetect's profiles (built from Wikipedia) mislead more than they
    help, and lingua's word-level models are better there; on sentences both are good and
    their errors differ, so they vote as equals.
    """
    if n_words <= 2:
        return 0.15
    if n_words <= 5:
        return 0.4
    return 1.0


_HAN_ONLY_CHINESE_PRIOR = math.log(2.0)
"""Han text without kana is more often Chinese than Japanese (Japanese prose needs kana)."""


def _fuse(text: str, candidates: tuple[str, ...]) -> dict[str, float]:
    """Probabilities over the candidates from both detectors, letters and function words."""
    if candidates == HAN_LANGUAGES:
        return _fuse_han(text)
    langdetect_weight = _langdetect_weight(len(text.split()))
    by_langdetect = _langdetect_log_likelihoods(text, candidates)
    by_lingua = _lingua_probabilities(text, candidates)
    letters = _letter_scores(text, candidates)
    words = _word_scores(text, candidates)
    punctuation = _punctuation_scores(text, candidates)
    log_scores = {}
    for lang in candidates:
        log_scores[lang] = (
            langdetect_weight * by_langdetect.get(lang, _LANGDETECT_ABSENT if by_langdetect else 0)
            + math.log(max(by_lingua.get(lang, 0.0), _FLOOR))
            + letters[lang]
            + words[lang]
            + punctuation[lang]
        )
    return _softmax(log_scores)


def _fuse_han(text: str) -> dict[str, float]:
    """Chinese or Japanese for Han text without kana.

    lingua answers Chinese for any such text, so it has nothing to add; langdetect's
    Japanese and Chinese profiles do know which characters each language favours.
    """
    by_langdetect = _langdetect_log_likelihoods(text, HAN_LANGUAGES)
    kanji = _japanese_kanji_scores(text, HAN_LANGUAGES)
    log_scores = {lang: by_langdetect.get(lang, 0.0) + kanji[lang] for lang in HAN_LANGUAGES}
    log_scores["zh"] += _HAN_ONLY_CHINESE_PRIOR
    return _softmax(log_scores)


def _softmax(log_scores: dict[str, float]) -> dict[str, float]:
    top = max(log_scores.values())
    weights = {lang: math.exp(score - top) for lang, score in log_scores.items()}
    total = sum(weights.values())
    return {lang: weight / total for lang, weight in weights.items()}


def _evidence_factor(letters: int) -> float:
    """How far a script alone can be trusted: one stray letter is weak evidence."""
    return min(1.0, 0.5 + 0.25 * letters)


def _distribution(text: object) -> dict[str, float]:
    """Probabilities over our languages for the text; empty when it gives no evidence."""
    cleaned = clean(text)
    counts = count_scripts(cleaned)
    script = dominant_script(counts)
    if script is None:
        return {}
    if script in SCRIPT_LANGUAGE:
        letters = counts[script] + (counts.get("han", 0) if script == "kana" else 0)
        return {SCRIPT_LANGUAGE[script]: 0.99 * _evidence_factor(letters)}
    if script == "han":
        return _fuse(cleaned, HAN_LANGUAGES)
    if script == "cyrillic":
        return _fuse(cleaned, CYRILLIC_LANGUAGES)
    return _fuse(cleaned, LATIN_LANGUAGES)


def _best(distribution: dict[str, float]) -> Detection | None:
    if not distribution:
        return None
    lang = max(distribution, key=lambda code: (distribution[code], code))
    return Detection(lang, round(min(max(distribution[lang], 0.0), 1.0), 4))


# ---------------------------------------------------------------------------------------------
# Public API


def detect_with_confidence(text: str) -> Detection | None:
    """The most likely language with its probability, or None when the text gives no evidence."""
    try:
        return _best(_distribution(text))
    except Exception:  # noqa: BLE001 - a reading app must never fail on a detector's bug
        return None


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language among SUPPORTED_CODES, or None without evidence."""
    detection = detect_with_confidence(text)
    return detection.lang if detection else None


_CONTEXT_PRIOR = {"heading": 0.9, "hashtags": 0.9, "paragraph": 0.75}
"""How likely a block is, before reading it, to be in the article's language."""

_CONTEXT_FLOOR = 1e-3
"""Likelihood left to the article's language when the text's script rules it out."""


def detect_block(text: str, context_lang: str | None, kind: str = "paragraph") -> Detection | None:
    """Language of one block of an article, leaning on the article's language (context_lang).

    Headings and hashtag lines keep the article's language unless their text strongly
    says otherwise; paragraphs lean on it less. The confidence is the posterior used.
    """
    try:
        if kind == "hashtags" and isinstance(text, str):
            text = split_hashtags(sample(text))
        distribution = _distribution(text)
        if context_lang not in SUPPORTED_CODES:
            return _best(distribution)
        prior = _CONTEXT_PRIOR.get(kind, _CONTEXT_PRIOR["paragraph"])
        if not distribution:
            return Detection(context_lang, prior)
        return _best(_with_context(distribution, context_lang, prior))
    except Exception:  # noqa: BLE001 - see detect_with_confidence
        return None


def _with_context(distribution: dict[str, float], context_lang: str, prior: float):
    """Bayes: the text's likelihoods times a prior that favours the article's language."""
    others_prior = (1.0 - prior) / (len(SUPPORTED_CODES) - 1)
    posterior = {lang: p * others_prior for lang, p in distribution.items()}
    context_likelihood = max(distribution.get(context_lang, 0.0), _CONTEXT_FLOOR)
    posterior[context_lang] = context_likelihood * prior
    total = sum(posterior.values())
    return {lang: p / total for lang, p in posterior.items()}


def warm_up() -> None:
    """Build the detectors and load their models now rather than on the first request."""
    for greeting in ("Bonjour à tous", "Привіт усім", "你好"):
        detect(greeting)
