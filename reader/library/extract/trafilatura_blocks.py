"""Run trafilatura on the page and read its XML output as text blocks."""

from __future__ import annotations

import trafilatura
from lxml import etree

from reader.library.extract.blocks import RawBlock
from reader.library.extract.furniture import without_furniture
from reader.library.extract.tokens import collapse_whitespace


def trafilatura_blocks(text: str, url: str | None) -> list[RawBlock]:
    """trafilatura's headings and paragraphs for the page, or [] when it finds nothing."""
    try:
        xml = trafilatura.extract(
            text,
            url=url,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=False,
            fast=True,  # its fallbacks (readability, justext) triple the time; ours is the fallback
        )
    except Exception:  # noqa: BLE001 - a third-party parser failing must not fail the import
        return []
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = root.find("main")
    if main is None:
        return []
    blocks = []
    for element in main.iter("head", "p", "item", "quote", "row"):
        if element.tag == "quote" and element.find("p") is not None:
            continue  # its paragraphs come on their own
        if element.tag == "item" and element.find(".//item") is not None:
            continue  # likewise the items of a nested list
        text = collapse_whitespace(" ".join(element.itertext()))
        if text:
            kind = "heading" if element.tag == "head" else "paragraph"
            blocks.append(RawBlock(kind, text, 0, "traf"))
    return without_furniture(blocks)
