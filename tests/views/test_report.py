"""Report this sentence: the prefilled form, each category, the word pick, the protections."""

import pytest
from sqlalchemy import func, select

from reader.feedback.words import MAX_WORD_LENGTH, split_words
from reader.models import Article, Feedback
from tests.helpers import first_paragraph, make_app


def count(session):
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Feedback))


def first_sentence(session, article):
    """(block position, sentence index, text) of the first paragraph's first sentence."""
    block = first_paragraph(session, article)
    return block.position, 0, block.sentences[0].text


def report(article, block, index, **fields):
    data = {"article_id": article.id, "block_position": block, "sentence_index": index}
    data.update(fields)
    return data


def test_the_form_is_prefilled_from_the_database(client, session, french_article):
    block, index, text = first_sentence(session, french_article)
    url = (
        f"/feedback/report?article={french_article.id}&block={block}&sentence={index}&position=12.5"
    )
    html = client.get(url).get_data(as_text=True)
    assert text.split()[0] in html
    assert 'name="audio_position" value="12.5"' in html
    assert f'name="block_position" value="{block}"' in html
    for number, word in enumerate(split_words(text)):
        assert f'id="word-{number}" value="{number}"' in html
        assert f'for="word-{number}">{word}</label>' in html
    assert 'name="website"' in html  # the honeypot is there, hidden by CSS


def test_the_reading_page_links_each_sentence_to_its_report(client, session, french_article):
    block, index, _text = first_sentence(session, french_article)
    html = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    assert f"/feedback/report?article={french_article.id}&amp;block={block}&amp;sentence=0" in html
    assert 'id="player-report"' in html


def test_an_unknown_sentence_is_404(client, french_article):
    assert (
        client.get(f"/feedback/report?article={french_article.id}&block=9&sentence=99").status_code
        == 404
    )
    assert client.get("/feedback/report?article=x").status_code == 404


def test_a_word_report_stores_the_exact_word_before_thanks(client, session, french_article):
    block, index, text = first_sentence(session, french_article)
    words = split_words(text)
    data = report(
        french_article, block, index, category="word", word_index=2, audio_position="7.25"
    )
    response = client.post("/feedback/report", data=data)
    assert response.status_code == 302
    row = session.scalar(select(Feedback))  # committed before the thank-you is asked for
    assert (row.category, row.word, row.word_index) == ("word", words[2], 2)
    assert (row.block_position, row.sentence_index, row.sentence_text) == (block, index, text)
    assert row.language == "fr" and row.audio_position == 7.25 and row.status == "new"
    assert row.message == ""
    thanks = client.get(response.headers["Location"] + "&lang=fr").get_data(as_text=True)
    assert "Merci" in thanks
    assert f'data-sent-report="{row.id}"' in thanks


@pytest.mark.parametrize("category", ["language", "number_or_date", "audio_fault"])
def test_each_category_without_a_message(client, session, french_article, category):
    block, index, _text = first_sentence(session, french_article)
    response = client.post(
        "/feedback/report", data=report(french_article, block, index, category=category)
    )
    assert response.status_code == 302
    assert session.scalar(select(Feedback.category)) == category


def test_other_needs_a_message(client, session, french_article):
    block, index, _text = first_sentence(session, french_article)
    response = client.post(
        "/feedback/report", data=report(french_article, block, index, category="other")
    )
    assert response.status_code == 422
    assert count(session) == 0
    data = report(french_article, block, index, category="other", message="Une pause bizarre.")
    assert client.post("/feedback/report", data=data).status_code == 302
    assert count(session) == 1


def test_a_word_report_needs_a_word_of_the_sentence(client, session, french_article):
    block, index, text = first_sentence(session, french_article)
    page = client.post(
        "/feedback/report", data=report(french_article, block, index, category="word")
    )
    assert page.status_code == 422
    assert "Please choose the word that is mispronounced." in page.get_data(as_text=True)
    bad = report(french_article, block, index, category="word", word_index=len(split_words(text)))
    page = client.post("/feedback/report", data=bad)
    assert page.status_code == 422
    assert "Please choose one of the sentence" in page.get_data(as_text=True)
    assert count(session) == 0


