"""Page bytes to a parsed HTML tree: encoding detection and lenient parsing."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes
from lxml import etree
from lxml import html as lxml_html

# Real news pages weigh well under 3 MB; anything bigger is junk or hostile, and parsing time
# grows with size, so we cut the input here (a truncated page still parses: lxml recovers).
MAX_INPUT_BYTES = 5 * 1024 * 1024
MAX_INPUT_CHARS = MAX_INPUT_BYTES
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_html(data: str | bytes) -> str:
    """Page bytes as text: BOM, then valid UTF-8, then the declared charset, then a guess."""
    if isinstance(data, str):
        return data[:MAX_INPUT_CHARS]
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError("html must be str or bytes")
    data = bytes(data[:MAX_INPUT_BYTES])
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        # Valid UTF-8 with non-ASCII bytes is almost never anything else, whatever the page says.
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    guess = from_bytes(data[:200_000]).best()
    if guess is not None and guess.encoding:
        return data.decode(guess.encoding, errors="replace")
    return data.decode(declared or "utf-8", errors="replace")


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    # Browsers read latin-1 and ascii labels as windows-1252 (WHATWG); so do we.
    if name in {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}:
        return "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def parse_html(text: str) -> lxml_html.HtmlElement | None:
    # lxml refuses control characters and an XML declaration in a str.
    text = XML_DECLARATION.sub("", CONTROL_CHARS.sub("", text))
    if "<" not in text:
        return None
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    return tree if tree is not None and tree.find("body") is not None else None
