"""Pull a news article's headline, body text and metadata out of a full web page."""

from __future__ import annotations

import copy
import html as html_entities
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from reader.library.extract.article import Block, ExtractedArticle
from reader.library.extract.blocks import BLOCK_TAGS, HEADING_TAGS, PROSE_ENDINGS
from reader.library.extract.blocks import RawBlock as _RawBlock
from reader.library.extract.blocks import collect_blocks as _collect_blocks
from reader.library.extract.blocks import elements_holding_blocks as _elements_holding_blocks
from reader.library.extract.blocks import token_count as _token_count
from reader.library.extract.furniture import BYLINE_LINE
from reader.library.extract.furniture import without_furniture as _filter_blocks
from reader.library.extract.tokens import WORD_TOKEN
from reader.library.extract.tokens import collapse_whitespace as _clean
from reader.library.extract.tokens import token_f1 as token_f1
from reader.library.extract.tokens import token_similarity as _similarity
from reader.library.extract.tokens import word_tokens as _tokens
from reader.library.html_page import decode_html, parse_html

MIN_BODY_TOKENS = 8

# Elements that never carry article prose.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "button", "select", "input", "textarea", "label", "nav", "aside", "footer", "figure",
    "figcaption", "picture", "video", "audio", "map", "dialog", "menu", "link", "meta",
)  # fmt: skip

# Class/id words that mark boilerplate containers (matched against "-"/"_"-split words).
BOILERPLATE_WORDS = frozenset(
    {
        "share", "sharing", "sharebar", "social", "socials", "comment", "comments", "disqus",
        "related", "recommended", "recommendations", "recirculation", "newsletter", "subscribe",
        "subscription", "signup", "cookie", "cookies", "consent", "gdpr", "promo", "promoted",
        "advert", "advertisement", "adslot", "adunit", "sponsor", "sponsored", "outbrain",
        "taboola", "breadcrumb", "breadcrumbs", "sidebar", "popular", "trending", "mostread",
        "paywall", "byline", "caption", "credit", "credits", "footer", "nav", "navbar",
        "navigation", "menu", "widget", "teaser", "teasers", "readmore", "author", "bio",
        "meta", "toolbar", "banner", "modal", "popup", "skip", "pagination", "rating", "tags",
        "keywords", "topics", "masthead", "print", "follow", "donate", "hidden", "visually",
        "sronly", "overlay", "more", "next", "prev", "previous", "feedback", "disclaimer",
    }
)  # fmt: skip
# Words that name a container of other content outright; these go unless they hold the article.
STRONG_BOILERPLATE_WORDS = frozenset(
    {
        "comment", "comments", "disqus", "related", "recommended", "recommendations", "newsletter",
        "cookie", "cookies", "consent", "gdpr", "outbrain", "taboola", "share", "sharing",
        "sharebar", "social", "teaser", "teasers", "sidebar", "breadcrumb", "breadcrumbs",
        "recirculation", "trending", "popular", "mostread", "promo", "advertisement",
    }
)  # fmt: skip
WHOLE_TOKEN_BOILERPLATE = re.compile(
    r"^(ads?|ad-.*|ads-.*|.*-ads?|dfp.*|gpt-.*|sr-only|most-read|read-more|more-stories|"
    r"see-also|also-read|post-meta|entry-meta|article-meta|author-box|skip-link)$"
)
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
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+|\s+::\s+")
SENTENCE_COMMAS = re.compile(r"[,，、،;；]")
LANGUAGE_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_].*)?$")
LEGACY_LANGUAGE_CODES = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv"}
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting",
        "socialmediaposting", "techarticle", "scholarlyarticle", "report", "webpage",
    }
)  # fmt: skip


@dataclass
class _PageFacts:
    """Metadata gathered from the untouched page before any cleaning."""

    title: str = ""
    date_line: str | None = None
    published_iso: str | None = None
    language: str | None = None
    site_name: str | None = None
    json_ld_bodies: list[str] = field(default_factory=list)


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


