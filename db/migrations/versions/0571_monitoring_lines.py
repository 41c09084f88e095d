"""E-4 monitoring data: workload by specialisation, quality on appeal and cassation by category.

Revision ID: 0571
Revises: 0570
Create Date: 2026-11-30 19:07:53.221933
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0571'
down_revision: str | Sequence[str] | None = '0570'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('monitoring_line',
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('category', sa.String(length=40), nullable=False),
    sa.Column('cases', sa.Integer(), nullable=False),
    sa.Column('upheld', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Integer(), nullable=False),
    sa.Column('reversed', sa.Integer(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_monitoring_line_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_monitoring_line')),
    sa.UniqueConstraint('person_id', 'kind', 'category', 'period_start', 'period_end', name=op.f('uq_monitoring_line_person_id'))
    )


def downgrade() -> None:
    op.drop_table('monitoring_line')
