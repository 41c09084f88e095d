"""The 10-points minimum of seed 004 binds legal consultants only (C scope, issue 14).

Seed 004 is the chamber of legal consultants' rules; judges' own obligations are the Academy
course every 5 years (T-1) and internships (I-1). The shipped rule set of 2022 gave every role
10 points; it now gives 10 to consultants and none to judges, staff and candidates. A council
switches a minimum on for another role by a decision, from the next year (C-9). Rule sets the
centre recorded later are its own decisions and stay as they are.

Revision ID: 0411
Revises: 0410
Create Date: 2026-11-30
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0411"
down_revision: str | Sequence[str] | None = "0410"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAMESPACE = uuid.UUID("0c4d2a7e-5f31-4b8e-9a61-2f0e7d3c4b21")  # as in 0201
SHIPPED = uuid.uuid5(NAMESPACE, "rule_set:2022")
NOT_BOUND = ("judge", "staff", "candidate")

_ROLE = sa.table(
    "cpd_role_rule",
    sa.column("rule_set_id", sa.Uuid()),
    sa.column("role", sa.String()),
    sa.column("min_points", sa.Numeric()),
)


def upgrade() -> None:
    op.execute(
        _ROLE.update()
        .where(_ROLE.c.rule_set_id == SHIPPED, _ROLE.c.role.in_(NOT_BOUND))
        .values(min_points=0)
    )


def downgrade() -> None:
    op.execute(
        _ROLE.update()
        .where(_ROLE.c.rule_set_id == SHIPPED, _ROLE.c.role.in_(NOT_BOUND))
        .values(min_points=10)
    )
