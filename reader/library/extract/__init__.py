"""Pull a news article's headline, body text and metadata out of a full web page."""

from __future__ import annotations

import re
from collections import Counter

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from reader.library.extract.article import Block, ExtractedArticle
from reader.library.extract.blocks import BLOCK_TAGS, HEADING_TAGS, PROSE_ENDINGS
from reader.library.extract.blocks import RawBlock as _RawBlock
from reader.library.extract.blocks import collect_blocks as _collect_blocks
from reader.library.extract.blocks import elements_holding_blocks as _elements_holding_blocks
from reader.library.extract.blocks import token_count as _token_count
from reader.library.extract.boilerplate import class_and_id as _label
from reader.library.extract.boilerplate import without_boilerplate as _cleaned_copy
from reader.library.extract.furniture import BYLINE_LINE
from reader.library.extract.furniture import without_furniture as _filter_blocks
from reader.library.extract.metadata import PageFacts as _PageFacts
from reader.library.extract.metadata import page_facts as _page_facts
from reader.library.extract.tokens import collapse_whitespace as _clean
from reader.library.extract.tokens import token_f1 as token_f1
from reader.library.extract.tokens import word_tokens as _tokens
from reader.library.html_page import decode_html, parse_html

MIN_BODY_TOKENS = 8


POSITIVE_HINT = re.compile(
    r"article|body|content|entry|main|post|story|text|prose|column|blog|news", re.IGNORECASE
)
NEGATIVE_HINT = re.compile(
    r"comment|meta|footer|sidebar|related|teaser|promo|widget|share|social|sponsor|shopping|"
    r"combx|community|contact|header|masthead|outbrain|pager|popup|tweet|card|list|tag",
    re.IGNORECASE,
)

TEASER_HEADLINE = etree.XPath(
    "./*[self::h2 or self::h3 or self::h4 or self::h5][.//a] | ./a[.//h2 or .//h3 or .//h4]"
    " | ./*[self::div or self::span or self::header][.//a][.//h2 or .//h3 or .//h4]"
)
SENTENCE_COMMAS = re.compile(r"[,，、،;；]")


# ---------------------------------------------------------------- public API


def extract_text(html: str | bytes, url: str | None = None) -> str | None:
    """The headline and body of the article in a news page, blocks separated by a blank line."""
    article = extract_article(html, url)
    return article.text if article else None


def extract_article(html: str | bytes, url: str | None = None) -> ExtractedArticle | None:
    """The article in a news page, or None when the page holds no article text."""
    try:
        return _extract_article(html, url)
    except (ValueError, TypeError, LookupError, RecursionError, etree.LxmlError, MemoryError):
        # Pages come from anywhere; a page we cannot read is "no article", never a crash.
        return None


# ---------------------------------------------------------------- pipeline


def _extract_article(html: str | bytes, url: str | None) -> ExtractedArticle | None:
    text = decode_html(html)
    tree = parse_html(text)
    if tree is None:
        return None
    facts = _page_facts(tree)
    blocks = _body_blocks(tree, text, url, facts)
    blocks = _final_cleanup(blocks, facts)
    if sum(len(_tokens(block.text)) for block in blocks) < MIN_BODY_TOKENS:
        return None  # a stray menu label or a lone caption is not an article
    title = facts.title or ""
    parts = ([title] if title else []) + [block.text for block in blocks]
    return ExtractedArticle(
        title=title,
        date_line=facts.date_line,
        published_iso=facts.published_iso,
        language=facts.language,
        site_name=facts.site_name,
        blocks=tuple(blocks),
        text="\n\n".join(parts),
    )


# ---------------------------------------------------------------- metadata


# ---------------------------------------------------------------- body


def _body_blocks(
    tree: lxml_html.HtmlElement, text: str, url: str | None, facts: _PageFacts
) -> list[_RawBlock]:
    cleaned = _cleaned_copy(tree)
    body = cleaned.find("body")
    own = _filter_blocks(_density_blocks(body)) if body is not None else []
    traf = _trafilatura_blocks(text, url)
    kept_text = " ".join(_tokens(body.text_content())) if body is not None else ""
    candidate = _fuse(own, traf, kept_text)
    smallest = min(_token_count(own) or 10**9, _token_count(traf) or 10**9)
    for article_body in facts.json_ld_bodies:
        if _agrees(candidate, article_body):
            return candidate  # the declared body confirms ours; no need to re-walk the page
        guided = _json_ld_guided_blocks(body, article_body, smallest)
        if guided:
            return guided
    return candidate


