"""What pages and the API show of an article: dates and language names, per locale."""

import unicodedata

from babel import Locale
from markupsafe import Markup, escape

from reader.models import Article
from reader.text.date_format import format_publication, format_relative
from reader.text.languages import LANGUAGES, is_rtl


def language_name(code: str | None, locale: str) -> str:
    """'français' for fr in a French page, 'French' in an English one."""
    if not code:
        return ""
    name = Locale.parse(locale).languages.get(code)
    return name or (LANGUAGES[code].english_name if code in LANGUAGES else code)


def publication(article: Article, locale: str) -> dict | None:
    """The publication time: ISO value, the locale's long form, and a relative form."""
    value = article.published_at
    if value is None:
        return None
    return {
        "iso": value.isoformat(),
        "text": format_publication(value, article.published_has_time, locale),
        "relative": format_relative(value, locale),
    }


def sorted_by_name(pairs):
    """(code, name, ...) tuples in alphabetical order of name, accents folded."""
    return sorted(pairs, key=lambda item: unicodedata.normalize("NFKD", item[1]).casefold())


def text_direction(code: str | None) -> str:
    return "rtl" if is_rtl(code) else "ltr"


def article_json(article: Article) -> dict:
    """An article as the API returns it."""
    published = article.published_at
    return {
        "id": article.id,
        "title": article.title,
        "language": article.language,
        "language_confidence": article.language_confidence,
        "detected_language": article.detected_language,
        "language_override": article.language_override,
        "declared_language": article.declared_language,
        "published": published.isoformat() if published else None,
        "published_has_time": article.published_has_time,
        "date_line": article.date_line,
        "timezone": article.timezone,
        "source": article.source,
        "source_url": article.source_url,
        "machine_translated_from": article.machine_translated_from,
    }


def marked_html(parts) -> Markup:
    """Text cut into (part, matched) pairs as HTML: escaped, each match in <mark>."""
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if matched else escape(part)
        for part, matched in parts
    )


def search_hit_json(hit) -> dict:
    """An article found by search, as the API returns it: the article and the matched passage."""
    body = article_json(hit.article)
    body["match"] = {"title": str(marked_html(hit.title)), "passage": str(marked_html(hit.passage))}
    return body
