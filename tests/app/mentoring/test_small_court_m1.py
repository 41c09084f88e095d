"""M-1 (seed 002 cl. 11): only a small district court's chairman or retired judges may tutor."""

from __future__ import annotations

from datetime import date

import pytest

from app.core.context import Actor
from app.core.errors import NotFoundError, PermissionDeniedError
from app.courts import offices
from app.mentoring.dto import RosterEntryInput, RosterOrderInput
from app.mentoring.roster import approve_roster
from app.mentoring.rules import RuleError
from app.people.dto import StatusPeriod
from tests.app.mentoring.conftest import TODAY, add_judge


def _roster(store, actor, world, person, number: str = "13-ө") -> None:
    with store.write() as s:
        approve_roster(
            s,
            actor,
            RosterOrderInput(
                region_code=world.region,
                number=number,
                signed_on=TODAY,
                entries=(RosterEntryInput(person, "tutor"),),
            ),
            today=TODAY,
        )


def _small(store, actor, court_id, small: bool) -> None:
    with store.write() as s:
        offices.set_small(s, actor, court_id, small)


def _refusals(store, actor, world, person) -> list[str]:
    try:
        _roster(store, actor, world, person)
    except RuleError as err:
        return [r.message_id for r in err.refusals]
    return []


def test_m1_retired_district_judge_tutors_only_in_a_small_court(store, actor, world) -> None:
    assert _refusals(store, actor, world, world.retired) == [
        "A retired judge may tutor only in a small district court — M-1"
    ]
    _small(store, actor, world.district_id, True)
    assert _refusals(store, actor, world, world.retired) == []
    _small(store, actor, world.district_id, False)  # the flag cleared: refused again
    assert _refusals(store, actor, world, world.retired)


def test_m1_chairman_tutors_only_in_a_small_court(store, actor, world) -> None:
    with store.write() as s:
        offices.name_holder(s, actor, world.district_id, offices.CHAIRMAN, world.tutor, TODAY)
    assert _refusals(store, actor, world, world.tutor) == [
        "A court's chairman may tutor only in a small district court — M-1"
    ]
    _small(store, actor, world.district_id, True)
    assert _refusals(store, actor, world, world.tutor) == []


@pytest.mark.parametrize(
    ("appointed", "refused"),
    [(date(2021, 11, 22), True), (date(2021, 11, 21), False), (date(2021, 11, 20), False)],
)
def test_m1_small_court_chairman_still_needs_five_years(
    store, actor, world, appointed: date, refused: bool
) -> None:
    # The small court widens who may tutor, not the five years (cl. 11, first paragraph).
    with store.write() as s:
        chair = add_judge(s, actor, world.district_id, "Бекова", appointed)
        offices.name_holder(s, actor, world.district_id, offices.CHAIRMAN, chair, TODAY)
    _small(store, actor, world.district_id, True)
    assert bool(_refusals(store, actor, world, chair)) is refused


def test_m1_retired_day_before_and_on_retirement(store, actor, world) -> None:
    # Serving on the order's day is an ordinary tutor; retired from that very day is not.
    with store.write() as s:
        serving = add_judge(
            s,
            actor,
            world.district_id,
            "Сейітов",
            date(2010, 1, 1),
            periods=(StatusPeriod("retired", date(2026, 11, 22)),),
        )
        retired = add_judge(
            s,
            actor,
            world.district_id,
            "Оспанов",
            date(2010, 1, 1),
            periods=(StatusPeriod("retired", TODAY),),
        )
    assert _refusals(store, actor, world, serving) == []
    assert _refusals(store, actor, world, retired)


def test_m1_only_a_district_court_is_flagged_small(store, actor, world) -> None:
    with store.write() as s, pytest.raises(NotFoundError):
        offices.set_small(s, actor, world.regional_id, True)


def test_m1_the_flag_is_the_centres(store, world) -> None:
    viewer = Actor("viewer", frozenset({"viewer"}))
    with store.write() as s, pytest.raises(PermissionDeniedError):
        offices.set_small(s, viewer, world.district_id, True)
    with store.read() as s:
        assert not offices.is_small(s, world.district_id)
