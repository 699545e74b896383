"""Stored lexicon entries: validate, list, create, change, delete; the rules speech applies."""

from dataclasses import dataclass

from sqlalchemy import Connection, or_, select
from sqlalchemy.orm import Session

from reader.models import LexiconEntry, User, utcnow
from reader.speech.lexicon import Lexicon, LexiconRule, Problem, check_rule, phoneme_body

KEY_FIELDS = ("language", "pattern", "is_regex", "case_sensitive")
"""One entry per word, language and options."""
FIELDS = ("language", "pattern", "replacement", "kind", "is_regex", "case_sensitive", "note")
DEFAULTS = {
    "language": "",
    "pattern": "",
    "replacement": "",
    "kind": "respelling",
    "is_regex": False,
    "case_sensitive": False,
    "note": None,
}
MAX_NOTE_LENGTH = 2000


class LexiconError(ValueError):
    """An entry that cannot be stored as given: its problems, by field and code."""

    def __init__(self, problems: list[Problem]):
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Values:
    """An entry's fields, cleaned: what is stored."""

    fields: dict

    def rule(self) -> LexiconRule:
        return LexiconRule(
            language=self.fields["language"],
            pattern=self.fields["pattern"],
            replacement=self.fields["replacement"],
            kind=self.fields["kind"],
            is_regex=self.fields["is_regex"],
            case_sensitive=self.fields["case_sensitive"],
        )


def rule_of(entry: LexiconEntry) -> LexiconRule:
    """The entry as the speech pipeline takes it."""
    return LexiconRule(
        entry.language,
        entry.pattern,
        entry.replacement,
        entry.kind,
        entry.is_regex,
        entry.case_sensitive,
    )


def clean(
    session: Session, data: dict, current: LexiconEntry | None = None, unique: bool = True
) -> Values:
    """The fields given (over the current entry's, for a partial change), checked; or raise.

    `unique`: refuse values another stored entry has for the same word and options.
    """
    fields = {name: getattr(current, name) for name in FIELDS} if current else dict(DEFAULTS)
    problems = []
    for name in FIELDS:
        if name not in data:
            continue
        value, problem = _clean_field(name, data[name])
        if problem:
            problems.append(Problem(name, problem))
        else:
            fields[name] = value
    if problems:
        raise LexiconError(problems)
    if fields["kind"] == "phonemes":
        fields["replacement"] = phoneme_body(fields["replacement"])
    values = Values(fields)
    problems = check_rule(values.rule())
    if not problems and unique and _taken(session, fields, current):
        problems = [Problem("pattern", "duplicate")]
    if problems:
        raise LexiconError(problems)
    return values


def _clean_field(name: str, value) -> tuple[object, str | None]:
    if name in ("is_regex", "case_sensitive"):
        return (value, None) if isinstance(value, bool) else (None, "invalid")
    if name == "note":
        if value is not None and not isinstance(value, str):
            return None, "invalid"
        value = (value or "").strip() or None
        too_long = value is not None and len(value) > MAX_NOTE_LENGTH
        return (None, "too_long") if too_long else (value, None)
    if not isinstance(value, str):
        return None, "invalid"
    return value.strip(), None  # a regular expression says \s for a space at its ends


def _taken(session: Session, fields: dict, current: LexiconEntry | None) -> bool:
    found = session.scalar(select(LexiconEntry).where(*_same_key(fields)))
    return found is not None and found is not current


def _same_key(fields: dict) -> list:
    return [getattr(LexiconEntry, name) == fields[name] for name in KEY_FIELDS]


def find_same(session: Session, values: Values) -> LexiconEntry | None:
    """The stored entry for the same word, language and options, if any."""
    return session.scalar(select(LexiconEntry).where(*_same_key(values.fields)))


def create(session: Session, data: dict, user: User | None) -> LexiconEntry:
    """Store a new entry; LexiconError when it is not valid."""
    entry = add(session, clean(session, data), user)
    session.commit()
    return entry


def add(session: Session, values: Values, user: User | None) -> LexiconEntry:
    """Add checked values as a new entry, without committing."""
    user_id = user.id if user is not None else None
    entry = LexiconEntry(**values.fields, created_by_id=user_id, updated_by_id=user_id)
    session.add(entry)
    return entry


def update(session: Session, entry: LexiconEntry, data: dict, user: User | None) -> LexiconEntry:
    """Change the fields given; LexiconError when the result is not valid."""
    change(entry, clean(session, data, entry), user)
    session.commit()
    return entry


def change(entry: LexiconEntry, values: Values, user: User | None) -> bool:
    """Set checked values on an entry, without committing; whether anything changed."""
    fields = values.fields
    changed = {name: value for name, value in fields.items() if getattr(entry, name) != value}
    for name, value in changed.items():
        setattr(entry, name, value)
    if changed:
        entry.updated_by_id = user.id if user is not None else None
        entry.updated_at = utcnow()
    return bool(changed)


def delete(session: Session, entry: LexiconEntry) -> None:
    session.delete(entry)
    session.commit()


def get(session: Session, entry_id: int) -> LexiconEntry | None:
    return session.get(LexiconEntry, entry_id)


def search(session: Session, language: str | None = None, query: str | None = None) -> list:
    """Entries by language and word; `query` finds words, replacements and notes containing it."""
    statement = select(LexiconEntry).order_by(LexiconEntry.language, LexiconEntry.pattern)
    if language:
        statement = statement.where(LexiconEntry.language == language)
    if query and query.strip():
        escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        like = f"%{escaped}%"
        statement = statement.where(
            or_(
                LexiconEntry.pattern.ilike(like, escape="\\"),
                LexiconEntry.replacement.ilike(like, escape="\\"),
                LexiconEntry.note.ilike(like, escape="\\"),
            )
        )
    return list(session.scalars(statement))


def load_lexicon(session: Session | Connection, but: int | None = None, first=()) -> Lexicon:
    """Every stored entry as rules (in the order they were made), in one query of the rules'
    columns alone (on a session, or a connection: the cached audio's quick check).

    `first` rules come before them and `but` leaves one entry out: a preview of an entry being
    edited hears it as typed, with the rest of the lexicon as stored.
    """
    statement = _RULES
    if but is not None:
        statement = statement.where(LexiconEntry.id != but)
    return Lexicon([*first, *(LexiconRule(*row) for row in session.execute(statement))])


# A LexiconRule's fields, in its order.
_RULES = select(
    LexiconEntry.language,
    LexiconEntry.pattern,
    LexiconEntry.replacement,
    LexiconEntry.kind,
    LexiconEntry.is_regex,
    LexiconEntry.case_sensitive,
).order_by(LexiconEntry.id)
