"""The search index's tables: FTS5 tables over article_search on SQLite, and their triggers."""

from sqlalchemy import text
from sqlalchemy.engine import Engine

from reader.library.search.index import index_missing_articles

# One FTS5 table per tokenizer: FTS5 fixes the tokenizer per table. Porter stems English only;
# unicode61 with remove_diacritics matches "resume" to "résumé" in every spaced language; the
# trigram tokenizer matches any run of three characters, for Japanese and Chinese, which have
# no spaces between words (shorter terms are matched with LIKE, see query.py).
TOKENIZERS = {
    "porter": "porter unicode61 remove_diacritics 2",
    "unicode": "unicode61 remove_diacritics 2",
    "trigram": "trigram",
}


def fts_table(tokenizer: str) -> str:
    """The FTS5 table that indexes rows of this tokenizer."""
    return f"article_search_{tokenizer}"


def _statements() -> list[str]:
    statements = [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts_table(name)} USING fts5(title, body, "
        f"content='article_search', content_rowid='article_id', tokenize='{tokenize}')"
        for name, tokenize in TOKENIZERS.items()
    ]
    insert = " ".join(
        f"INSERT INTO {fts_table(name)}(rowid, title, body) "
        f"SELECT new.article_id, new.title, new.body WHERE new.tokenizer = '{name}';"
        for name in TOKENIZERS
    )
    delete = " ".join(
        f"INSERT INTO {fts_table(name)}({fts_table(name)}, rowid, title, body) "
        f"SELECT 'delete', old.article_id, old.title, old.body WHERE old.tokenizer = '{name}';"
        for name in TOKENIZERS
    )
    # External content: FTS5 keeps no copy, so every change of a row must reach its index,
    # the old values deleted exactly as they were indexed.
    statements += [
        "CREATE TRIGGER IF NOT EXISTS article_search_ai AFTER INSERT ON article_search "
        f"BEGIN {insert} END",
        "CREATE TRIGGER IF NOT EXISTS article_search_ad AFTER DELETE ON article_search "
        f"BEGIN {delete} END",
        "CREATE TRIGGER IF NOT EXISTS article_search_au AFTER UPDATE ON article_search "
        f"BEGIN {delete} {insert} END",
    ]
    return statements


def create_search_index(engine: Engine) -> None:
    """Create the full-text tables and triggers (SQLite), and index articles not indexed yet.

    PostgreSQL needs no table of its own: search reads article_search with to_tsvector.
    """
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            for statement in _statements():
                connection.execute(text(statement))
        index_missing_articles(connection)
