"""S-1 (seed 003 §7.1.5): staff adaptation with a tutor, a plan and a result, at the boundaries."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.context import Actor
from app.core.errors import DomainError, ValidationError
from app.core.store import Store
from app.staff import rules
from app.staff.dto import AdaptationInput, PlanItem, ResultInput
from app.staff.queries import list_adaptations
from app.staff.service import assign_tutor, record_result, set_plan
from db.models import AuditEntry

START = date(2026, 3, 2)


def _input(people: dict[str, uuid.UUID], **kw: object) -> AdaptationInput:
    values: dict[str, object] = dict(
        person_id=people["newcomer"],
        tutor_id=people["tutor"],
        hired_on=START,
        starts_on=START,
        ends_on=date(2026, 6, 1),
    )
    values.update(kw)
    return AdaptationInput(**values)  # type: ignore[arg-type]


def _fields(error: ValidationError) -> set[str]:
    return {e.field for e in error.errors}


def test_s1_term_is_at_most_three_months_to_the_day(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    # §7.1.5 with the probation period: 2 March + 3 months - 1 day = 1 June is the last day
    assert rules.last_term_day(START) == date(2026, 6, 1)
    with store.write() as s, pytest.raises(ValidationError) as refused:
        assign_tutor(s, actor, _input(people, ends_on=date(2026, 6, 2)))
    assert _fields(refused.value) == {"ends_on"}
    assert "3" in refused.value.errors[0].message()
    with store.write() as s:
        dto = assign_tutor(s, actor, _input(people, ends_on=date(2026, 6, 1)))
    assert dto.tutor_name.startswith("Тәжібаев")


def test_s1_term_from_31_november_like_month_ends_and_leap_day() -> None:
    # 30 November + 3 months is 28 February (no 30th), so the last day is 27 February;
    # in a leap year 30 November 2027 + 3 months is 29 February 2028, last day 28 February.
    assert rules.last_term_day(date(2026, 11, 30)) == date(2027, 2, 27)
    assert rules.last_term_day(date(2027, 11, 30)) == date(2028, 2, 28)
    assert rules.last_term_day(date(2026, 12, 1)) == date(2027, 2, 28)


def test_s1_adaptation_starts_on_hiring_day_not_before(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    with store.write() as s, pytest.raises(ValidationError) as refused:
        assign_tutor(s, actor, _input(people, starts_on=START - timedelta(days=1)))
    assert "starts_on" in _fields(refused.value)
    with store.write() as s:
        assign_tutor(s, actor, _input(people, hired_on=START, starts_on=START))


@pytest.mark.parametrize(
    ("who", "tutor", "field"),
    [
        ("judge", "tutor", "person_id"),  # judges are not adapted this way: seed 002 mentoring
        ("newcomer", "judge", "tutor_id"),  # the tutor comes from the apparatus, not the bench
        ("newcomer", "far", "tutor_id"),  # … of the same court
        ("newcomer", "newcomer", "tutor_id"),
    ],
)
def test_s1_who_may_tutor_whom(
    store: Store, actor: Actor, people: dict[str, uuid.UUID], who: str, tutor: str, field: str
) -> None:
    with store.write() as s, pytest.raises(ValidationError) as refused:
        assign_tutor(s, actor, _input(people, person_id=people[who], tutor_id=people[tutor]))
    assert field in _fields(refused.value)


def test_s1_one_open_adaptation_at_a_time(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    with store.write() as s:
        assign_tutor(s, actor, _input(people))
    with store.write() as s, pytest.raises(DomainError):
        assign_tutor(s, actor, _input(people))


def test_s1_plan_items_within_the_term_day_before_day_of_day_after(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    with store.write() as s:
        a = assign_tutor(s, actor, _input(people))
    for bad in (START - timedelta(days=1), a.ends_on + timedelta(days=1)):
        with store.write() as s, pytest.raises(ValidationError) as refused:
            set_plan(s, actor, a.id, a.version, [PlanItem("Ішкі тәртіп", bad)])
        assert _fields(refused.value) == {"items.0"}
    with store.write() as s:
        a = set_plan(
            s,
            actor,
            a.id,
            a.version,
            [PlanItem("Іс жүргізу нұсқаулығы", a.ends_on), PlanItem("Ішкі тәртіп", START)],
        )
    assert [i.due_on for i in a.items] == [START, a.ends_on]


def test_s1_plan_due_within_ten_days_of_the_start(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    with store.write() as s:
        assign_tutor(s, actor, _input(people))
    due = START + timedelta(days=rules.PLAN_DUE_DAYS)
    with store.read() as s:
        assert not list_adaptations(s, due)[0].plan_overdue
        assert list_adaptations(s, due + timedelta(days=1))[0].plan_overdue


def test_s1_result_needs_a_plan_a_past_date_and_who_decided(
    store: Store, actor: Actor, people: dict[str, uuid.UUID]
) -> None:
    today = date(2026, 6, 1)
    with store.write() as s:
        a = assign_tutor(s, actor, _input(people))
    verdict = ResultInput(adapted=True, decided_on=today, decided_by="Бөлім басшысы Серікова А.")
    with store.write() as s, pytest.raises(ValidationError) as refused:
        record_result(s, actor, a.id, a.version, verdict, today=today)
    assert _fields(refused.value) == {"decided_on"}
    with store.write() as s:
        a = set_plan(s, actor, a.id, a.version, [PlanItem("Ішкі тәртіп", START)])
    tomorrow = ResultInput(True, today + timedelta(days=1), "Серікова А.")
    before = ResultInput(True, START - timedelta(days=1), "Серікова А.")
    for wrong in (tomorrow, before, ResultInput(True, today, "  ")):
        with store.write() as s, pytest.raises(ValidationError):
            record_result(s, actor, a.id, a.version, wrong, today=today)
    with store.write() as s:
        done = record_result(s, actor, a.id, a.version, verdict, today=today)
    assert (done.result, done.decided_on) == ("adapted", today)
    with store.write() as s, pytest.raises(DomainError):
        set_plan(s, actor, a.id, done.version, [PlanItem("Кеш", START)])
    with store.read() as s:
        entries = s.scalars(
            select(AuditEntry.action).where(AuditEntry.entity == "staff_adaptation")
        ).all()
    assert sorted(entries) == ["create", "plan", "update"]
