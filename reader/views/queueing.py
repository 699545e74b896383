"""What the player's queue gets for an article: id, title, its language, its page and audio."""

from flask import url_for

from reader.models import Article
from reader.views import present


def queue_item(article: Article) -> dict:
    """One entry of a queue, as the browser keeps it (static/js/queue.js)."""
    return {
        "id": article.id,
        "title": article.title,
        "lang": article.language or "",
        "dir": present.text_direction(article.language),
        "page": url_for("articles.read", article_id=article.id),
        "audio": url_for("listen.audio", article_id=article.id),
    }
