"""The article service: store a draft (detect languages, parse the date), list, find, override."""

import hashlib
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Connection, Row, bindparam, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, lazyload, selectinload

from reader.library import dates, langid
from reader.library.draft import ArticleDraft
from reader.library.published_range import PublishedRange
from reader.models import Article, ArticleVersion, Block, Sentence, region_read
from reader.text.language_tags import region, supported_language
from reader.text.languages import LANGUAGES
from reader.text.segmentation import split_sentences

# Beyond this many sentences in one block, its sentences' languages are not looked for.
MAX_SENTENCES_DETECTED = 500


class ArticleError(ValueError):
    """A draft or a change that cannot be stored; the message says why."""


class UnknownLanguage(ArticleError):
    """A language code the app does not support."""

    def __init__(self, code):
        super().__init__(f"unsupported language {code!r}")
        self.code = code


def check_language(code: str | None) -> str | None:
    """The code when the app supports it (None, no language, passes); else UnknownLanguage."""
    if code is not None and code not in LANGUAGES:
        raise UnknownLanguage(code)
    return code


def fingerprint(draft: ArticleDraft) -> str:
    """The identity of an article across imports: its title and date line."""
    key = f"{draft.title.strip()}\0{(draft.date_line or '').strip()}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def store_article(
    session: Session,
    draft: ArticleDraft,
    default_timezone: str = "UTC",
    built: Article | None = None,
) -> tuple[Article, bool]:
    """Store the draft unless the same article is stored; return it and whether it is new.

    `built` is the draft's build_article, when it was made elsewhere (an import's child process).
    """
    existing = session.scalar(select(Article).where(Article.fingerprint == fingerprint(draft)))
    if existing is not None:
        if _block_contents(existing) != [(b.kind, b.text) for b in draft.blocks]:
            _replace_body(existing, built or build_article(draft, default_timezone))
            session.commit()
        return existing, False
    article = built or build_article(draft, default_timezone)
    session.add(article)
    try:
        session.commit()
    except IntegrityError:
        # The same article imported at the same moment by another request: theirs is stored.
        session.rollback()
        existing = session.scalar(select(Article).where(Article.fingerprint == article.fingerprint))
        if existing is None:
            raise
        return existing, False
    return article, True


def build_article(draft: ArticleDraft, default_timezone: str = "UTC") -> Article:
    """An unsaved Article with its blocks, sentences, languages and publication time."""
    if not draft.title.strip():
        raise ArticleError("the article has no title")
    if not draft.blocks:
        raise ArticleError("the article has no text")
    timezone = _valid_timezone(draft.timezone or default_timezone)
    body = "\n".join(block.text for block in draft.blocks if block.kind == "paragraph")
    detection = langid.detect_with_confidence(f"{draft.title}\n{body}")
    article_lang = detection.lang if detection else supported_language(draft.declared_language)
    article = Article(
        fingerprint=fingerprint(draft),
        title=draft.title.strip(),
        date_line=draft.date_line,
        timezone=timezone,
        source=draft.source,
        source_url=draft.source_url,
        byline=draft.byline,
        machine_translated_from=supported_language(draft.machine_translated_from),
        declared_language=supported_language(draft.declared_language),
        declared_region=_declared_region(draft),
        detected_language=detection.lang if detection else None,
        language_confidence=detection.confidence if detection else None,
    )
    _set_publication_time(article, draft, article_lang)
    article.blocks = [
        _build_block(position, block.kind, block.text, article_lang)
        for position, block in enumerate(draft.blocks)
    ]
    return article


def _declared_region(draft: ArticleDraft) -> str | None:
    """The region of the draft's declared language: given apart (a page's lang="en-US"), or in
    the tag itself (a seed's "Language: pt-BR")."""
    if supported_language(draft.declared_language) is None:
        return None
    return draft.declared_region or region(draft.declared_language)


def _block_contents(article: Article) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in article.blocks]


def _replace_body(article: Article, fresh: Article) -> None:
    # A re-import with an edited body: new blocks and detection; the reader's override stays.
    # Taken out of the unsaved article first: left in its list too, the blocks were pending
    # on an object outside the session, and the flush refused to add them (SAWarning).
    blocks, fresh.blocks = fresh.blocks, []
    article.blocks = blocks
    article.detected_language = fresh.detected_language
    article.language_confidence = fresh.language_confidence
    _changed(article)


