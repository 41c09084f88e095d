"""E-3: the summary gathered in batches equals the one gathered with every row at once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update

from app.core.context import Actor
from app.core.store import Store
from app.demo.evaluation import generate as generate_evaluation
from app.demo.generator import generate as generate_people
from app.evaluation.summary import summary_table
from db.models import EvalSheet
from tests.app.evaluation import summary_before


def test_e3_summary_in_batches_equals_the_summary_held_at_once(store: Store, actor: Actor) -> None:
    with store.write() as s:
        generate_people(s, actor, today=date(2026, 11, 21))
        generate_evaluation(s, actor, periods=("2025", "2026", "2027"))
        # E-3: some judges acquainted with every sheet of a period, some with only one of two.
        sheets = list(s.scalars(select(EvalSheet.id).order_by(EvalSheet.id)))
        s.execute(
            update(EvalSheet)
            .where(EvalSheet.id.in_(sheets[::3]))
            .values(acknowledged_on=date(2027, 2, 1))
        )
        s.execute(update(EvalSheet).where(EvalSheet.id.in_(sheets[1::7])).values(status="draft"))
        # Half the judges get a second sheet in 2026: their 2025 sheet moves there.
        earlier = list(s.scalars(select(EvalSheet.id).where(EvalSheet.period == "2025")))
        s.execute(update(EvalSheet).where(EvalSheet.id.in_(earlier[::2])).values(period="2026"))
    with store.read() as s:
        for period in ("2025", "2026", "2027", "2028"):
            new = summary_table(s, "judge_activity", period)
            old = summary_before.summary_table(s, "judge_activity", period)
            assert new == old
            # Values printed the same way too: the same rounding, the same signs of zero.
            assert [str(r.changes) for r in new.judges] == [str(r.changes) for r in old.judges]
            assert [str(r.changes) for r in new.courts] == [str(r.changes) for r in old.courts]
        assert len(summary_table(s, "judge_activity", "2027").judges) > 100
