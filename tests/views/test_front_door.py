"""The front door: anonymous readers' cached reading pages answered before Flask's request
cycle, exactly as Flask answers them, and everything else left to Flask."""

import logging
import time
from types import SimpleNamespace

import pytest

from reader import logs
from reader.views import page_cache
from reader.views.front_door import FrontDoor
from tests.helpers import load_seed


@pytest.fixture(autouse=True)
def still_clock(monkeypatch):
    """The list's time steps held still: a slow host would otherwise cross one between two
    requests, and the second would rightly go to Flask."""
    monkeypatch.setattr(
        page_cache, "time", SimpleNamespace(monotonic=lambda: 1000.0, time=time.time)
    )


@pytest.fixture
def flask_calls(app):
    """How many requests got past the front door to Flask."""
    front = app.wsgi_app
    assert isinstance(front, FrontDoor)
    calls = []
    inner = front.inner

    def counted(environ, start_response):
        calls.append(environ["PATH_INFO"])
        return inner(environ, start_response)

    front.inner = counted
    return calls


def comparable(response) -> dict:
    headers = dict(response.headers)
    assert len(headers.pop("X-Request-ID")) >= 1
    return {"status": response.status, "headers": headers, "body": response.data}


@pytest.mark.parametrize("page", ["/articles/{id}", "/"])
@pytest.mark.parametrize("accept_language", ["en", "fr-CH, fr;q=0.9, en;q=0.8", "ja", ""])
def test_a_cached_page_is_answered_as_flask_answered_it(
    client, french_article, flask_calls, accept_language, page
):
    path = page.format(id=french_article.id)
    headers = {"Accept-Language": accept_language}
    rendered = client.get(path, headers=headers)  # Flask renders it and keeps it
    assert flask_calls == [path]
    answered = client.get(path, headers=headers)
    assert flask_calls == [path], "the second reader's request reached Flask"
    assert comparable(answered) == comparable(rendered)
    assert answered.status_code == 200
    assert answered.headers["Vary"] == "Accept-Language, Cookie"


def test_a_reader_who_chose_a_language_gets_that_page_at_the_front_door(
    app, french_article, flask_calls
):
    path = f"/articles/{french_article.id}"
    reader = app.test_client()
    reader.set_cookie("reader_lang", "it")
    first = reader.get(path, headers={"Accept-Language": "de"})
    second = reader.get(path, headers={"Accept-Language": "de"})
    assert flask_calls == [path]
    assert '<html lang="it"' in second.get_data(as_text=True)
    assert comparable(second) == comparable(first)


def test_the_list_shows_an_import_at_once(client, session, french_article, flask_calls):
    assert client.get("/").status_code == 200
    german = load_seed(session, "02-de")
    assert german.title in client.get("/").get_data(as_text=True)
    assert flask_calls == ["/", "/"]
    client.get("/")
    assert flask_calls == ["/", "/"]


def test_a_page_of_another_language_or_revision_is_not_taken_for_this_one(
    client, editor_client, french_article, flask_calls
):
    path = f"/articles/{french_article.id}"
    client.get(path, headers={"Accept-Language": "en"})
    german = client.get(path, headers={"Accept-Language": "de"})
    assert 'lang="de"' in german.get_data(as_text=True).split(">", 2)[1]
    editor_client.post(f"{path}/language", data={"language": "it"})
    after = client.get(path, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Language: Italian" in after
    # en rendered, de rendered, the editor's post and its redirect target, en rendered again.
    assert flask_calls.count(path) == 3


@pytest.mark.parametrize(
    "cookie",
    [("session", "anything"), ("remember_token", "1|abc"), ("reader_theme", "dark")],
)
def test_any_cookie_but_the_languages_goes_to_flask(app, french_article, flask_calls, cookie):
    path = f"/articles/{french_article.id}"
    app.test_client().get(path)
    reader = app.test_client()
    reader.set_cookie(*cookie)
    assert reader.get(path).status_code == 200
    assert flask_calls == [path, path]


def test_signed_in_editors_and_flashed_messages_go_to_flask(
    app, client, editor_client, french_article, flask_calls
):
    path = f"/articles/{french_article.id}"
    client.get(path)
    page = editor_client.get(path).get_data(as_text=True)
    assert 'name="csrf_token"' in page
    assert flask_calls == [path, path]


@pytest.mark.parametrize(
    "path",
    [
        "/articles/{id}?lang=de",
        "/articles/0{id}",
        "/articles/{id}/",
        "/articles/99999999999999999999",
    ],
)
def test_other_forms_of_the_path_go_to_flask(client, french_article, flask_calls, path):
    client.get(f"/articles/{french_article.id}")
    asked = path.format(id=french_article.id)
    client.get(asked)
    assert len(flask_calls) == 2


def test_head_and_other_methods_go_to_flask(client, french_article, flask_calls):
    path = f"/articles/{french_article.id}"
    client.get(path)
    assert client.head(path).status_code == 200
    assert client.post(path).status_code in (400, 405)
    assert len(flask_calls) == 3


def test_a_missing_article_is_flasks_localized_404(client, flask_calls):
    response = client.get("/articles/999", headers={"Accept-Language": "fr"})
    assert response.status_code == 404
    assert "Cet article n’existe pas." in response.get_data(as_text=True)
    assert flask_calls == ["/articles/999"]


def test_a_front_door_answer_is_logged_with_its_request_id_and_counted(
    app, client, french_article, flask_calls, caplog
):
    from prometheus_client import REGISTRY

    path = f"/articles/{french_article.id}"
    client.get(path)

    def counted() -> float:
        labels = {"route": "/articles/<int:article_id>", "method": "GET", "status": "200"}
        return REGISTRY.get_sample_value("reader_http_requests_total", labels) or 0.0

    before = counted()
    caplog.handler.addFilter(logs.RequestIdFilter())  # as the server's handler does
    with caplog.at_level(logging.INFO, logger="reader.requests"):
        response = client.get(path, headers={"X-Request-ID": "proxy-42"})
    assert flask_calls == [path]
    assert response.headers["X-Request-ID"] == "proxy-42"
    (line,) = [r for r in caplog.records if r.name == "reader.requests"]
    assert line.getMessage().startswith(f"GET {path} 200 ")
    assert line.request_id == "proxy-42"
    assert counted() == before + 1


def test_a_database_fault_at_the_front_door_is_left_to_flasks_error_handling(
    app, client, french_article, flask_calls, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    from reader.library import articles as article_service

    path = f"/articles/{french_article.id}"
    client.get(path)

    def unreachable(*_args):
        raise OperationalError("SELECT", {}, Exception("database is locked"))

    monkeypatch.setattr(article_service, "page_state", unreachable)
    response = client.get(path, headers={"Accept-Language": "de"})
    assert flask_calls == [path, path]
    assert response.status_code == 503
    assert response.mimetype == "text/html"
