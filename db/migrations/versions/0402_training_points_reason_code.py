"""Training lines of the CPD ledger store a reason code, not a sentence in the UI language.

Attendance used to write "Points set for the event" translated into whatever language the
window had; app.cpd.credits now writes the code "event_points" and shows it translated.

Revision ID: 0402
Revises: 0401
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0402"
down_revision: str | Sequence[str] | None = "0401"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CODE = "event_points"
# The English source and the kk/ru texts the catalogs held for it.
SENTENCES = (
    "Points set for the event",
    "Балл іс-шара үшін белгіленген",
    "Баллы установлены для мероприятия",
)


def upgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE cpd_activity SET override_reason = :code "
            "WHERE source = 'training' AND override_reason IN (:en, :kk, :ru)"
        ).bindparams(code=CODE, en=SENTENCES[0], kk=SENTENCES[1], ru=SENTENCES[2])
    )


def downgrade() -> None:
    op.execute(
        sa.text(
            "UPDATE cpd_activity SET override_reason = :text "
            "WHERE source = 'training' AND override_reason = :code"
        ).bindparams(code=CODE, text=SENTENCES[0])
    )