def edit_block(session: Session, article: Article, position: int, text: str) -> Article:
    """Replace one block's text; its sentences and languages are found again."""
    text = " ".join(text.split())
    if not text:
        raise ArticleError("the text is empty")
    block = next((b for b in article.blocks if b.position == position), None)
    if block is None:
        raise ArticleError(f"the article has no block {position}")
    _fill_block(block, text, article.language)
    _changed(article)
    session.commit()
    return article


def _changed(article: Article) -> None:
    # In SQL, so that two changes at once count twice: a page cached in between is stale.
    article.revision = Article.revision + 1


def _build_block(position: int, kind: str, text: str, article_lang: str | None) -> Block:
    block = Block(position=position, kind=kind)
    _fill_block(block, text, article_lang)
    return block


def _fill_block(block: Block, text: str, article_lang: str | None) -> None:
    """Set the block's text, its language, and (but for hashtag lines) its sentences."""
    detection = langid.detect_block(text, article_lang, block.kind)
    block.text = text
    block.lang = detection.lang if detection else article_lang
    block.lang_confidence = detection.confidence if detection else None
    block.sentences = [] if block.kind == "hashtags" else _sentences(text, block.lang)


def _sentences(text: str, block_lang: str | None) -> list[Sentence]:
    sentences = []
    spans = split_sentences(text, block_lang or "en")
    # A paragraph has tens of sentences; thousands are a paste of one long line, whose
    # sentences read in the block's language (finding each one's costs ~2 ms).
    own_languages = len(spans) <= MAX_SENTENCES_DETECTED
    for index, (start, end) in enumerate(spans):
        detection = (
            langid.detect_block(text[start:end], block_lang, "sentence") if own_languages else None
        )
        sentences.append(
            Sentence(
                position=index,
                start=start,
                end=end,
                lang=detection.lang if detection else block_lang,
                lang_confidence=detection.confidence if detection else None,
            )
        )
    return sentences


def _set_publication_time(article: Article, draft: ArticleDraft, lang: str | None) -> None:
    parsed = dates.parse_with_precision(draft.date_line, lang) if draft.date_line else None
    if parsed is not None:
        value, has_time = parsed.value, parsed.has_time
    elif draft.published_iso:
        try:
            value = datetime.fromisoformat(draft.published_iso)
            # "2024-03-04" is a day without a time of day (extract writes it so when no
            # source on the page gives one); anything longer carries a time.
            has_time = len(draft.published_iso.strip()) > len("2024-03-04")
        except ValueError:
            return
    else:
        return
    if value.tzinfo is None:
        # The date line states wall-clock time at the source.
        value = value.replace(tzinfo=ZoneInfo(article.timezone))
    try:
        article.published_utc = value.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:  # a page's metadata says year 1 (or 9999) at a far-off offset
        return
    article.published_has_time = has_time


def _valid_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ArticleError(f"unknown time zone {name!r}") from error
    return name


LIST_ORDER = (Article.published_utc.desc().nulls_last(), Article.id)


def list_articles(
    session: Session,
    language: str | None = None,
    limit: int | None = None,
    published: PublishedRange | None = None,
) -> list[Article]:
    """Articles, newest first, optionally those in one language and range of days, and the
    first `limit`."""
    query = _filtered(select(Article).order_by(*LIST_ORDER), language, published)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def _filtered(query, language: str | None, published: PublishedRange | None):
    """The query narrowed to one language and to a range of publication days, when asked."""
    if language:
        query = query.where(Article.language == language)
    if published and published.start_utc is not None:
        query = query.where(Article.published_utc >= published.start_utc)
    if published and published.end_utc is not None:
        query = query.where(Article.published_utc < published.end_utc)
    return query


def list_page(
    session: Session,
    language: str | None,
    page: int,
    per_page: int,
    published: PublishedRange | None = None,
) -> tuple[list[Article], int]:
    """One page of the list (newest first, counted from 1) with bodies, and the total count.

    The bodies come in two more queries for the whole page: the list shows a teaser and the
    audio's length, which need the blocks and sentences.
    """
    query = _filtered(select(Article).order_by(*LIST_ORDER), language, published)
    count = _filtered(select(func.count()).select_from(Article), language, published)
    query = query.options(selectinload(Article.blocks).selectinload(Block.sentences))
    rows = session.scalars(query.limit(per_page).offset((page - 1) * per_page))
    return list(rows), session.scalar(count) or 0


