"""The feedback form: fields to render and CSRF; the service does the validating."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice

from reader.feedback.service import EMAIL_MAX_LENGTH, MESSAGE_MAX_LENGTH

CATEGORY_LABELS = {
    "audio_quality": _l("Audio quality"),
    "pronunciation": _l("Pronunciation"),
    "translation": _l("Translation"),
    "other": _l("Other"),
}

ERROR_MESSAGES = {
    "required": _l("This field is required."),
    "too_short": _l("Please write a little more."),
    "too_long": _l("This is too long."),
    "invalid": _l("This value is not valid."),
    "unknown": _l("This article does not exist."),
}
EMAIL_ERROR = _l("Please enter a valid email address, or leave this empty.")


class FeedbackForm(FlaskForm):
    """Category, message, optional email, and the article it is about."""

    article_id = HiddenField()
    # The service checks the choice, so the API and the form give the same answers.
    category = SelectField(
        _l("What is it about?"),
        choices=[SelectChoice(value, label) for value, label in CATEGORY_LABELS.items()],
        validate_choice=False,
    )
    message = TextAreaField(
        _l("Your message"), render_kw={"maxlength": MESSAGE_MAX_LENGTH, "rows": 6}
    )
    email = EmailField(
        _l("Email (optional, if you would like an answer)"),
        render_kw={"maxlength": EMAIL_MAX_LENGTH, "autocomplete": "email"},
    )


def error_text(code: str, field: str) -> str:
    """A localized message for a service error code."""
    if field == "email" and code == "invalid":
        return str(EMAIL_ERROR)
    return str(ERROR_MESSAGES.get(code, ERROR_MESSAGES["invalid"]))
