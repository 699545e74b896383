"""A listener's own language for an article: it changes what they hear, nothing for others."""

from reader.models import Article


def test_the_public_gets_a_choice_kept_in_their_browser(client, french_article):
    html = client.get(f"/articles/{french_article.id}?lang=en").get_data(as_text=True)
    assert 'id="listen-language"' in html and 'data-article-language="fr"' in html
    assert 'id="article-language"' not in html  # the form that changes it for everyone


def test_an_editor_gets_the_change_for_everyone(editor_client, french_article):
    html = editor_client.get(f"/articles/{french_article.id}?lang=en").get_data(as_text=True)
    assert 'id="article-language"' in html and 'id="listen-language"' not in html


def test_the_audio_can_be_asked_in_another_language(app, client, session, french_article):
    base = client.get(f"/articles/{french_article.id}/audio/timings").json["sentences"]
    german = client.get(f"/articles/{french_article.id}/audio/timings?language=de").json
    assert len(german["sentences"]) == len(base)
    service = app.extensions["reader.speech"]
    request, _jobs = service.request(french_article, language="de")
    assert request.lang == "de"
    assert {job.options.voice for job in _jobs} == {"gmw/de"}
    default, _ = service.request(french_article)
    assert default.key != request.key and default.lang == "fr"
    session.expire_all()
    assert session.get(Article, french_article.id).language == "fr"  # nothing changed for others


def test_an_unknown_listening_language_is_a_clear_400(client, french_article):
    response = client.get(
        f"/articles/{french_article.id}/audio/status?language=xx",
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert "language" in response.json["error"]["message"]
