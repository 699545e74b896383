"""The editor's desk under /admin: its home, API tokens, the people, and the inbox (inbox.py)."""

from flask import Blueprint, abort, current_app, flash, render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from reader.auth import service as auth_service
from reader.db import get_session
from reader.models import ApiToken, User
from reader.views.access import admin_required, editor_required
from reader.views.admin import lexicon
from reader.views.admin.forms import RevokeTokenForm, TokenForm

bp = Blueprint("admin", __name__, url_prefix="/admin")

lexicon.register(bp)

ROLE_NAMES = {"editor": _l("Editor"), "admin": _l("Admin")}
# The desk's sections beyond its own pages: (endpoint, label), shown when registered.
SECTIONS = [("admin.inbox", _l("Feedback from listeners")), ("admin.lexicon", _l("Lexicon"))]


@bp.app_context_processor
def _desk_globals() -> dict:
    sections = [
        (endpoint, label) for endpoint, label in SECTIONS if endpoint in current_app.view_functions
    ]
    return {"admin_sections": sections, "role_names": ROLE_NAMES}


@bp.get("/")
@editor_required
def home():
    return render_template("admin/home.html")


@bp.route("/tokens", methods=["GET", "POST"])
@editor_required
def tokens():
    """The signed-in editor's API tokens: create one (shown once), revoke one."""
    session = get_session()
    form = TokenForm()
    new_secret = None
    if request.method == "POST":
        if not form.validate_on_submit():
            return _tokens_page(form, None), 422
        _token, new_secret = auth_service.create_token(session, current_user, form.label.data)
        flash(_("Copy the token now: it will not be shown again."))
    return _tokens_page(form, new_secret)


@bp.post("/tokens/<int:token_id>/revoke")
@editor_required
def revoke_token(token_id: int):
    session = get_session()
    token = session.get(ApiToken, token_id)
    # Editors revoke their own tokens; admins anyone's.
    if token is None or (token.user_id != current_user.id and not current_user.is_admin):
        abort(404, _("This token does not exist."))
    if not RevokeTokenForm().validate_on_submit():
        abort(400, _("The form has expired. Please try again."))
    auth_service.revoke_token(session, token)
    flash(_("The token is revoked."))
    return _tokens_page(TokenForm(formdata=None), None)


def _tokens_page(form, new_secret):
    rows = get_session().scalars(
        select(ApiToken).where(ApiToken.user_id == current_user.id).order_by(ApiToken.id.desc())
    )
    return render_template(
        "admin/tokens.html",
        form=form,
        revoke_form=RevokeTokenForm(),
        tokens=list(rows),
        new_secret=new_secret,
    )


@bp.get("/users")
@admin_required
def users():
    rows = get_session().scalars(select(User).order_by(User.name))
    return render_template("admin/users.html", users=list(rows))


# The inbox's routes are on this blueprint (its endpoints are admin.*); importing registers them.
from reader.views.admin import inbox as _inbox  # noqa: E402, F401
