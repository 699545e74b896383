"""Find the article's container by text-density scoring and read its blocks."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from reader.library.extract.blocks import (
    BLOCK_TAGS,
    HEADING_TAGS,
    PROSE_ENDINGS,
    RawBlock,
    collect_blocks,
    elements_holding_blocks,
)
from reader.library.extract.boilerplate import class_and_id
from reader.library.extract.tokens import collapse_whitespace

# Class/id hints for and against a container holding the article (adapted from readability's).
POSITIVE_HINT = re.compile(
    r"article|body|content|entry|main|post|story|text|prose|column|blog|news", re.IGNORECASE
)
NEGATIVE_HINT = re.compile(
    r"comment|meta|footer|sidebar|related|teaser|promo|widget|share|social|sponsor|shopping|"
    r"combx|community|contact|header|masthead|outbrain|pager|popup|tweet|card|list|tag",
    re.IGNORECASE,
)
# A linked headline among an element's children: the element is a card for another story.
TEASER_HEADLINE = etree.XPath(
    "./*[self::h2 or self::h3 or self::h4 or self::h5][.//a] | ./a[.//h2 or .//h3 or .//h4]"
    " | ./*[self::div or self::span or self::header][.//a][.//h2 or .//h3 or .//h4]"
)
# Commas and semicolons of any script: each one is a sign of running prose.
SENTENCE_COMMAS = re.compile(r"[,，、،;；]")
SCORED_TAGS = ("p", "pre", "td", "li", "div", "section", "blockquote")
# Starting scores by tag: containers that usually wrap the article start ahead.
TAG_SCORES = {"div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3}
LIST_AND_FORM_TAGS = ("ol", "ul", "dl", "li", "form", "address")


def density_blocks(body: lxml_html.HtmlElement) -> list[RawBlock]:
    """The blocks of the best-scoring container and of its siblings that belong with it."""
    scores = _container_scores(body)
    if not scores:
        return []
    top = max(scores, key=scores.get)
    top = _climb(top, scores)
    chosen = _with_related_siblings(top, scores)
    blocks: list[RawBlock] = []
    for element in chosen:
        blocks.extend(collect_blocks(element))
    return blocks


def _container_scores(body: lxml_html.HtmlElement) -> dict:
    # Each text element's score goes to its parent, half to its grandparent, a third above.
    scores: dict = {}
    holders = elements_holding_blocks(body)
    for element in body.iter(*SCORED_TAGS):
        if element.tag in ("div", "section", "td") or element in holders:
            text = _direct_text(element, holders)
        else:
            text = collapse_whitespace(element.text_content())
        if len(text) < 25 or _is_teaser_summary(element):
            continue
        weight = 0.5 if element.tag == "li" else 1.0
        score = weight * (1 + len(SENTENCE_COMMAS.findall(text)) + min(len(text) / 100, 3))
        score *= 1 - link_density(element)
        for level, ancestor in enumerate(_ancestors(element, 3)):
            if ancestor not in scores:
                scores[ancestor] = _initial_score(ancestor)
            scores[ancestor] += score / (1 if level == 0 else 2 if level == 1 else 3 * level)
    best = max(scores.values(), default=0)
    # Link density is costly on big subtrees; only contenders need it.
    return {
        element: score * (1 - link_density(element))
        for element, score in scores.items()
        if element.tag != "html" and score >= 0.2 * best
    }


def _is_teaser_summary(element: lxml_html.HtmlElement) -> bool:
    """A short text next to a linked headline: a card pointing at another story."""
    parent = element.getparent()
    if parent is None or element.tag not in ("p", "div", "span") or len(parent) > 8:
        return False  # a card holds a few children; a body column holds many
    return bool(TEASER_HEADLINE(parent)) and len(parent.text_content()) < 600


def _ancestors(element: lxml_html.HtmlElement, depth: int) -> list[lxml_html.HtmlElement]:
    found = []
    node = element.getparent()
    while node is not None and len(found) < depth:
        found.append(node)
        node = node.getparent()
    return found


def _initial_score(element: lxml_html.HtmlElement) -> float:
    score = TAG_SCORES.get(element.tag, 0)
    if element.tag in LIST_AND_FORM_TAGS:
        score -= 3
    label = class_and_id(element)
    if (element.get("itemprop") or "").lower() == "articlebody":
        score += 50
    if label:
        if POSITIVE_HINT.search(label):
            score += 25
        if NEGATIVE_HINT.search(label):
            score -= 25
    return score


def _climb(top: lxml_html.HtmlElement, scores: dict) -> lxml_html.HtmlElement:
    """Step up while the parent scores as well: the body's paragraphs sit in several wrappers."""
    node = top
    while True:
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html") or parent not in scores:
            return node
        if scores[parent] < scores[node]:
            return node
        node = parent


def _with_related_siblings(top: lxml_html.HtmlElement, scores: dict) -> list:
    """The top container and the siblings that continue it: subheadings, prose, its kin."""
    parent = top.getparent()
    if parent is None:
        return [top]
    threshold = max(10.0, scores.get(top, 0) * 0.2)
    top_class = top.get("class")
    chosen = []
    for sibling in parent:
        if not isinstance(sibling.tag, str):
            continue
        if sibling is top:
            chosen.append(sibling)
            continue
        if sibling.tag in HEADING_TAGS and sibling.tag != "h1":
            chosen.append(sibling)  # a subheading between two body containers
            continue
        # A sibling styled like the top container is likely the next part of the same body.
        bonus = scores.get(top, 0) * 0.2 if top_class and sibling.get("class") == top_class else 0
        if scores.get(sibling, -1) + bonus >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p" and _looks_like_prose(sibling):
            chosen.append(sibling)
    return chosen


def _looks_like_prose(element: lxml_html.HtmlElement) -> bool:
    text = collapse_whitespace(element.text_content())
    density = link_density(element)
    if len(text) > 80 and density < 0.25:
        return True
    return 0 < len(text) <= 80 and density == 0 and text[-1:] in PROSE_ENDINGS


def _direct_text(element: lxml_html.HtmlElement, holders: set) -> str:
    """Text of the element outside its block children (inline runs in a <div> soup)."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in BLOCK_TAGS or child.tag == "br":
            pass
        elif child not in holders:  # an <a> wrapping a card's <h3> is not inline text
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return collapse_whitespace(" ".join(parts))


def link_density(element: lxml_html.HtmlElement) -> float:
    """The share of the element's text that sits inside links, from 0 to 1."""
    total = len(collapse_whitespace(element.text_content()))
    if not total:
        return 0.0
    link_chars = sum(len(collapse_whitespace(a.text_content())) for a in element.iter("a"))
    return min(link_chars / total, 1.0)
