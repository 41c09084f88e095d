"""People get a second stored sort key, in Russian alphabetical order (і after и), so the
people register, the needs list and the roster follow the language shown (issue 11).

Revision ID: 0590
Revises: 0572
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from i18n.collation import sort_key_ru

revision: str = "0590"
down_revision: str | Sequence[str] | None = "0572"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000


def upgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.add_column(
            sa.Column("sort_key_ru", sa.String(length=800), nullable=False, server_default="")
        )
        batch.create_index(
            "ix_person_sort_ru_search", ["sort_key_ru", "search_text", "id"], unique=False
        )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, surname, first_name, patronymic FROM person")).all()
    update = sa.text("UPDATE person SET sort_key_ru = :key WHERE id = :id")
    for start in range(0, len(rows), _BATCH):
        bind.execute(
            update,
            [
                {"id": r.id, "key": sort_key_ru(r.surname, r.first_name, r.patronymic or "")}
                for r in rows[start : start + _BATCH]
            ],
        )


def downgrade() -> None:
    with op.batch_alter_table("person") as batch:
        batch.drop_index("ix_person_sort_ru_search")
        batch.drop_column("sort_key_ru")