def _page_facts(tree: lxml_html.HtmlElement) -> _PageFacts:
    metas = _meta_values(tree)
    json_ld = list(_json_ld_articles(tree))
    facts = _PageFacts()
    facts.title = _pick_title(tree, metas, json_ld)
    facts.language = _pick_language(tree, metas, json_ld)
    facts.site_name = _pick_site_name(metas, json_ld)
    facts.published_iso = _pick_published_iso(tree, metas, json_ld)
    facts.date_line = _printed_date(tree, facts.published_iso) or facts.published_iso
    facts.json_ld_bodies = [body for body in (_json_ld_body(item) for item in json_ld) if body]
    return facts


def _meta_values(tree: lxml_html.HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), _clean(content))
        equiv = (meta.get("http-equiv") or "").lower()
        if equiv == "content-language" and content:
            values.setdefault("content-language", content.strip())
    return values


def _json_ld_articles(tree: lxml_html.HtmlElement) -> Iterator[dict]:
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _article_objects(data, depth=0)


def _article_objects(data: object, depth: int) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _article_objects(item, depth + 1)
    elif isinstance(data, dict):
        types = data.get("@type")
        type_names = {str(t).lower() for t in (types if isinstance(types, list) else [types])}
        if type_names & ARTICLE_TYPES and ("headline" in data or "articleBody" in data):
            yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if key in data:
                yield from _article_objects(data[key], depth + 1)


def _json_ld_body(item: dict) -> str:
    body = item.get("articleBody")
    updates = item.get("liveBlogUpdate")
    if not body and isinstance(updates, list):
        body = "\n\n".join(
            " ".join(str(u.get(k, "")) for k in ("headline", "articleBody"))
            for u in updates
            if isinstance(u, dict)
        )
    if not isinstance(body, str):
        return ""
    if "<" in body and ">" in body:
        # Some sites put HTML in articleBody; keep only its text.
        try:
            body = lxml_html.fromstring(body).text_content()
        except (etree.ParserError, ValueError):
            pass
    return html_entities.unescape(body).strip()


def _pick_title(tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]) -> str:
    declared = [
        metas.get("og:title", ""),
        metas.get("twitter:title", ""),
        *(_clean(str(item.get("headline", ""))) for item in json_ld),
        _strip_site_suffix(_clean(tree.findtext(".//title") or "")),
    ]
    declared = [title for title in declared if title]
    headings = [_clean(h.text_content()) for h in tree.iter("h1")]
    headings = [h for h in headings if 3 <= len(h) <= 400]
    if headings:
        if not declared:
            return headings[0]
        # The visible headline as printed, when it agrees with what the page declares.
        best = max(headings, key=lambda h: max(_similarity(h, d) for d in declared))
        if max(_similarity(best, d) for d in declared) >= 0.5:
            return best
    return declared[0] if declared else (headings[0] if headings else "")


def _strip_site_suffix(title: str) -> str:
    parts = TITLE_SEPARATORS.split(title)
    return max(parts, key=len).strip() if len(parts) > 1 else title


def _pick_language(
    tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]
) -> str | None:
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        metas.get("og:locale"),
        *(item.get("inLanguage") for item in json_ld),
        metas.get("content-language"),
        metas.get("language"),
    ]
    body = tree.find("body")
    if body is not None:
        candidates.append(body.get("lang"))
    for candidate in candidates:
        if isinstance(candidate, dict):
            candidate = candidate.get("alternateName") or candidate.get("name")
        if not isinstance(candidate, str):
            continue
        match = LANGUAGE_TAG.match(candidate.strip().split(",")[0].strip())
        if match:
            code = match.group(1).lower()
            return LEGACY_LANGUAGE_CODES.get(code, code)
    return None


def _pick_site_name(metas: dict[str, str], json_ld: list[dict]) -> str | None:
    if metas.get("og:site_name"):
        return metas["og:site_name"]
    for item in json_ld:
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return _clean(publisher["name"]) or None
    return metas.get("application-name") or None


def _pick_published_iso(
    tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]
) -> str | None:
    for key in ("article:published_time", "og:article:published_time", "datepublished"):
        if metas.get(key):
            return metas[key]
    for item in json_ld:
        value = item.get("datePublished")
        if isinstance(value, str) and value.strip():
            return value.strip()
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("datetime") or element.get("content")
        if value and value.strip():
            return value.strip()
    for element in _article_times(tree):
        if element.get("datetime", "").strip():
            return element.get("datetime").strip()
    for key in ("pubdate", "publish-date", "date", "dc.date", "dcterms.created"):
        if metas.get(key):
            return metas[key]
    return None


