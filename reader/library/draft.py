"""ArticleDraft: an article as read from a file or page, before it is stored."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DraftBlock:
    """A body block: its kind (heading, paragraph, hashtags) and text."""

    kind: str
    text: str


@dataclass(frozen=True)
class ArticleDraft:
    """Everything an importer found; the article service detects and parses the rest."""

    title: str
    date_line: str | None = None
    blocks: tuple[DraftBlock, ...] = field(default_factory=tuple)
    declared_language: str | None = None
    declared_region: str | None = None
    """The region the source's language tag names ("US" in en-US): it picks a regional voice."""
    timezone: str | None = None
    source: str | None = None
    source_url: str | None = None
    byline: str | None = None
    """Who wrote the article ("By Jane Doe"), as the source prints or declares it."""
    machine_translated_from: str | None = None
    published_iso: str | None = None
    """A machine-readable publication time from page metadata, when the page had one."""


def is_hashtag_line(text: str) -> bool:
    """A line whose every word is a #tag."""
    words = text.split()
    return bool(words) and all(word.startswith("#") and len(word) > 1 for word in words)
