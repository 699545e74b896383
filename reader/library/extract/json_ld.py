"""The article objects a page declares in JSON-LD, and the body text they declare."""

from __future__ import annotations

import html as html_entities
import json
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

# schema.org types (lowercased) whose objects describe the page's article.
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting",
        "socialmediaposting", "techarticle", "scholarlyarticle", "report", "webpage",
    }
)  # fmt: skip
# Where sites nest the article object: a graph, a page's main entity, a list of items.
NESTING_KEYS = ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement")
MAX_NESTING = 6


def json_ld_articles(tree: lxml_html.HtmlElement) -> Iterator[dict]:
    """Every article object in the page's JSON-LD scripts that names a headline or body."""
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        yield from _article_objects(data, depth=0)


def _article_objects(data: object, depth: int) -> Iterator[dict]:
    if depth > MAX_NESTING:
        return
    if isinstance(data, list):
        for item in data:
            yield from _article_objects(item, depth + 1)
    elif isinstance(data, dict):
        types = data.get("@type")
        type_names = {str(t).lower() for t in (types if isinstance(types, list) else [types])}
        if type_names & ARTICLE_TYPES and ("headline" in data or "articleBody" in data):
            yield data
        for key in NESTING_KEYS:
            if key in data:
                yield from _article_objects(data[key], depth + 1)


def json_ld_body(item: dict) -> str:
    """The plain text of an article object's articleBody (or its live-blog updates), or ""."""
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
