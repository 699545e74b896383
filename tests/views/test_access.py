"""Roles: the public reads, listens and sends feedback; editors change things; a sweep of the
URL map keeps every new write route closed unless it is listed as public."""

import re

import pytest
from sqlalchemy import func, select

from reader.models import ApiToken, Article, Base, User
from tests.helpers import add_user, make_app, sign_in

WRITE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
# The only writes the public may make: send feedback or report a sentence, sign in or out.
PUBLIC_WRITES = {
    "feedback.form",
    "feedback.send_report",
    "api.post_feedback",
    "auth.login",
    "auth.logout",
}
# Pages that only editors may see, though they change nothing.
EDITOR_PAGES = {
    "imports.import_article",
    "admin.home",
    "admin.tokens",
    "admin.inbox",
    "admin.inbox_export",
}
ADMIN_PAGES = {"admin.users"}


def fill(rule, article_id: int) -> str:
    """A concrete URL for the rule, every number the stored article's id or 1."""
    path = rule.rule
    for arg in rule.arguments:
        value = article_id if "article" in arg else 1
        path = re.sub(rf"<(?:[a-z]+:)?{arg}>", str(value), path)
    return path


def row_counts(app) -> dict[str, int]:
    with app.extensions["reader.db"]() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table))
            for table in Base.metadata.sorted_tables
        }


def write_routes(app):
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) & WRITE_METHODS):
            if rule.endpoint not in PUBLIC_WRITES:
                yield rule, method


def test_the_sweep_finds_the_write_routes(app):
    endpoints = {rule.endpoint for rule, _ in write_routes(app)}
    assert {"api.import_article", "api.edit_block", "articles.override_language"} <= endpoints


def test_anonymous_clients_can_change_nothing(app, client, french_article):
    before = row_counts(app)
    for rule, method in write_routes(app):
        url = fill(rule, french_article.id)
        response = client.open(url, method=method, json={"text": "x", "language": "de"})
        if rule.rule.startswith("/api/"):
            assert response.status_code == 401, (method, url, response.status_code)
            assert response.headers["WWW-Authenticate"].startswith("Bearer")
        else:
            assert response.status_code == 302, (method, url, response.status_code)
            assert response.headers["Location"].startswith("/login?next=")
    assert row_counts(app) == before


def test_editor_pages_send_the_public_to_sign_in(app, client):
    for endpoint in EDITOR_PAGES | ADMIN_PAGES:
        (rule,) = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint]
        response = client.get(fill(rule, 1))
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_an_editor_may_not_manage_people(app, editor_client):
    assert editor_client.get("/admin/users").status_code == 403
    assert editor_client.get("/admin/").status_code == 200


def test_an_admin_sees_people(app, client):
    admin, _token = add_user(app, "root", "admin")
    sign_in(client, admin)
    page = client.get("/admin/users").get_data(as_text=True)
    assert "root" in page


def test_the_public_still_reads_listens_and_sends_feedback(client, french_article):
    assert client.get("/").status_code == 200
    assert client.get(f"/articles/{french_article.id}").status_code == 200
    assert client.get(f"/articles/{french_article.id}/audio/status").status_code == 200
    response = client.post(
        "/api/v1/feedback",
        json={"article_id": french_article.id, "category": "other", "message": "Très bien."},
    )
    assert response.status_code == 201


def test_an_editor_token_writes_and_a_revoked_one_does_not(app, client, editor, french_article):
    headers = {"Authorization": f"Bearer {editor.token}"}
    url = f"/api/v1/articles/{french_article.id}/language"
    assert client.put(url, json={"language": "de"}, headers=headers).status_code == 200
    with app.extensions["reader.db"]() as session:
        token = session.scalars(select(ApiToken)).one()
        assert editor.token not in (token.token_hash, token.label)  # only its hash is kept
        from reader.auth.service import revoke_token

        revoke_token(session, token)
    assert client.put(url, json={"language": "fr"}, headers=headers).status_code == 401
    bad = {"Authorization": "Bearer rdr_not-a-token"}
    assert client.put(url, json={"language": "fr"}, headers=bad).status_code == 401


