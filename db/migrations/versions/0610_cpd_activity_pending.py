"""CPD: a partial index of the ledger lines waiting for the officer.

Revision ID: 0610
Revises: 0601
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0610"
down_revision: str | Sequence[str] | None = "0601"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_cpd_activity_pending"
PENDING = sa.text("state = 'pending'")


def upgrade() -> None:
    # The start page counts the lines waiting per year (C-3): without it, a scan of every
    # line of every year (~70 ms on a national store with three years of CPD). Only the
    # waiting lines are in it, so writing the others costs nothing more.
    op.create_index(
        NAME,
        "cpd_activity",
        ["year", "person_id"],
        sqlite_where=PENDING,
        postgresql_where=PENDING,
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="cpd_activity")
