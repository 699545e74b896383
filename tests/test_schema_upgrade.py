"""create_schema adds the nullable columns an older database lacks, once, keeping its rows."""

from sqlalchemy import create_engine, inspect, text

from reader.db import add_missing_columns, create_schema
from tests.helpers import make_app

OLD_FEEDBACK = """CREATE TABLE feedback (
    id INTEGER PRIMARY KEY, article_id INTEGER, category VARCHAR(32) NOT NULL,
    message TEXT NOT NULL, email VARCHAR(254), locale VARCHAR(8), created_at DATETIME NOT NULL)"""


def test_an_old_feedback_table_gets_the_new_columns(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(OLD_FEEDBACK))
        connection.execute(
            text(
                "INSERT INTO feedback (category, message, created_at)"
                " VALUES ('pronunciation', 'old row', '2024-01-01 00:00:00')"
            )
        )
    create_schema(engine)
    columns = {c["name"] for c in inspect(engine).get_columns("feedback")}
    assert {
        "block_position",
        "sentence_text",
        "word",
        "voice",
        "audio_position",
        "status",
    } <= columns
    assert add_missing_columns(engine) == []  # idempotent
    engine.dispose()
    # The app opens it, and the old row shows in the inbox as new.
    app = make_app(tmp_path, DATABASE_URL=url)
    from tests.helpers import add_user, sign_in

    user, _token = add_user(app, "ed", "editor")
    client = app.test_client()
    sign_in(client, user)
    page = client.get("/admin/feedback").get_data(as_text=True)
    assert "old row" in page and 'data-status="new"' in page
    assert client.get("/feedback/status?ids=1").json == {"statuses": {"1": "new"}}
    app.extensions["reader.speech"].shutdown()
