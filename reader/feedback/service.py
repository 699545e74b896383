"""The feedback service: validate a submission, store it as a committed row, list and export."""

from collections.abc import Mapping
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.orm import Session

from reader.models import Article, Feedback

CATEGORIES = ("audio_quality", "pronunciation", "translation", "other")
MESSAGE_MIN_LENGTH = 3
MESSAGE_MAX_LENGTH = 5000
EMAIL_MAX_LENGTH = 254


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


def validate(session: Session, data: Mapping) -> tuple[FeedbackInput | None, list[FieldError]]:
    """Check every field; return the clean input, or None and every error found."""
    errors: list[FieldError] = []
    category = _text(data.get("category"))
    if not category:
        errors.append(FieldError("category", "required"))
    elif category not in CATEGORIES:
        errors.append(FieldError("category", "invalid"))
    message = _text(data.get("message"))
    if not message:
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
    if errors:
        return None, errors
    return FeedbackInput(article_id, category, message, email), []


def store(session: Session, clean: FeedbackInput, locale: str | None = None) -> Feedback:
    """Insert and commit: the row exists before anyone says thank you."""
    row = Feedback(
        article_id=clean.article_id,
        category=clean.category,
        message=clean.message,
        email=clean.email,
        locale=locale,
    )
    session.add(row)
    session.commit()
    return row


def export_rows(session: Session) -> list[dict]:
    """All feedback as plain dicts, oldest first, for `reader feedback-export`."""
    rows = session.scalars(select(Feedback).order_by(Feedback.id))
    return [
        {
            "id": row.id,
            "article_id": row.article_id,
            "category": row.category,
            "message": row.message,
            "email": row.email,
            "locale": row.locale,
            "created_at": row.created_at.isoformat() + "Z",
        }
        for row in rows
    ]


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
    try:
        article_id = int(value)
    except (TypeError, ValueError):
        return None, FieldError("article_id", "invalid")
    if isinstance(value, bool) or session.get(Article, article_id) is None:
        return None, FieldError("article_id", "unknown")
    return article_id, None
