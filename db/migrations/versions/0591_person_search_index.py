"""People: an index of the search text alone, for counting a search's matches.

Revision ID: 0591
Revises: 0580
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0591"
down_revision: str | Sequence[str] | None = "0580"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The count of a search scans every name; the narrowest index holding the search text
    # reads (and, on an encrypted store, decrypts) a third fewer pages than the sort indexes.
    op.create_index("ix_person_search", "person", ["search_text"])


def downgrade() -> None:
    op.drop_index("ix_person_search", table_name="person")
