"""Signing in and out: the form, its rate limits, and the session it starts."""

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, Length

from reader.auth import service as auth_service
from reader.db import get_session
from reader.views.access import limiter, safe_next

bp = Blueprint("auth", __name__)


class LoginForm(FlaskForm):
    """Name and password; CSRF comes with FlaskForm."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1024)])


class LogoutForm(FlaskForm):
    """Nothing but the CSRF token: signing out is a POST, so no link elsewhere can do it."""


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if request.method == "POST":
        config = current_app.config
        # Per client and per account: a guesser spread over many addresses still meets the
        # account's limit, and one address cannot try many accounts quickly.
        with limiter().limit(config["LOGIN_LIMIT_PER_CLIENT"], scope="login-client"):
            account = (form.name.data or "").strip().lower()[:64]
            with limiter().limit(
                config["LOGIN_LIMIT_PER_ACCOUNT"],
                key_func=lambda: f"account:{account}",
                scope="login-account",
            ):
                if form.validate():
                    user = auth_service.authenticate(
                        get_session(), form.name.data.strip(), form.password.data
                    )
                    if user is not None:
                        login_user(user)
                        return redirect(safe_next(request.args.get("next")))
                form.password.errors = [_("The name or the password is not right.")]
        return render_template("login.html", form=form), 401
    return render_template("login.html", form=form)


@bp.post("/logout")
def logout():
    form = LogoutForm()
    if form.validate_on_submit() and current_user.is_authenticated:
        logout_user()
        flash(_("You are signed out."))
    return redirect(url_for("articles.index"))
