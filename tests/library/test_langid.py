"""Tests for reader.library.langid: language detection of texts and article blocks."""

import dataclasses
import json
import os
import subprocess
import sys

import pytest

from reader.library.langid import (
    Detection,
    count_scripts,
    detect,
    detect_block,
    detect_with_confidence,
    split_hashtags,
)
from reader.text.languages import SUPPORTED_CODES

SENTENCES = {
    "fr": "La mairie a décidé de fermer la piscine municipale pendant tout l'été.",
    "de": "Der Zug nach Hamburg hat heute wegen einer Signalstörung zwei Stunden Verspätung.",
    "en": "The library will stay open until midnight during the exam period.",
    "uk": "Мешканці будинку скаржаться на відсутність гарячої води вже третій тиждень.",
    "ru": "Жители дома жалуются на отсутствие горячей воды уже третью неделю.",
    "ko": "시청은 여름 동안 시립 수영장을 닫기로 결정했다.",
    "ja": "市役所は夏の間、市営プールを閉鎖することを決めた。",
    "zh": "市政府决定在整个夏天关闭市立游泳池。",
    "ar": "قررت البلدية إغلاق المسبح البلدي طوال فصل الصيف.",
    "es": "El ayuntamiento ha decidido cerrar la piscina municipal durante todo el verano.",
    "it": "Il comune ha deciso di chiudere la piscina comunale per tutta l'estate.",
    "pt": "A câmara municipal decidiu fechar a piscina durante todo o verão.",
    "nl": "De gemeente heeft besloten het zwembad de hele zomer te sluiten.",
    "pl": "Władze miasta postanowiły zamknąć miejski basen na całe lato.",
    "tr": "Belediye, şehir havuzunu bütün yaz boyunca kapatmaya karar verdi.",
    "sv": "Kommunen har beslutat att stänga simhallen under hela sommaren.",
    "el": "Ο δήμος αποφάσισε να κλείσει το δημοτικό κολυμβητήριο όλο το καλοκαίρι.",
    "he": "העירייה החליטה לסגור את הבריכה העירונית במשך כל הקיץ.",
    "hi": "नगर निगम ने पूरी गर्मी नगरपालिका का स्विमिंग पूल बंद रखने का फैसला किया।",
    "cs": "Radnice se rozhodla zavřít městské koupaliště na celé léto.",
}

SHORT_TEXTS = {
    "fr": ["merci beaucoup", "bonne soirée"],
    "de": ["Guten Morgen", "Straßenbahn"],
    "en": ["thank you", "the weather"],
    "uk": ["дякую", "їжак"],
    "ru": ["спасибо", "съешь"],
    "ko": ["감사합니다", "오늘"],
    "ja": ["ありがとう", "駅"],
    "zh": ["谢谢", "电脑"],
    "ar": ["شكرا", "صباح الخير"],
    "es": ["gracias amigo", "mañana"],
    "it": ["grazie mille", "buongiorno"],
    "pt": ["obrigado", "não"],
    "nl": ["bedankt", "goedemorgen"],
    "pl": ["dziękuję", "dzień dobry"],
    "tr": ["teşekkürler", "günaydın"],
    "sv": ["tack så mycket", "välkommen"],
    "el": ["ευχαριστώ", "καλημέρα"],
    "he": ["תודה", "שלום"],
    "hi": ["धन्यवाद", "नमस्ते"],
    "cs": ["děkuji", "dobrý den"],
}

NO_EVIDENCE = [
    "",
    "   \n\t ",
    "12345 678",
    "!!! ... ??? — (…)",
    "https://example.com/articles/2024/05/kyiv?id=3",
    "www.example.org",
    "someone@example.com",
    "😀🎉👍",
    "#",
    "2024-05-01 12:30 · 3,5 % · 42",
]


def test_every_supported_language_is_covered():
    assert set(SENTENCES) == set(SUPPORTED_CODES) == set(SHORT_TEXTS)


@pytest.mark.parametrize("lang", SUPPORTED_CODES)
def test_sentence(lang):
    found = detect_with_confidence(SENTENCES[lang])
    assert found == Detection(lang, found.confidence)
    assert found.confidence >= 0.9


@pytest.mark.parametrize(
    "lang,text",
    [(lang, text) for lang, texts in SHORT_TEXTS.items() for text in texts],
    ids=[f"{lang}-{i}" for lang, texts in SHORT_TEXTS.items() for i in range(len(texts))],
)
def test_short_text(lang, text):
    assert detect(text) == lang


@pytest.mark.parametrize("text", NO_EVIDENCE, ids=range(len(NO_EVIDENCE)))
def test_no_evidence_is_none(text):
    assert detect(text) is None
    assert detect_with_confidence(text) is None
    assert detect_block(text, None, "heading") is None


