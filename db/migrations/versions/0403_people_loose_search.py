"""People search folds Russian and Latin spellings of Kazakh letters: recompute search_text.

The column now holds a spelling-blind skeleton (кудай, Qudai → Құдай) followed by the exact
folded spelling, which ranks exact matches first (same column, same 600 characters).

Revision ID: 0403
Revises: 0402
Create Date: 2026-11-30
"""

from collections.abc import Callable, Sequence

import sqlalchemy as sa
from alembic import op

from i18n.search_fold import search_column

revision: str = "0403"
down_revision: str | Sequence[str] | None = "0402"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 2000


def _recompute(column: Callable[..., str]) -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text("SELECT id, surname, first_name, patronymic, iin FROM person")
    ).all()
    update = sa.text("UPDATE person SET search_text = :text WHERE id = :id")
    for start in range(0, len(rows), _BATCH):
        bind.execute(
            update,
            [
                {"id": r.id, "text": column(r.surname, r.first_name, r.patronymic or "", r.iin)}
                for r in rows[start : start + _BATCH]
            ],
        )


def upgrade() -> None:
    _recompute(search_column)


def downgrade() -> None:
    from i18n.collation import fold

    _recompute(lambda *parts: fold(" ".join(parts)))
