"""M-2 from the register's childcare leave, and M-1's five years with P-3 breaks, at the edges."""

from __future__ import annotations

from datetime import date

import pytest

from app.mentoring import queries, service
from app.mentoring.rules import TUTOR, JudgeFacts, RuleError, guide_refusals
from app.people.dto import StatusPeriod
from tests.app.mentoring.conftest import add_judge

LEAVE = (StatusPeriod("childcare_leave", date(2024, 11, 21), date(2026, 11, 20)),)


@pytest.mark.parametrize(
    ("on", "qualifies"),
    [
        (date(2026, 11, 20), False),  # the leave's last day
        (date(2026, 11, 21), True),  # the day after: returned
        (date(2027, 11, 20), True),
        (date(2027, 11, 21), False),  # one year later the reason has lapsed
    ],
)
def test_m2_return_from_childcare_leave_in_the_register_makes_a_protege(
    store, actor, world, on: date, qualifies: bool
) -> None:
    with store.write() as s:
        mother = add_judge(s, actor, world.district_id, "Әлімова", date(2015, 3, 1), periods=LEAVE)
    with store.read() as s:
        needs = {r.person_id: r for r in queries.needs_analysis(s, on)}
    assert (mother in needs) is qualifies
    if qualifies:
        assert needs[mother].reasons == (("childcare_return", date(2026, 11, 21)),)


def test_m2_pair_after_childcare_leave_needs_no_manual_event(store, actor, world) -> None:
    with store.write() as s:
        mother = add_judge(s, actor, world.district_id, "Әлімова", date(2015, 3, 1), periods=LEAVE)
    with store.write() as s, pytest.raises(RuleError) as err:
        service.propose_pair(
            s, actor, mother, world.tutor, kind="tutor", starts_on=date(2026, 11, 20)
        )
    assert "M-2" in err.value.rules
    with store.write() as s:
        pair = service.propose_pair(
            s, actor, mother, world.tutor, kind="tutor", starts_on=date(2026, 11, 21)
        )
    assert pair.protege_id == mother


@pytest.mark.parametrize(
    ("on", "refused"),
    [(date(2021, 1, 31), True), (date(2021, 2, 1), False), (date(2021, 2, 2), False)],
)
def test_m1_p3_tutor_one_day_short_after_a_break_over_new_year_is_refused(
    on: date, refused: bool
) -> None:
    # 31 days of leave, its last day included: five years of service on 1 February 2021
    judge = JudgeFacts(
        "Серікбаев",
        "judge",
        "district",
        "active",
        date(2016, 1, 1),
        [("childcare_leave", date(2020, 12, 15), date(2021, 1, 14))],
    )
    assert bool(guide_refusals(TUTOR, judge, on)) is refused
