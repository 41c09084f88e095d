"""Issue 11: where a person stands in the filtered list, found in SQL as the pages order it."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.context import Actor
from app.core.store import Store
from app.courts.service import list_courts
from app.people.dto import PersonFilter, PersonInput
from app.people.iin import make_iin
from app.people.queries import page_people, position_of
from app.people.service import create_person

NAMES = ["Әбілов", "Абилов", "Құдайбергенов", "Кудайбергенов", "Іскақова", "Аманжолов"]


@pytest.mark.parametrize(
    "flt",
    [
        PersonFilter(),
        PersonFilter(descending=True),
        PersonFilter(text="абилов"),  # the exact spelling ranks first
        PersonFilter(text="кудай"),
        PersonFilter(role="staff"),
    ],
    ids=["all", "descending", "spelling", "prefix", "none"],
)
def test_position_is_the_row_the_pages_show(store: Store, actor: Actor, flt: PersonFilter) -> None:
    with store.read() as s:
        court = list_courts(s, "regional")[0]
    with store.write() as s:
        ids = [
            create_person(
                s,
                actor,
                PersonInput(
                    iin=make_iin(date(1982, 7, 9), i),
                    surname=surname,
                    first_name="Ерлан",
                    court_id=court.id,
                ),
            ).id
            for i, surname in enumerate(NAMES)
        ]
    with store.read() as s:
        shown = [row.id for row in page_people(s, flt, 0, 100)]
        for person_id in ids:
            expected = shown.index(person_id) if person_id in shown else None
            assert position_of(s, flt, person_id) == expected
    assert flt.role != "staff" or shown == []
