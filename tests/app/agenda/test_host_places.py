"""I-1: host places still free on the start page, per offer, less the internships placed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.agenda.centre_items import internship_items
from app.core.context import Actor
from app.core.store import Store
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court, HostOffer, Internship

ON = date(2026, 6, 15)


def test_i1_free_places_count_each_offer_of_the_year_not_over(store: Store, actor: Actor) -> None:
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        supreme = s.scalar(select(Court.id).where(Court.level == "supreme"))
        assert regional is not None and supreme is not None
        judges = [
            create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1980, 1, 1), n),
                    "Judge" + "abcd"[n - 1],
                    "Test",
                    court_id=regional,
                ),
            ).id
            for n in range(1, 5)
        ]

        def offer(court, starts, ends, capacity, kind="judge"):  # type: ignore[no-untyped-def]
            s.add(
                HostOffer(
                    court_id=court, starts_on=starts, ends_on=ends, capacity=capacity, kind=kind
                )
            )

        def placed(judge, court, starts, ends, status):  # type: ignore[no-untyped-def]
            s.add(
                Internship(
                    person_id=judge,
                    host_court_id=court,
                    starts_on=starts,
                    ends_on=ends,
                    kind="judge",
                    status=status,
                )
            )

        offer(supreme, date(2026, 9, 1), date(2026, 9, 30), 3)  # 3 - 2 placed = 1
        placed(judges[0], supreme, date(2026, 9, 7), date(2026, 9, 20), "planned")
        placed(judges[1], supreme, date(2026, 8, 25), date(2026, 9, 8), "done")  # overlaps
        placed(judges[2], supreme, date(2026, 9, 7), date(2026, 9, 20), "cancelled")
        placed(judges[3], supreme, date(2026, 10, 5), date(2026, 10, 18), "planned")  # after
        offer(supreme, date(2026, 11, 2), date(2026, 11, 27), 1)  # 1 - 0 = 1
        placed(judges[2], regional, date(2026, 11, 2), date(2026, 11, 15), "planned")  # elsewhere
        offer(supreme, date(2026, 3, 2), date(2026, 3, 27), 5)  # over on 15 June
        offer(supreme, date(2026, 12, 1), date(2026, 12, 20), 4, kind="candidate")
        offer(supreme, date(2027, 2, 1), date(2027, 2, 26), 6)  # next year
        offer(supreme, date(2026, 7, 1), date(2026, 7, 14), 1)  # full: never below zero
        placed(judges[0], supreme, date(2026, 7, 1), date(2026, 7, 14), "planned")
        placed(judges[1], supreme, date(2026, 7, 1), date(2026, 7, 14), "planned")
    with store.read() as s:
        items = {i.key: i for i in internship_items(s, ON, "", lambda: (1, []))}
    assert items["host_places"].count == 2
