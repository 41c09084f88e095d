"""Small builders shared by the evaluation tests."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court


def _letters(i: int) -> str:
    alphabet = "абвгдежзиклмнопрстуфхәғқңөұүі"
    out = ""
    while True:
        out = alphabet[i % len(alphabet)] + out
        i //= len(alphabet)
        if i == 0:
            return out


def judges(
    store: Store,
    actor: Actor,
    n: int,
    *,
    name: str = "Судья",
    court_name: str = "Бурабай аудандық соты",
) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """A district court of the Akmola region with n judges."""
    with store.write() as s:
        regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert regional is not None
        court = add_district_court(
            s,
            actor,
            DistrictCourtInput(
                regional, court_name, court_name.replace("аудандық соты", "районный суд")
            ),
        ).id
        ids = [
            create_person(
                s,
                actor,
                PersonInput(
                    make_iin(date(1980, 1, 1 + i % 28), 100 + i),
                    f"{name}-{_letters(i)}",
                    "Әлия",
                    court_id=court,
                    first_appointed_on=date(2010, 1, 1),
                ),
            ).id
            for i in range(n)
        ]
    return court, ids