def _agrees(blocks: list[_RawBlock], article_body: str) -> bool:
    ours = Counter(tok for block in blocks for tok in _tokens(block.text))
    declared = Counter(_tokens(article_body))
    shared = sum((ours & declared).values())
    return bool(shared) and shared >= 0.97 * max(sum(ours.values()), sum(declared.values()))


def _fuse(own: list[_RawBlock], traf: list[_RawBlock], kept_text: str) -> list[_RawBlock]:
    """Our blocks, plus the prose paragraphs trafilatura found next to them that we missed."""
    if not own or not traf:
        return own or traf
    own_tokens = Counter(tok for b in own for tok in _tokens(b.text))
    traf_tokens = Counter(tok for b in traf for tok in _tokens(b.text))
    own_total, traf_total = sum(own_tokens.values()), sum(traf_tokens.values())
    shared = sum((own_tokens & traf_tokens).values())
    if shared < 0.3 * min(own_total, traf_total):
        # We disagree on where the article is; trafilatura is tuned on many real sites.
        return traf if traf_total >= own_total * 0.25 else own
    if own_total >= 0.9 * traf_total:
        return own
    # Only what survived our boilerplate cleaning may come back (teasers, comments stay out).
    survivors = [block for block in traf if " ".join(_tokens(block.text)) in kept_text]
    return _merge_missed_prose(own, survivors)


def _merge_missed_prose(own: list[_RawBlock], traf: list[_RawBlock]) -> list[_RawBlock]:
    own_keys = [" ".join(_tokens(block.text)) for block in own]
    matches = [_matching_index(" ".join(_tokens(block.text)), own_keys) for block in traf]
    matched_positions = [i for i, match in enumerate(matches) if match is not None]
    if not matched_positions:
        return own
    first, last = matched_positions[0], matched_positions[-1]
    before: list[_RawBlock] = []
    for block in reversed(traf[:first]):
        if not _is_prose(block):
            break  # what precedes the body run is page furniture (menus, kickers)
        before.insert(0, block)
    inserts: dict[int, list[_RawBlock]] = {}
    anchor = matches[first]
    for position in range(first + 1, len(traf)):
        if matches[position] is not None:
            anchor = matches[position]
            continue
        block = traf[position]
        if not _is_prose(block):
            if position > last:
                break  # teasers and comments follow the body: stop at the first non-prose
            continue
        inserts.setdefault(anchor, []).append(block)
    merged = list(before)
    for index, block in enumerate(own):
        merged.append(block)
        merged.extend(inserts.get(index, []))
    return merged


def _matching_index(key: str, own_keys: list[str]) -> int | None:
    if not key:
        return None
    for index, own_key in enumerate(own_keys):
        if key == own_key or (
            key.count(" ") >= 2 and own_key.count(" ") >= 2 and (key in own_key or own_key in key)
        ):
            return index
    return None


def _is_prose(block: _RawBlock) -> bool:
    text = block.text
    return block.kind == "paragraph" and len(text) >= 80 and text[-1:] in PROSE_ENDINGS


def _density_blocks(body: lxml_html.HtmlElement) -> list[_RawBlock]:
    scores = _container_scores(body)
    if not scores:
        return []
    top = max(scores, key=scores.get)
    top = _climb(top, scores)
    chosen = _with_related_siblings(top, scores)
    blocks: list[_RawBlock] = []
    for element in chosen:
        blocks.extend(_collect_blocks(element))
    return blocks


