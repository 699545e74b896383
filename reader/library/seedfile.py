"""The seed file format (seeds/README.md): a Key: value header, a blank line, then blocks."""

import re
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from reader.library import dates
from reader.library.draft import ArticleDraft, DraftBlock, is_hashtag_line

HEADER_FIELDS = {
    "title": "title",
    "date-line": "date_line",
    "language": "declared_language",
    "timezone": "timezone",
    "source": "source",
    "source-url": "source_url",
    "byline": "byline",
    "machine-translated-from": "machine_translated_from",
}
# Kept in the file for fidelity with the printed page; the app shows its own, localized.
PRINTED_ONLY_FIELDS = {"listen-label", "notice"}
# An ISO 639-1 code, optionally with a region or script ("pt", "pt-BR", "zh_Hans").
LANGUAGE_CODE = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})*")


class SeedFormatError(ValueError):
    """The text is not in the seed format; the message says where."""


def looks_like_seed(text: str) -> bool:
    """Whether the text opens with a seed header (a Title: line)."""
    first = text.lstrip("\ufeff").lstrip().split("\n", 1)[0]
    return first.lower().startswith("title:")


def parse_seed(text: str) -> ArticleDraft:
    """Read a seed file into a draft; raise SeedFormatError when it does not follow the format."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    header, _, body = text.partition("\n\n")
    fields = _parse_header(header)
    if not fields.get("title"):
        raise SeedFormatError("the header has no Title")
    if not fields.get("date_line"):
        raise SeedFormatError("the header has no Date-Line")
    _check_values(fields)
    return ArticleDraft(blocks=tuple(parse_body(body)), **fields)


def _parse_header(header: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for number, line in enumerate(header.split("\n"), start=1):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep:
            raise SeedFormatError(f"header line {number} is not 'Key: value'")
        if key in HEADER_FIELDS:
            if HEADER_FIELDS[key] in fields:
                raise SeedFormatError(f"header key {key!r} is given twice (line {number})")
            fields[HEADER_FIELDS[key]] = value.strip()
        elif key not in PRINTED_ONLY_FIELDS:
            raise SeedFormatError(f"unknown header key {key!r} on line {number}")
    return fields


def _check_values(fields: dict[str, str]) -> None:
    """Refuse header values whose format is wrong, naming the key and the value."""
    for name, key in (
        ("declared_language", "Language"),
        ("machine_translated_from", "Machine-Translated-From"),
    ):
        code = fields.get(name)
        if code and not LANGUAGE_CODE.fullmatch(code):
            raise SeedFormatError(f"{key} {code!r} is not an ISO 639-1 code such as 'fr'")
    zone = fields.get("timezone")
    if zone:
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            message = f"Timezone {zone!r} is not an IANA time zone such as 'Europe/Berlin'"
            raise SeedFormatError(message) from error
    url = fields.get("source_url")
    if url and not (urlparse(url).scheme in {"http", "https"} and urlparse(url).netloc):
        raise SeedFormatError(f"Source-Url {url!r} is not an http or https address")
    line = fields["date_line"]
    language = fields.get("declared_language")
    if dates.parse(line, language) is None and dates.parse(line) is None:
        raise SeedFormatError(f"Date-Line {line!r} states no date reader can read")


def parse_body(body: str) -> list[DraftBlock]:
    """Blocks separated by blank lines: '## ' headings, hashtag lines, paragraphs."""
    blocks = []
    for chunk in body.replace("\r\n", "\n").split("\n\n"):
        text = " ".join(line.strip() for line in chunk.split("\n") if line.strip())
        if not text:
            continue
        if text.startswith("#") and not is_hashtag_line(text):
            blocks.append(DraftBlock("heading", text.lstrip("#").strip()))
        elif is_hashtag_line(text):
            blocks.append(DraftBlock("hashtags", text))
        else:
            blocks.append(DraftBlock("paragraph", text))
    return blocks
