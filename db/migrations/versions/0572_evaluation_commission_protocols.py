"""E-3: the evaluation commission's protocol decisions on a round's results (seed 001 §7.1.12).

Revision ID: 0572
Revises: 0571
Create Date: 2026-11-30 19:31:11.860281
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0572'
down_revision: str | Sequence[str] | None = '0571'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('eval_protocol',
    sa.Column('round_id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('chair', sa.String(length=200), nullable=False),
    sa.Column('secretary', sa.String(length=200), nullable=False),
    sa.Column('members', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['round_id'], ['eval_round.id'], name=op.f('fk_eval_protocol_round_id_eval_round'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eval_protocol')),
    sa.UniqueConstraint('round_id', 'number', name=op.f('uq_eval_protocol_round_id'))
    )
    op.create_table('eval_protocol_decision',
    sa.Column('protocol_id', sa.Uuid(), nullable=False),
    sa.Column('sheet_id', sa.Uuid(), nullable=False),
    sa.Column('decision', sa.String(length=30), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['protocol_id'], ['eval_protocol.id'], name=op.f('fk_eval_protocol_decision_protocol_id_eval_protocol'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['sheet_id'], ['eval_sheet.id'], name=op.f('fk_eval_protocol_decision_sheet_id_eval_sheet'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_eval_protocol_decision')),
    sa.UniqueConstraint('protocol_id', 'sheet_id', name=op.f('uq_eval_protocol_decision_protocol_id'))
    )
    with op.batch_alter_table('eval_protocol_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_eval_protocol_decision_sheet_id'), ['sheet_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('eval_protocol_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_eval_protocol_decision_sheet_id'))

    op.drop_table('eval_protocol_decision')
    op.drop_table('eval_protocol')
