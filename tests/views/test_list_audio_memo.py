"""The list's audio lengths: each article planned once per version, never a stale length."""

import re
import time

import pytest

from reader.lexicon import entries
from reader.library import articles
from tests.helpers import load_seed, make_app


@pytest.fixture
def app(tmp_path):
    """Every list page rendered (none kept for anonymous readers): the plans alone are tested."""
    app = make_app(tmp_path, PAGE_CACHE_PAGES=0)
    yield app
    app.extensions["reader.speech"].shutdown()


def shown_seconds(client) -> float | None:
    page = client.get("/").get_data(as_text=True)
    found = re.search(r'data-seconds="([\d.]+)"', page)
    return float(found.group(1)) if found else None


def rendered_length(client, article_id: int) -> float:
    """The length of the article's render, once its file is in the cache (written just after
    the timings are answered: waited for, at most 20 s)."""
    timings = client.get(f"/articles/{article_id}/audio/timings").json["sentences"]
    length = max(cue["end"] for cue in timings)
    deadline = time.monotonic() + 20
    while shown_seconds(client) != pytest.approx(length, abs=0.1) and time.monotonic() < deadline:
        time.sleep(0.05)
    return length


@pytest.fixture
def plans(app, monkeypatch):
    """Every article the speech service plans, by id, as it plans it."""
    speech = app.extensions["reader.speech"]
    planned = []
    plan = speech.request

    def counted(article, *args, **kwargs):
        planned.append(article.id)
        return plan(article, *args, **kwargs)

    monkeypatch.setattr(speech, "request", counted)
    return planned


def test_the_list_plans_each_article_once(client, session, plans):
    load_seed(session, "03-en")
    load_seed(session, "01-fr")
    client.get("/")
    first = list(plans)
    assert sorted(set(first)) == [1, 2]
    client.get("/")
    client.get("/?language=en")
    assert plans == first  # nothing planned again


def test_an_edited_article_shows_no_stale_length(app, client, session, plans):
    article = load_seed(session, "03-en")
    length = rendered_length(client, article.id)
    assert shown_seconds(client) == pytest.approx(length, abs=0.1)
    block = next(block for block in article.blocks if block.kind == "paragraph")
    articles.edit_block(session, article, block.position, block.text + " " + block.text)
    planned = len(plans)
    assert shown_seconds(client) is None  # the new version is not rendered yet
    assert len(plans) > planned  # planned again for its new revision
    longer = rendered_length(client, article.id)
    assert longer > length
    assert shown_seconds(client) == pytest.approx(longer, abs=0.1)


def test_a_lexicon_change_plans_the_articles_again(client, session, plans):
    article = load_seed(session, "03-en")
    length = rendered_length(client, article.id)
    assert shown_seconds(client) == pytest.approx(length, abs=0.1)
    entry = entries.create(
        session, {"language": "en", "pattern": "hawks", "replacement": "hocks"}, None
    )
    assert shown_seconds(client) is None  # said otherwise now: that file is another one
    entries.delete(session, entry)
    assert shown_seconds(client) == pytest.approx(length, abs=0.1)  # the first file again


def test_a_language_override_plans_the_article_again(client, session, plans):
    article = load_seed(session, "03-en")
    rendered_length(client, article.id)
    planned = len(plans)
    articles.override_language(session, article, "de")
    assert shown_seconds(client) is None
    assert len(plans) > planned
