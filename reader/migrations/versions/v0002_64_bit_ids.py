"""Row ids 64-bit on PostgreSQL: an archive's sentences may pass 2**31 rows.

SQLite's INTEGER is 64-bit already: nothing to do there.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Each table's id, and the columns that point at one.
ID_COLUMNS = {
    "articles": ["id"],
    "blocks": ["id", "article_id"],
    "sentences": ["id", "block_id"],
    "users": ["id"],
    "feedback": ["id", "article_id"],
    "feedback_events": ["id", "feedback_id", "user_id"],
    "api_tokens": ["id", "user_id"],
    "lexicon_entries": ["id", "created_by_id", "updated_by_id"],
}


def _retype(old: sa.types.TypeEngine, new: sa.types.TypeEngine) -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, columns in ID_COLUMNS.items():
        for column in columns:
            op.alter_column(table, column, type_=new, existing_type=old)
        if op.get_bind().dialect.name == "postgresql":
            # The id's sequence counts as far as its column can hold.
            op.execute(f"ALTER SEQUENCE {table}_id_seq AS {new.compile(op.get_bind().dialect)}")


def upgrade() -> None:
    _retype(sa.Integer(), sa.BigInteger())


def downgrade() -> None:
    _retype(sa.BigInteger(), sa.Integer())
