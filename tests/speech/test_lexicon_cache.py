"""The lexicon and the audio cache: an entry renders again exactly the sentences it changes."""

from reader.speech.lexicon import Lexicon, LexiconRule
from reader.speech.service import SpeechService
from reader.speech.settings import SpeechConfig
from tests.speech.test_cache_reuse import count_syntheses, finish_renders

KIM = LexiconRule("fr", r"Kim\s+Jong[-\s]?Un", "k'im dZON 'un", "phonemes", is_regex=True)


def keys(tmp_path, article, lexicon=None):
    service = SpeechService(SpeechConfig(cache_root=str(tmp_path), engine="silent"))
    request, _ = service.request(article, **({"lexicon": lexicon} if lexicon else {}))
    return request


def listen(client, url: str) -> bytes:
    with client.get(url) as response:
        assert response.status_code == 200
        return response.get_data()


def test_only_the_sentences_an_entry_changes_get_new_keys(tmp_path, french_article):
    before = keys(tmp_path, french_article)
    after = keys(tmp_path, french_article, Lexicon([KIM]))
    changed = [
        u.display
        for u, a, b in zip(before.utterances, before.keys, after.keys, strict=True)
        if a != b
    ]
    assert changed and all("Kim Jong Un" in display for display in changed)
    unchanged = [
        u.display
        for u, a, b in zip(before.utterances, before.keys, after.keys, strict=True)
        if a == b
    ]
    assert not any("Kim Jong Un" in display for display in unchanged)
    spoken = [u.spoken for u in after.utterances if u.display in changed]
    assert all("[[k'im dZON 'un]]" in text for text in spoken)


def test_entries_that_change_nothing_change_no_key(tmp_path, french_article):
    nothing = [
        LexiconRule("fr", "Xylophonique", "ksilofonik"),  # in no sentence
        LexiconRule("fr", "Moscou", "Moscou"),  # said as it is already
        LexiconRule("de", "Kim", "Kimm"),  # another language
    ]
    assert (
        keys(tmp_path, french_article, Lexicon(nothing)).keys == keys(tmp_path, french_article).keys
    )


def test_a_new_entry_renders_again_exactly_its_sentences(
    app, editor_client, french_article, monkeypatch
):
    calls = count_syntheses(monkeypatch)
    url = f"/articles/{french_article.id}/audio"
    listen(editor_client, url)
    finish_renders(app)
    assert len(calls) > 20
    with_word = [text for text in calls if "Pyongyang" in text]
    assert with_word
    calls.clear()
    entry = {
        "language": "fr",
        "pattern": "Pyongyang",
        "replacement": "pjONj'aN",
        "kind": "phonemes",
    }
    assert editor_client.post("/api/v1/lexicon", json=entry).status_code == 201
    listen(editor_client, url)  # the player's stream
    finish_renders(app)
    assert sorted(calls) == sorted(t.replace("Pyongyang", "[[pjONj'aN]]") for t in with_word)
    calls.clear()
    timings = editor_client.get(f"{url}/timings").json["sentences"]  # the timing track
    download = listen(editor_client, f"{url}?download=1&format=mp3")  # another format
    assert timings and download
    assert all("[[pjONj'aN]]" in text for text in calls if "pjON" in text)
    assert not [text for text in calls if "Pyongyang" in text]


def test_an_entry_of_another_language_renders_nothing_again(
    app, editor_client, french_article, monkeypatch
):
    calls = count_syntheses(monkeypatch)
    url = f"/articles/{french_article.id}/audio"
    listen(editor_client, url)
    finish_renders(app)
    calls.clear()
    entry = {"language": "de", "pattern": "Pyongyang", "replacement": "Pjöngjang"}
    assert editor_client.post("/api/v1/lexicon", json=entry).status_code == 201
    listen(editor_client, url)
    assert calls == []