def test_validation_messages_are_localized(client, session, french_article):
    block, index, _text = first_sentence(session, french_article)
    data = report(french_article, block, index, category="bogus", email="pas-un-courriel")
    page = client.post("/feedback/report?lang=de", data=data)
    assert page.status_code == 422
    html = page.get_data(as_text=True)
    assert 'aria-invalid="true"' in html
    assert count(session) == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"block_position": "-1"},
        {"sentence_index": "abc"},
        {"sentence_index": "999"},
        {"audio_position": "nan"},
        {"audio_position": "-3"},
        {"audio_position": "1e9"},
    ],
)
def test_malformed_fields_are_refused_and_nothing_is_stored(
    client, session, french_article, fields
):
    block, index, _text = first_sentence(session, french_article)
    data = report(french_article, block, index, category="audio_fault")
    data.update(fields)
    assert client.post("/feedback/report", data=data).status_code in (404, 422)
    assert count(session) == 0


def test_the_honeypot_is_thanked_and_ignored(client, session, french_article):
    block, index, _text = first_sentence(session, french_article)
    data = report(
        french_article, block, index, category="audio_fault", website="http://spam.example"
    )
    response = client.post("/feedback/report", data=data)
    assert response.status_code == 302 and "/feedback/thanks" in response.headers["Location"]
    api = client.post(
        "/api/v1/feedback", json={"category": "other", "message": "Buy!", "website": "x"}
    )
    assert api.status_code == 201 and api.json["stored"] is True
    form = client.post(
        "/feedback", data={"category": "other", "message": "Buy now", "website": "x"}
    )
    assert form.status_code == 302
    assert count(session) == 0


@pytest.mark.parametrize("url", ["/feedback/report", "/feedback", "/api/v1/feedback"])
def test_bodies_over_16_kb_are_refused_before_parsing(client, session, url):
    response = client.post(url, data={"category": "other", "message": "x" * 17_000})
    assert response.status_code == 413
    assert count(session) == 0


def test_reports_are_rate_limited_per_client(tmp_path):
    app = make_app(tmp_path, FEEDBACK_LIMIT="3 per minute")
    client = app.test_client()
    body = {"category": "other", "message": "Encore une fois."}
    statuses = [client.post("/api/v1/feedback", json=body).status_code for _ in range(3)]
    statuses.append(client.post("/feedback", data=body).status_code)  # one count for all
    assert statuses == [201, 201, 201, 429]
    other = client.post("/api/v1/feedback", json=body, environ_base={"REMOTE_ADDR": "10.1.1.1"})
    assert other.status_code == 201
    app.extensions["reader.speech"].shutdown()


def test_the_api_takes_a_sentence_report(client, session, french_article):
    block, index, text = first_sentence(session, french_article)
    word = split_words(text)[1]
    body = report(french_article, block, index, category="word", word=word, audio_position=3)
    response = client.post("/api/v1/feedback", json=body)
    assert response.status_code == 201, response.json
    row = session.get(Feedback, response.json["id"])
    assert (row.word, row.word_index, row.sentence_text) == (word, 1, text)
    bad = client.post("/api/v1/feedback", json={**body, "word": "nope-not-there"})
    assert bad.status_code == 422 and set(bad.json["error"]["fields"]) == {"word"}


def test_the_status_endpoint_tells_statuses_only(client, session, french_article):
    block, index, _text = first_sentence(session, french_article)
    data = report(french_article, block, index, category="other", message="<b>secret</b> words")
    client.post("/feedback/report", data=data)
    row = session.scalar(select(Feedback))
    row.status = "fixed"
    session.commit()
    response = client.get(f"/feedback/status?ids={row.id},999,abc")
    assert response.json == {"statuses": {str(row.id): "fixed"}}
    assert "secret" not in response.get_data(as_text=True)


def test_a_word_longer_than_its_column_is_stored_cut_not_refused(client, session, editor):
    # A long compound or a link is one word to the reader; PostgreSQL, unlike SQLite, would
    # refuse more than the VARCHAR(200) holds.
    word = "Donaudampfschifffahrtsgesellschaft" * 8
    text = f"Ein Titel\nDas Wort {word} ist lang. Noch ein Satz folgt hier."
    stored = client.post(
        "/api/v1/articles", json={"text": text}, headers={"Authorization": f"Bearer {editor.token}"}
    )
    assert stored.status_code == 201
    article = session.get(Article, stored.json["id"])
    block, index, _sentence = first_sentence(session, article)
    body = report(article, block, index, category="word", word_index=2)
    response = client.post("/api/v1/feedback", json=body)
    assert response.status_code == 201, response.json
    assert session.get(Feedback, response.json["id"]).word == word[:MAX_WORD_LENGTH]
