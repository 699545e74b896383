"""The extracted article as callers receive it: headline, metadata and body blocks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One body block of an article, in reading order."""

    kind: str
    """"heading" or "paragraph"."""
    text: str


@dataclass(frozen=True)
class ExtractedArticle:
    """What the importer needs from a news page."""

    title: str
    date_line: str | None
    published_iso: str | None
    language: str | None
    site_name: str | None
    blocks: tuple[Block, ...]
    text: str
    byline: str | None = None
    """Who wrote it, as the page declares or prints it under the headline."""
    region: str | None = None
    """The region of the page's language tag ("US" in lang="en-US"), if it gives one."""
