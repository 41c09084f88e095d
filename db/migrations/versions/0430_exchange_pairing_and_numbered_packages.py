"""Exchange: paired peers (public key, what they own) and numbered, acknowledged packages.

Issue 10 #7 (packages only from paired PCs, each peer changes only what it owns) and issue 15
(acknowledgements and per-PC sequence numbers, so a lost package's changes come again).

Revision ID: 0430
Revises: 0411
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0430"
down_revision: str | Sequence[str] | None = "0411"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("exchange_peer") as batch:
        batch.add_column(sa.Column("public_key", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("paired_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("owns", sa.String(20), nullable=False, server_default="region")
        )
        batch.add_column(sa.Column("court_ids", sa.JSON(), nullable=True))
        for name in ("sent_seq", "acked_seq", "received_seq"):
            batch.add_column(sa.Column(name, sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "exchange_sent",
        sa.Column("peer", sa.String(length=120), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_sent")),
        info={"local": True},
    )
    op.create_index("ix_exchange_sent_peer_seq", "exchange_sent", ["peer", "seq"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_exchange_sent_peer_seq", table_name="exchange_sent")
    op.drop_table("exchange_sent")
    with op.batch_alter_table("exchange_peer") as batch:
        for name in ("received_seq", "acked_seq", "sent_seq", "court_ids", "owns"):
            batch.drop_column(name)
        batch.drop_column("paired_at")
        batch.drop_column("public_key")
