"""C scope: seed 004's points bind legal consultants; judges have T-1; councils switch others on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.core.context import Actor
from app.core.store import Store
from app.cpd.compliance import person_compliance
from app.cpd.dto import RoleRule, RuleSetInput
from app.cpd.rules import amend_rules
from app.people.dto import StatusPeriod
from tests.app.cpd.helpers import add, make_person


def test_c_scope_judge_owes_no_points_only_the_academy_course_t1(
    store: Store, actor: Actor
) -> None:
    judge, _ = make_person(store, actor, role="judge", appointed=date(2010, 1, 1))
    add(store, actor, judge, "ACADEMY", date(2021, 3, 1))
    with store.read() as s:
        v2025 = person_compliance(s, judge, 2025, as_of=date(2026, 1, 10))
        v2026 = person_compliance(s, judge, 2026, as_of=date(2027, 1, 10))
    assert (v2025.required, v2025.status) == (Decimal(0), "compliant")
    # the course fell due on 1 March 2026: the finished year is a breach of T-1, not of points
    assert (v2026.required, v2026.academy_due, v2026.status) == (
        Decimal(0),
        date(2026, 3, 1),
        "not_compliant",
    )


def test_c_scope_staff_and_candidates_have_no_minimum_by_default(
    store: Store, actor: Actor
) -> None:
    for role in ("staff", "candidate"):
        person, _ = make_person(store, actor, role=role, appointed=None)
        with store.read() as s:
            v = person_compliance(s, person, 2025, as_of=date(2026, 3, 2))
        assert (v.required, v.status) == (Decimal(0), "exempt")


def test_c_scope_consultant_keeps_the_ten_points_seed004(store: Store, actor: Actor) -> None:
    person, _ = make_person(store, actor, role="consultant", appointed=None)
    for month in (2, 4, 6, 8):
        add(store, actor, person, "F02", date(2025, month, 10))
    with store.read() as s:
        short = person_compliance(s, person, 2025, as_of=date(2026, 1, 5))
    add(store, actor, person, "F02", date(2025, 12, 31))
    with store.read() as s:
        enough = person_compliance(s, person, 2025, as_of=date(2026, 1, 5))
    assert (short.required, short.earned, short.status) == (
        Decimal(10),
        Decimal(8),
        "not_compliant",
    )
    assert (enough.earned, enough.status) == (Decimal(10), "compliant")


def test_c_scope_council_switches_staff_minimum_on_from_next_year_c9(
    store: Store, actor: Actor
) -> None:
    person, _ = make_person(store, actor, role="staff", appointed=None)
    with store.write() as s:
        amend_rules(
            s,
            actor,
            RuleSetInput(decided_on=date(2025, 12, 31), roles={"staff": RoleRule(Decimal(4), 0)}),
            today=date(2026, 1, 5),
        )
    with store.read() as s:
        v2025 = person_compliance(s, person, 2025, as_of=date(2026, 3, 2))
        v2026 = person_compliance(s, person, 2026, as_of=date(2027, 3, 2))
    assert (v2025.required, v2025.status) == (Decimal(0), "exempt")
    assert (v2026.required, v2026.status) == (Decimal(4), "not_compliant")


def test_c_scope_judge_on_leave_all_year_is_exempt_from_t1_c4(store: Store, actor: Actor) -> None:
    leave = (StatusPeriod("childcare_leave", date(2024, 12, 1), date(2026, 1, 31)),)
    judge, _ = make_person(store, actor, role="judge", appointed=date(2010, 1, 1), periods=leave)
    with store.read() as s:
        v = person_compliance(s, judge, 2025, as_of=date(2026, 3, 2))
    assert (v.academy_due, v.status) == (None, "exempt")
