"""Search articles by words of their title and text: SQLite FTS5, or PostgreSQL's full-text search.

One function, `search`, for both databases: each gives back the same hits, best first, with the
matched passage cut into plain and marked parts (the page and the API escape them).
"""

import re
from dataclasses import dataclass

from sqlalchemy import DateTime, bindparam, select, text
from sqlalchemy.orm import Session

from reader.library.published_range import PublishedRange
from reader.library.search.index import UNSPACED_LANGUAGES
from reader.library.search.schema import TOKENIZERS, fts_table
from reader.models import Article

MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50
SNIPPET_TOKENS = 16  # words around the match in FTS5's snippet
SNIPPET_CHARACTERS = 90  # characters around the match where it is cut here (unspaced text)
TITLE_WEIGHT = 5.0  # a word in the title counts as much as five in the text (bm25 weights)
# FTS5's trigram tokenizer matches three characters or more; shorter terms go through LIKE.
TRIGRAM = 3
# What marks a match inside text that comes back from the database: two control characters
# no article contains, split out here into marked parts.
MARK_START, MARK_END = "\x02", "\x03"
_TERM = re.compile(r"\w+")
_MARKS = re.compile(f"{MARK_START}(.*?){MARK_END}", re.S)

# PostgreSQL's text search configurations for the languages it stems; 'simple' for the rest.
PG_CONFIGS = {
    "ar": "arabic",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}


class SearchQueryError(ValueError):
    """The query cannot be searched for; the message says why."""


Marked = tuple[tuple[str, bool], ...]
"""Text cut into parts, each with whether it matched the query."""


@dataclass(frozen=True)
class SearchHit:
    """One article found: the article, its title and a passage with the matches marked."""

    article: Article
    title: Marked
    passage: Marked
    score: float


def search_terms(query: str) -> list[str]:
    """The words of a query, as the index cuts words; an error when it is too long."""
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchQueryError(f"the query is longer than {MAX_QUERY_LENGTH} characters")
    return _TERM.findall(query)


def search(
    session: Session,
    query: str,
    language: str | None = None,
    limit: int = DEFAULT_LIMIT,
    published: PublishedRange | None = None,
) -> list[SearchHit]:
    """Articles whose title or text has every word of the query, best match first; with
    `published`, only those published in that range of days."""
    terms = search_terms(query)
    if not terms:
        return []
    days = _days_filter(published)
    if session.get_bind().dialect.name == "postgresql":
        rows = _postgres_rows(session, query, terms, language, limit, days)
    else:
        rows = _sqlite_rows(session, terms, language, limit, days)
    rows = sorted(rows, key=lambda row: row[1])[:limit]
    articles = {
        article.id: article
        for article in session.scalars(select(Article).where(Article.id.in_([r[0] for r in rows])))
    }
    return [
        SearchHit(articles[article_id], _parts(title), _parts(passage), score)
        for article_id, score, title, passage in rows
        if article_id in articles
    ]


def _sqlite_rows(session, terms, language, limit, days) -> list[tuple]:
    rows = []
    for tokenizer in TOKENIZERS:
        if tokenizer == "trigram":
            rows += _trigram_rows(session, terms, language, limit, days)
            continue
        table = fts_table(tokenizer)
        # Each word quoted (no FTS5 syntax gets through) and as a prefix: with no stemmer but
        # English's, "élection" still finds "élections" and "Wahl" finds "Wahlen".
        match = " ".join(f'"{term}"*' for term in terms)
        rows += session.execute(
            text(
                f"SELECT rowid, bm25({table}, {TITLE_WEIGHT}, 1.0), "
                f"highlight({table}, 0, :start, :end), "
                f"snippet({table}, 1, :start, :end, '…', {SNIPPET_TOKENS}) "
                f"FROM {table} WHERE {table} MATCH :match {_language_filter(language)} "
                f"{days.sql('rowid')} "
                f"ORDER BY bm25({table}, {TITLE_WEIGHT}, 1.0) LIMIT :limit"
            ).bindparams(*days.binds),
            {
                **days.params,
                "match": match,
                "start": MARK_START,
                "end": MARK_END,
                "limit": limit,
                "lang": language,
            },
        ).all()
    return [tuple(row) for row in rows]


def _language_filter(language: str | None) -> str:
    if language is None:
        return ""
    return "AND rowid IN (SELECT article_id FROM article_search WHERE language = :lang)"


