"""C-7: a person exempt for the whole year owes no report and is never counted as overdue."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.core.context import Actor
from app.core.store import Store
from app.cpd.rules import owes_report
from app.cpd.summary import centre_summary
from app.people.dto import StatusPeriod
from tests.app.cpd.helpers import make_person


@pytest.mark.parametrize(
    ("year", "exempt_days", "owes"),
    [(2025, 364, True), (2025, 365, False), (2024, 365, True), (2024, 366, False)],
)
def test_c7_whole_year_exemption_owes_no_report_leap_years_too(
    year: int, exempt_days: int, owes: bool
) -> None:
    assert owes_report(Decimal(10), exempt_days, year) is owes


def test_c7_no_minimum_owes_no_report() -> None:
    assert not owes_report(Decimal(0), 0, 2025)


def test_c7_exempt_all_year_without_a_report_is_not_overdue_seed004(
    store: Store, actor: Actor
) -> None:
    # childcare leave across both year ends covers 2025 entirely
    leave = (StatusPeriod("childcare_leave", date(2024, 12, 31), date(2026, 1, 1)),)
    make_person(store, actor, surname="Жақсылықова", role="consultant", periods=leave)
    # one day short of the whole year: still owes a (prorated) report
    short = (StatusPeriod("childcare_leave", date(2025, 1, 2), date(2026, 1, 1)),)
    make_person(store, actor, surname="Бекова", role="consultant", periods=short)
    make_person(store, actor, surname="Омаров", role="consultant")
    with store.read() as s:
        before_due = centre_summary(s, 2025, as_of=date(2026, 2, 15))
        after_due = centre_summary(s, 2025, as_of=date(2026, 2, 16))
    assert before_due.reports_overdue == 0
    assert after_due.reports_overdue == 2
