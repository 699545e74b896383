"""An import's source (text, upload, page or address) analysed within the app's limits."""

from collections.abc import Callable

from flask import current_app

from reader.db import get_session
from reader.library import articles as article_service
from reader.library import bounded, importer


def store_imported(make_draft: Callable, *args):
    """make_draft(*args) analysed in a bounded child process, then stored: (article, created)."""
    config = current_app.config
    limits = bounded.Limits(config["IMPORT_SECONDS"], config["IMPORT_MEMORY_MB"])
    timezone = config["DEFAULT_TIMEZONE"]
    prepared = bounded.prepare(make_draft, args, timezone, limits)
    return article_service.store_article(
        get_session(), prepared.draft, timezone, built=prepared.article
    )


def store_from_url(url: str):
    """The page at the address, fetched (public addresses only, bounded in time and size)."""
    config = current_app.config
    page = importer.fetch_page(
        url,
        config["MAX_CONTENT_LENGTH"],
        importer.FETCH_TIMEOUT_SECONDS,
        allow_private=config["IMPORT_ALLOW_PRIVATE"],
    )
    return store_imported(importer.draft_from_fetched, page)
