"""Rules checked then written hold when several PCs write at once (issue 16).

Each test races 2–3 processes against one store for 20 rounds and counts violations in the
data afterwards; every loser must get a clear refusal, never a crash.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.core.store import Store
from app.mentoring import service as mentoring
from app.mentoring.roster import set_max_proteges
from db.models import Court, Pair, PairExtension
from tests.app.mentoring.conftest import World, add_judge, world  # noqa: F401  (fixture)
from tests.pg.races import crashes, race

ROUNDS = 20
LETTERS = "ӘҒҚҢӨҰҮҺІАБВГДЕЖЗИКЛМНОП"[:ROUNDS]  # surnames take no digits
TODAY = date(2026, 11, 21)


def _proteges(store: Store, actor, world: World) -> list:  # noqa: F811
    with store.write() as s:
        set_max_proteges(s, actor, 20)
        return [
            add_judge(
                s,
                actor,
                world.district_id,
                "Сейітова-" + "ӘҒҚҢӨҰҮҺІАБВГДЕЖЗИКЛМНОП"[k],
                date(2026, 8, 1),
            )
            for k in range(ROUNDS)
        ]


def test_one_district_court_per_name_whatever_the_letter_case(
    store: Store,
    world: World,  # noqa: F811
) -> None:
    results = race(store.url, "tests.pg.race_actions:add_court", payload=world.regional_id)
    assert crashes(results) == []
    assert all(sorted(r) == ["ValidationError", "ok"] for r in results), results
    with store.read() as s:
        names = s.scalars(select(Court.name_kk).where(Court.parent_id == world.regional_id))
        folded = [n.casefold() for n in names]
    assert len(folded) == len(set(folded)) == ROUNDS + 1  # and the fixture's court


def test_one_open_tutor_pair_per_protege_m1(store: Store, actor, world: World) -> None:  # noqa: F811
    proteges = _proteges(store, actor, world)
    results = race(
        store.url,
        "tests.pg.race_actions:propose_tutor",
        payload=(proteges, [world.tutor, world.other_tutor]),
    )
    assert crashes(results) == []
    assert all(r.count("ok") == 1 for r in results), results
    with store.read() as s:
        per_protege = s.execute(
            select(Pair.protege_id, func.count(Pair.id))
            .where(Pair.kind == "tutor")
            .group_by(Pair.protege_id)
        ).all()
    assert len(per_protege) == ROUNDS and all(n == 1 for _, n in per_protege)


def test_extensions_never_beyond_three_years_m4(store: Store, actor, world: World) -> None:  # noqa: F811
    proteges = _proteges(store, actor, world)
    with store.write() as s:
        pairs = [
            mentoring.propose_pair(
                s, actor, p, (world.tutor, world.other_tutor)[k % 2], kind="tutor", starts_on=TODAY
            ).id
            for k, p in enumerate(proteges)
        ]
    results = race(store.url, "tests.pg.race_actions:extend", payload=pairs, workers=3)
    assert crashes(results) == []
    assert all(r.count("ok") == 1 for r in results), results
    with store.read() as s:
        months = dict(
            s.execute(
                select(PairExtension.pair_id, func.sum(PairExtension.months)).group_by(
                    PairExtension.pair_id
                )
            ).all()
        )
        terms = dict(s.execute(select(Pair.id, Pair.term_months)).all())
    assert all(terms[p] + months[p] <= 36 for p in pairs), (terms, months)
