"""What the untouched page declares about its article: title, language, site name, dates
and JSON-LD body, gathered before any cleaning."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from reader.library.extract.json_ld import json_ld_articles, json_ld_body
from reader.library.extract.language import declared_language
from reader.library.extract.published import printed_date, published_iso
from reader.library.extract.tokens import collapse_whitespace, token_similarity

# "Headline | Site", "Headline - Site", "Site :: Headline".
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»]\s+|\s+::\s+")


@dataclass
class PageFacts:
    """Metadata gathered from the untouched page before any cleaning."""

    title: str = ""
    date_line: str | None = None
    published_iso: str | None = None
    language: str | None = None
    region: str | None = None
    """The region of the page's language tag ("US" in en-US), if it gives one."""
    site_name: str | None = None
    byline: str | None = None
    json_ld_bodies: list[str] = field(default_factory=list)


def page_facts(tree: lxml_html.HtmlElement) -> PageFacts:
    metas = _meta_values(tree)
    json_ld = list(json_ld_articles(tree))
    facts = PageFacts()
    facts.title = _pick_title(tree, metas, json_ld)
    facts.language, facts.region = declared_language(tree, metas, json_ld)
    facts.site_name = _pick_site_name(metas, json_ld)
    facts.byline = _pick_byline(metas, json_ld)
    facts.published_iso = published_iso(tree, metas, json_ld)
    facts.date_line = printed_date(tree, facts.published_iso) or facts.published_iso
    facts.json_ld_bodies = [body for body in (json_ld_body(item) for item in json_ld) if body]
    return facts


def _meta_values(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """<meta> contents by lowercased property/name/itemprop; the first of each key wins."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content and content.strip():
            values.setdefault(key.strip().lower(), collapse_whitespace(content))
        equiv = (meta.get("http-equiv") or "").lower()
        if equiv == "content-language" and content:
            values.setdefault("content-language", content.strip())
    return values


def _pick_title(tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]) -> str:
    declared = [
        metas.get("og:title", ""),
        metas.get("twitter:title", ""),
        *(collapse_whitespace(str(item.get("headline", ""))) for item in json_ld),
        _strip_site_suffix(collapse_whitespace(tree.findtext(".//title") or "")),
    ]
    declared = [title for title in declared if title]
    headings = [collapse_whitespace(h.text_content()) for h in tree.iter("h1")]
    headings = [h for h in headings if 3 <= len(h) <= 400]
    if headings:
        if not declared:
            return headings[0]
        # The visible headline as printed, when it agrees with what the page declares.
        best = max(headings, key=lambda h: max(token_similarity(h, d) for d in declared))
        if max(token_similarity(best, d) for d in declared) >= 0.5:
            return best
    return declared[0] if declared else (headings[0] if headings else "")


def _strip_site_suffix(title: str) -> str:
    # The headline is the longest part; the site name is the short one around it.
    parts = TITLE_SEPARATORS.split(title)
    return max(parts, key=len).strip() if len(parts) > 1 else title


def _pick_byline(metas: dict[str, str], json_ld: list[dict]) -> str | None:
    """The authors' names the page declares (JSON-LD author, else meta author), or None."""
    for item in json_ld:
        authors = item.get("author")
        authors = authors if isinstance(authors, list) else [authors]
        names = [
            collapse_whitespace(a["name"] if isinstance(a, dict) else a)
            for a in authors
            if isinstance(a, str) or (isinstance(a, dict) and isinstance(a.get("name"), str))
        ]
        names = [name for name in names if name and not name.startswith(("http:", "https:"))]
        if names:
            return ", ".join(names)[:200]
    for key in ("author", "article:author", "byl"):
        value = metas.get(key)
        if value and not value.startswith(("http:", "https:")):
            return value[:200]
    return None


def _pick_site_name(metas: dict[str, str], json_ld: list[dict]) -> str | None:
    if metas.get("og:site_name"):
        return metas["og:site_name"]
    for item in json_ld:
        publisher = item.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            return collapse_whitespace(publisher["name"]) or None
    return metas.get("application-name") or None
