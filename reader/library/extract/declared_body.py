"""Check our body against the articleBody the page declares in JSON-LD, or rebuild the body
from the page blocks that declared text vouches for."""

from __future__ import annotations

from collections import Counter

from lxml import html as lxml_html

from reader.library.extract.blocks import RawBlock, collect_blocks
from reader.library.extract.furniture import without_furniture
from reader.library.extract.tokens import token_key, word_tokens


def agrees_with_declared_body(blocks: list[RawBlock], article_body: str) -> bool:
    """Whether the blocks and the declared body hold (almost) the same words."""
    ours = Counter(tok for block in blocks for tok in word_tokens(block.text))
    declared = Counter(word_tokens(article_body))
    shared = sum((ours & declared).values())
    return bool(shared) and shared >= 0.97 * max(sum(ours.values()), sum(declared.values()))


def declared_body_blocks(
    body: lxml_html.HtmlElement | None, article_body: str, extracted_count: int
) -> list[RawBlock] | None:
    """The DOM blocks the declared articleBody vouches for, when it matches the visible page.

    extracted_count is the token count of the smaller body the extractors found."""
    declared = token_key(article_body)
    declared_count = declared.count(" ") + 1 if declared else 0
    if declared_count < 20 or article_body.rstrip().endswith(("…", "...")):
        return None  # too short or cut off: a summary, not the body
    if declared_count < 0.6 * extracted_count:
        return None  # a teaser-length articleBody: the page holds more than it declares
    if body is None:
        return None
    chosen: list[RawBlock] = []
    seen: set[str] = set()
    covered = 0
    for block in without_furniture(collect_blocks(body)):
        joined = token_key(block.text)
        if not joined or joined in seen:
            continue
        # Whole words only (hence the spaces); a one- or two-word paragraph matches by chance.
        if f" {joined} " in f" {declared} " and (joined.count(" ") >= 2 or block.kind == "heading"):
            chosen.append(block)
            seen.add(joined)
            covered += joined.count(" ") + 1
    if covered >= 0.85 * declared_count:
        return chosen
    return None
