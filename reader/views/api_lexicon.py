"""The lexicon in the JSON API: list, read, create, change and delete entries (editors)."""

from flask import abort, jsonify, request
from flask_babel import gettext as _

from reader.db import get_session
from reader.errors import error_response
from reader.lexicon import entries
from reader.models import LexiconEntry
from reader.text.languages import LANGUAGES
from reader.views.access import api_editor_required, api_user

PROBLEM_WORDS = {
    "required": "is required",
    "too_long": "is too long",
    "invalid": "is not valid",
    "unknown": "is not a supported language",
    "regex_invalid": "does not compile as a regular expression",
    "regex_unsafe": "could take too long to match (a repeat inside a repeat)",
    "regex_empty": "matches empty text",
    "phonemes": "may use only espeak-ng phoneme mnemonics, without brackets",
    "brackets": "cannot contain [[ or ]] in a respelling (use kind phonemes)",
    "duplicate": "already has an entry in this language with the same options",
}


def register(bp) -> None:
    """Add the routes to the API blueprint (endpoints api.lexicon_*)."""
    bp.add_url_rule("/lexicon", "lexicon_list", list_entries, methods=["GET"])
    bp.add_url_rule("/lexicon", "lexicon_create", create_entry, methods=["POST"])
    bp.add_url_rule("/lexicon/<int:entry_id>", "lexicon_get", get_entry, methods=["GET"])
    bp.add_url_rule(
        "/lexicon/<int:entry_id>", "lexicon_update", update_entry, methods=["PUT", "PATCH"]
    )
    bp.add_url_rule("/lexicon/<int:entry_id>", "lexicon_delete", delete_entry, methods=["DELETE"])


def entry_json(entry: LexiconEntry) -> dict:
    return {
        "id": entry.id,
        "language": entry.language,
        "pattern": entry.pattern,
        "is_regex": entry.is_regex,
        "case_sensitive": entry.case_sensitive,
        "replacement": entry.replacement,
        "kind": entry.kind,
        "note": entry.note,
        "created_by": entry.created_by.name if entry.created_by else None,
        "updated_by": entry.updated_by.name if entry.updated_by else None,
        "created_at": entry.created_at.isoformat() + "Z",
        "updated_at": entry.updated_at.isoformat() + "Z",
    }


@api_editor_required
def list_entries():
    language = request.args.get("language") or None
    if language is not None and language not in LANGUAGES:
        return error_response(400, _("Unknown language filter."), language=language)
    rows = entries.search(get_session(), language, request.args.get("q"))
    return jsonify(entries=[entry_json(entry) for entry in rows])


@api_editor_required
def create_entry():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return error_response(400, _("Send a JSON object."))
    try:
        entry = entries.create(get_session(), data, api_user())
    except entries.LexiconError as error:
        return _refused(error)
    return jsonify(entry_json(entry)), 201


@api_editor_required
def get_entry(entry_id: int):
    entry = _entry_or_404(get_session(), entry_id)
    return jsonify(entry_json(entry))


@api_editor_required
def update_entry(entry_id: int):
    """PUT replaces the entry (fields not sent take their defaults); PATCH changes those sent."""
    session = get_session()
    entry = _entry_or_404(session, entry_id)
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return error_response(400, _("Send a JSON object."))
    if request.method == "PUT":
        data = {**entries.DEFAULTS, **data}
    try:
        entries.update(session, entry, data, api_user())
    except entries.LexiconError as error:
        session.rollback()
        return _refused(error)
    return jsonify(entry_json(entry))


@api_editor_required
def delete_entry(entry_id: int):
    session = get_session()
    entry = _entry_or_404(session, entry_id)
    entries.delete(session, entry)
    return "", 204


def _refused(error: entries.LexiconError):
    fields = {
        p.field: f"{p.field} {PROBLEM_WORDS.get(p.code, 'is not valid')}" for p in error.problems
    }
    return error_response(422, _("The lexicon entry was not stored."), fields=fields)


def _entry_or_404(session, entry_id: int):
    """The stored entry, or a JSON 404 (the API's errors are JSON: see reader/errors.py)."""
    found = entries.get(session, entry_id)
    if found is None:
        abort(404, _("This lexicon entry does not exist."))
    return found
