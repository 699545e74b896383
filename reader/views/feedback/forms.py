"""The feedback forms: fields to render and CSRF; the service does the validating."""

from flask_babel import format_number
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice

from reader.feedback.service import EMAIL_MAX_LENGTH, MESSAGE_MAX_LENGTH

# Whole-article feedback (the "Send feedback" link) keeps its original four categories.
CATEGORY_LABELS = {
    "audio_quality": _l("Audio quality"),
    "pronunciation": _l("Pronunciation"),
    "translation": _l("Translation"),
    "other": _l("Other"),
}
# A report about one sentence (from the page or the player).
REPORT_LABELS = {
    "word": _l("A word is mispronounced"),
    "language": _l("Read in the wrong language"),
    "number_or_date": _l("A number or a date is read wrong"),
    "audio_fault": _l("A fault in the audio (noise, cut, silence)"),
    "other": _l("Something else"),
}
# Every category by name, for the inbox.
ALL_LABELS = {**CATEGORY_LABELS, **REPORT_LABELS, "other": _l("Other")}

ERROR_MESSAGES = {
    "required": _l("This field is required."),
    "too_short": _l("Please write a little more."),
    "too_long": _l("This is too long."),
    "invalid": _l("This value is not valid."),
    "unknown": _l("This article does not exist."),
}
EMAIL_ERROR = _l("Please enter a valid email address, or leave this empty.")
FIELD_MESSAGES = {
    ("word", "required"): _l("Please choose the word that is mispronounced."),
    ("word", "invalid"): _l("Please choose one of the sentence's words."),
    ("sentence", "unknown"): _l("This sentence does not exist."),
    ("sentence", "required"): _l("This report needs the sentence it is about."),
}


class FeedbackForm(FlaskForm):
    """Category, message, optional email, and the article it is about."""

    article_id = HiddenField()
    # The service checks the choice, so the API and the form give the same answers.
    category = SelectField(
        _l("What is it about?"),
        choices=[SelectChoice(value, label) for value, label in CATEGORY_LABELS.items()],
        validate_choice=False,
    )
    # No maxlength: it would cut a long paste without a word. A counter says the limit as
    # one types, and the error names it.
    message = TextAreaField(
        _l("Your message"),
        render_kw={
            "rows": 6,
            "data-max-length": MESSAGE_MAX_LENGTH,
            "aria-describedby": "message-count",
        },
    )
    email = EmailField(
        _l("Email (optional, if you would like an answer)"),
        render_kw={"maxlength": EMAIL_MAX_LENGTH, "autocomplete": "email"},
    )


class ReportForm(FlaskForm):
    """Only the CSRF token: the report form's fields are drawn from the sentence."""


def error_text(code: str, field: str) -> str:
    """A localized message for a service error code."""
    if field == "email" and code == "invalid":
        return str(EMAIL_ERROR)
    if field == "message" and code == "too_long":
        return _(
            "Your message is too long: at most %(max)s characters.",
            max=format_number(MESSAGE_MAX_LENGTH),
        )
    message = FIELD_MESSAGES.get((field, code)) or ERROR_MESSAGES.get(code)
    return str(message or ERROR_MESSAGES["invalid"])


def errors_by_field(problems) -> dict[str, list[str]]:
    """The service's problems as {field: [message]}, for a template."""
    errors: dict[str, list[str]] = {}
    for problem in problems:
        errors.setdefault(problem.field, []).append(error_text(problem.code, problem.field))
    return errors
