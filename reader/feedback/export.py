"""Reports as plain dicts, CSV text or JSON text, for downloads and `reader feedback-export`."""

import csv
import io
import json

from reader.models import Feedback

FIELDS = (
    "id",
    "article_id",
    "category",
    "status",
    "message",
    "email",
    "locale",
    "block_position",
    "sentence_index",
    "sentence_text",
    "word",
    "word_index",
    "language",
    "voice",
    "audio_position",
    "created_at",
)
# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def report_dict(row: Feedback) -> dict:
    """One report's fields; times in UTC with a Z."""
    values = {name: getattr(row, name) for name in FIELDS}
    values["status"] = row.status or "new"
    values["created_at"] = row.created_at.isoformat() + "Z"
    return values


def to_json(rows: list[Feedback]) -> str:
    return json.dumps([report_dict(row) for row in rows], ensure_ascii=False, indent=1)


def to_csv(rows: list[Feedback]) -> str:
    """A header line, then one line per report; text that a spreadsheet would run is quoted."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in report_dict(row).items()})
    return out.getvalue()


def _cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value
