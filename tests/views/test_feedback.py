"""Feedback through the form (CSRF, localized errors) and the API; nothing is lost."""

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from reader.models import Feedback
from tests.helpers import load_seed, make_app


def count(session):
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Feedback))


def test_form_preselects_the_article(client, french_article):
    html = client.get(f"/feedback?article={french_article.id}&lang=fr").get_data(as_text=True)
    assert f'name="article_id" type="hidden" value="{french_article.id}"' in html
    assert "Qualité audio" in html or "Prononciation" in html


def test_valid_post_is_a_committed_row_before_thanks(client, session, french_article):
    data = {
        "article_id": french_article.id,
        "category": "pronunciation",
        "message": "« Koursk » est mal prononcé.",
        "email": "lecteur@example.org",
    }
    response = client.post("/feedback?lang=fr", data=data)
    assert response.status_code == 302
    row = session.scalar(select(Feedback))
    assert (row.category, row.message, row.email) == (
        "pronunciation",
        data["message"],
        "lecteur@example.org",
    )
    assert row.article_id == french_article.id
    thanks = client.get(response.headers["Location"] + "&lang=fr")
    assert "Merci" in thanks.get_data(as_text=True)


def test_invalid_post_rerenders_with_localized_errors_and_stores_nothing(client, session):
    response = client.post(
        "/feedback?lang=de", data={"category": "other", "message": "", "email": "not-an-email"}
    )
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'aria-invalid="true"' in html
    assert "Dieses Feld ist erforderlich." in html or "erforderlich" in html
    assert count(session) == 0


def test_too_long_message_is_refused(client, session):
    response = client.post("/feedback", data={"category": "other", "message": "x" * 5001})
    assert response.status_code == 422
    assert count(session) == 0


def test_csrf_token_is_required(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    response = client.post("/feedback", data={"category": "other", "message": "Hello there"})
    assert response.status_code == 400
    page = client.get("/feedback").get_data(as_text=True)
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    ok = client.post("/feedback", data={"csrf_token": token, "category": "other", "message": "Hi!"})
    assert ok.status_code == 302
    app.extensions["reader.speech"].shutdown()


def test_api_stores_feedback(client, session, french_article):
    body = {"article_id": french_article.id, "category": "audio_quality", "message": "Too fast."}
    response = client.post("/api/v1/feedback", json=body)
    assert response.status_code == 201
    assert response.json["stored"] is True
    assert count(session) == 1


def test_api_gives_every_reason_and_stores_nothing(client, session):
    response = client.post(
        "/api/v1/feedback",
        json={"article_id": 999, "category": "bogus", "message": "", "email": "x@"},
    )
    assert response.status_code == 422
    assert set(response.json["error"]["fields"]) == {"article_id", "category", "message", "email"}
    assert count(session) == 0


def test_api_refuses_non_json(client, session):
    assert client.post("/api/v1/feedback", data="hello").status_code == 400
    assert count(session) == 0


@pytest.mark.parametrize("lang", ["fr", "ar", "ja"])
def test_an_expired_session_says_so_in_the_readers_language_and_keeps_the_message(tmp_path, lang):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    client = app.test_client()
    sent = {"category": "pronunciation", "message": "Le mot « Koursk » est mal dit.", "email": ""}
    response = client.post(f"/feedback?lang={lang}", data=sent)  # no session, no token
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    with app.test_request_context(f"/?lang={lang}"):
        from reader.errors import session_expired

        expected = session_expired()
    assert str(escape(expected)) in page
    assert "CSRF" not in page
    assert str(escape(sent["message"])) in page  # the form comes back filled
    assert '<option selected value="pronunciation">' in page
    # It can be sent again at once: the page carries a fresh token.
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    again = client.post("/feedback", data={**sent, "csrf_token": token})
    assert again.status_code == 302
    app.extensions["reader.speech"].shutdown()


def test_an_expired_report_form_keeps_the_chosen_category(tmp_path):
    app = make_app(tmp_path, WTF_CSRF_ENABLED=True)
    with app.extensions["reader.db"]() as session:
        load_seed(session, "01-fr")
    client = app.test_client()
    sent = {
        "article_id": "1",
        "block_position": "0",
        "sentence_index": "0",
        "category": "other",
        "message": "Un souffle à la fin.",
    }
    response = client.post("/feedback/report?lang=fr", data=sent)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "CSRF" not in page
    assert "Un souffle à la fin." in page
    assert 'value="other" checked' in page
    app.extensions["reader.speech"].shutdown()
