"""A host court's places hold when two PCs place judges there at once (I-1, issue 16)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.internships.hosts import add_offer
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court, Internship
from tests.pg.races import crashes, race

Y = 2027
ROUNDS = 20
SURNAMES = "ӘҒҚҢӨҰҮҺІАБВГДЕЖЗИКЛМНОП"


def test_one_place_is_taken_once_by_two_pcs(store: Store, actor: Actor) -> None:
    starts = [date(Y, 1, 11) + timedelta(days=15 * k) for k in range(ROUNDS)]
    with store.write() as s:
        host = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert host is not None
        district = add_district_court(
            s, actor, DistrictCourtInput(host, "Көкшетау қалалық соты", "Кокшетауский суд")
        ).id
        judges = [
            tuple(
                create_person(
                    s,
                    actor,
                    PersonInput(
                        make_iin(date(1980, 1 + w, 1 + k), 10 + w),
                        f"{SURNAMES[k]}бекова",
                        "Гүлнәр" if w else "Әлия",
                        court_id=district,
                        first_appointed_on=date(2010, 1, 1),
                    ),
                ).id
                for w in range(2)
            )
            for k in range(ROUNDS)
        ]
        add_offer(s, actor, host, starts_on=date(Y, 1, 10), ends_on=date(Y, 12, 20), capacity=1)
    results = race(store.url, "tests.pg.race_actions:place_intern", payload=(host, judges, starts))
    assert crashes(results) == []
    assert all(sorted(r) == ["InternshipConflictError", "ok"] for r in results), results
    with store.read() as s:
        per_start = dict(
            s.execute(
                select(Internship.starts_on, func.count(Internship.id))
                .where(Internship.host_court_id == host)
                .group_by(Internship.starts_on)
            ).all()
        )
    assert per_start == dict.fromkeys(starts, 1)
