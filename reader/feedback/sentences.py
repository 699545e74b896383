"""The sentence a report is about, read from the database: its text, language and words."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.feedback.words import split_words
from reader.models import Block


@dataclass(frozen=True)
class SentenceSnapshot:
    """A sentence as it is stored now; a report keeps this copy of its text."""

    article_id: int
    block_position: int
    sentence_index: int
    text: str
    language: str | None

    @property
    def words(self) -> list[str]:
        return split_words(self.text)


def find_sentence(
    session: Session, article_id: int, block_position: int, sentence_index: int
) -> SentenceSnapshot | None:
    """The sentence at this place, numbered as the page and the audio plan number them.

    A paragraph's sentences count from 0 in reading order; a heading, or a paragraph that was
    not split, is one sentence (index 0). The hashtag line is not a sentence.
    """
    block = session.scalar(
        select(Block).where(Block.article_id == article_id, Block.position == block_position)
    )
    if block is None or block.kind == "hashtags" or sentence_index < 0:
        return None
    if block.kind == "heading" or not block.sentences:
        if sentence_index != 0:
            return None
        text, language = block.text, block.language
    else:
        if sentence_index >= len(block.sentences):
            return None
        sentence = block.sentences[sentence_index]
        text, language = sentence.text, sentence.language
    return SentenceSnapshot(article_id, block_position, sentence_index, text, language)