@pytest.mark.parametrize(
    "text",
    [
        "\ud800\udfff broken surrogates \udc00",
        "".join(chr(code) for code in range(0, 0x3000, 7)),
        bytes(range(256)).decode("latin-1") * 20,
        "\x00\x01\x02 Guten \x7f Tag",
        "a",
        "Ünïcödé ünd ßtränge",
    ],
    ids=["surrogates", "codepoint-soup", "binary", "controls", "one-letter", "mixed-diacritics"],
)
def test_never_raises_on_odd_input(text):
    found = detect_with_confidence(text)
    assert found is None or (found.lang in SUPPORTED_CODES and 0.0 <= found.confidence <= 1.0)


@pytest.mark.parametrize("value", [None, 42, b"bytes"], ids=["none", "int", "bytes"])
def test_non_text_is_none(value):
    assert detect(value) is None
    assert detect_block(value, None) is None


def test_huge_text_is_capped():
    text = "Die Regierung hat heute neue Maßnahmen beschlossen. " * 200_000  # ~10 MB
    assert detect(text) == "de"


def test_detection_is_frozen():
    found = detect_with_confidence(SENTENCES["fr"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.lang = "en"


def test_same_answer_every_call():
    texts = [*SENTENCES.values(), *(t for texts in SHORT_TEXTS.values() for t in texts)]
    first = [detect_with_confidence(text) for text in texts]
    assert [detect_with_confidence(text) for text in reversed(texts)] == first[::-1]


def test_same_answer_in_another_process():
    texts = ["merci", "hallo", "ciao bella", "pes", "auto", "школа", SENTENCES["nl"]]
    script = (
        "import json, sys\n"
        "from reader.library.langid import detect_with_confidence as d\n"
        "print(json.dumps([[f.lang, f.confidence] if (f := d(t)) else None "
        "for t in json.loads(sys.argv[1])]))\n"
    )
    here = [[f.lang, f.confidence] if (f := detect_with_confidence(t)) else None for t in texts]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", script, json.dumps(texts)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    assert json.loads(other.stdout) == here


def test_cyrillic_letters_split_ukrainian_from_russian():
    assert detect("Їжачок їсть яблуко") == "uk"
    assert detect("Съешь ещё этих мягких булок") == "ru"


def test_scripts_are_counted():
    assert count_scripts("Kyiv Київ 東京 とうきょう 서울") == {
        "latin": 4,
        "cyrillic": 4,
        "han": 2,
        "kana": 5,
        "hangul": 2,
    }


def test_split_hashtags():
    assert (
        split_hashtags("#PremièresVictimes #Kiev #covid_19") == "Premières Victimes Kiev covid 19"
    )


def test_heading_inherits_article_language():
    found = detect_block("Volodymyr Zelensky à Kiev", "fr", "heading")
    assert found.lang == "fr"
    assert detect_block("Live", "fr", "heading").lang == "fr"


def test_hashtags_inherit_article_language():
    found = detect_block("#Premières #victimes #signalées #Kiev", "fr", "hashtags")
    assert found.lang == "fr"
    assert detect_block("#Kyiv #Zelensky #Live", "de", "hashtags").lang == "de"


def test_hashtags_in_camel_case_are_read_as_words():
    assert detect_block("#BreakingNews #WeatherWarning", None, "hashtags").lang == "en"


def test_clear_sentence_overrides_article_language():
    found = detect_block(
        "The minister said the talks would resume next week in Brussels.", "fr", "paragraph"
    )
    assert found.lang == "en"
    assert found.confidence >= 0.9


def test_heading_in_another_script_is_not_inherited():
    assert detect_block("우크라이나 전쟁", "fr", "heading").lang == "ko"


def test_weak_paragraph_keeps_article_language():
    assert detect_block("Kyiv, 24 février", "fr", "paragraph").lang == "fr"
    assert detect_block("OK", "de", "paragraph").lang == "de"


def test_block_without_evidence_inherits_when_context_is_known():
    found = detect_block("2024", "it", "heading")
    assert found.lang == "it"


def test_block_without_context_is_plain_detection():
    assert detect_block(SENTENCES["sv"], None) == detect_with_confidence(SENTENCES["sv"])
    assert detect_block(SENTENCES["sv"], "xx").lang == "sv"


@pytest.mark.parametrize(
    "lang,text",
    [("fr", "LA GUERRE EN UKRAINE"), ("de", "GUTEN MORGEN"), ("es", "¡Corre!"), ("tr", "İmdat!")],
    ids=["fr-caps", "de-caps", "es-marks", "tr-dotted-capital"],
)
def test_headline_case_and_marks(lang, text):
    assert detect(text) == lang


def test_huge_hashtag_line_does_not_raise():
    found = detect_block("#Kyiv" * 2_000_000, "fr", "hashtags")
    assert found is not None and found.lang in SUPPORTED_CODES
