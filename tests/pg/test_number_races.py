"""One IIN, one person, when two PCs register the same person at once (issue 16)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.core.store import Store
from app.people.iin import make_iin
from db.models import Person
from tests.pg.races import crashes, race

ROUNDS = 20


def test_two_pcs_registering_one_iin_register_it_once(store: Store) -> None:
    iins = [make_iin(date(1985, 1 + k % 12, 1 + k), 20 + k) for k in range(ROUNDS)]
    results = race(store.url, "tests.pg.race_actions:register_person", payload=iins)
    assert crashes(results) == []
    # The loser is told the IIN is taken (checked after the winner committed) or, when both
    # checked at once, that a change was made meanwhile: never a driver's traceback.
    assert all(
        r.count("ok") == 1 and set(r) <= {"ok", "ValidationError", "ConflictError"} for r in results
    ), results
    with store.read() as s:
        per_iin = s.execute(
            select(Person.iin, func.count(Person.id))
            .where(Person.iin.in_(iins))
            .group_by(Person.iin)
        ).all()
    assert sorted(per_iin) == sorted((iin, 1) for iin in iins)
