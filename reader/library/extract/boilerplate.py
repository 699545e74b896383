"""Recognise and strip containers that never hold the article: scripts, menus, hidden
elements and those whose class or id names boilerplate."""

from __future__ import annotations

import copy
import re

from lxml import etree
from lxml import html as lxml_html

from reader.library.extract.tokens import WORD_TOKEN

# Elements that never carry article prose.
DROP_TAGS = (
    "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed",
    "button", "select", "input", "textarea", "label", "figure", "figcaption", "picture",
    "video", "audio", "map", "dialog", "link", "meta",
)  # fmt: skip
# Page regions around the article. Broken markup (an unclosed sidebar) can leave the article
# itself inside one, so a region holding most of the page's prose stays.
REGION_TAGS = ("nav", "aside", "footer", "menu")
REGION_SHARE_KEPT = 0.5
"""A region holding at least this share of the page's paragraph words holds the article. Tuned
on ../shared/dev-data: pages whose article sits inside an unclosed <aside> were empty before."""
# ARIA roles of page regions around the article.
BOILERPLATE_ROLES = ("navigation", "banner", "contentinfo", "complementary", "menu", "dialog")

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
# Whole class/id tokens that are boilerplate only as a whole ("ad" alone, not inside "head").
WHOLE_TOKEN_BOILERPLATE = re.compile(
    r"^(ads?|ad-.*|ads-.*|.*-ads?|dfp.*|gpt-.*|sr-only|most-read|read-more|more-stories|"
    r"see-also|also-read|post-meta|entry-meta|article-meta|author-box|skip-link)$"
)
# Labels that mark a container of other stories or comments anywhere in the class or id.
STRONG_BOILERPLATE_LABEL = re.compile(
    r"comment|related|teaser|recommend|promo|sidebar|most-?read|trending"
)
# Elements kept whatever their class says: they wrap the whole page or the article.
PAGE_WRAPPERS = ("body", "html", "main", "article")


def without_boilerplate(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of the page without comments, dropped tags, hidden and boilerplate elements."""
    cleaned = copy.deepcopy(tree)
    etree.strip_elements(cleaned, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for element in list(cleaned.iter(*DROP_TAGS)):
        _drop(element)
    # A set of the elements themselves: it keeps their lxml proxies alive, so identity holds.
    headline = set(cleaned.iter("h1"))
    total_tokens = paragraph_tokens(cleaned) or 1
    for element in list(cleaned.iter(*REGION_TAGS)):
        if element.getparent() is not None and not _holds_article(element, total_tokens):
            _drop(element)
    for element in list(cleaned.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if element.tag in PAGE_WRAPPERS or element in headline:
            continue
        if _is_hidden(element) or _is_boilerplate(element, headline, total_tokens):
            _drop(element)
    return cleaned


def inside_boilerplate(element: lxml_html.HtmlElement) -> bool:
    """Whether the element sits in a menu, footer, comment thread or list of other stories."""
    for node in element.iterancestors():
        if node.tag in PAGE_WRAPPERS:
            continue  # page-wide wrappers carry classes like "has-sidebar"
        if node.tag in ("nav", "aside", "footer") or _strongly_boilerplate(node):
            return True
    return False


def class_and_id(element: lxml_html.HtmlElement) -> str:
    """The element's class and id, lowercased, as one string to match hints against."""
    return f"{element.get('class', '')} {element.get('id', '')}".lower().strip()


def paragraph_tokens(element: lxml_html.HtmlElement) -> int:
    # Tokens, not characters: a CJK character weighs as much as a European word.
    return sum(len(WORD_TOKEN.findall(p.text_content())) for p in element.iter("p"))


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


def _holds_article(element: lxml_html.HtmlElement, total_tokens: int) -> bool:
    # Not the <h1> test of _is_boilerplate: many sites print their logo as an <h1> in a <nav>.
    return paragraph_tokens(element) >= REGION_SHARE_KEPT * total_tokens


def _is_boilerplate(element: lxml_html.HtmlElement, headline: set, total_tokens: int) -> bool:
    role = (element.get("role") or "").lower()
    if role in BOILERPLATE_ROLES:
        return True
    if element.get("class") is None and element.get("id") is None:
        return False
    words = _label_words(element)
    weak = bool(words & BOILERPLATE_WORDS) or any(
        WHOLE_TOKEN_BOILERPLATE.match(token) for token in class_and_id(element).split()
    )
    if not weak:
        return False
    # A page-wide wrapper can carry a misleading class ("has-sidebar"); never cut the article.
    if any(h in headline for h in element.iter("h1")):
        return False
    share = paragraph_tokens(element) / total_tokens
    strong = bool(words & STRONG_BOILERPLATE_WORDS)
    return share < (0.8 if strong else 0.5)


def _label_words(element: lxml_html.HtmlElement) -> set[str]:
    label = f"{element.get('class', '')} {element.get('id', '')}"
    # "related-posts", "share_bar", "relatedArticles" all name the same thing.
    return {word.lower() for word in re.split(r"[\s_-]+|(?<=[a-z])(?=[A-Z])", label) if word}


def _strongly_boilerplate(element: lxml_html.HtmlElement) -> bool:
    label = class_and_id(element)
    return bool(label) and bool(STRONG_BOILERPLATE_LABEL.search(label))
