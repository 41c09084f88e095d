"""Compliance: exemptions (C-4), the Academy rule (T-1), verdicts (C-2)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.context import Actor
from app.core.store import Store
from app.cpd.compliance import compliance, person_compliance
from app.cpd.compliance_counts import counts_by_court
from app.cpd.dto import ComplianceFilter, ExemptionInput, RuleSetInput
from app.cpd.exemptions import add_exemption
from app.cpd.rules import amend_rules
from app.cpd.year_verdict import academy_due, covered_days, required_points, verdict
from app.people.dto import StatusPeriod
from tests.app.cpd.helpers import add, make_person


def test_exemption_spanning_a_year_boundary_prorates_both_years(store: Store, actor: Actor) -> None:
    """C-4: childcare leave 01.10.2023–31.03.2025 exempts 2024 fully, 2023 and 2025 in part."""
    person, _ = make_person(
        store,
        actor,
        appointed=date(2021, 9, 1),
        periods=(StatusPeriod("childcare_leave", date(2023, 10, 1), date(2025, 3, 31)),),
    )
    with store.read() as s:
        v2023 = person_compliance(s, person, 2023, as_of=date(2026, 6, 1))
        v2024 = person_compliance(s, person, 2024, as_of=date(2026, 6, 1))
        v2025 = person_compliance(s, person, 2025, as_of=date(2026, 6, 1))
    assert (v2023.exempt_days, v2023.required, v2023.status) == (92, Decimal(8), "not_compliant")
    assert (v2024.exempt_days, v2024.required, v2024.status) == (366, Decimal(0), "exempt")
    assert (v2025.exempt_days, v2025.required) == (90, Decimal(8))


def test_maternity_leave_kept_by_cpd_module_exempts(store: Store, actor: Actor) -> None:
    """C-4: maternity leave is an exemption recorded in the CPD module itself."""
    person, _ = make_person(store, actor)
    with store.write() as s:
        add_exemption(
            s, actor, ExemptionInput(person, "maternity", date(2025, 12, 1), date(2026, 12, 31))
        )
    with store.read() as s:
        v = person_compliance(s, person, 2026, as_of=date(2026, 6, 1))
    assert v.status == "exempt"


def test_partial_exemption_setting_of_the_rule_set(store: Store, actor: Actor) -> None:
    """C-4 as a setting: from 2027 a partly exempt year requires the full minimum."""
    with store.write() as s:
        amend_rules(
            s,
            actor,
            RuleSetInput(decided_on=date(2026, 2, 1), partial_exemption="full"),
            today=date(2026, 2, 2),
        )
    person, _ = make_person(
        store, actor, periods=(StatusPeriod("suspended", date(2026, 7, 1), date(2027, 3, 31)),)
    )
    with store.read() as s:
        assert person_compliance(s, person, 2026, date(2028, 1, 1)).required == Decimal(5)
        assert person_compliance(s, person, 2027, date(2028, 1, 1)).required == Decimal(10)


def test_required_points_modes() -> None:
    assert required_points(Decimal(10), 0, 2025, "prorata") == Decimal(10)
    assert required_points(Decimal(10), 365, 2025, "full") == Decimal(0)
    assert required_points(Decimal(10), 1, 2025, "any") == Decimal(0)
    assert required_points(Decimal(10), 1, 2025, "full") == Decimal(10)
    assert required_points(Decimal(10), 183, 2025, "prorata") == Decimal(5)


def test_academy_due_date_five_years_after_last_course(store: Store, actor: Actor) -> None:
    """T-1: the course falls due 5 years after the last one (or the first appointment)."""
    person, _ = make_person(store, actor, role="judge", appointed=date(2014, 2, 3))
    for month in (2, 4, 6, 8, 10):
        add(store, actor, person, "F02", date(2024, month, 10))
    with store.read() as s:
        never = person_compliance(s, person, 2024, as_of=date(2025, 1, 5))
    assert never.academy_due == date(2019, 2, 3)
    assert never.status == "not_compliant"  # 10 points, but the Academy course is overdue
    add(store, actor, person, "ACADEMY", date(2021, 4, 12), event="Сот төрелігі академиясы")
    with store.read() as s:
        v2024 = person_compliance(s, person, 2024, as_of=date(2025, 1, 5))
        v2026 = person_compliance(s, person, 2026, as_of=date(2026, 3, 1))
    assert (v2024.academy_last, v2024.academy_due, v2024.status) == (
        date(2021, 4, 12),
        date(2026, 4, 12),
        "compliant",
    )
    assert v2026.status == "at_risk"  # due on 12.04.2026, inside the running year


def test_academy_rule_only_for_judges(store: Store, actor: Actor) -> None:
    """T-1 applies to judges; legal consultants only need the points."""
    person, _ = make_person(store, actor, role="consultant", appointed=None)
    for month in (2, 4, 6, 8, 10):
        add(store, actor, person, "F01", date(2025, month, 10))
    with store.read() as s:
        v = person_compliance(s, person, 2025, as_of=date(2026, 1, 5))
    assert (v.academy_due, v.status) == (None, "compliant")


def test_pending_and_rejected_lines_do_not_count(store: Store, actor: Actor) -> None:
    """C-3: only confirmed lines earn points; a year in progress short of points is at risk."""
    person, _ = make_person(store, actor)
    add(store, actor, person, "F08", date(2026, 5, 5))
    add(store, actor, person, "F10", date(2026, 6, 5), confirm=False)
    with store.read() as s:
        v = person_compliance(s, person, 2026, as_of=date(2026, 11, 21))
        rows = compliance(s, ComplianceFilter(year=2026, status="at_risk"), date(2026, 11, 21))
        counts = counts_by_court(s, rows)
    assert (v.earned, v.pending, v.status) == (Decimal(6), Decimal(5), "at_risk")
    assert [r.person_id for r in rows] == [person]
    assert counts[0].at_risk == 1 and counts[0].people == 1


@given(
    st.lists(
        st.tuples(st.dates(date(2023, 6, 1), date(2025, 6, 1)), st.integers(0, 400)), max_size=6
    )
)
def test_covered_days_never_exceeds_the_year(spans: list[tuple[date, int]]) -> None:
    from datetime import timedelta

    periods = [(s, s + timedelta(days=n)) for s, n in spans]
    days = covered_days(periods, 2024)
    assert 0 <= days <= 366
    brute = {s + timedelta(days=i) for s, n in spans for i in range(n + 1)}
    assert days == sum(1 for d in brute if d.year == 2024)


@pytest.mark.parametrize(
    ("required", "earned", "as_of", "due", "expected"),
    [
        (Decimal(10), Decimal(10), date(2026, 1, 2), None, "compliant"),
        (Decimal(10), Decimal(9), date(2026, 1, 2), None, "not_compliant"),
        (Decimal(10), Decimal(9), date(2025, 11, 2), None, "at_risk"),
        (Decimal(0), Decimal(0), date(2026, 1, 2), None, "exempt"),
        (Decimal(10), Decimal(12), date(2026, 1, 2), date(2025, 12, 1), "not_compliant"),
    ],
)
def test_verdict_table(
    required: Decimal, earned: Decimal, as_of: date, due: date | None, expected: str
) -> None:
    assert verdict(required, earned, 2025, as_of, due) == expected
    assert academy_due(None, None, 5) is None
