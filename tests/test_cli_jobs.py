"""The job commands: `reader render --all` (pre-render, summary), `reader worker`, on import."""

import pytest

from tests.helpers import add_user, make_app, sign_in
from tests.test_cli import reader


@pytest.mark.slow
def test_render_all_then_again_finds_everything_cached(tmp_path):
    reader(tmp_path, "seed")
    first = reader(tmp_path, "render", "--all", "--lang", "fr", SPEECH_WORKERS="1")
    assert "1 article(s): 1 rendered, 0 cached, 0 failed" in first.stdout
    everything = reader(tmp_path, "render", "--all", SPEECH_WORKERS="1")
    assert "10 article(s): 9 rendered, 1 cached, 0 failed" in everything.stdout
    # Seeds are dated 2024 and 2025: a day after all of them selects none.
    none = reader(tmp_path, "render", "--all", "--since", "2100-01-01")
    assert "0 article(s): 0 rendered, 0 cached, 0 failed" in none.stdout


def test_render_needs_all_and_a_good_date(tmp_path):
    assert reader(tmp_path, "render", check=False).returncode == 2
    bad = reader(tmp_path, "render", "--all", "--since", "yesterday", check=False)
    assert bad.returncode == 2 and "--since" in bad.stderr


def test_worker_refuses_the_local_backend(tmp_path):
    result = reader(tmp_path, "worker", check=False)
    assert result.returncode != 0 and "READER_JOB_BACKEND=celery" in result.stderr


TEXT = (
    "Title: Le pont\nDate-Line: 5 décembre 2024, 11h58\nLanguage: fr\n\n"
    "Le nouveau pont sur le Rhin est ouvert à la circulation depuis ce matin.\n"
)


def test_import_renders_through_the_backend_when_asked(tmp_path):
    app = make_app(tmp_path, RENDER_ON_IMPORT=True)
    try:
        editor = app.test_client()
        user, _ = add_user(app)
        sign_in(editor, user)
        response = editor.post("/api/v1/articles", json={"text": TEXT})
        assert response.status_code == 201
        service = app.extensions["reader.speech"]
        (render,) = service._renders.values()  # started by the import, not by a listener
        assert render.finished.wait(60)
        article_id = response.get_json()["id"]
        status = editor.get(f"/articles/{article_id}/audio/status").get_json()
        assert status["cached"] is True
    finally:
        app.extensions["reader.speech"].shutdown()


def test_import_renders_nothing_by_default(app, editor_client):
    assert editor_client.post("/api/v1/articles", json={"text": TEXT}).status_code == 201
    assert app.extensions["reader.speech"]._renders == {}
