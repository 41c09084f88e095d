"""A small region for mentoring tests: a district court, a protégé and guides."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.roster import approve_roster
from app.people.dto import PersonInput, StatusPeriod
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court

TODAY = date(2026, 11, 21)
_serial = [100]


def add_judge(
    session,
    actor,
    court_id: uuid.UUID,
    surname: str,
    appointed: date | None,
    specialisation: str = "civil",
    periods: tuple[StatusPeriod, ...] = (),
) -> uuid.UUID:
    _serial[0] += 1
    data = PersonInput(
        iin=make_iin(date(1970, 1, 1) + timedelta(days=_serial[0]), 1),
        surname=surname,
        first_name="Әлия",
        patronymic="Серікқызы",
        role="judge",
        court_id=court_id,
        specialisation=specialisation,
        first_appointed_on=appointed,
        status_periods=periods,
    )
    return create_person(session, actor, data, today=TODAY).id


@dataclass
class World:
    region: str
    regional_id: uuid.UUID
    district_id: uuid.UUID
    protege: uuid.UUID
    tutor: uuid.UUID
    mentor: uuid.UUID
    retired: uuid.UUID
    other_tutor: uuid.UUID


@pytest.fixture
def world(store: Store, actor) -> World:
    with store.write() as s:
        regional = s.scalar(select(Court).where(Court.code == "AKM"))
        district = add_district_court(
            s,
            actor,
            DistrictCourtInput(regional.id, "Көкшетау қалалық соты", "Кокшетауский городской суд"),
        )
        protege = add_judge(s, actor, district.id, "Қасымова", date(2026, 8, 1))
        tutor = add_judge(s, actor, district.id, "Өтегенов", date(2012, 5, 10))
        other = add_judge(s, actor, district.id, "Ильин", date(2015, 1, 15), "criminal")
        mentor = add_judge(s, actor, regional.id, "Жұмабаев", date(2005, 2, 1))
        retired = add_judge(
            s,
            actor,
            district.id,
            "Нұрланова",
            date(1998, 1, 5),
            periods=(StatusPeriod("retired", date(2022, 6, 1)),),
        )
        approve_roster(
            s,
            actor,
            RosterOrderInput(
                region_code=regional.region_code,
                number="12-ө",
                signed_on=date(2026, 9, 1),
                entries=(
                    RosterEntryInput(tutor, "tutor"),
                    RosterEntryInput(other, "tutor"),
                    RosterEntryInput(mentor, "mentor"),
                    RosterEntryInput(retired, "mentor"),
                ),
                attachment_name="order.pdf",
                attachment=b"%PDF-1.4 scanned order",
            ),
            today=TODAY,
        )
    return World(
        regional.region_code, regional.id, district.id, protege, tutor, mentor, retired, other
    )


def signed_protocol(store: Store, actor, world: World, number: str = "7"):
    """A pair taken through its life to a signed protocol; returns (pair id, protocol dto)."""
    from app.mentoring import council, journal, programme, service
    from app.mentoring.dto import DecisionInput, ProgrammeItem, ProtocolInput, ReportInput

    with store.write() as s:
        pair = service.propose_pair(
            s, actor, world.protege, world.tutor, kind="tutor", starts_on=TODAY
        )
        service.activate_pair(s, actor, pair.id)
        programme.draw_up(s, actor, pair.id, (ProgrammeItem("Әдеп", "Талдау", None, "done"),))
        programme.approve(s, actor, pair.id, "Б. Сейітқали", TODAY)
        journal.submit_report(
            s,
            actor,
            pair.id,
            ReportInput("protege", date(2027, 1, 11), "Жұмыс", "Білім", "Тиімді", "", 4),
        )
        proto = council.create_protocol(
            s,
            actor,
            ProtocolInput(
                world.region,
                number,
                date(2027, 1, 20),
                "Көкшетау қаласы, Абай көшесі, 37",
                "Төлеуов Асқар Бекұлы",
                "Мұратова Гүлнар Сәкенқызы",
                ("Төлеуов А. Б.", "Мұратова Г. С.", "Ким С. В.", "Әбілқасымов Ғ. Ү."),
                "Тәлімгерлік жұптың қорытындысы туралы",
            ),
        )
        council.add_decision(
            s,
            actor,
            proto.id,
            DecisionInput(pair.id, "complete", "Бағдарлама мақсаттарына қол жеткізілді"),
        )
        signed = council.sign_protocol(s, actor, proto.id, "Төлеуов А. Б.", scan=b"scan")
    return pair.id, signed
