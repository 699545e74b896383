"""The editors' inbox of reports: filter, count, change a status and keep its history."""

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from reader.models import Feedback, FeedbackEvent

STATUSES = ("new", "in_progress", "fixed", "dismissed")
# Rows from before the status column have NULL there: they are new.
_STATUS = func.coalesce(Feedback.status, "new")


class UnknownStatus(ValueError):
    """A status outside STATUSES."""


@dataclass(frozen=True)
class Filters:
    """What the inbox shows: None means any."""

    article_id: int | None = None
    language: str | None = None
    category: str | None = None
    status: str | None = None


def _conditions(filters: Filters, without: str | None = None) -> list:
    conditions = []
    if filters.article_id is not None:
        conditions.append(Feedback.article_id == filters.article_id)
    if filters.language:
        conditions.append(Feedback.language == filters.language)
    if filters.category and without != "category":
        conditions.append(Feedback.category == filters.category)
    if filters.status and without != "status":
        conditions.append(_STATUS == filters.status)
    return conditions


def list_reports(session: Session, filters: Filters, limit: int | None = None) -> list[Feedback]:
    """The matching reports, newest first, with their history and its people loaded."""
    query = (
        select(Feedback)
        .where(*_conditions(filters))
        .options(selectinload(Feedback.events).selectinload(FeedbackEvent.user))
        .order_by(Feedback.created_at.desc(), Feedback.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def counts(session: Session, filters: Filters) -> dict[str, dict[str, int]]:
    """Reports per status and per category, each under every filter but its own.

    So the numbers beside the status choices say what choosing one would show.
    """
    by_status = dict(
        session.execute(
            select(_STATUS, func.count())
            .where(*_conditions(filters, without="status"))
            .group_by(_STATUS)
        ).all()
    )
    by_category = dict(
        session.execute(
            select(Feedback.category, func.count())
            .where(*_conditions(filters, without="category"))
            .group_by(Feedback.category)
        ).all()
    )
    return {
        "status": {status: by_status.get(status, 0) for status in STATUSES},
        "category": by_category,
    }


def languages(session: Session) -> list[str]:
    """The languages reports were made in, for the filter."""
    query = select(Feedback.language).where(Feedback.language.is_not(None)).distinct()
    return sorted(session.scalars(query))


def set_status(session: Session, report: Feedback, status: str, user_id: int | None):
    """Change the status and record who did it and when; commit both together."""
    if status not in STATUSES:
        raise UnknownStatus(status)
    report.status = status
    event = FeedbackEvent(feedback_id=report.id, status=status, user_id=user_id)
    session.add(event)
    session.commit()
    return event
