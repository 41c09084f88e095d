"""Rules of the regulation on judicial mentoring, each test citing its M-ID."""

from __future__ import annotations

from datetime import date

import pytest

from app.mentoring import rules
from app.mentoring.rules import JudgeFacts
from i18n import set_language


def judge(
    appointed: date | None,
    level: str = "district",
    status: str = "active",
    periods=(),
    small_court: bool = False,
) -> JudgeFacts:
    return JudgeFacts(
        "Қасымов Ерлан", "judge", level, status, appointed, list(periods), small_court
    )


def test_tutor_with_exactly_five_years_is_eligible_m1() -> None:
    assert rules.guide_refusals("tutor", judge(date(2021, 11, 21)), date(2026, 11, 21)) == []


def test_tutor_one_day_short_of_five_years_is_refused_with_numbers_m1() -> None:
    found = rules.guide_refusals("tutor", judge(date(2021, 11, 21)), date(2026, 11, 20))
    assert [r.rule for r in found] == ["M-1"]
    assert found[0].params == {"held_years": 4, "held_months": 11, "years": 5}
    set_language("ru")
    assert found[0].message() == "4 года 11 месяцев в должности судьи; наставнику нужно 5 лет — M-1"
    set_language("kk")
    assert "M-1" in found[0].message() and "4" in found[0].message()


def test_breaks_in_service_do_not_count_towards_five_years_m1() -> None:
    leave = [("childcare_leave", date(2021, 1, 1), date(2021, 12, 31))]
    on = date(2025, 6, 1)  # 5 years 5 months since appointment, less a year of leave
    found = rules.guide_refusals("tutor", judge(date(2020, 1, 1), periods=leave), on)
    assert found and found[0].params["held_years"] == 4
    assert rules.guide_refusals("tutor", judge(date(2020, 1, 1)), on) == []


def test_judge_on_leave_cannot_guide_m1() -> None:
    found = rules.guide_refusals(
        "mentor", judge(date(2000, 1, 1), "regional", "childcare_leave"), date(2026, 1, 1)
    )
    assert [r.rule for r in found] == ["M-1"]


def test_retired_judges_may_mentor_and_tutor_m1() -> None:
    retired = [("retired", date(2020, 1, 1), None)]
    facts = judge(date(2000, 1, 1), "district", "retired", retired, small_court=True)
    assert rules.guide_refusals("mentor", facts, date(2026, 1, 1)) == []
    # a retired district judge may tutor in a small court (cl. 11): service counted to retirement
    assert rules.guide_refusals("tutor", facts, date(2026, 1, 1)) == []
    short = judge(
        date(2017, 1, 1), "district", "retired", [("retired", date(2020, 1, 1), None)], True
    )
    found = rules.guide_refusals("tutor", short, date(2026, 1, 1))
    assert found[0].params["held_years"] == 3


def test_mentor_must_be_regional_or_retired_m1() -> None:
    found = rules.guide_refusals("mentor", judge(date(2000, 1, 1), "district"), date(2026, 1, 1))
    assert [r.rule for r in found] == ["M-1"]
    assert (
        rules.guide_refusals("mentor", judge(date(2000, 1, 1), "regional"), date(2026, 1, 1)) == []
    )


def test_non_judge_cannot_guide_m1() -> None:
    staff = JudgeFacts("X", "staff", "district", "active", None, [])
    assert rules.guide_refusals("tutor", staff, date(2026, 1, 1))[0].rule == "M-1"


@pytest.mark.parametrize(
    ("appointed", "on", "qualifies"),
    [
        (date(2025, 11, 22), date(2026, 11, 21), True),  # 364 days
        (date(2025, 11, 21), date(2026, 11, 21), False),  # exactly one year
        (date(2026, 11, 22), date(2026, 11, 21), False),  # not yet appointed
    ],
)
def test_first_appointed_less_than_a_year_ago_is_a_protege_m2(appointed, on, qualifies) -> None:
    assert bool(rules.protege_reasons(appointed, "active", [], on)) is qualifies


def test_career_events_make_a_protege_for_a_year_m2() -> None:
    on = date(2026, 11, 21)
    for kind in rules.EVENT_KINDS:
        reasons = rules.protege_reasons(date(2010, 1, 1), "active", [(kind, date(2026, 3, 1))], on)
        assert reasons == [(kind, date(2026, 3, 1))]
    assert (
        rules.protege_reasons(
            date(2010, 1, 1), "active", [("region_changed", date(2025, 3, 1))], on
        )
        == []
    )
    assert rules.protege_reasons(date(2026, 3, 1), "childcare_leave", [], on) == []


def test_term_up_to_three_years_with_extensions_m4() -> None:
    assert rules.term_refusals(12, [12, 12]) == []
    found = rules.term_refusals(12, [12, 12, 1])
    assert [r.rule for r in found] == ["M-4"] and found[0].params == {"total": 37, "limit": 36}


def test_caseload_reduction_at_most_thirty_percent_in_six_months_m5() -> None:
    appointed = date(2026, 3, 15)
    assert rules.caseload_refusals(30, appointed, date(2026, 9, 14), appointed) == []
    assert rules.caseload_refusals(31, appointed, date(2026, 9, 14), appointed)[0].rule == "M-5"
    late = rules.caseload_refusals(20, appointed, date(2026, 9, 15), appointed)
    assert late[0].rule == "M-5" and late[0].params["end"] == "14.09.2026"


def test_add_months_clips_to_month_end() -> None:
    assert rules.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert rules.add_months(date(2026, 11, 21), 14) == date(2028, 1, 21)
