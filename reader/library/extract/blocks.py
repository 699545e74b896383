"""Walk an HTML subtree into candidate text blocks (headings and paragraphs) in reading order."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import html as lxml_html

from reader.library.extract.tokens import collapse_whitespace, word_tokens

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Leaf blocks: their whole text is one block, whatever inline markup they hold.
TEXT_BLOCK_TAGS = frozenset({"p", "pre", "li", "dt", "dd", "blockquote", "td", "th", "address"})
BLOCK_TAGS = (
    HEADING_TAGS
    | TEXT_BLOCK_TAGS
    | frozenset(
        {
            "article", "aside", "body", "center", "details", "dialog", "div", "dl", "fieldset",
            "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "main", "nav",
            "ol", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "html",
        }
    )
)  # fmt: skip
# How a finished sentence ends in the scripts we read; labels and menu items rarely do.
PROSE_ENDINGS = ".!?。！？»\"”“'’)…؟।"
# A blank line inside inline text (two <br>, or a newline pair) separates two paragraphs.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\xa0]*\n")


@dataclass
class RawBlock:
    """A candidate block found in the DOM, with what the filters need to judge it."""

    kind: str
    """"heading", "h1" or "paragraph"."""
    text: str
    link_chars: int = 0
    tag: str = "p"
    """The element it came from ("div" for loose inline text, "traf" for trafilatura's)."""

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)


def token_count(blocks: Iterable[RawBlock]) -> int:
    return sum(len(word_tokens(block.text)) for block in blocks)


class _InlineBuffer:
    """Collects inline text between block elements; br pairs split paragraphs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.link_chars = 0

    def add(self, text: str | None, in_link: bool = False) -> None:
        if text:
            self.parts.append(text)
            if in_link:
                self.link_chars += len(text.strip())

    def flush(self, into: list[RawBlock]) -> None:
        if not self.parts:
            return
        raw = "".join(self.parts)
        pieces = [collapse_whitespace(piece) for piece in PARAGRAPH_BREAK.split(raw)]
        pieces = [piece for piece in pieces if piece]
        for piece in pieces:
            # The buffer's link text is shared out by length: which piece held it is lost.
            share = self.link_chars * len(piece) // max(sum(len(p) for p in pieces), 1)
            into.append(RawBlock("paragraph", piece, link_chars=share, tag="div"))
        self.parts, self.link_chars = [], 0


def collect_blocks(root: lxml_html.HtmlElement) -> list[RawBlock]:
    """Every heading and paragraph under root, in document order."""
    blocks: list[RawBlock] = []
    buffer = _InlineBuffer()
    _walk(root, blocks, buffer, elements_holding_blocks(root))
    buffer.flush(blocks)
    return blocks


def _walk(
    element: lxml_html.HtmlElement,
    blocks: list[RawBlock],
    buffer: _InlineBuffer,
    holders: set,
) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in HEADING_TAGS:
        buffer.flush(blocks)
        text = collapse_whitespace(element.text_content())
        if text:
            kind = "heading" if tag != "h1" else "h1"
            blocks.append(RawBlock(kind, text, link_chars(element), tag))
        return
    has_blocks = element in holders
    if tag in TEXT_BLOCK_TAGS and not has_blocks:
        buffer.flush(blocks)
        text = collapse_whitespace(_text_with_breaks(element))
        if text:
            blocks.append(RawBlock("paragraph", text, link_chars(element), tag))
        return
    if tag in BLOCK_TAGS or has_blocks:
        buffer.flush(blocks)
        buffer.add(element.text)
        for child in element:
            _walk(child, blocks, buffer, holders)
            buffer.add(child.tail)
        buffer.flush(blocks)
        return
    if tag == "br":
        buffer.add("\n")
        return
    buffer.add(element.text_content(), in_link=tag == "a")


def _text_with_breaks(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.itertext())


def elements_holding_blocks(root: lxml_html.HtmlElement) -> set:
    """Every element with a block-level descendant, found in one pass over the tree."""
    holders: set = set()
    for node in root.iter():
        if not isinstance(node.tag, str) or node.tag not in BLOCK_TAGS:
            continue
        parent = node.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders


def link_chars(element: lxml_html.HtmlElement) -> int:
    """How many characters of the element's text sit inside links."""
    return sum(len(collapse_whitespace(a.text_content())) for a in element.iter("a"))
