"""An article is read in its source's regional voice: en-US in American English, pt-BR in
Brazilian Portuguese, es-419 and es-MX in Latin American Spanish; without a region, as before."""

import pytest

from reader.library.articles import store_article
from reader.library.extract import extract_article
from reader.library.importer import draft_from_html
from reader.library.seedfile import parse_seed
from reader.speech.service import SpeechService
from reader.speech.settings import SpeechConfig
from reader.speech.voice_choice import Choice, espeak_choice, ranked
from reader.text.language_tags import region
from reader.text.languages import LANGUAGES, language_of_espeak_voice

ENGLISH_BODY = (
    "<p>Volunteers counted more hawks over the ridge this autumn than in any year since the "
    "count began, and the organizers say the warm weather kept the birds moving south.</p>" * 4
)


def english_page(lang: str) -> str:
    # One title per tag: an article with the same title and date is the same article.
    title = f"Hawks counted over the ridge ({lang})"
    return (
        f'<html lang="{lang}"><head><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{ENGLISH_BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("tag", "found"),
    [
        ("en-US", "US"),
        ("en_us", "US"),
        ("es-419", "419"),
        ("pt-BR", "BR"),
        ("zh-Hant-TW", "TW"),
        ("de-DE-1996", "DE"),
        ("en", None),
        ("sr-Latn", None),
        ("", None),
        (None, None),
    ],
)
def test_the_region_of_a_language_tag(tag, found):
    assert region(tag) == found


@pytest.mark.parametrize(
    ("lang", "where", "voice"),
    [
        ("en", "US", "gmw/en-us"),
        ("en", "GB", "gmw/en"),
        ("en", None, "gmw/en"),  # today's default stays
        ("en", "AU", "gmw/en"),  # no Australian voice: the language's own
        ("es", "419", "roa/es-419"),
        ("es", "MX", "roa/es-419"),
        ("es", "ES", "roa/es"),
        ("es", None, "roa/es"),
        ("pt", "BR", "roa/pt-br"),
        ("pt", "PT", "roa/pt"),
        ("pt", None, "roa/pt"),
        ("fr", "CA", "roa/fr"),
    ],
)
def test_espeak_voice_by_language_and_region(lang, where, voice):
    assert espeak_choice(lang, where) == Choice("espeak", voice)
    assert language_of_espeak_voice(voice) == lang


def test_the_language_voice_follows_the_regional_one_in_the_ranking():
    assert ranked("en", table={}, region="US") == [
        Choice("espeak", "gmw/en-us"),
        Choice("espeak", "gmw/en"),
    ]
    assert ranked("en", table={}) == [Choice("espeak", "gmw/en")]


def test_a_page_lang_tag_keeps_its_region():
    page = extract_article(english_page("en-US"))
    assert (page.language, page.region) == ("en", "US")
    assert extract_article(english_page("en")).region is None


def test_the_article_stores_the_region_of_its_source(session):
    article, _ = store_article(session, draft_from_html(english_page("en-US")))
    assert (article.language, article.region) == ("en", "US")
    plain, _ = store_article(session, draft_from_html(english_page("en")))
    assert plain.region is None


def test_a_seed_language_header_with_a_region(session):
    seed = "Title: Chuva em São Paulo\nDate-Line: 5 de dezembro de 2025\nLanguage: pt-BR\n\n" + (
        "A chuva forte desta sexta-feira alagou ruas da zona sul de São Paulo e deixou "
        "milhares de pessoas sem energia elétrica durante a tarde. " * 3
    )
    article, _ = store_article(session, parse_seed(seed))
    assert (article.language, article.region) == ("pt", "BR")


def test_the_region_is_dropped_when_the_article_is_read_in_another_language(session):
    article, _ = store_article(session, draft_from_html(english_page("en-US")))
    article.language_override = "fr"
    assert article.region is None


def espeak_service(tmp_path) -> SpeechService:
    return SpeechService(SpeechConfig(cache_root=str(tmp_path / "cache"), engine="espeak"))


@pytest.mark.espeak
@pytest.mark.parametrize(("tag", "voice"), [("en-US", "gmw/en-us"), ("en", "gmw/en")])
def test_every_sentence_is_read_in_the_source_regional_voice(tmp_path, session, tag, voice):
    article, _ = store_article(session, draft_from_html(english_page(tag)))
    speech = espeak_service(tmp_path)
    try:
        _, jobs = speech.request(article)
        assert {job.options.voice for job in jobs} == {voice}
        # The listener's own language choice has no region: the language's voice reads.
        _, chosen = speech.request(article, language="en")
        assert {job.options.voice for job in chosen} == {LANGUAGES["en"].espeak_voice}
    finally:
        speech.shutdown()
