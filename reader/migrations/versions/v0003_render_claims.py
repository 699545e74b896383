"""Render claims: the sentences being synthesized, a render's state that every process sees."""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "render_claims",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    with op.batch_alter_table("render_claims", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_render_claims_expires_at"), ["expires_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("render_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_render_claims_expires_at"))
    op.drop_table("render_claims")
