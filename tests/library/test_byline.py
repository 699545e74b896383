"""Bylines are kept on import: declared by a page, printed under its headline, or in pasted text."""

from reader.library.extract import extract_article
from reader.library.importer import draft_from_text

PARAGRAPH = (
    "<p>Volunteers counted a record number of migrating hawks over the ridge this week, more "
    "than in any autumn since the count began in 1974, and they expect more to come.</p>"
)


def page(head="", top=""):
    return (
        f"<html lang='en'><head><title>Hawks over the ridge</title>{head}</head><body><article>"
        f"<h1>Hawks over the ridge</h1>{top}{PARAGRAPH * 3}</article></body></html>"
    )


def test_a_json_ld_author_is_the_byline():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Hawks over '
        'the ridge", "author": [{"@type": "Person", "name": "Jane Doe"}, '
        '{"@type": "Person", "name": "Ali Ben"}]}</script>'
    )
    assert extract_article(page(head=ld)).byline == "Jane Doe, Ali Ben"


def test_a_printed_byline_is_kept_and_left_out_of_the_body():
    article = extract_article(page(top="<p>By Jane Doe</p>"))
    assert article.byline == "By Jane Doe"
    assert all("Jane Doe" not in block.text for block in article.blocks)


def test_an_author_given_as_an_address_is_not_a_byline():
    meta = "<meta property='article:author' content='https://example.org/jane'>"
    assert extract_article(page(head=meta)).byline is None


def test_pasted_text_keeps_its_byline_out_of_the_body():
    draft = draft_from_text(
        "Seals return to the bay\nPar Marie Curie\n\nLes phoques sont revenus mardi dans la baie, "
        "une première depuis des années selon le gardien du phare.\n"
    )
    assert draft.byline == "Par Marie Curie"
    assert all("Marie Curie" not in block.text for block in draft.blocks)
