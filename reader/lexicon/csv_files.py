"""The lexicon as CSV: export every entry, import a file all or nothing."""

import csv
import io
from dataclasses import dataclass

from sqlalchemy.orm import Session

from reader.lexicon import entries
from reader.models import LexiconEntry, User
from reader.speech.lexicon import Problem

COLUMNS = ("language", "pattern", "replacement", "kind", "is_regex", "case_sensitive", "note")
REQUIRED_COLUMNS = ("language", "pattern", "replacement")
TRUE, FALSE = ("true", "yes", "1"), ("false", "no", "0", "")
MAX_ROWS = 10000


@dataclass(frozen=True)
class LineProblem:
    """A problem of one line of the file (1 is the header)."""

    line: int
    problem: Problem


class CsvRefused(ValueError):
    """The file was not imported: every problem found, by line."""

    def __init__(self, problems: list[LineProblem]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    added: int
    updated: int
    unchanged: int


def export_csv(rows: list[LexiconEntry]) -> str:
    """The entries as CSV with a header line; booleans as true/false."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in rows:
        writer.writerow(
            [
                entry.language,
                entry.pattern,
                entry.replacement,
                entry.kind,
                _flag(entry.is_regex),
                _flag(entry.case_sensitive),
                entry.note or "",
            ]
        )
    return out.getvalue()


def _flag(value: bool) -> str:
    return "true" if value else "false"


def import_csv(session: Session, text: str, user: User | None, overwrite: bool = True):
    """Add the file's entries, and change stored ones for the same word unless `overwrite` is
    false; nothing is stored when any line is wrong (CsvRefused). Returns an ImportReport."""
    rows = _read(text)
    checked, problems, seen = [], [], {}
    for line, data in rows:
        try:
            values = entries.clean(session, data, unique=False)
        except entries.LexiconError as error:
            problems += [LineProblem(line, problem) for problem in error.problems]
            continue
        key = tuple(values.fields[name] for name in entries.KEY_FIELDS)
        if key in seen:
            problems.append(LineProblem(line, Problem("pattern", "duplicate")))
            continue
        seen[key] = line
        checked.append(values)
    if problems:
        raise CsvRefused(problems)
    added = updated = unchanged = 0
    for values in checked:
        current = entries.find_same(session, values)
        if current is None:
            entries.add(session, values, user)
            added += 1
        elif overwrite and entries.change(current, values, user):
            updated += 1
        else:
            unchanged += 1
    session.commit()
    return ImportReport(added, updated, unchanged)


def _read(text: str) -> list[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().lower() for name in next(reader, [])]
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if unknown or missing:
        raise CsvRefused([LineProblem(1, Problem(name, "column")) for name in unknown + missing])
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise CsvRefused([LineProblem(line, Problem("file", "too_long"))])
        if len(cells) > len(header):
            raise CsvRefused([LineProblem(line, Problem("file", "cells"))])
        data = dict(zip(header, cells, strict=False))
        rows.append((line, _typed(data)))
    return rows


def _typed(data: dict) -> dict:
    typed = dict(data)
    for name in ("is_regex", "case_sensitive"):
        if name in data:
            word = data[name].strip().lower()
            typed[name] = True if word in TRUE else False if word in FALSE else word
    if "kind" in data and not data["kind"].strip():
        typed["kind"] = "respelling"
    return typed
