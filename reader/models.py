"""Tables: articles, blocks, sentences, search text, feedback and its history, users, lexicon."""

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Row ids: 64-bit where the database has the type (an archive of sentences may pass 2**31);
# SQLite's INTEGER is 64-bit already, and only INTEGER PRIMARY KEY numbers rows by itself.
ROW_ID = BigInteger().with_variant(Integer(), "sqlite")

# A sentence is shown and read in a language other than its block's only when this sure.
OWN_LANGUAGE_CONFIDENCE = 0.9


def utcnow() -> datetime:
    """Now, as a naive UTC datetime (how every timestamp is stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


def region_read(language: str | None, declared: str | None, region: str | None) -> str | None:
    """The declared region, when an article is read in the language it was declared in."""
    return region if declared and declared == language else None


@dataclass(frozen=True)
class ArticleVersion:
    """An article's row without its body: what its cached audio is found and named by (its
    id, title, revision, language and region), read in one small query."""

    id: int
    title: str
    revision: int
    language: str | None
    region: str | None


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Article(Base):
    """An article: its metadata, detected language, and publication time."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    """sha256 of title and date line: importing the same article twice finds this row."""
    title: Mapped[str] = mapped_column(Text)
    date_line: Mapped[str | None] = mapped_column(Text)
    """The publication date as the source printed it."""
    published_utc: Mapped[datetime | None] = mapped_column(DateTime)
    published_has_time: Mapped[bool] = mapped_column(Boolean, default=False)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    """IANA zone of the source: the publication time is shown and spoken in it."""
    source: Mapped[str | None] = mapped_column(Text)
    source_url: Mapped[str | None] = mapped_column(Text)
    machine_translated_from: Mapped[str | None] = mapped_column(String(8))
    declared_language: Mapped[str | None] = mapped_column(String(8))
    """What the source says the language is (header, html lang)."""
    detected_language: Mapped[str | None] = mapped_column(String(8))
    language_confidence: Mapped[float | None] = mapped_column(Float)
    language_override: Mapped[str | None] = mapped_column(String(8))
    """A reader's correction; wins over detection and sticks across re-imports."""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Added by a migration, which appends the column: declared last so a new database's
    # columns come in the same order as an upgraded one's.
    byline: Mapped[str | None] = mapped_column(Text)
    """Who wrote it, as the source printed or declared it."""
    declared_region: Mapped[str | None] = mapped_column(String(8))
    """The region the source's language tag names ("US" for en-US, "419" for es-419)."""
    revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    """Counts the changes to what the reading page shows (body, language): a page cached
    for one revision is stale at the next (reader/views/page_cache.py)."""

    blocks: Mapped[list["Block"]] = relationship(
        back_populates="article",
        order_by="Block.position",
        cascade="all, delete-orphan",
    )

    @hybrid_property
    def language(self) -> str | None:
        """The language the app uses: a reader's override, else detected, else declared.

        The one statement of the rule: in Python on a loaded article, and as SQL (a coalesce)
        when a query filters or groups by it.
        """
        return self.language_override or self.detected_language or self.declared_language

    @language.inplace.expression
    @classmethod
    def _language_expression(cls):
        return func.coalesce(cls.language_override, cls.detected_language, cls.declared_language)

    @property
    def region(self) -> str | None:
        """The declared region, when the article is read in the language it was declared in."""
        return region_read(self.language, self.declared_language, self.declared_region)

    def language_of(self, detected: str | None) -> str | None:
        """A part's language: the article's when unknown, or when the reader overrode the
        language that detection gave both the part and the article."""
        if detected is None or (self.language_override and detected == self.detected_language):
            return self.language
        return detected

    @property
    def published_at(self) -> datetime | None:
        """The publication time, aware, in the source's time zone."""
        if self.published_utc is None:
            return None
        return self.published_utc.replace(tzinfo=UTC).astimezone(ZoneInfo(self.timezone))


