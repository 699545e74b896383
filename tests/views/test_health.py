"""/healthz and /readyz: what a load balancer asks."""

from sqlalchemy import text


def test_alive_and_ready(client):
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json["checks"] == {"database": True, "workers": True, "voices": True}


def test_not_ready_when_the_database_is_gone(app, client, monkeypatch):
    from sqlalchemy.orm import Session

    def broken(self, statement, *args, **kwargs):
        if str(statement) == str(text("SELECT 1")):
            raise OSError("the database file is gone")
        return original(self, statement, *args, **kwargs)

    original = Session.execute
    monkeypatch.setattr(Session, "execute", broken)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json["checks"]["database"] is False
    assert client.get("/healthz").status_code == 200  # alive, though not ready


def test_not_ready_when_the_workers_are_shut_down(app, client):
    app.extensions["reader.speech"].shutdown()
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json["checks"]["workers"] is False


def test_not_ready_without_any_voice(client, monkeypatch):
    from reader.speech.engines.silent import SilentEngine

    monkeypatch.setattr(SilentEngine, "list_voices", lambda self: {})
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json["checks"]["voices"] is False