def _container_scores(body: lxml_html.HtmlElement) -> dict:
    scores: dict = {}
    holders = _elements_holding_blocks(body)
    for element in body.iter("p", "pre", "td", "li", "div", "section", "blockquote"):
        if element.tag in ("div", "section", "td") or element in holders:
            text = _direct_text(element, holders)
        else:
            text = _clean(element.text_content())
        if len(text) < 25 or _is_teaser_summary(element):
            continue
        weight = 0.5 if element.tag == "li" else 1.0
        score = weight * (1 + len(SENTENCE_COMMAS.findall(text)) + min(len(text) / 100, 3))
        score *= 1 - _link_density(element)
        for level, ancestor in enumerate(_ancestors(element, 3)):
            if ancestor not in scores:
                scores[ancestor] = _initial_score(ancestor)
            scores[ancestor] += score / (1 if level == 0 else 2 if level == 1 else 3 * level)
    best = max(scores.values(), default=0)
    # Link density is costly on big subtrees; only contenders need it.
    return {
        element: score * (1 - _link_density(element))
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
    score = {"div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3}.get(
        element.tag, 0
    )
    if element.tag in ("ol", "ul", "dl", "li", "form", "address"):
        score -= 3
    label = _label(element)
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
        bonus = scores.get(top, 0) * 0.2 if top_class and sibling.get("class") == top_class else 0
        if scores.get(sibling, -1) + bonus >= threshold:
            chosen.append(sibling)
        elif sibling.tag == "p" and _looks_like_prose(sibling):
            chosen.append(sibling)
    return chosen


def _looks_like_prose(element: lxml_html.HtmlElement) -> bool:
    text = _clean(element.text_content())
    density = _link_density(element)
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
    return _clean(" ".join(parts))


def _link_density(element: lxml_html.HtmlElement) -> float:
    total = len(_clean(element.text_content()))
    if not total:
        return 0.0
    link_chars = sum(len(_clean(a.text_content())) for a in element.iter("a"))
    return min(link_chars / total, 1.0)


# ---------------------------------------------------------------- block collection


# ---------------------------------------------------------------- trafilatura and JSON-LD


def _trafilatura_blocks(text: str, url: str | None) -> list[_RawBlock]:
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
            continue
        text = _clean(" ".join(element.itertext()))
        if text:
            kind = "heading" if element.tag == "head" else "paragraph"
            blocks.append(_RawBlock(kind, text, 0, "traf"))
    return _filter_blocks(blocks)


def _json_ld_guided_blocks(
    body: lxml_html.HtmlElement | None, article_body: str, extracted_count: int
) -> list[_RawBlock] | None:
    """The DOM blocks the declared articleBody vouches for, when it matches the visible page."""
    declared = " ".join(_tokens(article_body))
    declared_count = declared.count(" ") + 1 if declared else 0
    if declared_count < 20 or article_body.rstrip().endswith(("…", "...")):
        return None
    if declared_count < 0.6 * extracted_count:
        return None  # a teaser-length articleBody: the page holds more than it declares
    if body is None:
        return None
    chosen: list[_RawBlock] = []
    seen: set[str] = set()
    covered = 0
    for block in _filter_blocks(_collect_blocks(body)):
        joined = " ".join(_tokens(block.text))
        if not joined or joined in seen:
            continue
        if f" {joined} " in f" {declared} " and (joined.count(" ") >= 2 or block.kind == "heading"):
            chosen.append(block)
            seen.add(joined)
            covered += joined.count(" ") + 1
    if covered >= 0.85 * declared_count:
        return chosen
    return None


# ---------------------------------------------------------------- final touches


def _final_cleanup(blocks: list[_RawBlock], facts: _PageFacts) -> list[Block]:
    title_key = " ".join(_tokens(facts.title))
    date_key = " ".join(_tokens(facts.date_line or ""))
    keys = [" ".join(_tokens(raw.text)) for raw in blocks]
    repeats = Counter(keys)
    seen: set[str] = set()
    result: list[Block] = []
    for index, (raw, key) in enumerate(zip(blocks, keys, strict=True)):
        if not key or key in seen or key == title_key:
            continue
        if repeats[key] > 1 and len(raw.text) < 150:
            continue  # a line printed several times is a promo or label, not prose
        if date_key and key == date_key:
            continue
        if index < 4 and len(raw.text) < 80 and BYLINE_LINE.match(raw.text):
            continue
        seen.add(key)
        kind = "paragraph" if raw.kind == "paragraph" else "heading"
        result.append(Block(kind, raw.text))
    while result and result[-1].kind == "heading":
        result.pop()  # a trailing heading introduced a section we cut (related, comments)
    return result


# ---------------------------------------------------------------- small helpers
