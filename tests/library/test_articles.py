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
