"""People: an index of full names in the order the T-1 overdue list names them (SQLite).

Revision ID: 0621
Revises: 0620
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0621"
down_revision: str | Sequence[str] | None = "0620"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_person_full_name"
# The expression app/cpd/year_counts.py orders by, written the same way: SQLite uses an index
# on an expression only for that very expression (its spaces literal, not bound parameters).
FULL_NAME = "trim(surname || ' ' || first_name || ' ' || patronymic)"


def upgrade() -> None:
    # The start page names the first 50 of the country's 16,000 people overdue for their
    # Academy course (T-1) in name order: without it SQLite sorted all 50,000 names for them
    # (~25 ms of a 300 ms budget, issue 12). PostgreSQL sorts those names in "C" order and
    # plans by its statistics; it is left without.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE INDEX {NAME} ON person ({FULL_NAME}, sort_key, id, role, court_id)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP INDEX IF EXISTS {NAME}")
