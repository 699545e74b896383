"""The database file deleted, replaced or corrupted under a running app: 503, nothing stored."""

import logging
import sqlite3

import pytest

FEEDBACK = {"category": "audio_quality", "message": "Too fast."}


def _db_files(tmp_path):
    return [tmp_path / f"test.sqlite3{suffix}" for suffix in ("", "-wal", "-shm")]


def _delete(tmp_path, _app=None):
    for path in _db_files(tmp_path):
        path.unlink(missing_ok=True)


def _replace(tmp_path, _app=None):
    _delete(tmp_path)
    sqlite3.connect(tmp_path / "test.sqlite3").close()  # an empty database in its place


def _corrupt(tmp_path, app):
    # Garbage over the same file (same inode), read by the next connection (a new worker's).
    app.extensions["reader.engine"].dispose()
    with open(tmp_path / "test.sqlite3", "r+b") as file:
        file.write(b"this is no longer a database " * 4096)


@pytest.mark.parametrize("damage", [_delete, _replace, _corrupt])
def test_a_write_after_the_file_changed_is_a_503_not_an_acknowledgement(
    app, client, tmp_path, damage, caplog
):
    assert client.post("/api/v1/feedback", json=FEEDBACK).status_code == 201
    damage(tmp_path, app)
    with caplog.at_level(logging.ERROR):
        response = client.post("/api/v1/feedback", json=FEEDBACK)
    assert response.status_code == 503
    assert "nothing was saved" in response.get_json()["error"]["message"]
    assert any("database" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("damage", [_delete, _replace, _corrupt])
@pytest.mark.parametrize("path", ["/?lang=de", "/", "/articles/1"])
def test_a_page_after_the_file_changed_is_a_localized_503_page(
    app, client, session, tmp_path, damage, path
):
    from tests.helpers import load_seed

    load_seed(session, "01-fr")
    session.close()
    # Kept rendered for the next anonymous reader: the front door must not answer from them.
    assert client.get("/").status_code == 200
    assert client.get("/articles/1").status_code == 200
    damage(tmp_path, app)
    response = client.get(path, headers={"Accept-Language": "de"})
    assert response.status_code == 503
    page = response.get_data(as_text=True)
    assert "<!doctype html>" in page.lower()
    assert "Traceback" not in page
    assert "Datenbank" in page


def test_the_untouched_file_keeps_working(app, client):
    for _ in range(3):
        assert client.post("/api/v1/feedback", json=FEEDBACK).status_code == 201
