"""Only what changed is synthesized again; a second listener joins the render in progress."""

from reader.speech import worker
from tests.speech.audio_check import seconds


def count_syntheses(monkeypatch):
    calls = []
    original = worker.synthesize_sentence

    def counting(text, options, pause_ms):
        calls.append(text)
        return original(text, options, pause_ms)

    monkeypatch.setattr(worker, "synthesize_sentence", counting)
    return calls


def finish_renders(app):
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)


def test_editing_one_paragraph_renders_only_its_sentences(
    app, editor_client, french_article, monkeypatch
):
    calls = count_syntheses(monkeypatch)
    editor_client.get(f"/articles/{french_article.id}/audio").get_data()
    finish_renders(app)
    first_total = len(calls)
    assert first_total > 20
    calls.clear()
    edited = "Plus de dix mille soldats seraient là. Ils ne combattent pas encore."
    response = editor_client.patch(
        f"/api/v1/articles/{french_article.id}/blocks/0", json={"text": edited}
    )
    assert response.status_code == 200
    editor_client.get(f"/articles/{french_article.id}/audio").get_data()
    assert sorted(calls) == sorted(
        ["Plus de dix mille soldats seraient là.", "Ils ne combattent pas encore."]
    )


def test_a_second_listener_joins_the_render(app, client, french_article, monkeypatch, tmp_path):
    calls = count_syntheses(monkeypatch)
    url = f"/articles/{french_article.id}/audio"
    # Closed as they are read: the second may be served from the cache, an open file.
    with client.get(url) as first, client.get(url) as second:
        a, b = first.get_data(), second.get_data()
    assert a == b and seconds(a, tmp_path) > 10
    assert len(calls) == len(set(calls))  # no sentence synthesized twice


def test_edit_block_refuses_bad_input(editor_client, french_article):
    url = f"/api/v1/articles/{french_article.id}/blocks"
    assert editor_client.patch(f"{url}/0", json={"text": "  "}).status_code == 422
    assert editor_client.patch(f"{url}/99", json={"text": "Bonjour."}).status_code == 422
    assert editor_client.patch(f"{url}/0", data="x").status_code == 400
