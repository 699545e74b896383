"""Daily use as a new reader meets it: import errors, the list's pages, downloads, API words."""

import io
import re
import time

import pytest

from reader.library import articles
from reader.library.draft import ArticleDraft, DraftBlock
from reader.views.import_errors import IMPORT_ERRORS
from tests.helpers import SEEDS, load_seed


def alert(page: str) -> str:
    match = re.search(r'role="alert">(.*?)</div>', page, re.S)
    return match.group(1).strip() if match else ""


# ---- import: each failure its own words, the form kept ----------------------------------


def import_cases():
    """Fresh each time: the client closes the uploaded files."""
    return {
        "empty form": {},
        "empty file": {"file": (io.BytesIO(b""), "empty.txt")},
        "blank file": {"file": (io.BytesIO(b"  \n\n\t \n"), "blank.txt")},
        "blank text": {"text": "   \n  "},
        "invalid address": {"url": "not an address"},
        "address without host": {"url": "https://"},
        "non-web scheme": {"url": "ftp://example.org/article"},
        "unreachable address": {"url": "http://127.0.0.1:9/article"},  # discard port: refused
    }


@pytest.mark.parametrize("lang", ["fr", "ar", "ja"])
def test_each_import_failure_has_its_own_localized_message(editor_client, lang):
    messages = {}
    for case, data in import_cases().items():
        response = editor_client.post(
            f"/import?lang={lang}", data=data, content_type="multipart/form-data"
        )
        assert response.status_code == 422, case
        messages[case] = alert(response.get_data(as_text=True))
        assert messages[case], case
    # One message per kind of failure: a blank file and a blank paste are one kind, as are
    # two addresses that are not web addresses.
    assert len(set(messages.values())) == 6
    assert messages["address without host"] == messages["invalid address"]
    assert messages["blank file"] == messages["blank text"]
    english = {str(message) for _kind, _status, message in IMPORT_ERRORS}
    assert not (set(messages.values()) & english), "the messages are translated"


def test_the_form_keeps_the_typed_address_and_text(editor_client):
    page = editor_client.post("/import", data={"url": "ftp://example.org/a b"}).get_data(
        as_text=True
    )
    assert 'value="ftp://example.org/a b"' in page
    text = "  \n  "
    page = editor_client.post("/import", data={"text": text}).get_data(as_text=True)
    assert f'<textarea id="import-text" name="text" rows="8" dir="auto">{text}</textarea>' in page


def test_pasted_text_becomes_an_article(editor_client):
    text = (
        "Harbour seals return to the bay\n"
        "By Jane Doe\n"
        "December 5, 2024\n\n"
        'The seals came back on Tuesday, and "nobody expected it", said the warden. '
        "It's the first time since the '90s that a colony has settled on the sandbank.\n"
    )
    response = editor_client.post("/import", data={"text": text})
    assert response.status_code == 302
    page = editor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Harbour seals return to the bay" in page
    assert 'class="article__byline"' in page and "By Jane Doe" in page  # the byline is kept
    assert "“nobody expected it”" in page and "It’s" in page and "’90s" in page


def test_a_second_import_says_the_article_is_already_there_with_a_link(editor_client, lang="fr"):
    seed = (SEEDS / "02-de-strassenbahn-linie-7.txt").read_bytes()
    first = editor_client.post(
        "/import", data={"file": (io.BytesIO(seed), "a.txt")}, content_type="multipart/form-data"
    )
    assert first.status_code == 302
    again = editor_client.post(
        f"/import?lang={lang}",
        data={"file": (io.BytesIO(seed), "a.txt")},
        content_type="multipart/form-data",
    )
    page = again.get_data(as_text=True)
    assert again.status_code == 200
    assert f'href="{first.headers["Location"]}"' in page
    assert "Neue Straßenbahnlinie 7" in page


def test_the_source_address_is_a_link_only_when_it_is_a_web_address(client, session):
    def stored(title, url):
        draft = ArticleDraft(
            title=title,
            source="Le Courrier",
            source_url=url,
            blocks=(DraftBlock("paragraph", "Le tramway roule depuis lundi matin en ville."),),
        )
        return articles.store_article(session, draft)[0]

    web = stored("Un tramway", "https://courrier.example/tram")
    page = client.get(f"/articles/{web.id}").get_data(as_text=True)
    assert '<a href="https://courrier.example/tram"' in page
    script = stored("Un autre tramway", "javascript:alert(1)")
    page = client.get(f"/articles/{script.id}").get_data(as_text=True)
    assert "javascript:alert" not in page
    assert "<bdi>Le Courrier</bdi>" in page


