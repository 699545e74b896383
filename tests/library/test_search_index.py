"""Full-text search in French, German, Russian and Japanese: stored, edited, found, marked."""

import pytest
from sqlalchemy import text

from reader.library import articles
from reader.library.search.query import MAX_QUERY_LENGTH, SearchQueryError, search
from tests import databases
from tests.helpers import load_seed


@pytest.fixture(autouse=True)
def _sqlite_full_text(request):
    """These tests pin FTS5's behaviour (prefixes, accents dropped, trigrams); PostgreSQL's
    search stems instead, and its own test is the one marked postgres."""
    if databases.backend() == "postgres" and request.node.get_closest_marker("postgres") is None:
        pytest.skip("SQLite FTS5 behaviour; PostgreSQL search has its own test here")


def _found(session, query, **kwargs):
    return [hit.article.id for hit in search(session, query, **kwargs)]


def _marked(hit) -> list[str]:
    return [part for part, matched in hit.passage if matched]


@pytest.fixture
def library(session):
    """Four seed articles: French, German, Russian and Japanese."""
    return {
        lang: load_seed(session, prefix)
        for lang, prefix in (("fr", "01-fr"), ("de", "02-de"), ("ru", "10-ru"), ("ja", "08-ja"))
    }


def test_french_words_are_found_without_their_accents_and_by_their_start(session, library):
    french = library["fr"].id
    assert _found(session, "soldats") == [french]
    assert _found(session, "coreens") == [french]  # coréens, diacritics removed
    assert _found(session, "soldat") == [french]  # prefix: no French stemmer in FTS5
    (hit,) = search(session, "Pyongyang")
    assert _marked(hit) == ["Pyongyang"]


def test_every_word_must_be_present(session, library):
    assert _found(session, "soldats Pyongyang") == [library["fr"].id]
    assert _found(session, "soldats Straßenbahn") == []


def test_german_words_inside_compounds_found_by_their_start(session, library):
    german = library["de"].id
    assert _found(session, "Straßenbahn") == [german]
    assert _found(session, "strassenbahn") == []  # ß is no ss to unicode61: an honest limit
    (hit,) = search(session, "Linie")
    assert any(word.startswith("Linie") for word in _marked(hit))


def test_russian_words_found_case_insensitively_and_by_their_start(session, library):
    russian = library["ru"].id
    assert _found(session, "скульптур") == [russian]
    assert _found(session, "СКУЛЬПТУР") == [russian]
    assert _found(session, "ледов") == [russian]  # ледовых: by its start, no Russian stemmer
    assert _found(session, "Берёзовая роща") == [russian]


def test_japanese_is_found_without_spaces_even_two_characters_long(session, library):
    japanese = library["ja"].id
    assert _found(session, "新型特急") == [japanese]  # trigram index
    assert _found(session, "特急") == [japanese]  # two characters: LIKE over the rows
    assert _found(session, "特急 営業運転") == [japanese]
    assert _found(session, "新幹線") == []
    (hit,) = search(session, "特急")
    assert "特急" in _marked(hit)


def test_the_title_is_searched_and_marked(session, library):
    french = library["fr"]
    (hit,) = search(session, "Kyiv")
    assert hit.article.id == french.id
    assert [part for part, matched in hit.title if matched] == ["Kyiv"]


def test_the_language_filter_keeps_one_language(session, library):
    assert _found(session, "2024", language="fr") == [library["fr"].id]
    assert _found(session, "soldats", language="de") == []


def test_an_edit_is_found_and_the_old_text_no_longer(session, library):
    french = library["fr"]
    first_paragraph = next(b for b in french.blocks if b.kind == "paragraph")
    articles.edit_block(session, french, first_paragraph.position, "Les pingouins arrivent.")
    assert _found(session, "pingouins") == [french.id]
    assert _found(session, "frontière ukrainienne") == []


def test_a_deleted_article_leaves_the_index(session, library):
    french = library["fr"]
    session.delete(french)
    session.commit()
    assert _found(session, "soldats") == []
    # FTS5 keeps one docsize row per indexed row: German and Russian are all that is left.
    rows = session.execute(text("SELECT count(*) FROM article_search_unicode_docsize")).scalar()
    assert rows == 2


def test_query_syntax_is_taken_as_words(session, library):
    for hostile in ('"', "soldats OR", "NEAR(", "*", "a:b", "-soldats", "'; DROP TABLE x"):
        search(session, hostile)  # no FTS5 syntax error reaches the caller
    assert _found(session, "") == []


def test_a_query_too_long_is_refused(session):
    with pytest.raises(SearchQueryError):
        search(session, "a" * (MAX_QUERY_LENGTH + 1))


def test_articles_stored_before_search_existed_are_indexed_at_start(tmp_path):
    from tests.helpers import make_app

    app = make_app(tmp_path)
    with app.extensions["reader.db"]() as session:
        french = load_seed(session, "01-fr")
        session.execute(text("DELETE FROM article_search"))
        session.commit()
        assert _found(session, "soldats") == []
    app.extensions["reader.speech"].shutdown()
    again = make_app(tmp_path)
    with again.extensions["reader.db"]() as session:
        assert _found(session, "soldats") == [french.id]
    again.extensions["reader.speech"].shutdown()


@pytest.mark.postgres
def test_postgres_full_text_search_stems_and_finds_japanese(session):
    if databases.backend() != "postgres":
        pytest.skip("runs in the PostgreSQL pass (`pytest --db=postgres`, which `make test` runs)")
    french = load_seed(session, "01-fr")
    japanese = load_seed(session, "08-ja")
    assert _found(session, "soldat") == [french.id]  # French stemming: soldats
    (hit,) = search(session, "accords")  # stems to the "accord" of the text
    assert any(part.lower().startswith("accord") for part in _marked(hit))
    assert _found(session, "特急") == [japanese.id]
    assert _found(session, "soldat", language="ja") == []
