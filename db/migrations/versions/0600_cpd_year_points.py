"""CPD: each person's points per year kept by triggers on the ledger; a narrow index of people.

Revision ID: 0600
Revises: 0591
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0600"
down_revision: str | Sequence[str] | None = "0591"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A line's share in hundredths of a point: confirmed, or pending (neither confirmed nor
# rejected). Whole numbers, so adding and taking away a line never leaves a rounding residue.
_CENTS = "CAST(ROUND({r}.points * 100) AS INTEGER)"
_CONFIRMED = "CASE WHEN {r}.state = 'confirmed' THEN " + _CENTS + " ELSE 0 END"
_PENDING = "CASE WHEN {r}.state NOT IN ('confirmed', 'rejected') THEN " + _CENTS + " ELSE 0 END"


def _add(row: str, sign: str) -> str:
    """The statement adding (sign '') or taking away (sign '-') one line's points."""
    confirmed, pending = _CONFIRMED.format(r=row), _PENDING.format(r=row)
    # An upsert, not a recount: on PostgreSQL two writers of the same person's year queue on
    # the sum's row and each adds its own line; a recount could miss the other's.
    return (
        "INSERT INTO cpd_year_points (person_id, year, confirmed_cents, pending_cents) "
        f"VALUES ({row}.person_id, {row}.year, {sign}({confirmed}), {sign}({pending})) "
        "ON CONFLICT (person_id, year) DO UPDATE SET "
        "confirmed_cents = cpd_year_points.confirmed_cents + excluded.confirmed_cents, "
        "pending_cents = cpd_year_points.pending_cents + excluded.pending_cents"
    )


BACKFILL = (
    "INSERT INTO cpd_year_points (person_id, year, confirmed_cents, pending_cents) "
    f"SELECT a.person_id, a.year, SUM({_CONFIRMED.format(r='a')}), "
    f"SUM({_PENDING.format(r='a')}) FROM cpd_activity a GROUP BY a.person_id, a.year"
)


def upgrade() -> None:
    op.create_table(
        "cpd_year_points",
        sa.Column("person_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("confirmed_cents", sa.Integer(), nullable=False),
        sa.Column("pending_cents", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_cpd_year_points_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "year", name=op.f("pk_cpd_year_points")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()
    op.create_index(
        "ix_person_role_court", "person", ["role", "court_id", "first_appointed_on", "id"]
    )
    # Stores of older versions (restored backups, upgraded installations) start summed right.
    op.execute(BACKFILL)


def _sqlite_triggers() -> None:
    op.execute(
        "CREATE TRIGGER trg_cpd_year_points_insert AFTER INSERT ON cpd_activity "
        f"BEGIN {_add('NEW', '')}; END"
    )
    op.execute(
        "CREATE TRIGGER trg_cpd_year_points_delete AFTER DELETE ON cpd_activity "
        f"BEGIN {_add('OLD', '-')}; END"
    )
    # Any change that can move points: the state, the points, the year, the person (merge).
    op.execute(
        "CREATE TRIGGER trg_cpd_year_points_update "
        "AFTER UPDATE OF person_id, year, state, points ON cpd_activity "
        f"BEGIN {_add('OLD', '-')}; {_add('NEW', '')}; END"
    )


def _postgresql_triggers() -> None:
    op.execute(
        "CREATE FUNCTION cpd_year_points_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        f"IF TG_OP IN ('UPDATE', 'DELETE') THEN {_add('OLD', '-')}; END IF; "
        f"IF TG_OP IN ('UPDATE', 'INSERT') THEN {_add('NEW', '')}; END IF; "
        "RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_cpd_year_points AFTER INSERT OR DELETE "
        "OR UPDATE OF person_id, year, state, points ON cpd_activity "
        "FOR EACH ROW EXECUTE FUNCTION cpd_year_points_sync()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER trg_cpd_year_points ON cpd_activity")
        op.execute("DROP FUNCTION cpd_year_points_sync()")
    else:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER trg_cpd_year_points_{event}")
    op.drop_table("cpd_year_points")
    op.drop_index("ix_person_role_court", table_name="person")
