"""Pages cost the same number of SQL statements whatever the number of articles."""

import threading
from contextlib import contextmanager

from sqlalchemy import event

from tests.helpers import SEEDS, load_seed


@contextmanager
def count_statements(app):
    engine = app.extensions["reader.engine"]
    statements = []
    # The request's own statements: background threads (the claims follower releasing a
    # finished render's sentences, say) run on their own time and are not the request's cost.
    request_thread = threading.get_ident()

    def record(conn, cursor, statement, parameters, context, executemany):
        if threading.get_ident() == request_thread:
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def statements_for(app, client, path):
    # Pages rendered, not the reading page as cached for readers (one statement, below).
    app.extensions["reader.page_cache"].clear()
    with count_statements(app) as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_list_and_reading_page_do_not_grow_with_the_library(app, client, session):
    prefixes = sorted(path.name[:5] for path in SEEDS.glob("*.txt"))
    for prefix in prefixes[:2]:
        load_seed(session, prefix)
    small = [statements_for(app, client, p) for p in ("/", "/articles/1", "/api/v1/articles")]
    for prefix in prefixes[2:]:
        load_seed(session, prefix)
    large = [statements_for(app, client, p) for p in ("/", "/articles/1", "/api/v1/articles")]
    assert large == small


def test_a_cached_reading_page_costs_one_small_query(app, client, session, monkeypatch):
    from reader.library import articles as article_service

    load_seed(session, "01-fr")
    assert client.get("/articles/1").status_code == 200
    checks = []
    check = article_service.page_state

    def counted(connection, article_id):
        checks.append(article_id)
        return check(connection, article_id)

    monkeypatch.setattr(article_service, "page_state", counted)
    with count_statements(app) as statements:
        assert client.get("/articles/1").status_code == 200
    # The revision check alone, on the driver's cursor (so unseen by SQLAlchemy's events).
    assert checks == [1] and statements == []


def test_listening_reads_the_body_in_two_statements_after_the_row(app, client, session):
    load_seed(session, "01-fr")
    with count_statements(app) as statements:
        assert client.get("/articles/1/audio/timings").status_code == 200
    # The article's row and the lexicon (is its file remembered and cached? not yet), the
    # article, then its blocks, then all their sentences: never one per block, and the lexicon
    # once for every language. The render's sentence claims (the state every server process
    # shares) are counted apart: they are the render's, not the page's.
    reads = [s for s in statements if "render_claims" not in s]
    assert len(reads) == 5


def test_a_cached_files_audio_costs_two_statements(app, client, session):
    load_seed(session, "01-fr")
    client.get("/articles/1/audio/timings").get_data()  # planned and rendered
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)  # and assembled in the cache
    for path in ("/articles/1/audio", "/articles/1/audio/status", "/articles/1/audio/timings"):
        with count_statements(app) as statements:
            with client.get(path, headers={"Range": "bytes=0-99"}) as response:
                assert response.status_code in (200, 206), path
        # The article's row alone and the lexicon's rules: no body, no plan.
        assert len(statements) == 2, path
        assert "revision" in statements[0] and "lexicon" in statements[1], path