def _trigram_rows(session, terms, language, limit, days) -> list[tuple]:
    # Japanese and Chinese: every term is a run of characters found anywhere in the text.
    # Three characters or more go through the trigram index; shorter ones ("東京") through LIKE,
    # which FTS5 answers by reading the rows (fine for a library's size, and still exact).
    table = fts_table("trigram")
    long_terms = [term for term in terms if len(term) >= TRIGRAM]
    conditions, params = [], {"limit": limit, "lang": language, **days.params}
    if long_terms:
        conditions.append(f"{table} MATCH :match")
        params["match"] = " ".join(f'"{term}"' for term in long_terms)
    for number, term in enumerate(t for t in terms if len(t) < TRIGRAM):
        conditions.append(f"(title LIKE :like{number} OR body LIKE :like{number})")
        params[f"like{number}"] = f"%{term}%"
    found = session.execute(
        text(
            f"SELECT rowid, title, body FROM {table} WHERE {' AND '.join(conditions)} "
            f"{_language_filter(language)} {days.sql('rowid')} LIMIT :limit"
        ).bindparams(*days.binds),
        params,
    ).all()
    return [
        (article_id, -_occurrences(title + body, terms), _mark(title, terms), _cut(body, terms))
        for article_id, title, body in found
    ]


def _postgres_rows(session, query, terms, language, limit, days) -> list[tuple]:
    # Each row is parsed with its own language's configuration, and so is the query against it.
    config = "CAST(CASE s.language {} ELSE 'simple' END AS regconfig)".format(
        " ".join(f"WHEN '{code}' THEN '{name}'" for code, name in PG_CONFIGS.items())
    )
    unspaced = ", ".join(f"'{code}'" for code in sorted(UNSPACED_LANGUAGES))
    likes = " AND ".join(
        f"(s.title ILIKE :like{n} OR s.body ILIKE :like{n})" for n in range(len(terms))
    )
    params = {f"like{n}": f"%{_escape_like(term)}%" for n, term in enumerate(terms)}
    params.update(query=query, limit=limit, lang=language, **days.params)
    options = f"StartSel={MARK_START}, StopSel={MARK_END}"
    rows = session.execute(
        text(
            f"SELECT s.article_id, -ts_rank(to_tsvector({config}, s.title || ' ' || s.body), q), "
            f"ts_headline({config}, s.title, q, '{options}, HighlightAll=true'), "
            f"ts_headline({config}, s.body, q, '{options}, MaxWords=30, MinWords=12') "
            f"FROM article_search s "
            f"CROSS JOIN LATERAL websearch_to_tsquery({config}, :query) AS q "
            f"WHERE (to_tsvector({config}, s.title || ' ' || s.body) @@ q "
            f"OR (s.language IN ({unspaced}) AND {likes})) "
            + ("AND s.language = :lang " if language else "")
            + f"{days.sql('s.article_id')} ORDER BY 2 LIMIT :limit"
        ).bindparams(*days.binds),
        params,
    ).all()
    # Unspaced text has no words for PostgreSQL to mark: cut the passage here instead.
    return [
        (a, score, title, body if MARK_START in body else _cut(_plain(body), terms))
        for a, score, title, body in rows
    ]


@dataclass(frozen=True)
class _DaysFilter:
    """A range of publication days as SQL on an article id column, with its typed parameters."""

    conditions: tuple[str, ...]
    params: dict

    @property
    def binds(self) -> list:
        # Typed as DateTime so each database gets the instant in the form it stores.
        return [bindparam(name, type_=DateTime) for name in self.params]

    def sql(self, id_column: str) -> str:
        if not self.conditions:
            return ""
        where = " AND ".join(self.conditions)
        return f"AND {id_column} IN (SELECT id FROM articles WHERE {where})"


def _days_filter(published: PublishedRange | None) -> _DaysFilter:
    conditions, params = [], {}
    if published and published.start_utc is not None:
        conditions.append("published_utc >= :published_start")
        params["published_start"] = published.start_utc
    if published and published.end_utc is not None:
        conditions.append("published_utc < :published_end")
        params["published_end"] = published.end_utc
    return _DaysFilter(tuple(conditions), params)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _plain(marked: str) -> str:
    return marked.replace(MARK_START, "").replace(MARK_END, "")


def _occurrences(haystack: str, terms: list[str]) -> int:
    folded = haystack.casefold()
    return sum(folded.count(term.casefold()) for term in terms)


def _mark(value: str, terms: list[str]) -> str:
    """The text with every occurrence of a term between the marks (case ignored)."""
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.I)
    return pattern.sub(lambda m: f"{MARK_START}{m.group(0)}{MARK_END}", value)


def _cut(body: str, terms: list[str]) -> str:
    """A passage of the text around the first term found, with the terms marked."""
    folded = body.casefold()
    found = [folded.find(term.casefold()) for term in terms]
    first = min((at for at in found if at >= 0), default=0)
    start = max(0, first - SNIPPET_CHARACTERS // 3)
    end = min(len(body), start + SNIPPET_CHARACTERS)
    passage = body[start:end]
    return ("…" if start else "") + _mark(passage, terms) + ("…" if end < len(body) else "")


def _parts(marked: str) -> Marked:
    parts, at = [], 0
    for found in _MARKS.finditer(marked or ""):
        if found.start() > at:
            parts.append((marked[at : found.start()], False))
        parts.append((found.group(1), True))
        at = found.end()
    if marked and at < len(marked):
        parts.append((marked[at:], False))
    return tuple(parts)
