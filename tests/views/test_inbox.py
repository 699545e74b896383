"""The editor's inbox: filters, counts, status history, export, escaping, one sentence's audio."""

import csv
import io
import json

from sqlalchemy import select

from reader.models import Feedback, FeedbackEvent
from tests.helpers import add_user, first_paragraph, sign_in


def sentence_of(session, article):
    return first_paragraph(session, article).position


def send(client, article, block, **fields):
    data = {"article_id": article.id, "block_position": block, "sentence_index": 0}
    data.update(fields)
    assert client.post("/feedback/report", data=data).status_code == 302


def test_the_inbox_is_for_editors_only(client, editor_client):
    assert client.get("/admin/feedback").status_code == 302
    assert editor_client.get("/admin/feedback").status_code == 200
    assert "/admin/feedback" in editor_client.get("/admin/").get_data(as_text=True)


def test_filters_counts_and_the_marked_word(
    client, editor_client, session, french_article, german_article
):
    fr_block, de_block = sentence_of(session, french_article), sentence_of(session, german_article)
    send(client, french_article, fr_block, category="word", word_index=1)
    send(client, french_article, fr_block, category="audio_fault")
    send(client, german_article, de_block, category="other", message="Komisch betont.")
    page = editor_client.get("/admin/feedback").get_data(as_text=True)
    assert page.count('class="report-card"') == 3
    assert 'data-status="new">New: <strong>3</strong>' in page
    assert page.count("<mark>") == 1
    word = session.scalar(select(Feedback.word).where(Feedback.category == "word"))
    assert f"<mark>{word}</mark>" in page
    only_fr = editor_client.get("/admin/feedback?language=fr").get_data(as_text=True)
    assert only_fr.count('class="report-card"') == 2
    words = editor_client.get("/admin/feedback?category=word").get_data(as_text=True)
    assert words.count('class="report-card"') == 1
    by_article = editor_client.get(f"/admin/feedback?article={german_article.id}")
    assert by_article.get_data(as_text=True).count('class="report-card"') == 1
    audio = f"/articles/{french_article.id}/sentences/{fr_block}/0/audio"
    assert audio in page


def test_status_changes_are_kept_with_who_and_when(
    client, editor_client, editor, session, french_article
):
    send(client, french_article, sentence_of(session, french_article), category="audio_fault")
    row = session.scalar(select(Feedback))
    for status in ("in_progress", "fixed"):
        response = editor_client.post(
            f"/admin/feedback/{row.id}/status", data={"status": status, "back": "/admin/feedback"}
        )
        assert response.status_code == 302
    session.expire_all()
    events = session.scalars(select(FeedbackEvent).order_by(FeedbackEvent.id)).all()
    assert [(e.status, e.user_id) for e in events] == [
        ("in_progress", editor.id),
        ("fixed", editor.id),
    ]
    assert session.get(Feedback, row.id).status == "fixed"
    page = editor_client.get("/admin/feedback?status=fixed").get_data(as_text=True)
    assert page.count('class="report-card"') == 1 and "by editor" in page
    assert (
        editor_client.get("/admin/feedback?status=new")
        .get_data(as_text=True)
        .count('class="report-card"')
        == 0
    )
    assert client.get(f"/feedback/status?ids={row.id}").json["statuses"] == {str(row.id): "fixed"}
    bad = editor_client.post(f"/admin/feedback/{row.id}/status", data={"status": "gone"})
    assert bad.status_code == 422


def test_the_public_cannot_change_a_status(client, session, french_article):
    send(client, french_article, sentence_of(session, french_article), category="audio_fault")
    row = session.scalar(select(Feedback))
    assert (
        client.post(f"/admin/feedback/{row.id}/status", data={"status": "fixed"}).status_code == 302
    )
    session.expire_all()
    assert session.get(Feedback, row.id).status == "new"


def test_export_csv_and_json(client, editor_client, session, french_article):
    block = sentence_of(session, french_article)
    send(client, french_article, block, category="other", message="=HYPERLINK(1) « bien »")
    send(client, french_article, block, category="audio_fault")
    response = editor_client.get("/admin/feedback/export.csv?category=other")
    assert (
        response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 1 and rows[0]["message"] == "'=HYPERLINK(1) « bien »"
    data = json.loads(editor_client.get("/admin/feedback/export.json").get_data(as_text=True))
    assert {item["category"] for item in data} == {"other", "audio_fault"}
    assert all(item["status"] == "new" and item["block_position"] == block for item in data)


def test_stored_text_is_escaped(client, editor_client, session, french_article):
    send(
        client,
        french_article,
        sentence_of(session, french_article),
        category="other",
        message="<script>alert(1)</script>",
    )
    page = editor_client.get("/admin/feedback").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_inbox_speaks_the_readers_language(editor_client):
    page = editor_client.get("/admin/feedback?lang=fr").get_data(as_text=True)
    assert '<html lang="fr"' in page


def test_a_word_report_links_to_a_lexicon_entry_in_one_step(app, client, session, french_article):
    block = sentence_of(session, french_article)
    send(client, french_article, block, category="word", word_index=0)
    send(client, french_article, block, category="audio_fault")
    user, _token = add_user(app, "ed", "editor")
    sign_in(client, user)
    page = client.get("/admin/feedback").get_data(as_text=True)
    word_id, fault_id = session.scalars(select(Feedback.id).order_by(Feedback.id)).all()
    assert f'href="/admin/lexicon/new?report={word_id}">Fix the pronunciation' in page
    assert f"/admin/lexicon/new?report={fault_id}" not in page


def test_one_sentences_audio(client, session, french_article):
    block = sentence_of(session, french_article)
    response = client.get(f"/articles/{french_article.id}/sentences/{block}/0/audio?format=mp3")
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    assert len(response.data) > 0
    missing = client.get(f"/articles/{french_article.id}/sentences/{block}/999/audio")
    assert missing.status_code == 404
    assert client.get("/articles/9999/sentences/0/0/audio").status_code == 404
