"""What pages and the API show of an article: dates and language names, per locale."""

import unicodedata
from urllib.parse import quote, urlparse

from babel import Locale
from babel.numbers import format_decimal
from markupsafe import Markup, escape

from reader.models import Article
from reader.text.date_format import format_publication, format_relative
from reader.text.languages import LANGUAGES, is_rtl
from reader.text.slugs import slug


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


TEASER_CHARS = 180
# Scripts written without spaces say more in fewer characters.
TEASER_CHARS_CJK = 90


def teaser(article: Article) -> str:
    """The opening of the first paragraph, cut at a word, for the list."""
    first = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
    limit = TEASER_CHARS_CJK if article.language in {"ja", "zh"} else TEASER_CHARS
    if len(first) <= limit:
        return first
    cut = first.rfind(" ", 0, limit)
    if cut < limit // 2:
        cut = limit
    return first[:cut].rstrip(" ,;:–—、，") + "…"


def clock(seconds: float, locale: str) -> str:
    """A length as a player shows it, in the locale's digits: 2:40, 1:02:05."""
    whole = int(seconds)
    hours, minutes, rest = whole // 3600, whole // 60 % 60, whole % 60

    def two(number: int) -> str:
        return format_decimal(number, "00", locale=locale)

    if hours:
        return f"{format_decimal(hours, locale=locale)}:{two(minutes)}:{two(rest)}"
    return f"{format_decimal(minutes, locale=locale)}:{two(rest)}"


def sorted_by_name(pairs):
    """(code, name, ...) tuples in alphabetical order of name, accents folded."""
    return sorted(pairs, key=lambda item: unicodedata.normalize("NFKD", item[1]).casefold())


def web_link(url: str | None) -> str | None:
    """The address when a page may link to it (http or https with a host), else None."""
    if not url:
        return None
    try:
        parts = urlparse(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in {"http", "https"} and parts.hostname else None


def download_name(article: Article, suffix: str, ascii_only: bool = False) -> str:
    """The audio file's name: the title's slug and the language, "premieres-pertes-kyiv-fr.mp3"."""
    name = slug(article.title, ascii_only) or f"article-{article.id}"
    language = f"-{article.language}" if article.language else ""
    return f"{name}{language}{suffix}"


def attachment(article: Article, suffix: str) -> str:
    """A Content-Disposition for the audio download, its UTF-8 name with an ASCII fallback."""
    plain = download_name(article, suffix, ascii_only=True)
    utf8 = quote(download_name(article, suffix))
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{utf8}"


def host_of(url: str) -> str:
    """The site's name in an address: www.example.org/a/b → example.org."""
    host = urlparse(url).hostname or url
    return host.removeprefix("www.")


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
        "byline": article.byline,
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
