"""The page's declared language: the first language tag it gives, with its region."""

from __future__ import annotations

from lxml import html as lxml_html

from reader.text.language_tags import base_language, region

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def declared_tag(
    tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]
) -> str | None:
    """The first language tag the page declares, from <html lang> down to <body lang>, as it
    gives it ("en-US", "pt_BR"); language_tags.base_language and region read its parts."""
    candidates = [
        tree.get("lang"),
        tree.get(XML_LANG),
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
        # Content-Language may list several: "de, en".
        tag = candidate.split(",")[0].strip()
        if base_language(tag):
            return tag
    return None


def declared_language(
    tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]
) -> tuple[str | None, str | None]:
    """The page's declared language as a bare ISO 639 code, and the region its tag names."""
    tag = declared_tag(tree, metas, json_ld)
    return base_language(tag), region(tag)
