"""The lexicon's forms and the words for its problems: the service does the validating."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice

from reader.speech.lexicon import MAX_PATTERN_LENGTH, MAX_REPLACEMENT_LENGTH

KIND_LABELS = {
    "respelling": _l("Respelling (text the voice reads)"),
    "phonemes": _l("espeak-ng phonemes ([[...]])"),
}
# (field, code) or code -> the editor's words; the API words the same codes in English.
MESSAGES = {
    "required": _l("This field is required."),
    "too_long": _l("This is too long."),
    "invalid": _l("This value is not valid."),
    "unknown": _l("Choose one of the languages listed."),
    "regex_invalid": _l("This regular expression does not compile."),
    "regex_unsafe": _l(
        "This regular expression could take too long (a repeat inside a repeat): simplify it."
    ),
    "regex_empty": _l("This regular expression matches empty text."),
    "phonemes": _l("Phonemes may use only espeak-ng's phoneme letters and marks, no brackets."),
    "brackets": _l("A respelling cannot contain [[ or ]]: choose phonemes instead."),
    "duplicate": _l("There is already an entry for this word in this language."),
    "column": _l("This column is unknown or missing."),
    "cells": _l("This line has more cells than the header."),
}


def language_choices(languages: dict) -> list[SelectChoice]:
    return [SelectChoice(code, f"{code} — {lang.native_name}") for code, lang in languages.items()]


class EntryForm(FlaskForm):
    """One entry: the word, its language and options, how to say it, and a sample to hear."""

    language = SelectField(_l("Language"), validate_choice=False)
    pattern = StringField(
        _l("Word or phrase"), render_kw={"maxlength": MAX_PATTERN_LENGTH, "autocomplete": "off"}
    )
    is_regex = BooleanField(_l("Regular expression"))
    case_sensitive = BooleanField(_l("Match case"))
    kind = SelectField(
        _l("Say it as"),
        choices=[SelectChoice(value, label) for value, label in KIND_LABELS.items()],
        validate_choice=False,
    )
    replacement = StringField(
        _l("How to say it"),
        render_kw={"maxlength": MAX_REPLACEMENT_LENGTH, "autocomplete": "off", "dir": "auto"},
    )
    note = TextAreaField(_l("Note"), render_kw={"rows": 2})
    sample = StringField(_l("Sample sentence"), render_kw={"maxlength": 500, "dir": "auto"})
    report = HiddenField()


def form_data(form: EntryForm) -> dict:
    """The form's fields as the lexicon service takes them."""
    return {
        "language": form.language.data or "",
        "pattern": form.pattern.data or "",
        "replacement": form.replacement.data or "",
        "kind": form.kind.data or "",
        "is_regex": bool(form.is_regex.data),
        "case_sensitive": bool(form.case_sensitive.data),
        "note": form.note.data,
    }


class ImportForm(FlaskForm):
    """A CSV file of entries."""

    file = FileField(_l("CSV file"))


class ButtonForm(FlaskForm):
    """Only the CSRF token (delete)."""
