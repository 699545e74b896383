"""The reading policy: which parts of an article are read, in what order, voice and pauses."""

from collections.abc import Iterator
from dataclasses import dataclass

from reader.models import Article
from reader.speech.lexicon import EMPTY, Lexicon
from reader.speech.normalize import hashtags_to_words, normalize
from reader.text.date_format import format_publication

# The whole silence after each piece: the engine adds none of its own.
PAUSE_AFTER_TITLE_MS = 1000
PAUSE_AFTER_DATE_MS = 900
PAUSE_AFTER_HEADING_MS = 1000
PAUSE_BETWEEN_PARAGRAPHS_MS = 750
PAUSE_BETWEEN_SENTENCES_MS = 420


@dataclass(frozen=True)
class Utterance:
    """One piece of speech: what the page shows, what the engine is given, and where it is."""

    index: int
    kind: str
    """title, date, heading, sentence or hashtags."""
    display: str
    spoken: str
    lang: str
    pause_ms: int
    block_position: int | None = None
    span: tuple[int, int] | None = None
    """Character span of `display` in its block's text."""


def plan_reading(
    article: Article, read_hashtags: bool = False, lexicon: Lexicon = EMPTY
) -> list[Utterance]:
    """Title, then the publication date as the page shows it, then the body in order."""
    return list(read_in_order(article, read_hashtags, lexicon=lexicon))


def read_in_order(
    article: Article,
    read_hashtags: bool = False,
    language: str | None = None,
    lexicon: Lexicon = EMPTY,
) -> Iterator[Utterance]:
    """The plan one utterance at a time, each normalized only when it is reached.

    The title and date come before the body is touched, so an article whose blocks load on
    first use can have its first speech started while they load. `language`, a listener's own
    choice, reads every piece in that language instead of the detected ones. After normalization,
    the lexicon of each utterance's language rewrites what is said.
    """
    for index, piece in enumerate(_pieces(article, read_hashtags)):
        kind, display, piece_lang, pause, block_position, span = piece
        piece_lang = language or piece_lang
        yield Utterance(
            index=index,
            kind=kind,
            display=display,
            spoken=lexicon.rewrite(_spoken(kind, display, piece_lang), piece_lang),
            lang=piece_lang,
            pause_ms=pause,
            block_position=block_position,
            span=span,
        )


def _pieces(article: Article, read_hashtags: bool) -> Iterator[tuple]:
    lang = article.language or "en"
    yield ("title", article.title, lang, PAUSE_AFTER_TITLE_MS, None, None)
    if article.published_at is not None:
        spoken_date = format_publication(article.published_at, article.published_has_time, lang)
        yield ("date", spoken_date, lang, PAUSE_AFTER_DATE_MS, None, None)
    for block in article.blocks:
        yield from _block_pieces(block, lang, read_hashtags)


def _block_pieces(block, article_lang: str, read_hashtags: bool) -> list[tuple]:
    block_lang = block.language or article_lang
    if block.kind == "hashtags":
        if not read_hashtags:
            return []
        span = (0, len(block.text))
        return [("hashtags", block.text, block_lang, 0, block.position, span)]
    if block.kind == "heading" or not block.sentences:
        pause = PAUSE_AFTER_HEADING_MS if block.kind == "heading" else PAUSE_BETWEEN_PARAGRAPHS_MS
        span = (0, len(block.text))
        return [(block.kind, block.text, block_lang, pause, block.position, span)]
    pieces = []
    for sentence in block.sentences:
        last = sentence is block.sentences[-1]
        pause = PAUSE_BETWEEN_PARAGRAPHS_MS if last else PAUSE_BETWEEN_SENTENCES_MS
        lang = sentence.language or block_lang
        span = (sentence.start, sentence.end)
        pieces.append(("sentence", sentence.text, lang, pause, block.position, span))
    return pieces


def _spoken(kind: str, display: str, lang: str) -> str:
    if kind == "hashtags":
        display = hashtags_to_words(display)
    return normalize(display, lang)
