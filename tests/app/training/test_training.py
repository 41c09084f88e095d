"""Training events: seats, waiting list, attendance into the ledger, T-4, plan (T-2…T-5)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.context import Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.store import Store
from app.courts.service import list_courts
from app.cpd.compliance import person_compliance
from app.cpd.ledger import person_ledger, update_activity
from app.training.attendance import (
    SignInSheetError,
    give_feedback,
    mark_attendance,
    parse_row_numbers,
    record_sign_in_sheet,
)
from app.training.dto import EventInput, NeedInput, SessionInput
from app.training.plan import add_need, build_plan, mark_plan_sent, needs_by_topic, plan_status
from app.training.queries import plan_rows, regional_check, registrations
from app.training.service import add_session, cancel_registration, create_event, register
from tests.app.cpd.helpers import TODAY, add, make_person


def _event(
    store: Store,
    actor: Actor,
    *,
    capacity: int = 2,
    kind: str = "seminar",
    on: date = date(2026, 10, 5),
) -> tuple[object, object]:
    with store.write() as s:
        e = create_event(
            s,
            actor,
            EventInput(
                title="Сот әдебі: өзекті мәселелер",
                kind=kind,
                plan_year=on.year,
                organiser="Оқу орталығы",
            ),
        )
        ts = add_session(
            s,
            actor,
            SessionInput(
                e.id, on, on, place="Көкшетау, 2-зал", trainer="Қасымов Е.", capacity=capacity
            ),
        )
    return e, ts


def test_attendance_creates_ledger_points_and_changes_compliance(
    store: Store, actor: Actor
) -> None:
    """T-2 with C-1: attending a seminar puts 2 points (seed 004) in the attendee's ledger."""
    a, _ = make_person(store, actor, surname="Әлиев")
    b, _ = make_person(store, actor, surname="Бекова")
    for month in (1, 3, 5, 7):
        add(store, actor, a, "F02", date(2026, month, 10))
    with store.read() as s:
        assert person_compliance(s, a, 2026, as_of=TODAY).status == "at_risk"
    _e, ts = _event(store, actor)
    with store.write() as s:
        register(s, actor, ts.id, [a, b])
        result = mark_attendance(s, actor, ts.id, [a], today=TODAY)
        again = mark_attendance(s, actor, ts.id, [a], today=TODAY)
    assert (result.created, again.created) == (1, 0)
    with store.read() as s:
        line = next(x for x in person_ledger(s, a, 2026) if x.source == "training")
        verdict = person_compliance(s, a, 2026, as_of=TODAY)
        assert person_ledger(s, b, 2026) == []
    assert (line.points, line.state, line.form_code) == (Decimal(2), "confirmed", "F02")
    with store.write() as s, pytest.raises(PermissionDeniedError):  # attendance is the source
        update_activity(
            s,
            actor,
            line.id,
            replace(line.data, points=Decimal(5), override_reason="x"),
            line.version,
        )
    assert (verdict.earned, verdict.status) == (Decimal(10), "compliant")
    with store.write() as s:
        assert mark_attendance(s, actor, ts.id, [], today=TODAY).removed == 1
    with store.read() as s:
        assert person_compliance(s, a, 2026, as_of=TODAY).status == "at_risk"


def test_capacity_waiting_list_and_promotion(store: Store, actor: Actor) -> None:
    people = [make_person(store, actor, surname=n)[0] for n in ("Ақан", "Бақыт", "Ғалым")]
    _e, ts = _event(store, actor, capacity=2)
    with store.write() as s:
        outcome = register(s, actor, ts.id, people)
        assert (len(outcome.registered), outcome.waiting) == (2, (people[2],))
        assert register(s, actor, ts.id, people[:1]).already == (people[0],)
        promoted = cancel_registration(s, actor, ts.id, people[0])
        rows = registrations(s, ts.id)
    assert promoted == people[2]
    assert [r.state for r in rows] == ["registered", "registered"]


def test_sign_in_sheet_typed_back_by_row_numbers(store: Store, actor: Actor) -> None:
    """Attendance from a printed sign-in sheet: rows 1 and 3 signed."""
    people = [make_person(store, actor, surname=n)[0] for n in ("Ақан", "Бақыт", "Ғалым")]
    _e, ts = _event(store, actor, capacity=0)
    with store.write() as s:
        register(s, actor, ts.id, people)
        with pytest.raises(SignInSheetError):
            record_sign_in_sheet(s, actor, ts.id, "1, 4", today=TODAY)
        record_sign_in_sheet(s, actor, ts.id, "1 3", today=TODAY)
        rows = registrations(s, ts.id)
        give_feedback(s, actor, ts.id, rows[0].person_id, rating=5, comment="Пайдалы болды")
        with pytest.raises(ValidationError):
            give_feedback(s, actor, ts.id, rows[1].person_id, rating=4)
    assert [r.attended for r in rows] == [True, False, True]
    assert parse_row_numbers("2-4, 7;9") == [2, 3, 4, 7, 9]