def _article_times(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """<time> elements outside teasers, comments and page furniture, best scope first."""
    times = [t for t in tree.iter("time") if not _inside_boilerplate(t)]
    in_article = [t for t in times if any(a.tag == "article" for a in t.iterancestors())]
    return in_article + [t for t in times if t not in in_article]


def _printed_date(tree: lxml_html.HtmlElement, published_iso: str | None) -> str | None:
    times = _article_times(tree)
    day = (published_iso or "")[:10]
    for element in sorted(times, key=lambda t: not (day and t.get("datetime", "")[:10] == day)):
        printed = _clean(element.text_content())
        if printed and any(ch.isdigit() for ch in printed) and len(printed) <= 80:
            return printed
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        printed = _clean(element.text_content())
        if printed and any(ch.isdigit() for ch in printed) and len(printed) <= 80:
            return printed
    for element in tree.xpath(
        '//*[contains(@class, "date") or contains(@class, "publish") or contains(@class, "time")]'
    ):
        if element.tag in ("body", "html", "article") or _inside_boilerplate(element):
            continue
        printed = _clean(element.text_content())
        if printed and any(ch.isdigit() for ch in printed) and 6 <= len(printed) <= 60:
            return printed
    return None


def _inside_boilerplate(element: lxml_html.HtmlElement) -> bool:
    for node in element.iterancestors():
        if node.tag in ("body", "html", "main", "article"):
            continue  # page-wide wrappers carry classes like "has-sidebar"
        if node.tag in ("nav", "aside", "footer") or _strongly_boilerplate(node):
            return True
    return False


def _strongly_boilerplate(element: lxml_html.HtmlElement) -> bool:
    label = _label(element)
    return bool(label) and bool(
        re.search(r"comment|related|teaser|recommend|promo|sidebar|most-?read|trending", label)
    )


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


def _cleaned_copy(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    cleaned = copy.deepcopy(tree)
    etree.strip_elements(cleaned, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(cleaned.iter(*DROP_TAGS)):
        _drop(element)
    # A set of the elements themselves: it keeps their lxml proxies alive, so identity holds.
    headline = set(cleaned.iter("h1"))
    total_tokens = _paragraph_tokens(cleaned) or 1
    for element in list(cleaned.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if element.tag in ("body", "html", "main", "article") or element in headline:
            continue
        if _is_hidden(element) or _is_boilerplate(element, headline, total_tokens):
            _drop(element)
    return cleaned


def _drop(element: lxml_html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is None:
        return
    # Keep the tail: it is text of the parent that follows the dropped element.
    element.drop_tree()


def _is_hidden(element: lxml_html.HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _label(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}".lower().strip()


def _is_boilerplate(element: lxml_html.HtmlElement, headline: set, total_tokens: int) -> bool:
    role = (element.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "menu", "dialog"):
        return True
    if element.get("class") is None and element.get("id") is None:
        return False
    words = _label_words(element)
    weak = bool(words & BOILERPLATE_WORDS) or any(
        WHOLE_TOKEN_BOILERPLATE.match(token) for token in _label(element).split()
    )
    if not weak:
        return False
    # A page-wide wrapper can carry a misleading class ("has-sidebar"); never cut the article.
    if any(h in headline for h in element.iter("h1")):
        return False
    share = _paragraph_tokens(element) / total_tokens
    strong = bool(words & STRONG_BOILERPLATE_WORDS)
    return share < (0.8 if strong else 0.5)


def _label_words(element: lxml_html.HtmlElement) -> set[str]:
    label = f"{element.get('class', '')} {element.get('id', '')}"
    # "related-posts", "share_bar", "relatedArticles" all name the same thing.
    return {word.lower() for word in re.split(r"[\s_-]+|(?<=[a-z])(?=[A-Z])", label) if word}


def _paragraph_tokens(element: lxml_html.HtmlElement) -> int:
    # Tokens, not characters: a CJK character weighs as much as a European word.
    return sum(len(WORD_TOKEN.findall(p.text_content())) for p in element.iter("p"))


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
