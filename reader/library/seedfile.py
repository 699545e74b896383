"""The seed file format (seeds/README.md): a Key: value header, a blank line, then blocks."""

from reader.library.draft import ArticleDraft, DraftBlock, is_hashtag_line

HEADER_FIELDS = {
    "title": "title",
    "date-line": "date_line",
    "language": "declared_language",
    "timezone": "timezone",
    "source": "source",
    "source-url": "source_url",
    "machine-translated-from": "machine_translated_from",
}
# Kept in the file for fidelity with the printed page; the app shows its own, localized.
PRINTED_ONLY_FIELDS = {"listen-label", "notice"}


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
            fields[HEADER_FIELDS[key]] = value.strip()
        elif key not in PRINTED_ONLY_FIELDS:
            raise SeedFormatError(f"unknown header key {key!r} on line {number}")
    return fields


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
