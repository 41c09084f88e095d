"""Busy periods edited by the coordinator and candidates' places listed (I-1, I-3); wishes (M-3)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.core.context import VIEWER, Actor
from app.core.errors import ConflictError, PermissionDeniedError, ValidationError
from app.core.store import Store
from app.internships.busy import busy_rows, delete_busy_period, save_busy_period
from app.internships.candidates import candidates, places_rows
from app.internships.dto import InternshipInput
from app.internships.hosts import set_candidate_places
from app.internships.service import save_internship
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.roster import approve_roster
from app.mentoring.wishes import wish_choices, wish_for, wishes_of, withdraw_wish
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court

YEAR = 2027


def test_busy_period_is_added_corrected_once_and_deleted_i1(store: Store, actor: Actor) -> None:
    with store.write() as s:
        court = s.scalar(select(Court.id).where(Court.code == "AKM"))
        judge = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1980, 1, 2), 40), "Әлиева", "Гүлжан", court_id=court),
        ).id
        busy = save_busy_period(
            s, actor, judge, starts_on=date(YEAR, 3, 1), ends_on=date(YEAR, 3, 5), note="Семинар"
        )
    with store.read() as s:
        (row,) = busy_rows(s, YEAR, court_id=court)
        assert (row.person_name, row.source, row.note) == ("Әлиева Гүлжан", "manual", "Семинар")
        assert busy_rows(s, YEAR + 1) == []
    with store.write() as s:
        save_busy_period(
            s,
            actor,
            judge,
            starts_on=date(YEAR, 3, 2),
            ends_on=date(YEAR, 3, 6),
            busy_id=busy,
            expected_version=row.version,
        )
    with store.write() as s, pytest.raises(ConflictError):  # a stale form is not saved over
        save_busy_period(
            s,
            actor,
            judge,
            starts_on=date(YEAR, 3, 2),
            ends_on=date(YEAR, 3, 9),
            busy_id=busy,
            expected_version=row.version,
        )
    with store.write() as s, pytest.raises(ValidationError):
        save_busy_period(
            s, actor, judge, starts_on=date(YEAR, 3, 9), ends_on=date(YEAR, 3, 2), busy_id=busy
        )
    with store.write() as s, pytest.raises(PermissionDeniedError):
        delete_busy_period(s, Actor("v", frozenset({VIEWER})), busy)
    with store.write() as s:
        delete_busy_period(s, actor, busy)
    with store.read() as s:
        assert busy_rows(s, YEAR) == []


def test_candidates_places_count_what_is_taken_i3(store: Store, actor: Actor) -> None:
    with store.write() as s:
        court = s.scalar(select(Court.id).where(Court.code == "AKM"))
        assert court is not None
        person = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1995, 1, 2), 60), "Петров", "Игорь", role="candidate"),
        ).id
        set_candidate_places(s, actor, court, YEAR, 2)
        save_internship(
            s,
            actor,
            InternshipInput(person, court, date(YEAR, 3, 1), date(YEAR, 3, 31), kind="candidate"),
        )
    with store.read() as s:
        (row,) = places_rows(s, YEAR)
        assert (row.court_id, row.places, row.taken) == (court, 2, 1)
        assert candidates(s) == [(person, "Петров Игорь")]


def test_a_wish_is_recorded_once_and_withdrawn_m3(store: Store, actor: Actor) -> None:
    with store.write() as s:
        akm = s.scalar(select(Court).where(Court.code == "AKM"))
        assert akm is not None
        protege = create_person(
            s,
            actor,
            PersonInput(make_iin(date(1990, 1, 2), 70), "Қасымова", "Әлия", court_id=akm.id),
        ).id
        guide = create_person(
            s,
            actor,
            PersonInput(
                make_iin(date(1970, 1, 2), 71),
                "Өтегенов",
                "Ерлан",
                court_id=akm.id,
                first_appointed_on=date(2000, 1, 1),
            ),
        ).id
        approve_roster(
            s,
            actor,
            RosterOrderInput(
                akm.region_code, "1-ө", date(2024, 1, 10), (RosterEntryInput(guide, "mentor"),)
            ),
        )
        assert [g for g, _n in wish_choices(s, protege)] == [guide]
        wish_for(s, actor, protege, guide, "Тәжірибелі")
        with pytest.raises(ValidationError):
            wish_for(s, actor, protege, guide)
        with pytest.raises(ValidationError):
            wish_for(s, actor, protege, protege)
        (wish,) = wishes_of(s, protege)
        assert (wish.guide_name, wish.note) == ("Өтегенов Ерлан", "Тәжірибелі")
        withdraw_wish(s, actor, wish.id)
        assert wishes_of(s, protege) == []
