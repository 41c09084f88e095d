"""Courts: the small district court flag (M-1) and court offices, chairman and coordinator (M-6).

Revision ID: 0570
Revises: 0430
Create Date: 2026-11-30 18:54:51.079487
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0570"
down_revision: str | Sequence[str] | None = "0430"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "court_office",
        sa.Column("court_id", sa.Uuid(), nullable=False),
        sa.Column("office", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("basis", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=120), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["court_id"],
            ["court.id"],
            name=op.f("fk_court_office_court_id_court"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_court_office_person_id_person"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_court_office")),
        sa.UniqueConstraint("court_id", "office", name=op.f("uq_court_office_court_id")),
    )
    with op.batch_alter_table("court_office", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_court_office_person_id"), ["person_id"], unique=False)

    # A plain ADD COLUMN: the court table is referenced everywhere and must not be rebuilt.
    op.add_column(
        "court", sa.Column("small", sa.Boolean(), server_default=sa.false(), nullable=False)
    )


def downgrade() -> None:
    with op.batch_alter_table("court", schema=None) as batch_op:
        batch_op.drop_column("small")

    with op.batch_alter_table("court_office", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_court_office_person_id"))

    op.drop_table("court_office")
