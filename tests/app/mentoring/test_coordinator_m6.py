"""M-6 (seed 002 cl. 9): the coordinator named per region holds its coordinator permissions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.core.context import COORDINATOR, VIEWER, Actor
from app.core.errors import PermissionDeniedError, ValidationError
from app.core.permissions import CONFIDENTIAL_READ, can, pair_scope
from app.courts import offices
from app.people.dto import StatusPeriod
from app.security.authentication import try_login
from app.security.dto import UserInput
from app.security.service import create_user
from db.models import Court
from tests.app.mentoring.conftest import TODAY, add_judge

PASSWORD = "a long password 1"


def _name(store, actor, world, person, on: date = TODAY):
    with store.write() as s:
        return offices.name_holder(
            s, actor, world.regional_id, offices.COORDINATOR, person, on, "Кеңес шешімі №4"
        )


def _viewer_login(store, actor, person) -> Actor:
    with store.write() as s:
        create_user(s, actor, UserInput("tolkyn", "Толқын", frozenset({VIEWER}), PASSWORD, person))
    with store.write() as s:
        found = try_login(s, "tolkyn", PASSWORD)
    assert isinstance(found, Actor)
    return found


def test_m6_named_coordinator_logs_in_with_the_coordinators_permissions(
    store, actor, world
) -> None:
    named = _name(store, actor, world, world.mentor)
    assert named is not None and named.initials == "Жұмабаев Ә. С."
    logged = _viewer_login(store, actor, world.mentor)
    assert COORDINATOR in logged.roles and can(logged, CONFIDENTIAL_READ)
    assert logged.region_code == world.region
    scope = pair_scope(logged)
    assert scope.covers(world.tutor, world.protege, world.region)
    assert not scope.covers(world.tutor, world.protege, "ALM")


def test_m6_cleared_coordinator_is_back_to_their_own_roles(store, actor, world) -> None:
    _name(store, actor, world, world.mentor)
    with store.write() as s:
        assert (
            offices.name_holder(s, actor, world.regional_id, offices.COORDINATOR, None, TODAY)
            is None
        )
    logged = _viewer_login(store, actor, world.mentor)
    assert logged.roles == frozenset({VIEWER}) and not can(logged, CONFIDENTIAL_READ)


def test_m6_one_coordinator_per_region_the_second_replaces_the_first(store, actor, world) -> None:
    _name(store, actor, world, world.mentor)
    with store.write() as s:
        second = add_judge(s, actor, world.regional_id, "Серікова", date(2008, 3, 1))
    _name(store, actor, world, second)
    with store.read() as s:
        held = offices.coordinator_of_region(s, world.region)
        assert held is not None and held.person_id == second
        assert offices.coordinated_region(s, world.mentor) == ""


def test_m6_coordinator_comes_from_the_regional_court_or_the_regions_retired_judges(
    store, actor, world
) -> None:
    with pytest.raises(ValidationError) as err:
        _name(store, actor, world, world.tutor)  # a serving district judge
    assert "M-6" in err.value.message()
    with store.write() as s:
        other = s.scalar(select(Court).where(Court.level == "regional", Court.code != "AKM"))
        stranger = add_judge(s, actor, other.id, "Ли", date(2001, 1, 1))
    with pytest.raises(ValidationError):
        _name(store, actor, world, stranger)  # another region's judge
    # world.retired is a district judge retired in 2022: a retired judge of the region
    assert _name(store, actor, world, world.retired) is not None


def test_m6_retired_on_the_naming_day_but_not_the_day_before(store, actor, world) -> None:
    with store.write() as s:
        leaving = add_judge(
            s,
            actor,
            world.district_id,
            "Әлібеков",
            date(2000, 1, 1),
            periods=(StatusPeriod("retired", TODAY),),
        )
    with pytest.raises(ValidationError):
        _name(store, actor, world, leaving, TODAY.replace(day=20))
    assert _name(store, actor, world, leaving, TODAY) is not None


def test_m6_only_the_administrator_names_the_coordinator(store, world) -> None:
    coordinator = Actor("coord", frozenset({COORDINATOR}))
    with store.write() as s, pytest.raises(PermissionDeniedError):
        offices.name_holder(
            s, coordinator, world.regional_id, offices.COORDINATOR, world.mentor, TODAY
        )
