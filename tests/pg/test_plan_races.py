"""Two PCs applying the internship plan at once never plan one judge twice (I-1, issue 16)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.core.context import Actor
from app.core.store import Store
from app.demo import internships as demo
from db.models import Internship
from tests.pg.races import crashes, race

YEAR = 2027


def test_plan_applied_on_two_pcs_plans_each_judge_once(store: Store, actor: Actor) -> None:
    with store.write() as s:
        demo.generate(s, actor, year=YEAR, judges_per_region=4, regions=2)
        before = dict(
            s.execute(
                select(Internship.person_id, func.count(Internship.id)).group_by(
                    Internship.person_id
                )
            ).all()
        )
    results = race(store.url, "tests.pg.race_actions:plan", payload=YEAR)
    assert crashes(results) == []
    with store.read() as s:
        planned = s.execute(
            select(Internship.person_id, func.count(Internship.id))
            .where(Internship.status == "planned")
            .group_by(Internship.person_id)
        ).all()
        after = dict(
            s.execute(
                select(Internship.person_id, func.count(Internship.id)).group_by(
                    Internship.person_id
                )
            ).all()
        )
    assert planned, "the plan placed nobody"
    added = {p: n - before.get(p, 0) for p, n in after.items()}
    assert all(n <= 1 for n in added.values()), added
