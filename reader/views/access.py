"""Who is asking: sign-in sessions, API tokens, rate limits, and the role each route needs."""

from functools import wraps

from flask import Flask, abort, current_app, g, redirect, request, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user

from reader.auth import service as auth_service
from reader.db import get_session
from reader.errors import error_response
from reader.models import User


def init_app(app: Flask) -> None:
    """Sessions (Flask-Login) and a rate limiter of the app's own."""
    app.session_interface = AnonymousFirstSessionInterface()
    login_manager = LoginManager(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please sign in to do this.")
    login_manager.user_loader(_load_user)
    # One limiter per app, so apps (and tests) never share counters in one process.
    limiter = Limiter(
        get_remote_address,
        app=app,
        storage_uri=app.config["RATELIMIT_STORAGE_URI"],
        default_limits=[],
    )
    # Every limit here is taken inside its view (`with limiter().limit(...)`), which checks it
    # there. The check Flask-Limiter also runs before every view has no limit to apply here
    # and cost a tenth of serving a cached reading page. (It is not there when limits are off.)
    before = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit in before:
        before.remove(limiter._check_request_limit)
    app.extensions["reader.limiter"] = limiter
    app.context_processor(lambda: {"current_user": current_user})


class AnonymousFirstSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, its signer made only for a request that brings a session
    cookie: most readers have none, and making it cost a tenth of serving a cached page."""

    def open_session(self, app, request):
        if not request.cookies.get(self.get_cookie_name(app)) and app.secret_key:
            return self.session_class()
        return super().open_session(app, request)


def _load_user(session_key: str) -> User | None:
    user_id, _sep, password_mark = session_key.partition(":")
    if not user_id.isdigit():
        return None
    user = get_session().get(User, int(user_id))
    if user is None or user.get_id() != session_key:
        return None  # deleted, or its password changed since this session signed in
    return user


def limiter() -> Limiter:
    return current_app.extensions["reader.limiter"]


def _signed_in_as(allowed, view):
    """The view for users `allowed(user)` accepts; the public is sent to sign in, others 403."""

    @wraps(view)
    def guarded(*args, **kwargs):
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        if not allowed(current_user):
            abort(403, _("You do not have permission to do this."))
        return view(*args, **kwargs)

    return guarded


def editor_required(view):
    """Editors and admins only."""
    return _signed_in_as(lambda user: user.is_editor, view)


def admin_required(view):
    """Admins only."""
    return _signed_in_as(lambda user: user.is_admin, view)


def api_user() -> User | None:
    """The API caller: a bearer token's user, else the signed-in session's, else None."""
    if "api_user" not in g:
        header = request.headers.get("Authorization", "")
        scheme, _sep, token = header.partition(" ")
        if scheme.lower() == "bearer":
            g.api_user = auth_service.user_for_token(get_session(), token.strip())
            g.api_by_token = True
        else:
            g.api_user = current_user if current_user.is_authenticated else None
            g.api_by_token = False
    return g.api_user


def api_editor_required(view):
    """An editor's token or session: 401 without one, 403 for anyone else."""

    @wraps(view)
    def guarded(*args, **kwargs):
        user = api_user()
        if user is None:
            response, status = error_response(401, "sign in or send an editor's API token")
            response.headers["WWW-Authenticate"] = 'Bearer realm="reader"'
            return response, status
        if not user.is_editor:
            return error_response(403, "an editor's token or session is needed")
        if not g.api_by_token and current_app.config.get("WTF_CSRF_ENABLED", True):
            # A session cookie rides along with any request the browser makes: a write that
            # uses one must also carry the page's CSRF token (X-CSRFToken), as forms do.
            current_app.extensions["csrf"].protect()
        return view(*args, **kwargs)

    return guarded


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site only, never another host."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return url_for("articles.index")


def redirect_next():
    return redirect(safe_next(request.args.get("next")))