def test_login_and_logout(app, client):
    add_user(app, "ed", "editor")
    page = client.post("/login", data={"name": "ed", "password": "wrong password!"})
    assert page.status_code == 401
    assert "The name or the password is not right." in page.get_data(as_text=True)
    response = client.post(
        "/login?next=/admin/", data={"name": "ed", "password": "correct horse battery"}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    client.post("/logout")
    assert client.get("/admin/").status_code == 302


def test_login_never_redirects_to_another_site(app, client):
    add_user(app, "ed", "editor")
    response = client.post(
        "/login?next=//evil.example/", data={"name": "ed", "password": "correct horse battery"}
    )
    assert response.headers["Location"] == "/"


def test_a_new_password_ends_old_sessions(app, client):
    user, _token = add_user(app, "ed", "editor")
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200
    with app.extensions["reader.db"]() as session:
        from reader.auth.service import set_password

        set_password(session, session.get(User, user.id), "another long password")
    assert client.get("/admin/").status_code == 302


def test_login_is_rate_limited_per_account(tmp_path):
    app = make_app(tmp_path, LOGIN_LIMIT_PER_ACCOUNT="3 per minute")
    add_user(app, "ed", "editor")
    statuses = []
    for n in range(5):
        # Each attempt from another address: the account's own limit still stops them.
        client = app.test_client()
        response = client.post(
            "/login",
            data={"name": "ed", "password": "guess"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{n}"},
        )
        statuses.append(response.status_code)
    assert statuses == [401, 401, 401, 429, 429]
    app.extensions["reader.speech"].shutdown()


def test_login_is_rate_limited_per_client(tmp_path):
    app = make_app(tmp_path, LOGIN_LIMIT_PER_CLIENT="2 per minute")
    client = app.test_client()
    statuses = [
        client.post("/login", data={"name": f"user{n}", "password": "guess"}).status_code
        for n in range(3)
    ]
    assert statuses == [401, 401, 429]
    page = client.post("/login?lang=fr", data={"name": "x", "password": "y"})
    assert page.status_code == 429
    assert "Trop de tentatives" in page.get_data(as_text=True)  # the reader's language
    app.extensions["reader.speech"].shutdown()


@pytest.fixture
def csrf_app(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    yield app
    app.extensions["reader.speech"].shutdown()


def test_forms_without_their_csrf_token_are_refused(csrf_app):
    add_user(csrf_app, "ed", "editor")
    client = csrf_app.test_client()
    assert (
        client.post("/login", data={"name": "ed", "password": "correct horse battery"}).status_code
        == 400
    )


def test_an_api_write_with_the_session_needs_the_csrf_header(csrf_app):
    user, token = add_user(csrf_app, "ed", "editor")
    client = csrf_app.test_client()
    sign_in(client, user)
    body = {"text": "Titre\n\nUn paragraphe assez long pour faire un article en français."}
    assert client.post("/api/v1/articles", json=body).status_code == 400
    page = client.get("/").get_data(as_text=True)
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    response = client.post("/api/v1/articles", json=body, headers={"X-CSRFToken": csrf})
    assert response.status_code in (200, 201, 422)
    # A token needs no CSRF header: it is not sent by browsers on their own.
    other = csrf_app.test_client()
    response = other.post(
        "/api/v1/articles", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code in (200, 201, 422)
    with csrf_app.extensions["reader.db"]() as session:
        assert session.scalar(select(func.count()).select_from(Article)) <= 1


def test_the_session_cookie_is_http_only_and_same_site(tmp_path):
    for secure in (False, True):
        app = make_app(tmp_path / str(secure), SECURE_COOKIES=secure)
        add_user(app, "ed", "editor")
        response = app.test_client().post(
            "/login", data={"name": "ed", "password": "correct horse battery"}
        )
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert ("Secure" in cookie) is secure
        app.extensions["reader.speech"].shutdown()
