"""Propose a year's internship schedule (I-1) without ever breaking a rule.

Every due judge gets at least `min_days` calendar days (and two working weeks, holidays
counted) at a higher court; no host is over capacity on any day; no internship overlaps the
judge's leave or suspension, other internships or busy periods (training events and the like,
filled by other modules into `person_busy_period`). Judges are placed highest priority first,
each in the least-loaded window of the year, so the schedule spreads over the year. Whoever
cannot be placed is reported with a reason instead.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.permissions import INTERNSHIPS_PLAN, require
from app.core.progress import Progress
from app.core.store import take_turns
from app.internships.dto import DueFilter, DueRow, PlanResult
from app.internships.due import due_judges
from app.internships.due_reads import status_periods
from app.internships.placement import Candidate, place, windows
from app.internships.rules import (
    InternshipRules,
    PriorityWeights,
    holidays_of_year,
    rules_for_year,
)
from db.base import utcnow
from db.models import BusyPeriod, Court, HostBlackout, HostOffer, Internship
from i18n import N_

REASONS: dict[str, str] = {
    "no_host": N_("No higher court offers internship places this year."),
    "unavailable": N_("On leave, suspended or otherwise busy in every possible period."),
    "host_closed": N_("The higher courts cannot host on the dates the judge is free."),
    "no_places": N_("Every place at the higher courts is taken by judges of higher priority."),
}


def _mark(
    days: bytearray | list[int],
    year: int,
    starts: date,
    ends: date | None,
    *,
    value: int = 1,
    add: bool = False,
) -> None:
    first = date(year, 1, 1)
    n = len(days)
    s = max((starts - first).days, 0)
    e = min(((ends or date(year, 12, 31)) - first).days, n - 1)
    for d in range(s, e + 1):
        if add:
            days[d] += value
        else:
            days[d] = value


def _host_days(
    session: Session, year: int
) -> tuple[dict[uuid.UUID, list[int]], dict[uuid.UUID, list[int]]]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    n = (end - start).days + 1
    capacity: dict[uuid.UUID, list[int]] = defaultdict(lambda: [0] * n)
    for o in session.scalars(
        select(HostOffer).where(
            HostOffer.kind == "judge", HostOffer.starts_on <= end, HostOffer.ends_on >= start
        )
    ):
        _mark(capacity[o.court_id], year, o.starts_on, o.ends_on, value=o.capacity, add=True)
    for b in session.scalars(
        select(HostBlackout).where(HostBlackout.starts_on <= end, HostBlackout.ends_on >= start)
    ):
        if b.court_id in capacity:
            _mark(capacity[b.court_id], year, b.starts_on, b.ends_on, value=0)
    load: dict[uuid.UUID, list[int]] = {h: [0] * n for h in capacity}
    for host, s, e in session.execute(
        select(Internship.host_court_id, Internship.starts_on, Internship.ends_on).where(
            Internship.kind == "judge",
            Internship.status != "cancelled",
            Internship.starts_on <= end,
            Internship.ends_on >= start,
        )
    ):
        if host in load:
            _mark(load[host], year, s, e, add=True)
    return dict(capacity), load


def busy_days(
    session: Session, year: int, people: Iterable[uuid.UUID]
) -> dict[uuid.UUID, bytearray]:
    """Days of the year each person cannot intern: any non-active status (leave, suspension),
    busy periods filled by other modules, and other internships.
    """
    start, end = date(year, 1, 1), date(year, 12, 31)
    n = (end - start).days + 1
    busy = {pid: bytearray(n) for pid in people}
    for pid, periods in status_periods(session, set(busy)).items():
        for _status, s, e in periods:
            if s <= end and (e is None or e >= start):
                _mark(busy[pid], year, s, e)
    for model in (BusyPeriod, Internship):
        stmt = select(model.person_id, model.starts_on, model.ends_on).where(
            model.starts_on <= end, model.ends_on >= start
        )
        if model is Internship:
            stmt = stmt.where(Internship.status != "cancelled")
        for pid, s, e in session.execute(stmt):
            if pid in busy:
                _mark(busy[pid], year, s, e)
    return busy


def supreme_court_id(session: Session) -> uuid.UUID | None:
    """The Supreme Court's id."""
    return session.scalar(select(Court.id).where(Court.level == "supreme"))


def hosts_for(row: DueRow, supreme: uuid.UUID | None) -> tuple[uuid.UUID, ...]:
    """Higher courts for a judge (I-1): their regional court first, then the Supreme Court."""
    hosts: list[uuid.UUID] = []
    if row.court_level == "district" and row.parent_court_id is not None:
        hosts.append(row.parent_court_id)
    if supreme is not None:
        hosts.append(supreme)
    return tuple(hosts)


def plan_year(
    session: Session,
    year: int,
    *,
    region_code: str = "",
    rules: InternshipRules | None = None,
    weights: PriorityWeights | None = None,
    progress: Progress | None = None,
) -> PlanResult:
    """A proposed schedule for the judges due in `year` and not yet scheduled (I-1)."""
    rules = rules or rules_for_year(session, year)
    due = due_judges(session, year, DueFilter(region_code=region_code), rules, weights)
    todo = [r for r in due if not r.scheduled]
    supreme = supreme_court_id(session)
    busy = busy_days(session, year, (r.person_id for r in todo))
    candidates = [
        Candidate(r.person_id, r.full_name, r.priority, hosts_for(r, supreme), busy[r.person_id])
        for r in todo
    ]
    capacity, load = _host_days(session, year)
    spans = windows(year, rules, holidays_of_year(session, year))
    placed, unplaced = place(candidates, capacity, load, spans, year, progress)
    return PlanResult(year, tuple(placed), tuple(unplaced), len(due) - len(todo))


def apply_plan(
    session: Session,
    actor: Actor,
    year: int,
    *,
    region_code: str = "",
    progress: Progress | None = None,
) -> PlanResult:
    """Plan and save the proposed internships in the caller's transaction."""
    require(actor, INTERNSHIPS_PLAN, N_("Only the coordinator or the centre may plan internships."))
    take_turns(session, "internship-plan")  # a second PC's plan sees the first one's rows
    result = plan_year(session, year, region_code=region_code, progress=progress)
    now = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "person_id": p.person_id,
            "host_court_id": p.host_court_id,
            "starts_on": p.starts_on,
            "ends_on": p.ends_on,
            "kind": "judge",
            "status": "planned",
            "paid": False,
            "tutor_id": None,
            "intern_report": "",
            "created_at": now,
            "updated_at": now,
            "updated_by": actor.name,
            "version": 1,
        }
        for p in result.placements
    ]
    if rows:
        session.execute(insert(Internship), rows)
    record(
        session,
        actor,
        "plan",
        "internship",
        f"year-{year}",
        {"placed": [0, len(rows)], "unplaced": [0, len(result.unplaced)]},
    )
    return result
