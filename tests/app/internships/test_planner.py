"""Planner on generated data (I-1): ≥ 14 days at a higher court, capacity, no overlaps, priority."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select

from app.core.context import Actor
from app.core.progress import CancelledError, Progress
from app.core.store import Store
from app.demo import internships as demo
from app.internships.conflicts import check_internship
from app.internships.dto import InternshipInput
from app.internships.hosts import add_offer
from app.internships.planner import REASONS, apply_plan, busy_days, plan_year
from app.internships.queries import schedule
from app.internships.rules import holidays_of_year, is_working_day
from db.models import Court, HostBlackout, HostOffer, Person

YEAR = 2027


def _capacity_by_day(store: Store) -> dict[tuple[uuid.UUID, date], int]:
    cap: dict[tuple[uuid.UUID, date], int] = defaultdict(int)
    with store.read() as s:
        for o in s.scalars(select(HostOffer)):
            d = o.starts_on
            while d <= o.ends_on:
                cap[(o.court_id, d)] += o.capacity
                d += timedelta(days=1)
        for b in s.scalars(select(HostBlackout)):
            d = b.starts_on
            while d <= b.ends_on:
                cap[(b.court_id, d)] = 0
                d += timedelta(days=1)
    return cap


def test_plan_on_generated_data_keeps_every_rule_i1(store: Store, actor: Actor) -> None:
    """I-1: every due judge placed gets ≥ 14 days at a higher court; capacity never exceeded
    on any day; no internship overlaps leave, busy periods or another internship."""
    with store.write() as s:
        demo.generate(s, actor, year=YEAR, judges_per_region=30, regions=4)
    with store.read() as s:
        before_busy = busy_days(s, YEAR, [p for p in s.scalars(select(Person.id))])
        holidays = holidays_of_year(s, YEAR)
    with store.write() as s:
        result = apply_plan(s, actor, YEAR)
    assert len(result.placements) > 80
    cap = _capacity_by_day(store)
    load: dict[tuple[uuid.UUID, date], int] = defaultdict(int)
    with store.read() as s:
        courts = {c.id: (c.level, c.parent_id) for c in s.scalars(select(Court))}
        people = dict(s.execute(select(Person.id, Person.court_id)).all())
        planned = schedule(s, YEAR)
    per_person: dict[uuid.UUID, list[tuple[date, date]]] = defaultdict(list)
    for i in planned:
        assert (i.ends_on - i.starts_on).days + 1 >= 14
        assert is_working_day(i.starts_on, holidays)
        own_level, own_parent = courts[people[i.person_id]]
        host_level, _ = courts[i.host_court_id]
        assert host_level == "supreme" or (
            own_level == "district" and own_parent == i.host_court_id
        )
        d = i.starts_on
        while d <= i.ends_on:
            load[(i.host_court_id, d)] += 1
            d += timedelta(days=1)
        per_person[i.person_id].append((i.starts_on, i.ends_on))
    for key, n in load.items():
        assert n <= cap[key], key
    first = date(YEAR, 1, 1)
    for p in result.placements:
        busy = before_busy[p.person_id]
        s_idx, e_idx = (p.starts_on - first).days, (p.ends_on - first).days
        assert busy.find(1, s_idx, e_idx + 1) == -1
        assert len(per_person[p.person_id]) == 1
    # The conflict checker used for manual moves agrees: no planned internship breaks a rule.
    with store.read() as s:
        for i in planned[::7]:
            data = InternshipInput(i.person_id, i.host_court_id, i.starts_on, i.ends_on)
            assert check_internship(s, data, exclude=i.id) == [], i
    placed = {p.person_id for p in result.placements}
    for u in result.unplaced:
        assert u.reason in REASONS and u.person_id not in placed


def test_too_few_places_reports_who_and_why_and_respects_priority(
    store: Store, actor: Actor
) -> None:
    """I-1: with one place for two weeks, the highest-priority judge is placed and the others
    are reported with a reason; no rule is broken to fit them."""
    with store.write() as s:
        demo.generate(
            s,
            actor,
            year=YEAR,
            judges_per_region=10,
            regions=1,
            regional_places=1,
            supreme_places=1,
        )
        s.execute(HostOffer.__table__.delete())
        s.execute(HostBlackout.__table__.delete())
        regional = s.scalar(select(Court.id).where(Court.code == "ABAI"))
        supreme = s.scalar(select(Court.id).where(Court.level == "supreme"))
        assert regional is not None and supreme is not None
        add_offer(
            s, actor, regional, starts_on=date(YEAR, 3, 1), ends_on=date(YEAR, 3, 19), capacity=1
        )
    with store.read() as s:
        result = plan_year(s, YEAR)
    assert len(result.placements) == 1
    assert len(result.unplaced) >= 5
    top = result.placements[0]
    assert all(u.priority <= top.priority for u in result.unplaced if u.reason == "no_places")
    reasons = {u.reason for u in result.unplaced}
    assert reasons <= set(REASONS)
    assert "no_places" in reasons
    # Judges of the regional court itself can only go to the Supreme Court: no offer there.
    assert "no_host" in reasons


def test_plan_spreads_over_the_year(store: Store, actor: Actor) -> None:
    """The planner uses the least-loaded windows, so internships do not pile up in January."""
    with store.write() as s:
        demo.generate(s, actor, year=YEAR, judges_per_region=40, regions=1)
    with store.read() as s:
        result = plan_year(s, YEAR)
    months = {p.starts_on.month for p in result.placements}
    assert len(months) >= 8


def test_cancelling_the_plan_saves_nothing(store: Store, actor: Actor) -> None:
    import pytest

    from app.internships.planner import apply_plan

    with store.write() as s:
        demo.generate(s, actor, year=YEAR, judges_per_region=20, regions=1)
    seen: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> None:
        seen.append((done, total))
        progress.cancel()

    progress = Progress(cancel)
    with pytest.raises(CancelledError), store.write() as s:
        apply_plan(s, actor, YEAR, progress=progress)
    assert seen and seen[0][0] == 0 and seen[0][1] > 0
    with store.read() as s:
        assert schedule(s, YEAR) == []
