"""The mentoring UI tests' region: a district court, a new judge needing a guide, a tutor."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.roster import approve_roster
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court


@dataclass
class Region:
    protege: str
    tutor: str


@pytest.fixture
def region(store, actor) -> Region:
    today = date.today()
    with store.write() as s:
        akm = s.scalar(select(Court).where(Court.code == "AKM"))
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(akm.id, "Көкшетау қалалық соты", "Кокшетауский городской суд"),
        )

        def judge(n: int, surname: str, appointed: date) -> uuid.UUID:
            data = PersonInput(
                iin=make_iin(date(1980, 1, n), 5),
                surname=surname,
                first_name="Әлия",
                patronymic="Серікқызы",
                role="judge",
                court_id=district.id,
                specialisation="civil",
                first_appointed_on=appointed,
            )
            return create_person(s, actor, data).id

        judge(1, "Қасымова", today - timedelta(days=100))
        tutor = judge(2, "Өтегенов", today - timedelta(days=10 * 365))
        approve_roster(
            s,
            actor,
            RosterOrderInput(
                akm.region_code,
                "12-ө",
                today - timedelta(days=30),
                (RosterEntryInput(tutor, "tutor"),),
            ),
        )
    return Region("Қасымова Әлия Серікқызы", "Өтегенов Әлия Серікқызы")
