"""Internships: an index covering what I-1 reads of a judge's internships.

Revision ID: 0620
Revises: 0610
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0620"
down_revision: str | Sequence[str] | None = "0610"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_internship_person_reset"


def upgrade() -> None:
    # The start page looks up the last internship that reset each due judge's clock (I-1):
    # with kind, status, dates and host in the index, 26,000 lookups on the national demo
    # read no table rows (issue 12).
    op.create_index(
        NAME,
        "internship",
        ["person_id", "kind", "status", "ends_on", "starts_on", "host_court_id"],
    )


def downgrade() -> None:
    op.drop_index(NAME, table_name="internship")
