"""Internships: the quality figures' index covers the latest figures of each judge.

Revision ID: 0601
Revises: 0600
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0601"
down_revision: str | Sequence[str] | None = "0600"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_quality_indicator_person_end"


def upgrade() -> None:
    # The due list joins each judge's latest period back to its figures: with them in the
    # index, 36,000 lookups read no table rows (half the query's time on the national demo).
    op.drop_index(NAME, table_name="quality_indicator")
    op.create_index(
        NAME,
        "quality_indicator",
        ["person_id", "period_end", "complaints", "overturned", "time_limits_kept_pct"],
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="quality_indicator")
    op.create_index(NAME, "quality_indicator", ["person_id", "period_end"])