def test_attendance_refused_before_the_session(store: Store, actor: Actor) -> None:
    p, _ = make_person(store, actor)
    _e, ts = _event(store, actor, on=date(2026, 12, 20))
    with store.write() as s:
        register(s, actor, ts.id, [p])
        with pytest.raises(ValidationError):
            mark_attendance(s, actor, ts.id, [p], today=TODAY)


def test_two_regional_events_a_year(store: Store, actor: Actor) -> None:
    """T-4: at least two regional conferences/seminars/round tables held a year."""
    p, _ = make_person(store, actor)
    _e, ts = _event(store, actor, on=date(2026, 3, 3))
    with store.write() as s:
        register(s, actor, ts.id, [p])
        mark_attendance(s, actor, ts.id, [p], today=TODAY)
        first = regional_check(s, 2026)
    _e2, ts2 = _event(store, actor, kind="round_table", on=date(2026, 9, 9))
    with store.write() as s:
        register(s, actor, ts2.id, [p])
        mark_attendance(s, actor, ts2.id, [p], today=TODAY)
        second = regional_check(s, 2026)
    assert (first.held, first.ok) == (1, False)
    assert (second.held, second.required, second.ok) == (2, 2, True)


def test_needs_survey_builds_the_plan_due_1_december(store: Store, actor: Actor) -> None:
    """T-2, T-3: needs per court become planned events; the plan is due by 1 December."""
    with store.write() as s:
        courts = list_courts(s, level="regional")[:2]
        for c in courts:
            add_need(s, actor, NeedInput(2027, c.id, "Медиация", 12))
        add_need(
            s, actor, NeedInput(2027, courts[0].id, "Excel для секретарей", 5, audience="staff")
        )
        topics = needs_by_topic(s, 2027)
        assert build_plan(s, actor, 2027, today=TODAY) == 2
        assert build_plan(s, actor, 2027, today=TODAY) == 0
        status = mark_plan_sent(s, actor, 2027, date(2026, 11, 28))
        rows = plan_rows(s, 2027)
    assert [(t.topic, t.people, t.courts) for t in topics] == [
        ("Медиация", 24, 2),
        ("Excel для секретарей", 5, 1),
    ]
    assert (status.due_on, status.overdue(TODAY), status.events) == (date(2026, 12, 1), False, 2)
    assert {r.title: r.needed for r in rows} == {"Медиация": 24, "Excel для секретарей": 5}
    with store.read() as s:
        assert plan_status(s, 2028).overdue(date(2027, 12, 2))


@given(st.text(max_size=20))
def test_row_numbers_parse_or_refuse_never_crash(text: str) -> None:
    try:
        numbers = parse_row_numbers(text)
    except SignInSheetError:
        return
    assert numbers == sorted(set(numbers)) and all(n >= 0 for n in numbers)


def test_event_points_store_a_reason_code_in_any_language(store: Store, actor: Actor) -> None:
    """C-1: an event's own points differ from the catalogue's; the ledger keeps the neutral
    code, and the reader sees it in their language (never the marker's window language)."""
    from app.cpd.credits import EVENT_POINTS, REASONS
    from i18n import _, set_language

    p, _p = make_person(store, actor, surname="Серікова")
    with store.write() as s:
        e = create_event(
            s,
            actor,
            EventInput(title="Дөңгелек үстел", kind="seminar", plan_year=2026, points=Decimal(3)),
        )
        ts = add_session(s, actor, SessionInput(e.id, date(2026, 10, 5), date(2026, 10, 5)))
        register(s, actor, ts.id, [p])
    set_language("ru")
    with store.write() as s:
        mark_attendance(s, actor, ts.id, [p], today=TODAY)
    with store.read() as s:
        line = next(x for x in person_ledger(s, p, 2026) if x.source == "training")
    assert (line.points, line.catalogue_points) == (Decimal(3), Decimal(2))
    assert line.data.override_reason == EVENT_POINTS
    assert _(REASONS[line.data.override_reason]) == "Баллы установлены для мероприятия"
