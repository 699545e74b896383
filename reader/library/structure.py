"""Structure plain text into an article: title, date line, body blocks, page chrome left out."""

import re

from reader.library import dates, langid
from reader.library.draft import ArticleDraft, DraftBlock, is_hashtag_line
from reader.library.extract.furniture import BYLINE_LINE
from reader.library.seedfile import parse_body

SENTENCE_END = re.compile(r"[.!?…:;。！？؟।»”\"')\]]\s*$")
# Lines this far below the title may still be page chrome (date line, buttons, notices).
HEADER_ZONE_LINES = 4
# A leftover after the date on the date line ("Écouter l'article") is a button label if short.
MAX_BUTTON_LABEL_WORDS = 4
MAX_HEADING_WORDS = 15
# A first line longer than this is no title but the text itself (a paste of one long line):
# it stays in the body, and the title is its opening words.
MAX_TITLE_CHARS = 300
SHORT_TITLE_CHARS = 80


def structure_markdown(text: str) -> ArticleDraft:
    """'# Title' on the first line, an optional date line, then seed-format blocks."""
    first, _, rest = text.lstrip("\ufeff").replace("\r\n", "\n").strip().partition("\n")
    title = first.lstrip("#").strip()
    rest = rest.strip()
    head, _, body = rest.partition("\n\n")
    lang = langid.detect(rest)
    if head and "\n" not in head and dates.parse(head, lang) is not None:
        return ArticleDraft(title=title, date_line=head.strip(), blocks=tuple(parse_body(body)))
    return ArticleDraft(title=title, blocks=tuple(parse_body(rest)))


def structure_page_text(text: str) -> ArticleDraft:
    """A news page copied as plain text: one block a line, the title first."""
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    if not lines:
        raise ValueError("the text is empty")
    title, rest = lines[0], lines[1:]
    if len(title) > MAX_TITLE_CHARS:
        title, rest = _opening_words(title), lines
    lang = langid.detect(" ".join(rest)[:4000])
    byline, rest = _take_byline(rest)
    date_line, body_start = _find_date_line(rest, lang)
    body = _drop_chrome(rest[body_start:])
    return ArticleDraft(
        title=title, date_line=date_line, byline=byline, blocks=tuple(_blocks(body))
    )


def _take_byline(lines: list[str]) -> tuple[str | None, list[str]]:
    """A "By Jane Doe" line under the title is the byline, not a subheading of the body."""
    for index, line in enumerate(lines[:HEADER_ZONE_LINES]):
        if len(line) < 80 and BYLINE_LINE.match(line):
            return line, lines[:index] + lines[index + 1 :]
    return None, lines


def _opening_words(line: str) -> str:
    cut = line.rfind(" ", 0, SHORT_TITLE_CHARS)
    return line[: cut if cut > 0 else SHORT_TITLE_CHARS].rstrip(" ,;:–—") + "…"


def _find_date_line(lines: list[str], lang: str | None) -> tuple[str | None, int]:
    for index, line in enumerate(lines[:HEADER_ZONE_LINES]):
        match = dates.search(line, lang)
        if match is None:
            continue
        leftover = (line[: match.start] + " " + line[match.end :]).split()
        if len(leftover) <= MAX_BUTTON_LABEL_WORDS:
            return line[match.start : match.end].strip(" ,|·–-"), index + 1
    return None, 0


def _drop_chrome(lines: list[str]) -> list[str]:
    # Near the top, before any paragraph starts, a bar of links ("More info | Send feedback")
    # is page furniture, not article text.
    kept = []
    for index, line in enumerate(lines):
        in_header_zone = index < HEADER_ZONE_LINES and not any(_is_paragraph(k) for k in kept)
        if in_header_zone and " | " in line and not is_hashtag_line(line):
            continue
        kept.append(line)
    return kept


def _is_paragraph(line: str) -> bool:
    return bool(SENTENCE_END.search(line)) and len(line.split()) > MAX_HEADING_WORDS // 2


def _blocks(lines: list[str]) -> list[DraftBlock]:
    blocks = []
    for index, line in enumerate(lines):
        if is_hashtag_line(line):
            blocks.append(DraftBlock("hashtags", line))
        elif _looks_like_heading(line, lines[index + 1 : index + 2]):
            blocks.append(DraftBlock("heading", line))
        else:
            blocks.append(DraftBlock("paragraph", line))
    return blocks


def _looks_like_heading(line: str, following: list[str]) -> bool:
    # `following` is the next line alone (or none): a slice of all the rest per line would
    # make a text of many short lines quadratic.
    # A short line that ends no sentence, followed by a paragraph, is a subheading.
    if SENTENCE_END.search(line) and not line.endswith(("»", "”", '"')):
        return False
    return (
        len(line.split()) <= MAX_HEADING_WORDS
        and bool(following)
        and not is_hashtag_line(following[0])
    )
