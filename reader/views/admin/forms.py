"""The desk's forms: each carries its CSRF token."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import DataRequired, Length


class TokenForm(FlaskForm):
    """A name for a new API token, so its owner can tell tokens apart."""

    label = StringField(_l("What the token is for"), validators=[DataRequired(), Length(max=100)])


class RevokeTokenForm(FlaskForm):
    """Only the CSRF token."""


class StatusForm(FlaskForm):
    """Only the CSRF token: the status is one of the buttons' values, checked by the view."""
