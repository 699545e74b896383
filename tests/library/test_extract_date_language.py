"""The article's publication time (declared date, htmldate and the printed line reconciled)
and its language (the page's tag checked against the text)."""

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from reader.library import dates
from reader.library.extract import extract_article
from reader.library.extract.language import page_language

DEV_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "dev-data" / "extract"

GERMAN = (
    "Die Stadtverwaltung hat am Montag neue Pläne für den Ausbau der Radwege vorgestellt. "
    "Nach Angaben des Bürgermeisters sollen in den nächsten drei Jahren mehr als vierzig "
    "Kilometer neue Strecken entstehen, die vor allem Schulen und Bahnhöfe verbinden."
)
FRENCH = (
    "La mairie a présenté lundi un nouveau plan pour développer les pistes cyclables. "
    "Selon le maire, plus de quarante kilomètres de nouvelles voies doivent être construits "
    "au cours des trois prochaines années, surtout autour des écoles et des gares."
)
ENGLISH = (
    "The city council presented new plans on Monday to expand the network of cycle lanes. "
    "According to the mayor, more than forty kilometres of new routes will be built over "
    "the next three years, mostly linking schools and railway stations."
)


def page(body: str, head: str = "", lang: str | None = "en") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (
        f"<html{lang_attr}><head><title>Neue Radwege</title>{head}</head>"
        f"<body><article><h1>Neue Radwege</h1>{body}</article></body></html>"
    )


def meta(published: str) -> str:
    return f'<meta property="article:published_time" content="{published}">'


# ------------------------------------------------------------------ publication time


def test_the_declared_date_and_time_win():
    article = extract_article(page(f"<p>{ENGLISH}</p>", meta("2024-03-04T10:12:00+01:00")))
    assert article.published_iso == "2024-03-04T10:12:00+01:00"


def test_a_declared_day_takes_its_time_from_the_printed_line_of_the_same_day():
    body = f'<p class="date">4 March 2024, 10:12</p><p>{ENGLISH}</p>'
    article = extract_article(page(body, meta("2024-03-04")))
    assert article.published_iso == "2024-03-04T10:12:00"


def test_a_printed_time_on_another_day_is_not_attached_to_the_declared_day():
    body = f'<p class="date">Updated 9 March 2024, 18:40</p><p>{ENGLISH}</p>'
    article = extract_article(page(body, meta("2024-03-04")))
    assert article.published_iso == "2024-03-04"


def test_without_metadata_htmldate_reads_the_page():
    body = f'<time datetime="2023-11-05">5 November 2023</time><p>{ENGLISH}</p>'
    article = extract_article(page(body))
    assert article.published_iso == "2023-11-05"


def test_an_unreadable_declared_date_gives_way_to_htmldate():
    head = meta("sometime last spring")
    body = f'<time datetime="2023-11-05T08:15:00">5 November 2023</time><p>{ENGLISH}</p>'
    article = extract_article(page(body, head))
    assert article.published_iso == "2023-11-05T08:15:00"


def test_a_page_without_any_date_has_none():
    article = extract_article(page(f"<p>{ENGLISH}</p>"))
    assert article.published_iso is None


def test_a_day_without_a_time_is_stored_without_one(tmp_path):
    from reader.library.articles import build_article
    from reader.library.importer import draft_from_html

    built = build_article(draft_from_html(page(f"<p>{ENGLISH}</p>", meta("2024-03-04"))))
    assert built.published_utc == datetime(2024, 3, 4)
    assert built.published_has_time is False


# ------------------------------------------------------------------ language


def test_a_page_tagged_english_whose_text_is_german_is_german():
    assert extract_article(page(f"<p>{GERMAN}</p>", lang="en")).language == "de"


def test_an_untagged_page_takes_the_language_of_its_text():
    assert extract_article(page(f"<p>{FRENCH}</p>", lang=None)).language == "fr"


def test_a_right_tag_stays():
    assert extract_article(page(f"<p>{GERMAN}</p>", lang="de")).language == "de"
    assert extract_article(page(f"<p>{ENGLISH}</p>", lang="en-GB")).language == "en"


def test_a_few_words_do_not_overrule_the_tag():
    assert page_language("en", "Neue Radwege in der Stadt") == "en"
    assert page_language(None, "Neue Radwege in der Stadt") is None


def test_a_tag_the_detector_cannot_judge_stays():
    finnish = (
        "Kaupunginvaltuusto esitteli maanantaina uudet suunnitelmat pyöräteiden "
        "laajentamiseksi. Pormestarin mukaan seuraavien kolmen vuoden aikana rakennetaan yli "
        "neljäkymmentä kilometriä uusia reittejä, jotka yhdistävät kouluja ja asemia."
    )
    assert page_language("fi", finnish) == "fi"


# ------------------------------------------------------------------ real pages


def dev_pages():
    """(html bytes, url) of the shared dev set's pages, or a skip where it is absent."""
    if not DEV_DATA.is_dir():
        pytest.skip(f"the shared dev data is not beside this checkout ({DEV_DATA})")
    rows = []
    for folder, index in (("aeb", "ground-truth.jsonl"), ("traf", "snippets.jsonl")):
        for line in (DEV_DATA / folder / index).read_text("utf-8").splitlines():
            record = json.loads(line)
            rows.append(((DEV_DATA / folder / record["file"]).read_bytes(), record["url"]))
    return rows


@pytest.mark.slow
def test_real_pages_get_a_publication_date_that_agrees_with_the_printed_one():
    pages = dev_pages()[::4]  # a quarter of the 400 pages keeps the test quick
    articles = [a for a in (extract_article(html, url) for html, url in pages) if a]
    dated = [a for a in articles if a.published_iso]
    assert len(dated) >= 0.85 * len(articles)  # the metadata alone dated 72 % of them
    agree = checked = 0
    for article in dated:
        day = date.fromisoformat(article.published_iso[:10])
        printed = dates.parse(article.date_line, article.language) if article.date_line else None
        if printed is None or article.date_line == article.published_iso:
            continue
        checked += 1
        # A day apart is the same moment told in UTC and in the newsroom's zone.
        agree += abs((printed.date() - day).days) <= 1
    assert checked >= 40
    assert agree >= 0.9 * checked