def test_an_imported_pages_byline_is_kept(editor_client):
    html = (
        "<html lang='en'><head><title>Hawks over the ridge</title>"
        "<meta name='author' content='Jane Doe'></head><body><article><h1>Hawks over the ridge</h1>"
        + "<p>Volunteers counted a record number of migrating hawks over the ridge this week, "
        "more than in any autumn since the count began, and they expect more to come.</p>"
        * 3
        + "</article></body></html>"
    )
    response = editor_client.post(
        "/import",
        data={"file": (io.BytesIO(html.encode()), "page.html")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    page = editor_client.get(response.headers["Location"]).get_data(as_text=True)
    assert re.search(r'class="article__byline"[^>]*>Jane Doe<', page)


# ---- the list: pages, teasers, audio length -----------------------------------------------


def store_many(session, count):
    for number in range(count):
        draft = ArticleDraft(
            title=f"Tram line {number} opens",
            date_line=f"2024-12-{1 + number % 28:02d}",
            blocks=(DraftBlock("paragraph", f"The tram line number {number} opened today. " * 9),),
        )
        articles.store_article(session, draft)


def test_the_list_comes_twenty_a_page_with_links_and_rel(client, session):
    store_many(session, 45)
    first = client.get("/?lang=fr").get_data(as_text=True)
    assert first.count('class="article-card"') == 20
    assert '<link rel="next" href="/?page=2">' in first and 'rel="prev"' not in first
    second = client.get("/?page=2").get_data(as_text=True)
    assert second.count('class="article-card"') == 20
    assert '<link rel="prev" href="/">' in second and '<link rel="next" href="/?page=3">' in second
    third = client.get("/?page=3").get_data(as_text=True)
    assert third.count('class="article-card"') == 5 and 'rel="next"' not in third
    titles = [re.findall(r"Tram line \d+ opens", page) for page in (first, second, third)]
    assert len({t for page in titles for t in page}) == 45  # every article once


@pytest.mark.parametrize("page", ["0", "-1", "two", "1e3", "9999999"])
def test_a_bad_page_number_is_a_clear_400(client, page):
    response = client.get(f"/?page={page}&lang=fr")
    assert response.status_code == 400
    assert "page" in response.get_data(as_text=True)


def test_a_page_past_the_end_is_a_404(client, session):
    store_many(session, 3)
    assert client.get("/?page=2").status_code == 404


def test_each_item_shows_a_teaser_and_the_source_on_the_same_line(client, french_article):
    page = client.get("/").get_data(as_text=True)
    teaser = re.search(r'class="article-card__teaser"[^>]*>(.*?)</p>', page, re.S).group(1)
    assert teaser.startswith("Les premières pertes") or len(teaser) > 40
    assert teaser.endswith("…") and len(teaser) <= 181
    assert "· " not in page.split('class="article-card__meta"')[1].split("</p>")[0]


def test_the_audio_length_shows_once_rendered_and_no_render_starts_before(app, client, session):
    load_seed(session, "03-en")
    speech = app.extensions["reader.speech"]
    page = client.get("/").get_data(as_text=True)
    assert "data-seconds" not in page
    assert not speech._renders  # showing the list started nothing
    timings = client.get("/articles/1/audio/timings").json["sentences"]
    length = max(cue["end"] for cue in timings)
    # The track is streamed while the render's last step still writes it to the cache.
    deadline = time.monotonic() + 60
    while not client.get("/articles/1/audio/status").json["cached"]:
        assert time.monotonic() < deadline, "the render was not cached within 60 s"
        time.sleep(0.05)
    page = client.get("/?lang=ja").get_data(as_text=True)
    seconds = float(re.search(r'data-seconds="([\d.]+)"', page).group(1))
    assert seconds == pytest.approx(length, abs=0.1)
    assert 'class="article-card__length"' in page


# ---- small truths -------------------------------------------------------------------------


def test_the_download_is_named_after_the_title_and_language(client, french_article, session):
    response = client.get("/articles/1/audio?format=mp3&download=1")
    disposition = response.headers["Content-Disposition"]
    assert (
        'filename="premieres-pertes-signalees-kyiv-la-russie-maintient-les-fr.mp3"' in disposition
    )
    page = client.get("/articles/1").get_data(as_text=True)
    assert 'download="premieres-pertes-signalees-kyiv-la-russie-maintient-les-fr.mp3"' in page
    japanese = load_seed(session, "08-ja")
    response = client.get(f"/articles/{japanese.id}/audio?format=mp3&download=1")
    assert "filename*=UTF-8''%E6%96%B0%E5%9E%8B" in response.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("lang", "words"), [("fr", "Langue inconnue"), ("ja", "不明"), ("ar", "غير")]
)
def test_api_errors_follow_the_requests_language(editor_client, french_article, lang, words):
    headers = {"Accept-Language": lang}
    bad = editor_client.put("/api/v1/articles/1/language", json={"language": "xx"}, headers=headers)
    assert bad.status_code == 422
    assert words in bad.json["error"]["message"]
    english = editor_client.put("/api/v1/articles/1/language", json={"language": "xx"})
    assert english.json["error"]["message"] == "Unknown language."


def test_api_feedback_field_errors_follow_the_requests_language(client):
    body = {"category": "other", "message": "x" * 6000}
    response = client.post("/api/v1/feedback", json=body, headers={"Accept-Language": "fr"})
    assert response.status_code == 422
    assert "5\u202f000" in response.json["error"]["fields"]["message"]


@pytest.mark.parametrize("lang", ["fr", "ar", "ja"])
def test_the_feedback_limit_is_said_before_and_in_the_error(client, lang):
    form = client.get(f"/feedback?lang={lang}").get_data(as_text=True)
    assert "maxlength" not in form.split('id="message"')[1].split(">")[0]  # no silent cut
    assert 'id="message-count"' in form and 'data-max-length="5000"' in form
    sent = client.post(f"/feedback?lang={lang}", data={"category": "other", "message": "x" * 5001})
    page = sent.get_data(as_text=True)
    assert sent.status_code == 422
    assert re.search(r"5[\u202f\u00a0,٬.]?000", page.split('id="message-error"')[1])
    assert "x" * 5001 in page  # nothing was cut


def test_arabic_pages_isolate_latin_names(client, session):
    load_seed(session, "07-ar")
    page = client.get("/articles/1?lang=ar").get_data(as_text=True)
    meta = page.split('class="article__meta"')[1].split("</p>")[0]
    assert "<bdi>" in meta
    listing = client.get("/?lang=ar").get_data(as_text=True)
    assert '<span class="article-card__source"><bdi>' in listing


def test_japanese_sentences_are_joined_without_a_space(client, session):
    load_seed(session, "08-ja")
    page = client.get("/articles/1").get_data(as_text=True)
    assert re.search(r"。<a class=\"s__report\".*?</a></span><span class=\"s\"", page, re.S)
    assert not re.search(r"</a></span> <span class=\"s\"", page)


# ---- reading settings: voices, a sample, hashtags, the reader's own UI language -----------


def test_the_voices_of_a_language_come_default_first(client):
    body = client.get("/voices?language=fr").json
    assert body["language"] == "fr"
    ids = [voice["id"] for voice in body["voices"]]
    assert ids and len(ids) == len(set(ids))
    assert all(voice["name"] for voice in body["voices"])
    sample = client.get(body["sample"])
    assert sample.status_code == 200 and sample.data
    assert client.get("/voices?language=xx").status_code == 400
    assert client.get("/voices?lang=ja").json["language"] == "ja"  # the interface's, by default


def test_a_voice_sample_in_a_voice_not_installed_is_a_clear_400(client):
    response = client.get(
        "/voices/sample?language=fr&voice=nobody", headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json["error"]["message"]


def test_a_listener_may_have_hashtags_read_or_skipped(client, french_article):
    skipped = client.get("/articles/1/audio/timings?hashtags=skip").json["sentences"]
    read = client.get("/articles/1/audio/timings?hashtags=read").json["sentences"]
    assert not any(cue["kind"] == "hashtags" for cue in skipped)
    assert any(cue["kind"] == "hashtags" for cue in read)
    assert client.get("/articles/1/audio/status?hashtags=maybe").status_code == 400


@pytest.mark.parametrize("lang", ["fr", "ar", "ja"])
def test_the_readers_own_language_can_be_undone(client, lang):
    chosen = client.get(f"/?lang={lang}")
    assert f'<html lang="{lang}"' in chosen.get_data(as_text=True)
    assert "?lang=auto" in chosen.get_data(as_text=True)  # the way back is offered
    kept = client.get("/", headers={"Accept-Language": "de"})
    assert f'<html lang="{lang}"' in kept.get_data(as_text=True)  # the choice sticks
    undone = client.get("/?lang=auto", headers={"Accept-Language": "de"})
    assert '<html lang="de"' in undone.get_data(as_text=True)
    assert "reader_lang=;" in undone.headers.get("Set-Cookie", "")
    after = client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert '<html lang="de"' in after and "?lang=auto" not in after
