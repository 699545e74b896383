"""The article service stores what it can read and refuses the rest with ArticleError."""

from reader.library.articles import build_article
from reader.library.draft import ArticleDraft, DraftBlock


def test_a_page_date_beyond_the_calendar_in_utc_is_dropped_not_a_crash():
    draft = ArticleDraft(
        title="Le pont",
        blocks=(DraftBlock("paragraph", "Le nouveau pont est ouvert depuis ce matin."),),
        published_iso="0001-01-01T00:00:00+09:00",
    )
    assert build_article(draft).published_utc is None


def test_the_page_state_on_the_drivers_cursor_is_what_sqlalchemy_reads(app, session):
    """The reading page's revision check skips SQLAlchemy's execution: its values (the date
    as a datetime on SQLite too) must be those of the same query run through SQLAlchemy."""
    from reader.library import articles
    from tests.helpers import load_seed

    article = load_seed(session, "08-ja")
    engine = app.extensions["reader.engine"]
    with engine.connect() as connection:
        fast = articles.page_state(connection, article.id)
        through_sqlalchemy = tuple(
            connection.execute(articles._PAGE_STATE, {"article_id": article.id}).one()
        )
        missing = articles.page_state(connection, 10**9)
    assert fast == through_sqlalchemy == (article.revision, "ja", article.published_utc)
    assert missing is None


def test_a_driver_error_in_the_page_state_is_sqlalchemys(app, monkeypatch):
    import pytest
    from sqlalchemy.exc import DBAPIError

    from reader.library import articles

    monkeypatch.setitem(
        articles._PAGE_STATE_BY_DIALECT,
        (
            app.extensions["reader.engine"].dialect.name,
            app.extensions["reader.engine"].dialect.driver,
        ),
        type(
            "Broken", (), {"sql": "SELECT * FROM no_such_table", "parameters": lambda self, v: ()}
        )(),
    )
    with app.extensions["reader.engine"].connect() as connection, pytest.raises(DBAPIError):
        articles.page_state(connection, 1)
