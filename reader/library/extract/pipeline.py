"""Page in, article out: read the page's metadata, find its body, clean it up."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

from reader.library.extract.article import ExtractedArticle
from reader.library.extract.blocks import RawBlock, token_count
from reader.library.extract.boilerplate import without_boilerplate
from reader.library.extract.cleanup import final_blocks, printed_byline
from reader.library.extract.declared_body import agrees_with_declared_body, declared_body_blocks
from reader.library.extract.density import density_blocks
from reader.library.extract.furniture import without_furniture
from reader.library.extract.fusion import fuse
from reader.library.extract.language import page_language
from reader.library.extract.metadata import PageFacts, page_facts
from reader.library.extract.publication import publication_iso
from reader.library.extract.tokens import token_key, word_tokens
from reader.library.extract.trafilatura_blocks import trafilatura_blocks
from reader.library.html_page import decode_html, parse_html

MIN_BODY_TOKENS = 8


def extract_text(html: str | bytes, url: str | None = None) -> str | None:
    """The headline and body of the article in a news page, blocks separated by a blank line."""
    article = extract_article(html, url)
    return article.text if article else None


def extract_article(html: str | bytes, url: str | None = None) -> ExtractedArticle | None:
    """The article in a news page, or None when the page holds no article text."""
    try:
        return _extract_article(html, url)
    except (ValueError, TypeError, LookupError, RecursionError, etree.LxmlError):
        # Pages come from anywhere; a page we cannot read is "no article", never a crash.
        # (MemoryError goes on up: a page too big to read is "too large", not "no article".)
        return None


def _extract_article(html: str | bytes, url: str | None) -> ExtractedArticle | None:
    text = decode_html(html)
    tree = parse_html(text)
    if tree is None:
        return None
    facts = page_facts(tree)
    raw_blocks = _body_blocks(tree, text, url, facts)
    blocks = final_blocks(raw_blocks, facts.title, facts.date_line)
    if sum(len(word_tokens(block.text)) for block in blocks) < MIN_BODY_TOKENS:
        return None  # a stray menu label or a lone caption is not an article
    title = facts.title or ""
    parts = ([title] if title else []) + [block.text for block in blocks]
    text = "\n\n".join(parts)
    language = page_language(facts.language, text)
    published = publication_iso(tree, facts.published_iso, facts.date_line, url, language)
    return ExtractedArticle(
        title=title,
        date_line=facts.date_line or published,
        published_iso=published,
        language=language,
        # The region of the page's tag only where the text kept the tag's language.
        region=facts.region if language == facts.language else None,
        site_name=facts.site_name,
        blocks=tuple(blocks),
        text=text,
        byline=facts.byline or printed_byline(raw_blocks),
    )


def _body_blocks(
    tree: lxml_html.HtmlElement, text: str, url: str | None, facts: PageFacts
) -> list[RawBlock]:
    """Our density pick fused with trafilatura's, unless the page's JSON-LD body says better."""
    cleaned = without_boilerplate(tree)
    body = cleaned.find("body")
    own = without_furniture(density_blocks(body)) if body is not None else []
    traf = trafilatura_blocks(text, url)
    kept_text = token_key(body.text_content()) if body is not None else ""
    candidate = fuse(own, traf, kept_text)
    smallest = min(token_count(own) or 10**9, token_count(traf) or 10**9)
    for article_body in facts.json_ld_bodies:
        if agrees_with_declared_body(candidate, article_body):
            return candidate  # the declared body confirms ours; no need to re-walk the page
        guided = declared_body_blocks(body, article_body, smallest)
        if guided:
            return guided
    return candidate
