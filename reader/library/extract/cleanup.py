"""Last pass over the chosen blocks: drop the headline, date and byline lines, repeats and
trailing headings, and give callers plain headings and paragraphs."""

from __future__ import annotations

from collections import Counter

from reader.library.extract.article import Block
from reader.library.extract.blocks import RawBlock
from reader.library.extract.furniture import BYLINE_LINE
from reader.library.extract.tokens import token_key

# A line repeated in a list or a table is data (a result table, a recipe's steps), not a label.
LIST_AND_TABLE_CELLS = frozenset({"li", "td", "th", "dt", "dd"})


def printed_byline(blocks: list[RawBlock]) -> str | None:
    """The byline printed under the headline ("By Jane Doe"), which final_blocks leaves out."""
    for raw in blocks[:4]:
        if len(raw.text) < 80 and BYLINE_LINE.match(raw.text):
            return raw.text.strip()
    return None


def final_blocks(blocks: list[RawBlock], title: str, date_line: str | None) -> list[Block]:
    """The article body as callers get it; the title and date line are shown apart from it."""
    title_key = token_key(title)
    date_key = token_key(date_line or "")
    keys = [token_key(raw.text) for raw in blocks]
    repeats = Counter(keys)
    seen: set[str] = set()
    result: list[Block] = []
    for index, (raw, key) in enumerate(zip(blocks, keys, strict=True)):
        if not key or key in seen or key == title_key:
            continue
        if repeats[key] > 1 and len(raw.text) < 150 and raw.tag not in LIST_AND_TABLE_CELLS:
            continue  # a line printed several times is a promo or label, not prose
        if date_key and key == date_key:
            continue
        if index < 4 and len(raw.text) < 80 and BYLINE_LINE.match(raw.text):
            continue  # a byline sits right under the headline
        seen.add(key)
        kind = "paragraph" if raw.kind == "paragraph" else "heading"
        result.append(Block(kind, raw.text))
    while result and result[-1].kind == "heading":
        result.pop()  # a trailing heading introduced a section we cut (related, comments)
    return result