class Block(Base):
    """One block of an article's body, in reading order."""

    __tablename__ = "blocks"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    article_id: Mapped[int] = mapped_column(ROW_ID, ForeignKey("articles.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    """heading, paragraph or hashtags."""
    text: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(8))
    lang_confidence: Mapped[float | None] = mapped_column(Float)

    article: Mapped[Article] = relationship(back_populates="blocks")
    sentences: Mapped[list["Sentence"]] = relationship(
        back_populates="block",
        order_by="Sentence.position",
        cascade="all, delete-orphan",
    )

    @property
    def language(self) -> str | None:
        """The block's language, with the reader's override applied."""
        return self.article.language_of(self.lang)

    @property
    def hashtags(self) -> list[str]:
        """The tags of a hashtag line, without their '#'."""
        return [word.lstrip("#") for word in self.text.split() if word.lstrip("#")]


class Sentence(Base):
    """A sentence of a block: its span in the block's text and its own language."""

    __tablename__ = "sentences"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    block_id: Mapped[int] = mapped_column(ROW_ID, ForeignKey("blocks.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str | None] = mapped_column(String(8))
    lang_confidence: Mapped[float | None] = mapped_column(Float)

    block: Mapped[Block] = relationship(back_populates="sentences")

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]

    @property
    def language(self) -> str | None:
        """Its own language when detection is sure of it (a quote), else its block's."""
        if self.lang and (self.lang_confidence or 0.0) >= OWN_LANGUAGE_CONFIDENCE:
            return self.block.article.language_of(self.lang)
        return self.block.language


class ArticleSearchText(Base):
    """An article's title and body as one searchable text, rewritten whenever it changes.

    On SQLite, full-text tables of FTS5 index this table as their external content (triggers
    keep them in step); on PostgreSQL, search reads it with to_tsvector.
    """

    __tablename__ = "article_search"

    article_id: Mapped[int] = mapped_column(
        ROW_ID, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str | None] = mapped_column(String(8))
    tokenizer: Mapped[str] = mapped_column(String(16))
    """Which FTS5 table indexes the row: porter, unicode or trigram (by the language)."""
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)


class Feedback(Base):
    """What a reader told us about an article's audio, pronunciation or translation."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    article_id: Mapped[int | None] = mapped_column(
        ROW_ID, ForeignKey("articles.id", ondelete="SET NULL"), nullable=True
    )
    category: Mapped[str] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(String(254))
    locale: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # A report about one sentence says which, as the listener saw and heard it. All nullable:
    # feedback about a whole article has none, and rows from before these columns keep working.
    block_position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    sentence_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """The sentence's place among its block's sentences, from 0 (a heading is one sentence)."""
    sentence_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    """A snapshot from the database when reported: the block may be edited later."""
    word: Mapped[str | None] = mapped_column(String(200), nullable=True)
    word_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Which of the sentence's words (from 0): the same word may occur twice."""
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    voice: Mapped[str | None] = mapped_column(String(64), nullable=True)
    audio_position: Mapped[float | None] = mapped_column(Float, nullable=True)
    """Seconds into the article's audio when the listener reported it."""
    status: Mapped[str | None] = mapped_column(String(16), nullable=True, default="new")
    """new, in_progress, fixed or dismissed; None on rows older than the column means new."""

    events: Mapped[list["FeedbackEvent"]] = relationship(
        back_populates="feedback", order_by="FeedbackEvent.id", cascade="all, delete-orphan"
    )


class FeedbackEvent(Base):
    """A status change of a report: which status, who set it, when."""

    __tablename__ = "feedback_events"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ROW_ID, ForeignKey("feedback.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int | None] = mapped_column(
        ROW_ID, ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    feedback: Mapped[Feedback] = relationship(back_populates="events")
    user: Mapped["User | None"] = relationship()


ROLES = ("editor", "admin")
"""Who may sign in: editors change articles and the lexicon; admins also manage people."""


class User(Base):
    """Someone who signs in to change things: an editor or an admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    """argon2id, with its parameters and salt in the string."""
    role: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    tokens: Mapped[list["ApiToken"]] = relationship(
        back_populates="user", cascade="all, delete-orphan"
    )

    # What a sign-in session library asks of a user object; a stored user is always active.
    is_authenticated = True
    is_active = True
    is_anonymous = False

    def get_id(self) -> str:
        """The session's key: a new password ends every session signed in with the old one."""
        return f"{self.id}:{self.password_hash[-16:]}"

    @property
    def is_editor(self) -> bool:
        """Editors and admins both edit."""
        return self.role in ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


class ApiToken(Base):
    """A user's key to the JSON API; only its SHA-256 is kept, the token is shown once."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    user_id: Mapped[int] = mapped_column(ROW_ID, ForeignKey("users.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship(back_populates="tokens")


class LexiconEntry(Base):
    """How to say a word or phrase in one language: a respelling or espeak-ng phonemes."""

    __tablename__ = "lexicon_entries"
    __table_args__ = (
        UniqueConstraint("language", "pattern", "is_regex", "case_sensitive", name="uq_lexicon"),
    )

    id: Mapped[int] = mapped_column(ROW_ID, primary_key=True)
    language: Mapped[str] = mapped_column(String(8), index=True)
    pattern: Mapped[str] = mapped_column(String(200))
    """A word or phrase (whole words), or with is_regex a regular expression."""
    is_regex: Mapped[bool] = mapped_column(Boolean, default=False)
    case_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    replacement: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16), default="respelling")
    """respelling (plain text espeak-ng reads) or phonemes (espeak-ng mnemonics)."""
    note: Mapped[str | None] = mapped_column(Text)
    created_by_id: Mapped[int | None] = mapped_column(
        ROW_ID, ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    updated_by_id: Mapped[int | None] = mapped_column(
        ROW_ID, ForeignKey("users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])


class RenderClaim(Base):
    """A sentence being synthesized somewhere: the render state every server process sees.

    The first process to insert a sentence's key synthesizes it; the others wait for its audio
    in the shared cache. A claimant refreshes `expires_at` while it works, so the claim of a
    process that died lapses and another takes the sentence over.
    """

    __tablename__ = "render_claims"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    """The sentence's cache key."""
    owner: Mapped[str] = mapped_column(String(64))
    """Which runner (process) synthesizes it."""
    state: Mapped[str] = mapped_column(String(16), default="working")
    """working, or failed: the sentence failed after its retries (kept for a grace period)."""
    message: Mapped[str | None] = mapped_column(Text)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
