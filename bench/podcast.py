"""Podcast benchmark: search, the feed, and word timings, each beside a reference in the same run.

Prints JSON. Search: FTS5 queries over a library of the ten seeds copied to ARTICLES articles,
beside a plain LIKE scan of the same texts. Feed: the whole feed once every episode is rendered,
and its 304, beside serving one article's cached timing track. Words: the timing track of the
French seed with its words (alignment included) beside the same track with words cut off.
"""

import dataclasses
import json
import os
import tempfile
from pathlib import Path

from sqlalchemy import select, text

from bench.text import compare
from reader import create_app
from reader.library import articles
from reader.library.importer import draft_from_path
from reader.library.search.query import search
from reader.models import Article
from reader.speech import render

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = 300
QUERIES = {"fr": "soldats", "de": "Straßenbahn", "ru": "скульптур", "ja": "特急", "ja3": "新型特急"}


def _app(data: Path):
    return create_app(
        {
            "DATA_DIR": str(data),
            "DATABASE_URL": f"sqlite:///{data / 'bench.sqlite3'}",
            "SECRET_KEY": "bench",
            "SPEECH_ENGINE": "silent",
            "SPEECH_WORKERS": 0,
        }
    )


def _fill(session) -> None:
    seeds = sorted((ROOT / "seeds").glob("[0-9][0-9]-*.txt"))
    drafts = [draft_from_path(path) for path in seeds]
    for number in range(ARTICLES):
        draft = drafts[number % len(drafts)]
        copy = dataclasses.replace(draft, title=f"{draft.title} ({number})")
        articles.store_article(session, copy)


def _like_scan(session, word: str) -> list:
    """The same answer the plain way: a scan of every text, then the articles found loaded."""
    ids = session.scalars(
        text("SELECT article_id FROM article_search WHERE title LIKE :w OR body LIKE :w"),
        {"w": f"%{word}%"},
    ).all()
    return list(session.scalars(select(Article).where(Article.id.in_(ids))))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        app = _app(Path(folder))
        result = {"host_load_average": [round(x, 2) for x in os.getloadavg()]}
        with app.extensions["reader.db"]() as session:
            _fill(session)
            result["search"] = {
                "articles": ARTICLES,
                "reference": "LIKE '%word%' over the same texts, then the articles loaded",
                **{
                    name: {"hits": len(search(session, query, limit=ARTICLES)),
                           **compare(lambda q: search(session, q, limit=ARTICLES),
                                     lambda q: _like_scan(session, q), query)}
                    for name, query in QUERIES.items()
                },
            }  # fmt: skip
        client = app.test_client()
        app.config["FEED_ITEMS"] = 10
        client.get("/feeds/podcast.xml")
        for running in list(app.extensions["reader.speech"]._renders.values()):
            running.finished.wait(120)
        feed = client.get("/feeds/podcast.xml")
        etag = feed.headers["ETag"]
        result["feed"] = {
            "items": feed.get_data(as_text=True).count("<item>"),
            "reference": "one article's cached timing track (/audio/timings)",
            "whole": compare(
                lambda: client.get("/feeds/podcast.xml"),
                lambda: client.get("/articles/1/audio/timings"),
            ),
            "not_modified_304": compare(
                lambda: client.get("/feeds/podcast.xml", headers={"If-None-Match": etag}),
                lambda: client.get("/articles/1/audio/timings"),
            ),
        }
        service = app.extensions["reader.speech"]
        with app.extensions["reader.db"]() as session:
            french = articles.get_article(session, 1)
            request, jobs = service.request(french)
            results = [service.runner.submit(job).result() for job in jobs]
            bare = [dataclasses.replace(r, words=()) for r in results]
            list(render.timing_cues(request.utterances, results))  # warm: alignments cached
            result["words"] = {
                "utterances": len(results),
                "reference": "the same timing track without words",
                "track_with_words": compare(
                    lambda: list(render.timing_cues(request.utterances, results)),
                    lambda: list(render.timing_cues(request.utterances, bare)),
                ),
            }
        service.shutdown()
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
