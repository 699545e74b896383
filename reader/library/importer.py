"""Turn a file, an upload or a URL into an ArticleDraft: seed format, Markdown, page text, HTML."""

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from reader.library import fetch
from reader.library.draft import ArticleDraft, DraftBlock
from reader.library.seedfile import SeedFormatError, looks_like_seed, parse_seed
from reader.library.structure import structure_markdown, structure_page_text

TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
EXTENSIONS = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
}
FETCH_TIMEOUT_SECONDS = 15
"""How long a page may take to arrive in all: resolving, connecting, redirects, headers, body."""


class ImportFailed(ValueError):
    """The input holds no article we can read; the message says why."""


class UnsupportedType(ImportFailed):
    """The input is not text, Markdown or HTML."""


class TooLarge(ImportFailed):
    """The input is larger than the upload limit."""


class TooComplex(TooLarge):
    """The input takes more time or memory to analyse than an import may use."""


class BadSeedFile(ImportFailed):
    """The text opens like a seed file (a Title: line) but its header breaks the format."""


class NothingToImport(ImportFailed):
    """No address, file or text was given."""


class EmptyFile(ImportFailed):
    """The file has no bytes at all."""


class BlankText(ImportFailed):
    """The text (pasted, or a file's) holds only spaces and line breaks."""


class InvalidAddress(ImportFailed):
    """The address is not a web address (no host, or not an address at all)."""


class UnsupportedScheme(ImportFailed):
    """The address is not http or https (ftp:, file:, javascript:)."""


class Unreachable(ImportFailed):
    """The page could not be fetched: no such host, refused, an HTTP error, too slow."""


def draft_from_text(text: str) -> ArticleDraft:
    """A seed file, a Markdown article, or a page copied as plain text."""
    if not text.strip():
        raise BlankText("the text is empty")
    if looks_like_seed(text):
        try:
            return parse_seed(text)
        except SeedFormatError as error:
            raise BadSeedFile(f"the seed file's header is malformed: {error}") from error
    if text.lstrip("\ufeff").lstrip().startswith("# "):
        return structure_markdown(text)
    return structure_page_text(text)


def draft_from_html(html: str | bytes, url: str | None = None) -> ArticleDraft:
    """The article inside a full web page, with the page's metadata."""
    from reader.library.extract import extract_article

    try:
        extracted = extract_article(html, url)
    except MemoryError:
        raise TooComplex("the page needs more memory to analyse than an import may use") from None
    if extracted is None or not extracted.blocks:
        raise ImportFailed("no article text was found in the page")
    return ArticleDraft(
        title=extracted.title,
        date_line=extracted.date_line,
        blocks=tuple(DraftBlock(block.kind, block.text) for block in extracted.blocks),
        declared_language=extracted.language,
        declared_region=extracted.region,
        source=extracted.site_name,
        byline=extracted.byline,
        source_url=url,
        published_iso=extracted.published_iso,
    )


def draft_from_bytes(data: bytes, content_type: str | None, filename: str | None = None):
    """An upload: its type from the content type, else from the file name's extension."""
    if not data:
        raise EmptyFile("the file is empty")
    kind = _media_type(content_type, filename)
    if kind in HTML_TYPES:
        return draft_from_html(data)
    if kind in TEXT_TYPES:
        return draft_from_text(decode_text(data))
    raise UnsupportedType(f"unsupported type {kind or 'unknown'}: use text, Markdown or HTML")


def draft_from_path(path: str | Path) -> ArticleDraft:
    """A file on disk."""
    path = Path(path)
    return draft_from_bytes(path.read_bytes(), None, path.name)


def draft_from_url(
    url: str, max_bytes: int, seconds: float = FETCH_TIMEOUT_SECONDS, allow_private: bool = False
) -> ArticleDraft:
    """Fetch a page over HTTP(S) and import it (in this process: the CLI's way)."""
    return draft_from_fetched(fetch_page(url, max_bytes, seconds, allow_private))


def fetch_page(
    url: str, max_bytes: int, seconds: float = FETCH_TIMEOUT_SECONDS, allow_private: bool = False
) -> fetch.Fetched:
    """The page at a public http(s) address, within `seconds` in all and `max_bytes`."""
    check_address(url)
    try:
        return fetch.fetch(url, max_bytes, seconds, allow_private)
    except fetch.FetchTooLarge as error:
        raise TooLarge(str(error)) from error
    except fetch.FetchFailed as error:
        raise Unreachable(str(error)) from error


def draft_from_fetched(page: fetch.Fetched) -> ArticleDraft:
    """A fetched page as a draft: HTML unless it says it is text."""
    kind = _media_type(page.content_type, None)
    if kind in HTML_TYPES or kind is None:
        return _with_url(draft_from_html(page.data, page.url), page.url)
    return _with_url(draft_from_bytes(page.data, page.content_type), page.url)


def check_address(url: str) -> str:
    """The address when it is an http(s) web address; else InvalidAddress or UnsupportedScheme."""
    try:
        parts = urlparse(url)
    except ValueError as error:
        raise InvalidAddress(f"not a web address: {error}") from error
    if parts.scheme and parts.scheme.lower() not in {"http", "https"}:
        raise UnsupportedScheme("only http and https addresses can be imported")
    if not parts.scheme or not parts.hostname or any(c.isspace() for c in url):
        raise InvalidAddress("not a web address (it needs http:// or https:// and a host)")
    return url


def _with_url(draft: ArticleDraft, url: str) -> ArticleDraft:
    return replace(draft, source_url=draft.source_url or url)


def _media_type(content_type: str | None, filename: str | None) -> str | None:
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind and kind != "application/octet-stream":
            return kind
    if filename:
        return EXTENSIONS.get(Path(filename).suffix.lower())
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), else the encoding charset_normalizer finds."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise UnsupportedType("the file is not text") from None
        return str(best)
