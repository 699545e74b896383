"""The feedback service: validate a submission, store it as a committed row, list and export.

Categories. The first four are the original ones, about a whole article, and stay valid for
old rows and API callers. A report about one sentence uses the last five ("other" is shared):

    word            a word mispronounced: the listener picks it among the sentence's words
    language        read in the wrong language
    number_or_date  a number or a date read wrong
    audio_fault     a fault in the audio itself (noise, cut, silence)
    other           anything else: the only one of the five that needs a message

Old rows are never rewritten. Their nearest new names, for anyone comparing: `pronunciation`
is a `word` report without its word, `audio_quality` an `audio_fault` without its place;
`translation` has no sentence-level counterpart.
"""

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.feedback.sentences import SentenceSnapshot, find_sentence
from reader.ids import parse_id
from reader.models import Article, Feedback

ARTICLE_CATEGORIES = ("audio_quality", "pronunciation", "translation", "other")
REPORT_CATEGORIES = ("word", "language", "number_or_date", "audio_fault", "other")
CATEGORIES = ARTICLE_CATEGORIES + tuple(c for c in REPORT_CATEGORIES if c != "other")
# A report in these says enough by itself; every other category needs a message.
MESSAGE_OPTIONAL = frozenset({"word", "language", "number_or_date", "audio_fault"})
MESSAGE_MIN_LENGTH = 3
MESSAGE_MAX_LENGTH = 5000
EMAIL_MAX_LENGTH = 254
MAX_PLACE = 100_000  # no article has this many blocks, or sentences in a block
MAX_AUDIO_POSITION = 24 * 3600.0
# Bigger bodies are refused (413) before they are parsed: a report is a few hundred bytes.
MAX_BODY_BYTES = 16 * 1024
# A text field hidden from people by CSS; bots fill in every field they find.
HONEYPOT_FIELD = "website"


@dataclass(frozen=True)
class FieldError:
    """What is wrong with one field, as a code the views turn into words."""

    field: str
    code: str
    """required, too_short, too_long, invalid, unknown."""


@dataclass(frozen=True)
class FeedbackInput:
    """A submission that passed validation."""

    article_id: int | None
    category: str
    message: str
    email: str | None
    sentence: SentenceSnapshot | None = None
    word: str | None = None
    word_index: int | None = None
    language: str | None = None
    voice: str | None = None
    audio_position: float | None = None


def caught_by_honeypot(data: Mapping) -> bool:
    """True when the hidden field is filled in: a bot, to be answered politely and ignored."""
    value = data.get(HONEYPOT_FIELD)
    return bool(value.strip()) if isinstance(value, str) else value not in (None, "", False)


def validate(
    session: Session,
    data: Mapping,
    voice_for: Callable[[str | None], str | None] | None = None,
) -> tuple[FeedbackInput | None, list[FieldError]]:
    """Check every field; return the clean input, or None and every error found.

    The sentence's text and language come from the database, never from the request; the
    voice is `voice_for(language)`, what the speech service reads that language with.
    """
    errors: list[FieldError] = []
    category = _text(data.get("category"))
    if not category:
        errors.append(FieldError("category", "required"))
    elif category not in CATEGORIES:
        errors.append(FieldError("category", "invalid"))
    message = _text(data.get("message"))
    if not message:
        if category not in MESSAGE_OPTIONAL:
            errors.append(FieldError("message", "required"))
    elif len(message) < MESSAGE_MIN_LENGTH:
        errors.append(FieldError("message", "too_short"))
    elif len(message) > MESSAGE_MAX_LENGTH:
        errors.append(FieldError("message", "too_long"))
    email, email_error = _email(data.get("email"))
    if email_error:
        errors.append(email_error)
    article_id, article_error = _article_id(session, data.get("article_id"))
    if article_error:
        errors.append(article_error)
    sentence, sentence_errors = _sentence(session, data, article_id, article_error is not None)
    errors += sentence_errors
    if category == "word" and sentence is None and not sentence_errors:
        errors.append(FieldError("sentence", "required"))
    word, word_index, word_error = _word(data, sentence, required=category == "word")
    if word_error:
        errors.append(word_error)
    audio_position, position_error = _audio_position(data.get("audio_position"))
    if position_error:
        errors.append(position_error)
    if errors:
        return None, errors
    language = None
    if sentence is not None:
        language = sentence.language
    elif article_id is not None:
        language = session.get(Article, article_id).language
    voice = voice_for(language) if voice_for and language else None
    return FeedbackInput(
        article_id,
        category,
        message,
        email,
        sentence=sentence,
        word=word,
        word_index=word_index,
        language=language,
        voice=voice,
        audio_position=audio_position,
    ), []


