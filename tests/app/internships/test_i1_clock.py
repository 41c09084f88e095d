"""I-1: only a held internship of 14 days or more at a higher court resets the clock."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.store import Store
from app.courts.dto import DistrictCourtInput
from app.courts.service import add_district_court
from app.internships import service
from app.internships.dto import InternshipInput
from app.internships.due import due_judges
from app.internships.rules import InternshipRules, resets_clock
from app.people.dto import PersonInput
from app.people.iin import make_iin
from app.people.service import create_person
from db.models import Court

RULES = InternshipRules()


@pytest.mark.parametrize(("days", "resets"), [(13, False), (14, True), (15, True)])
def test_i1_the_clock_resets_from_fourteen_calendar_days(days: int, resets: bool) -> None:
    start = date(2024, 2, 20)  # across 29 February of a leap year
    end = start + timedelta(days=days - 1)
    assert resets_clock("done", start, end, "district", "regional", RULES) is resets


@pytest.mark.parametrize(
    ("status", "own", "host", "resets"),
    [
        ("done", "district", "regional", True),
        ("done", "district", "supreme", True),
        ("done", "regional", "supreme", True),
        ("done", "district", "district", False),
        ("done", "regional", "regional", False),
        ("planned", "district", "regional", False),
        ("cancelled", "district", "regional", False),
    ],
)
def test_i1_only_a_held_internship_at_a_higher_court_resets_the_clock(
    status: str, own: str, host: str, resets: bool
) -> None:
    assert resets_clock(status, date(2024, 3, 1), date(2024, 3, 14), own, host, RULES) is resets


def _world(s, actor: Actor) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    regional = s.scalar(select(Court.id).where(Court.code == "AKM"))
    district = add_district_court(
        s, actor, DistrictCourtInput(regional, "Ақкөл аудандық соты", "Аккольский районный суд")
    ).id
    other = add_district_court(
        s, actor, DistrictCourtInput(regional, "Зеренді аудандық соты", "Зерендинский районный суд")
    ).id
    judge = create_person(
        s,
        actor,
        PersonInput(
            make_iin(date(1980, 5, 5), 7),
            "Сәрсенбаев",
            "Ерлан",
            court_id=district,
            first_appointed_on=date(2010, 1, 1),
        ),
    ).id
    return judge, regional, other


def _due_ids(store: Store, year: int) -> set[uuid.UUID]:
    with store.read() as s:
        return {r.person_id for r in due_judges(s, year)}


def _intern(store, actor, judge, host, start: date, end: date, status: str | None) -> None:
    with store.write() as s:
        saved = service.save_internship(
            s, actor, InternshipInput(judge, host, start, end), accept_conflicts=True
        )
        if status:
            service.set_status(s, actor, saved.internship.id, status)


def test_i1_five_day_internship_does_not_reset_the_clock(store: Store, actor: Actor) -> None:
    with store.write() as s:
        judge, regional, _other = _world(s, actor)
    _intern(store, actor, judge, regional, date(2025, 3, 3), date(2025, 3, 7), "done")
    assert judge in _due_ids(store, 2027)


def test_i1_internship_at_a_same_level_court_does_not_reset_the_clock(
    store: Store, actor: Actor
) -> None:
    with store.write() as s:
        judge, _regional, other = _world(s, actor)
    _intern(store, actor, judge, other, date(2025, 3, 3), date(2025, 3, 28), "done")
    assert judge in _due_ids(store, 2027)


@pytest.mark.parametrize("status", [None, "cancelled"])
def test_i1_planned_or_cancelled_internship_does_not_reset_the_clock(
    store: Store, actor: Actor, status: str | None
) -> None:
    with store.write() as s:
        judge, regional, _other = _world(s, actor)
    _intern(store, actor, judge, regional, date(2025, 3, 3), date(2025, 3, 28), status)
    assert judge in _due_ids(store, 2027)


def test_i1_held_fourteen_days_at_the_regional_court_resets_the_clock(
    store: Store, actor: Actor
) -> None:
    with store.write() as s:
        judge, regional, _other = _world(s, actor)
    # 25 Dec 2024 – 7 Jan 2025: 14 days across a year end; due again from 7 Jan 2028
    _intern(store, actor, judge, regional, date(2024, 12, 25), date(2025, 1, 7), "done")
    assert judge not in _due_ids(store, 2026)
    assert judge not in _due_ids(store, 2027)
    with store.read() as s:
        row = next(r for r in due_judges(s, 2028) if r.person_id == judge)
    assert row.due_on == date(2028, 1, 7)
