"""The article's language: the one the page declares, checked against its text."""

from __future__ import annotations

from lxml import html as lxml_html

from reader.library import langid
from reader.library.extract.tokens import word_tokens
from reader.text.language_tags import base_language, region
from reader.text.languages import SUPPORTED_CODES

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# The head of the article is enough to know its language; detection time grows with length
# (about 3 ms for 3,000 characters on ../shared/dev-data pages, a third of that for 1,000).
LANGUAGE_SAMPLE_CHARS = 1_000
# Fewer words than this (a caption, a title alone) cannot outvote the page's declared tag.
MIN_WORDS_TO_OVERRIDE = 20
# How sure the detector must be to overrule a declared tag. On the 400 dev-data pages every
# page whose tag was wrong (lang="en" on German text, lang="de" on English) was detected at
# 0.998 or above, and the one right tag detected otherwise (a German shop page full of
# English product words) came out at 0.77.
OVERRIDE_CONFIDENCE = 0.95


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


def page_language(declared: str | None, text: str) -> str | None:
    """The article's language: the page's own tag, unless its text clearly says otherwise.

    Templates often keep a default lang="en" on pages written in another language, and many
    pages declare none; the text's language (among the ones we detect) wins then."""
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(word_tokens(sample)) < MIN_WORDS_TO_OVERRIDE:
        return declared  # a few words are too little to contradict the page
    detection = langid.detect_with_confidence(sample)
    if detection is None or detection.lang == declared:
        return declared
    if declared is not None and declared not in SUPPORTED_CODES:
        return declared  # the detector knows only our languages; it cannot judge this tag
    if declared is None or detection.confidence >= OVERRIDE_CONFIDENCE:
        return detection.lang
    return declared
