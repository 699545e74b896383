"""No sentence is longer than MAX_SENTENCE_CHARS: cut at clause marks, then between words."""

import random
import time

from reader.library import articles
from reader.library.importer import draft_from_text
from reader.text.segmentation import MAX_SENTENCE_CHARS, split_sentences

CLAUSE = "le chat dort sur la chaise pendant que les enfants jouent, "


def _check(text: str, spans) -> None:
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    joined = "".join(text[a:b] for a, b in spans)
    assert "".join(joined.split()) == "".join(text.split())  # nothing lost, nothing repeated


def test_a_long_sentence_is_cut_after_its_commas():
    text = CLAUSE * 40 + "fin."
    spans = split_sentences(text, "fr")
    _check(text, spans)
    assert len(spans) > 1
    assert all(text[a:b].endswith(",") for a, b in spans[:-1])


def test_a_long_sentence_without_clause_marks_is_cut_between_words():
    text = "mot " * 500
    spans = split_sentences(text, "fr")
    _check(text, spans)
    assert all(text[a:b].endswith("mot") for a, b in spans)


def test_a_long_run_without_spaces_is_cut_anyway():
    text = "x" * 2000
    spans = split_sentences(text, "en")
    _check(text, spans)
    assert len(spans) == 5


def test_japanese_is_cut_at_its_commas():
    text = "今日は天気がいいので、" * 60
    spans = split_sentences(text, "ja")
    _check(text, spans)
    assert all(text[a:b].endswith("、") for a, b in spans)


def test_short_sentences_are_unchanged():
    assert split_sentences("Un. Deux, trois.", "fr") == [(0, 3), (4, 16)]


def test_a_four_megabyte_line_imports_into_many_bounded_sentences_quickly():
    rng = random.Random(1)
    words = CLAUSE.replace(",", "").split()
    text = " ".join(rng.choice(words) for _ in range(800_000))[: 4 * 1024 * 1024]
    started = time.monotonic()
    article = articles.build_article(draft_from_text(text))
    assert time.monotonic() - started < 30  # ~2 s here; over a minute before the cap
    sentences = [s for block in article.blocks for s in block.sentences]
    assert len(sentences) > 10_000
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sentences)
    assert len(article.title) < 100
