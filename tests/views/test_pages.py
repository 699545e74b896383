"""The reading page, the list with its filter, locales, and the language override."""

import re

import pytest

from reader.text.typography import typography


def test_reading_page_shows_every_part_of_the_french_seed(client, french_article):
    html = client.get(f"/articles/{french_article.id}?lang=fr").get_data(as_text=True)
    assert '<article class="article" lang="fr" dir="ltr"' in html
    assert "Premières pertes signalées Kyiv" in html
    assert '<time datetime="2024-12-05T11:58:00+01:00">5 décembre 2024, 11h58</time>' in html
    assert "il y a" in html  # relative form
    assert 'id="listen-button"' in html and ">Écouter<" in html
    assert "Cette version audio a été générée artificiellement." in html
    assert f'href="/about/audio?article={french_article.id}"' in html
    assert f'href="/feedback?article={french_article.id}"' in html
    heading = "Accord sur une «\u00a0assistance militaire immédiate\u00a0» mutuelle"
    assert re.search(rf"<h2[^>]*>.*{heading}", html)  # French no-break spaces in « »
    assert '<li class="tag">#Premières</li>' in html
    assert "traduit automatiquement de l’allemand" in html or "allemand" in html


def test_parts_come_in_page_order(client, french_article):
    html = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    order = [
        html.index('class="article__title"'),
        html.index("<time"),
        html.index('id="listen-button"'),
        html.index('id="ai-notice"'),
        html.index("Plus de dix mille soldats"),
        html.index("article__subheading"),
        html.index('class="tags"'),
    ]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("locale", "date_text"),
    [
        ("de", "5. Dezember 2024, 11:58"),
        ("en", "December 5, 2024, 11:58\u202fAM"),
        ("ja", "2024年12月5日 11:58"),
    ],
)
def test_date_follows_the_readers_locale(client, french_article, locale, date_text):
    html = client.get(f"/articles/{french_article.id}?lang={locale}").get_data(as_text=True)
    assert date_text in html
    assert f'<html lang="{locale}"' in html


def test_arabic_article_is_laid_out_right_to_left(client, arabic_article):
    html = client.get(f"/articles/{arabic_article.id}?lang=en").get_data(as_text=True)
    assert '<article class="article" lang="ar" dir="rtl"' in html
    assert '<html lang="en" dir="ltr"' in html


def test_arabic_ui_is_right_to_left(client, french_article):
    html = client.get("/?lang=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl"' in html


def test_locale_comes_from_query_then_cookie_then_accept_language(client, french_article):
    assert '<html lang="de"' in client.get("/", headers={"Accept-Language": "de"}).get_data(True)
    response = client.get("/?lang=it", headers={"Accept-Language": "de"})
    assert "reader_lang=it" in response.headers["Set-Cookie"]
    assert '<html lang="it"' in client.get("/", headers={"Accept-Language": "de"}).get_data(True)


def test_every_page_has_a_language_switcher(client, french_article):
    for path in ("/", f"/articles/{french_article.id}", "/feedback", "/about/audio"):
        html = client.get(path).get_data(as_text=True)
        assert 'name="lang"' in html, path


def test_list_filters_by_language(client, french_article, german_article, english_article):
    html = client.get("/?language=de").get_data(as_text=True)
    assert german_article.title in html
    assert french_article.title not in html
    everything = client.get("/").get_data(as_text=True)
    # Titles are set as their language's press sets them (French no-break spaces).
    shown = [
        typography(a.title, a.language) for a in (french_article, german_article, english_article)
    ]
    assert all(title in everything for title in shown)


def test_unknown_language_filter_is_a_clear_400(client):
    response = client.get("/?language=xx&lang=fr")
    assert response.status_code == 400
    assert "Filtre de langue inconnu" in response.get_data(as_text=True)


def test_language_override_sticks(editor_client, session, french_article):
    response = editor_client.post(
        f"/articles/{french_article.id}/language", data={"language": "de"}
    )
    assert response.status_code == 302
    session.expire_all()
    html = editor_client.get(f"/articles/{french_article.id}?lang=en").get_data(as_text=True)
    assert '<article class="article" lang="de"' in html
    assert "chosen by a reader" in html


def test_language_override_refuses_unknown_codes(editor_client, french_article):
    response = editor_client.post(
        f"/articles/{french_article.id}/language", data={"language": "xx"}
    )
    assert response.status_code == 422


def test_missing_article_is_a_localized_404(client):
    response = client.get("/articles/999?lang=de")
    assert response.status_code == 404
    assert "Dieser Artikel existiert nicht." in response.get_data(as_text=True)


def test_more_info_page_names_engine_voice_language_and_translation(client, french_article):
    html = client.get(f"/about/audio?article={french_article.id}&lang=en").get_data(as_text=True)
    assert "silent-1" in html  # the test engine's version
    assert "roa/fr" in html
    assert "French" in html
    assert "machine-translated from German" in html


def test_sentences_are_wrapped_for_highlighting(client, french_article):
    html = client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    first = re.search(r'<p data-block="0">(.*?)</p>', html, re.S).group(1)
    assert first.count('class="s"') == 3


def test_a_language_without_voice_is_said_in_the_page_and_the_api(
    app, client, french_article, monkeypatch
):
    from reader.speech.engines.silent import SilentEngine

    monkeypatch.setattr(SilentEngine, "list_voices", lambda self: {"gmw/en": "English"})
    html = client.get(f"/articles/{french_article.id}?lang=en").get_data(as_text=True)
    assert "No voice is installed for French." in html
    assert "disabled" in html.split('id="listen-button"')[1].split(">")[0]
    assert client.get(f"/api/v1/articles/{french_article.id}").json["voice"] is None
    status = client.get(
        f"/articles/{french_article.id}/audio/status", headers={"Accept": "application/json"}
    )
    assert status.status_code == 422


def test_after_an_override_blocks_follow_the_new_language(editor_client, session, french_article):
    editor_client.post(f"/articles/{french_article.id}/language", data={"language": "it"})
    html = editor_client.get(f"/articles/{french_article.id}").get_data(as_text=True)
    body = html.split('class="article__body"')[1]
    assert 'lang="fr"' not in body


def test_regional_browser_languages_pick_the_base_locale(client):
    html = client.get("/", headers={"Accept-Language": "pt-BR,pt;q=0.9"}).get_data(as_text=True)
    assert '<html lang="pt"' in html
    html = client.get("/", headers={"Accept-Language": "zh-CN"}).get_data(as_text=True)
    assert '<html lang="zh"' in html


def test_the_player_can_say_in_the_readers_language_that_sentences_were_skipped(
    client, french_article
):
    html = client.get(f"/articles/{french_article.id}?lang=de").get_data(as_text=True)
    assert 'data-text-skipped="Einige Sätze konnten nicht vorgelesen werden' in html
