"""The search text of each article, rewritten in the same transaction as any change to it."""

from sqlalchemy import delete, event, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from reader.models import Article, ArticleSearchText, Block

# Languages written without spaces between words: FTS5's trigram tokenizer finds any part.
UNSPACED_LANGUAGES = frozenset({"ja", "zh"})
# Languages FTS5 stems (its porter stemmer is English only).
STEMMED_LANGUAGES = frozenset({"en"})
UNSEARCHED_KINDS = ("hashtags",)  # the tag line repeats the title's words


def tokenizer_for(language: str | None) -> str:
    """Which full-text table indexes an article in this language."""
    if language in UNSPACED_LANGUAGES:
        return "trigram"
    if language in STEMMED_LANGUAGES:
        return "porter"
    return "unicode"


def index_articles(connection: Connection, article_ids: set[int]) -> None:
    """Rewrite the search rows of these articles from the stored ones (gone: row removed)."""
    if not article_ids:
        return
    ids = sorted(article_ids)
    connection.execute(delete(ArticleSearchText).where(ArticleSearchText.article_id.in_(ids)))
    heads = connection.execute(
        select(Article.id, Article.title, Article.language).where(Article.id.in_(ids))
    ).all()
    blocks = connection.execute(
        select(Block.article_id, Block.text)
        .where(Block.article_id.in_(ids), Block.kind.not_in(UNSEARCHED_KINDS))
        .order_by(Block.article_id, Block.position)
    ).all()
    bodies: dict[int, list[str]] = {}
    for article_id, block_text in blocks:
        bodies.setdefault(article_id, []).append(block_text)
    rows = [
        {
            "article_id": article_id,
            "language": language,
            "tokenizer": tokenizer_for(language),
            "title": title,
            "body": "\n".join(bodies.get(article_id, [])),
        }
        for article_id, title, language in heads
    ]
    if rows:
        connection.execute(insert(ArticleSearchText), rows)


def index_missing_articles(connection: Connection) -> None:
    """Index every article that has no search row (a database made before search existed)."""
    indexed = select(ArticleSearchText.article_id)
    missing = connection.scalars(select(Article.id).where(Article.id.not_in(indexed))).all()
    index_articles(connection, set(missing))


def _touched_articles(session: Session) -> set[int]:
    touched = set()
    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, Article):
            touched.add(instance.id)
        elif isinstance(instance, Block):
            touched.add(instance.article_id)
    touched.discard(None)
    return touched


def _collect(session: Session, _flush_context) -> None:
    # After the flush every new row has its id; the rewrite runs in the same transaction.
    session.info.setdefault("search_touched", set()).update(_touched_articles(session))


def _rewrite(session: Session, _flush_context) -> None:
    touched = session.info.pop("search_touched", set())
    if touched:
        index_articles(session.connection(), touched)


def keep_in_sync(sessions) -> None:
    """Rewrite the search text of every article a flush of these sessions added or changed.

    `sessions` is a sessionmaker (or Session class). Every path that stores, edits or deletes
    an article goes through a flush, so none can leave the index behind.
    """
    if not event.contains(sessions, "after_flush", _collect):
        event.listen(sessions, "after_flush", _collect)
        event.listen(sessions, "after_flush_postexec", _rewrite)