def store(session: Session, clean: FeedbackInput, locale: str | None = None) -> Feedback:
    """Insert and commit: the row exists before anyone says thank you."""
    sentence = clean.sentence
    row = Feedback(
        article_id=clean.article_id,
        category=clean.category,
        message=clean.message,
        email=clean.email,
        locale=locale,
        block_position=sentence.block_position if sentence else None,
        sentence_index=sentence.sentence_index if sentence else None,
        sentence_text=sentence.text if sentence else None,
        word=clean.word,
        word_index=clean.word_index,
        language=clean.language,
        voice=clean.voice,
        audio_position=clean.audio_position,
        status="new",
    )
    session.add(row)
    session.commit()
    return row


def statuses(session: Session, ids: list[int]) -> dict[int, str]:
    """The status of each report asked about that exists; nothing else about it."""
    if not ids:
        return {}
    rows = session.execute(select(Feedback.id, Feedback.status).where(Feedback.id.in_(ids)))
    return {row_id: status or "new" for row_id, status in rows}


def export_rows(session: Session) -> list[dict]:
    """All feedback as plain dicts, oldest first, for `reader feedback-export`."""
    from reader.feedback.export import report_dict

    rows = session.scalars(select(Feedback).order_by(Feedback.id))
    return [report_dict(row) for row in rows]


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _email(value) -> tuple[str | None, FieldError | None]:
    text = _text(value)
    if not text:
        return None, None
    if len(text) > EMAIL_MAX_LENGTH:
        return None, FieldError("email", "too_long")
    try:
        return validate_email(text, check_deliverability=False).normalized, None
    except EmailNotValidError:
        return None, FieldError("email", "invalid")


def _article_id(session: Session, value) -> tuple[int | None, FieldError | None]:
    if value in (None, ""):
        return None, None
    article_id = parse_id(value)
    if article_id is None:
        return None, FieldError("article_id", "invalid")
    if session.get(Article, article_id) is None:
        return None, FieldError("article_id", "unknown")
    return article_id, None


def _place(value) -> int | None | str:
    """A block or sentence number: an int, None when absent, "invalid" otherwise."""
    if value in (None, ""):
        return None
    if isinstance(value, bool) or isinstance(value, float):
        return "invalid"
    if isinstance(value, str):
        value = value.strip()
        if not value.isascii() or not value.isdigit():
            return "invalid"
    try:
        number = int(value)
    except (TypeError, ValueError):
        return "invalid"
    return number if 0 <= number <= MAX_PLACE else "invalid"


def _sentence(session, data, article_id, article_failed):
    block = _place(data.get("block_position"))
    index = _place(data.get("sentence_index"))
    if block is None and index is None:
        return None, []
    places = {"block_position": block, "sentence_index": index}
    errors = [FieldError(name, "invalid") for name, value in places.items() if value == "invalid"]
    if block is None or index is None:
        errors.append(FieldError("sentence", "required"))
    if errors or article_failed:
        return None, errors
    if article_id is None:
        return None, [FieldError("article_id", "required")]
    sentence = find_sentence(session, article_id, block, index)
    if sentence is None:
        return None, [FieldError("sentence", "unknown")]
    return sentence, []


def _word(data, sentence: SentenceSnapshot | None, required: bool):
    """(word, word_index, error): the form sends the word's index, the API may send its text."""
    raw_index, raw_word = data.get("word_index"), _text(data.get("word"))
    if raw_index in (None, "") and not raw_word:
        return None, None, FieldError("word", "required") if required and sentence else None
    if sentence is None:
        return None, None, None if required else FieldError("word", "invalid")
    words = sentence.words
    if raw_index not in (None, ""):
        index = _place(raw_index)
        if index is None or index == "invalid" or index >= len(words):
            return None, None, FieldError("word", "invalid")
        if raw_word and raw_word != words[index]:
            return None, None, FieldError("word", "invalid")
        return words[index], index, None
    if raw_word not in words:
        return None, None, FieldError("word", "invalid")
    return raw_word, words.index(raw_word), None


def _audio_position(value) -> tuple[float | None, FieldError | None]:
    if value in (None, ""):
        return None, None
    if isinstance(value, bool):
        return None, FieldError("audio_position", "invalid")
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        return None, FieldError("audio_position", "invalid")
    if not math.isfinite(seconds) or not 0 <= seconds <= MAX_AUDIO_POSITION:
        return None, FieldError("audio_position", "invalid")
    return round(seconds, 3), None
