"""The page's declared language, as a bare lowercase ISO 639 code."""

from __future__ import annotations

from lxml import html as lxml_html

from reader.text.language_tags import base_language

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def declared_language(
    tree: lxml_html.HtmlElement, metas: dict[str, str], json_ld: list[dict]
) -> str | None:
    """The first language the page declares, from <html lang> down to <body lang>."""
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
        code = base_language(candidate.split(",")[0])
        if code:
            return code
    return None
