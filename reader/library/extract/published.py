"""The publication date: as an ISO timestamp from metadata, and as the page prints it."""

from __future__ import annotations

from lxml import html as lxml_html

from reader.library.extract.boilerplate import inside_boilerplate
from reader.library.extract.tokens import collapse_whitespace

# Meta keys in order of trust: Open Graph's article time first, generic "date" tags last.
PUBLISHED_META_KEYS = ("article:published_time", "og:article:published_time", "datepublished")
FALLBACK_DATE_META_KEYS = ("pubdate", "publish-date", "date", "dc.date", "dcterms.created")
DATE_CLASS_XPATH = (
    '//*[contains(@class, "date") or contains(@class, "publish") or contains(@class, "time")]'
)


def published_iso(
    tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]
) -> str | None:
    """The publication time the page declares in machine-readable form, as written."""
    for key in PUBLISHED_META_KEYS:
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
    for key in FALLBACK_DATE_META_KEYS:
        if metas.get(key):
            return metas[key]
    return None


def printed_date(tree: lxml_html.HtmlElement, published: str | None) -> str | None:
    """The date line as readers see it ("Publié le 4 mars 2024 à 10h12"), if the page has one."""
    times = _article_times(tree)
    day = (published or "")[:10]
    # A <time> on the publication day first: others may be "updated" times.
    for element in sorted(times, key=lambda t: not (day and t.get("datetime", "")[:10] == day)):
        printed = collapse_whitespace(element.text_content())
        if printed and any(ch.isdigit() for ch in printed) and len(printed) <= 80:
            return printed
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        printed = collapse_whitespace(element.text_content())
        if printed and any(ch.isdigit() for ch in printed) and len(printed) <= 80:
            return printed
    for element in tree.xpath(DATE_CLASS_XPATH):
        if element.tag in ("body", "html", "article") or inside_boilerplate(element):
            continue
        printed = collapse_whitespace(element.text_content())
        if printed and any(ch.isdigit() for ch in printed) and 6 <= len(printed) <= 60:
            return printed
    return None


def _article_times(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """<time> elements outside teasers, comments and page furniture, best scope first."""
    times = [t for t in tree.iter("time") if not inside_boilerplate(t)]
    in_article = [t for t in times if any(a.tag == "article" for a in t.iterancestors())]
    return in_article + [t for t in times if t not in in_article]