def list_for_queue(
    session: Session, language: str | None, published: PublishedRange | None, limit: int
) -> list[Article]:
    """The whole list as filtered, in its order, without bodies: what "Listen to all" queues."""
    query = _filtered(select(Article).order_by(*LIST_ORDER), language, published)
    return list(session.scalars(query.options(lazyload(Article.blocks)).limit(limit)))


def language_counts(session: Session) -> dict[str, int]:
    """How many articles each language has, for the list's filter."""
    rows = session.execute(select(Article.language, func.count()).group_by(Article.language))
    return {lang: count for lang, count in rows if lang}


def get_article(session: Session, article_id: int) -> Article | None:
    """One article with its blocks and sentences, or None."""
    return session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(selectinload(Article.blocks).selectinload(Block.sentences))
    )


def page_state(connection: Connection, article_id: int) -> tuple | None:
    """(revision, language, published_utc) of an article, or None: one small query.

    All a cached reading page needs to know whether it is still the article's. It runs for
    every anonymous reader's page, so on the driver's cursor, with the statement compiled once
    per database: SQLAlchemy's execution around the query cost three times the query (65 of
    85 us). Its errors are SQLAlchemy's all the same.
    """
    statement = _compiled_page_state(connection.dialect)
    driver_error = connection.dialect.loaded_dbapi.Error
    cursor = connection.connection.cursor()
    try:
        cursor.execute(statement.sql, statement.parameters(article_id))
        row = cursor.fetchone()
    except driver_error as error:
        raise DBAPIError.instance(statement.sql, None, error, driver_error) from error
    finally:
        cursor.close()
    return None if row is None else statement.converted(row)


class _CompiledQuery:
    """A one-parameter query as one database's driver takes it, and its columns' converters."""

    def __init__(self, query, parameter: str, dialect):
        compiled = query.compile(dialect=dialect)
        self.sql = str(compiled)
        self._parameter, self._positional = parameter, compiled.positional
        self._converters = [
            dialect.type_descriptor(column.type).result_processor(dialect, None)
            for column in query.selected_columns
        ]

    def parameters(self, value):
        return (value,) if self._positional else {self._parameter: value}

    def converted(self, row) -> tuple:
        return tuple(
            value if convert is None else convert(value)
            for convert, value in zip(self._converters, row, strict=True)
        )


_PAGE_STATE_BY_DIALECT: dict[tuple[str, str], _CompiledQuery] = {}


def _compiled_page_state(dialect) -> _CompiledQuery:
    key = (dialect.name, dialect.driver)
    compiled = _PAGE_STATE_BY_DIALECT.get(key)
    if compiled is None:
        compiled = _PAGE_STATE_BY_DIALECT[key] = _CompiledQuery(_PAGE_STATE, "article_id", dialect)
    return compiled


def article_version(connection: Connection, article_id: int) -> ArticleVersion | None:
    """The article's row without its body, or None: one small query (a Core query on a
    connection, a third of what loading the article costs), all a cached file's audio needs."""
    row = connection.execute(_VERSION, {"article_id": article_id}).first()
    if row is None:
        return None
    region = region_read(row.language, row.declared_language, row.declared_region)
    return ArticleVersion(row.id, row.title, row.revision, row.language, region)


def library_state(connection: Connection) -> Row:
    """(count, newest id, sum of revisions, newest import time) of all articles: one query
    that changes with every import, edit, language override and removal, so a cached list
    is never one of those behind (ids may be reused after a removal; import times are not)."""
    return connection.execute(_LIBRARY_STATE).one()


_LIBRARY_STATE = select(
    func.count(Article.id),
    func.max(Article.id),
    func.sum(Article.revision),
    func.max(Article.created_at),
)

_PAGE_STATE = select(Article.revision, Article.language, Article.published_utc).where(
    Article.id == bindparam("article_id")
)


_VERSION = select(
    Article.id,
    Article.title,
    Article.revision,
    Article.language.label("language"),
    Article.declared_language,
    Article.declared_region,
).where(Article.id == bindparam("article_id"))


def get_article_body_later(session: Session, article_id: int) -> Article | None:
    """One article row now; its blocks and sentences in two queries when first read, or None.

    Listening plans the title and date from the row alone: their speech starts while the
    body loads (1.4 ms of the 1.6 ms get_article takes for the seed article).
    """
    body = lazyload(Article.blocks).selectinload(Block.sentences)
    return session.get(Article, article_id, options=[body])


def override_language(session: Session, article: Article, code: str | None) -> Article:
    """Set (or with None, clear) a reader's choice of the article's language."""
    article.language_override = check_language(code)
    _changed(article)
    session.commit()
    return article
