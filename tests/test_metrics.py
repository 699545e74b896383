"""/metrics: requests by route and status, renders, sentences, cache hits and misses, timing."""

import re

import pytest

from reader import metrics


def sample(client, name: str, **labels) -> float:
    """One value from /metrics as a Prometheus server would scrape it (0 when absent)."""
    text = client.get("/metrics").get_data(as_text=True)
    wanted = ",".join(f'{key}="{value}"' for key, value in sorted(labels.items()))
    for line in text.splitlines():
        found = re.fullmatch(r"([a-z_]+)(?:\{(.*)\})? (\S+)", line)
        if found and found.group(1) == name:
            given = ",".join(sorted((found.group(2) or "").split(",")))
            if given == wanted:
                return float(found.group(3))
    return 0.0


def test_the_counters_move_after_a_render(app, client, german_article):
    url = f"/articles/{german_article.id}/audio"
    before = {
        "renders": sample(client, "reader_renders_started_total"),
        "sentences": sample(client, "reader_sentences_synthesized_total"),
        "synthesis": sample(client, "reader_synthesis_seconds_count"),
        "article_miss": sample(
            client, "reader_audio_cache_lookups_total", level="article", result="miss"
        ),
        "article_hit": sample(
            client, "reader_audio_cache_lookups_total", level="article", result="hit"
        ),
        "audio_200": sample(
            client,
            "reader_http_requests_total",
            route="/articles/<int:article_id>/audio",
            method="GET",
            status="200",
        ),
    }
    with client.get(url) as streamed:
        streamed.get_data()
    for render in list(app.extensions["reader.speech"]._renders.values()):
        render.finished.wait(30)
    with client.get(url) as cached:
        cached.get_data()
    sentences = sample(client, "reader_sentences_synthesized_total") - before["sentences"]
    assert sentences >= 5  # the German seed has more sentences than that
    assert sample(client, "reader_synthesis_seconds_count") - before["synthesis"] == sentences
    assert sample(client, "reader_renders_started_total") - before["renders"] == 1
    miss = sample(client, "reader_audio_cache_lookups_total", level="article", result="miss")
    hit = sample(client, "reader_audio_cache_lookups_total", level="article", result="hit")
    assert (miss - before["article_miss"], hit - before["article_hit"]) == (1, 1)
    audio_200 = sample(
        client,
        "reader_http_requests_total",
        route="/articles/<int:article_id>/audio",
        method="GET",
        status="200",
    )
    assert audio_200 - before["audio_200"] == 2


def test_a_second_render_of_the_same_sentences_hits_the_sentence_cache(app, client, german_article):
    hits = sample(client, "reader_audio_cache_lookups_total", level="sentence", result="hit")
    # A sentence's own audio, twice: rendered once, then found in the cache by the worker.
    url = f"/articles/{german_article.id}/sentences/1/0/audio"
    client.get(url)
    client.get(url)
    after = sample(client, "reader_audio_cache_lookups_total", level="sentence", result="hit")
    assert after - hits == 1


def test_requests_count_by_route_not_by_raw_path(client):
    before = sample(
        client, "reader_http_requests_total", route="(no route)", method="GET", status="404"
    )
    for n in range(3):
        client.get(f"/no-such-page-{n}")
    after = sample(
        client, "reader_http_requests_total", route="(no route)", method="GET", status="404"
    )
    assert after - before == 3
    assert "no-such-page" not in client.get("/metrics").get_data(as_text=True)


@pytest.mark.parametrize(
    ("header", "status"),
    [(None, 401), ("Bearer wrong", 401), ("Basic c2VjcmV0", 401), ("Bearer s3cret", 200)],
)
def test_a_metrics_token_closes_metrics_to_everyone_else(tmp_path, header, status):
    from tests.helpers import make_app

    app = make_app(tmp_path, METRICS_TOKEN="s3cret")
    try:
        headers = {"Authorization": header} if header else {}
        response = app.test_client().get("/metrics", headers=headers)
        assert response.status_code == status
        if status == 200:
            assert response.content_type.startswith("text/plain")
            assert "reader_renders_started_total" in response.get_data(as_text=True)
    finally:
        app.extensions["reader.speech"].shutdown()


def test_a_worker_file_still_being_created_does_not_break_the_scrape(tmp_path, monkeypatch):
    # A process creates its metrics file empty and sizes it a moment later; a scrape in
    # between used to answer 500 (struct.error in prometheus_client's reader).
    from prometheus_client.mmap_dict import MmapedDict, mmap_key

    monkeypatch.setenv(metrics.MULTIPROCESS_ENV, str(tmp_path))
    written = MmapedDict(str(tmp_path / "counter_4241.db"))
    key = mmap_key("reader_renders_started", "reader_renders_started_total", [], [], "Renders.")
    written.write_value(key, 3.0, 0.0)
    written.close()
    (tmp_path / "counter_4242.db").write_bytes(b"")  # the next process, not yet sized
    body, content_type = metrics.exposition()
    assert content_type.startswith("text/plain")
    assert b"reader_renders_started_total 3.0" in body
