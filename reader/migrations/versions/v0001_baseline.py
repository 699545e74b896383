"""Baseline: the schema of release 0.1, made whole on a database from before Alembic.

A database that release made (create_schema, with no alembic_version table) runs this too:
each table it lacks is created, and each nullable column an older table lacks is added (what
release 0.1's add_missing_columns did at start), so its rows are kept as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The tables as release 0.1 defined them; never the live models, which move on.
release = sa.MetaData()
sa.Table(
    "articles",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("fingerprint", sa.String(64), nullable=False, unique=True),
    sa.Column("title", sa.Text(), nullable=False),
    sa.Column("date_line", sa.Text()),
    sa.Column("published_utc", sa.DateTime()),
    sa.Column("published_has_time", sa.Boolean(), nullable=False),
    sa.Column("timezone", sa.String(64), nullable=False),
    sa.Column("source", sa.Text()),
    sa.Column("source_url", sa.Text()),
    sa.Column("machine_translated_from", sa.String(8)),
    sa.Column("declared_language", sa.String(8)),
    sa.Column("detected_language", sa.String(8)),
    sa.Column("language_confidence", sa.Float()),
    sa.Column("language_override", sa.String(8)),
    sa.Column("created_at", sa.DateTime(), nullable=False),
)
sa.Table(
    "blocks",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer(),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text(), nullable=False),
    sa.Column("lang", sa.String(8)),
    sa.Column("lang_confidence", sa.Float()),
)
sa.Table(
    "sentences",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column(
        "block_id", sa.Integer(), sa.ForeignKey("blocks.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("position", sa.Integer(), nullable=False),
    sa.Column("start", sa.Integer(), nullable=False),
    sa.Column("end", sa.Integer(), nullable=False),
    sa.Column("lang", sa.String(8)),
    sa.Column("lang_confidence", sa.Float()),
)
sa.Table(
    "users",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("name", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
)
sa.Table(
    "feedback",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="SET NULL")),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("message", sa.Text(), nullable=False),
    sa.Column("email", sa.String(254)),
    sa.Column("locale", sa.String(8)),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    # Added to older feedback tables in place: a report about one sentence.
    sa.Column("block_position", sa.Integer()),
    sa.Column("sentence_index", sa.Integer()),
    sa.Column("sentence_text", sa.Text()),
    sa.Column("word", sa.String(200)),
    sa.Column("word_index", sa.Integer()),
    sa.Column("language", sa.String(8)),
    sa.Column("voice", sa.String(64)),
    sa.Column("audio_position", sa.Float()),
    sa.Column("status", sa.String(16)),
)
sa.Table(
    "feedback_events",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column(
        "feedback_id",
        sa.Integer(),
        sa.ForeignKey("feedback.id", ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL")),
    sa.Column("at", sa.DateTime(), nullable=False),
)
sa.Table(
    "api_tokens",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column(
        "user_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("label", sa.String(100), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("last_used_at", sa.DateTime()),
    sa.Column("revoked_at", sa.DateTime()),
)
sa.Table(
    "lexicon_entries",
    release,
    sa.Column("id", sa.Integer(), primary_key=True),
    sa.Column("language", sa.String(8), nullable=False, index=True),
    sa.Column("pattern", sa.String(200), nullable=False),
    sa.Column("is_regex", sa.Boolean(), nullable=False),
    sa.Column("case_sensitive", sa.Boolean(), nullable=False),
    sa.Column("replacement", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("note", sa.Text()),
    sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL")),
    sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("users.id", ondelete="SET NULL")),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
    sa.UniqueConstraint("language", "pattern", "is_regex", "case_sensitive", name="uq_lexicon"),
)


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    existing = set(inspector.get_table_names())
    for table in release.sorted_tables:
        if table.name not in existing:
            table.create(bind)
            continue
        present = {column["name"] for column in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            if not column.nullable:
                raise RuntimeError(f"{table.name}.{column.name} is missing and not nullable")
            # No default in the database: old rows read as NULL, as the models expect.
            op.add_column(table.name, sa.Column(column.name, column.type, nullable=True))


def downgrade() -> None:
    for table in reversed(release.sorted_tables):
        op.drop_table(table.name)
