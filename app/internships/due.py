"""Who is due for an internship at a higher court in a year, and with what priority (I-1)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.bulk import collector_paused
from app.internships.dto import DueFilter, DueRow
from app.internships.due_reads import (
    as_uuid,
    chunked,
    held_internships,
    last_quality,
    raw,
    raw_periods,
)
from app.internships.rules import InternshipRules, PriorityWeights, resets_clock, rules_for_year
from app.people.experience import add_years, judicial_experience, status_on
from db.models import Court, Internship, Person
from i18n import current_language
from i18n.collation import collation_key
from i18n.search_fold import matches


def priority_of(
    row_due: date,
    year_start: date,
    *,
    never: bool,
    experience_years: int,
    complaints: int,
    overturned: int,
    kept_pct: Decimal | None,
    weights: PriorityWeights,
) -> float:
    """Priority from the inputs I-1 names: overdue time, experience, quality, complaints."""
    overdue_years = max((year_start - row_due).days, 0) / 365.25
    score = overdue_years * weights.per_year_overdue
    score += weights.never_interned if never else 0.0
    score += complaints * weights.per_complaint + overturned * weights.per_overturned
    if kept_pct is not None:
        score += float(100 - kept_pct) * weights.per_pct_time_limits_missed
    if experience_years < weights.junior_years:
        score += weights.junior_bonus
    return round(score, 3)


def due_judges(
    session: Session,
    year: int,
    flt: DueFilter | None = None,
    rules: InternshipRules | None = None,
    weights: PriorityWeights | None = None,
) -> list[DueRow]:
    """Judges of district and regional courts due in `year` (I-1).

    Due when the last internship at a higher court ended more than `interval_years` before
    (due date = that end + interval), or when there never was one (due from 1 January).
    Retired judges are left out; judges on leave stay listed (the planner says why they
    cannot be placed).
    """
    flt = flt or DueFilter()
    ids: dict[Any, uuid.UUID] = {}  # a few hundred courts: each id converted once
    with collector_paused():
        rows = _due_rows(session, year, flt, rules, weights, ids)
    return _sorted(rows, flt)


def _due_rows(
    session: Session,
    year: int,
    flt: DueFilter,
    rules: InternshipRules | None,
    weights: PriorityWeights | None,
    ids: dict[Any, uuid.UUID],
) -> list[DueRow]:
    return [
        DueRow(
            as_uuid(pid),
            name,
            ids.get(cid) or ids.setdefault(cid, as_uuid(cid)),
            ckk,
            cru,
            level,
            region,
            (ids.get(parent) or ids.setdefault(parent, as_uuid(parent))) if parent else None,
            *rest,
        )
        for pid, name, cid, ckk, cru, level, region, parent, *rest in _due(
            session, year, flt, rules, weights
        )
    ]


def _due(
    session: Session,
    year: int,
    flt: DueFilter,
    rules: InternshipRules | None,
    weights: PriorityWeights | None,
) -> Iterator[tuple[Any, ...]]:
    """The due list's rows as DueRow's fields in order, ids as the driver gives them."""
    rules = rules or rules_for_year(session, year)
    weights = weights or PriorityWeights()
    start, end = date(year, 1, 1), date(year, 12, 31)

    stmt = (
        select(
            raw(Person.id),
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.first_appointed_on,
            Person.name_order(current_language()),  # P-2: the language's alphabet
            raw(Court.id),
            Court.name_kk,
            Court.name_ru,
            Court.level,
            Court.region_code,
            raw(Court.parent_id),
        )
        .join(Court, Court.id == Person.court_id)
        .where(Person.role == "judge", Court.level.in_(("district", "regional")))
    )
    if flt.region_code:
        stmt = stmt.where(Court.region_code == flt.region_code)
    if flt.court_id is not None:
        stmt = stmt.where(Court.id == flt.court_id)
    # A region's or a court's list reads the periods, internships and quality figures of its
    # own judges: the country's, read for one region, were the Internships page's memory peak
    # on the national demo (issue 11).
    among = None
    if flt.region_code or flt.court_id is not None:
        among = select(Person.id).join(Court, Court.id == Person.court_id)
        if flt.region_code:
            among = among.where(Court.region_code == flt.region_code)
        if flt.court_id is not None:
            among = among.where(Court.id == flt.court_id)
    periods = raw_periods(session, among=among)
    held = held_internships(session, start, among)
    planned = select(raw(Internship.person_id)).where(
        Internship.kind == "judge",
        Internship.status != "cancelled",
        Internship.starts_on <= end,
        Internship.ends_on >= start,
    )
    if among is not None:
        planned = planned.where(Internship.person_id.in_(among))
    scheduled = set(session.connection().scalars(planned))
    quality = last_quality(session, start, among=among)
    needle = flt.text.strip()
    # Core execution: the ORM result layer costs more than the rows for 36,000 judges. Read
    # last and row by row, not with all(): the callers do no other reads while they consume
    # this generator, and the start page keeps none of the rows (issue 11).
    plain_years: dict[date | None, int] = {}
    people = chunked(session.connection().execute(stmt))
    for pid, surname, first, patr, appointed, skey, cid, ckk, cru, level, region, parent in people:
        p = periods.get(pid, [])
        if p and status_on(p, start) == "retired":
            continue
        # The end of the last internship that restarts the clock, at a court above the
        # judge's own (I-1)
        last = None
        for status, starts, ends, host_level in held.get(pid, ()):
            if resets_clock(status, starts, ends, level, host_level, rules) and (
                last is None or ends > last
            ):
                last = ends
        due_on = add_years(last, rules.interval_years) if last else start
        if due_on > end:
            continue
        name = " ".join(x for x in (surname, first, patr) if x)
        if needle and not matches(needle, name):
            continue
        if flt.only_unscheduled and pid in scheduled:
            continue
        if p:
            exp = judicial_experience(appointed, p, start).years
        else:  # most judges have no break: their experience depends on the appointment alone
            exp = plain_years.get(appointed, -1)
            if exp < 0:
                exp = plain_years[appointed] = judicial_experience(appointed, [], start).years
        q = quality.get(pid)
        complaints, overturned, kept = q if q else (0, 0, None)
        prio = priority_of(
            due_on,
            start,
            never=last is None,
            experience_years=exp,
            complaints=complaints,
            overturned=overturned,
            kept_pct=kept,
            weights=weights,
        )
        yield (
            pid,
            name,
            cid,
            ckk,
            cru,
            level,
            region,
            parent,
            last,
            due_on,
            exp,
            complaints,
            overturned,
            kept,
            prio,
            pid in scheduled,
            skey,
        )


def _sorted(rows: list[DueRow], flt: DueFilter) -> list[DueRow]:
    keys = {
        "priority": lambda r: (-r.priority, r.due_on, r.sort_key),
        "name": lambda r: (r.sort_key,),
        "due_on": lambda r: (r.due_on, r.sort_key),
        "court": lambda r: (collation_key(r.court_name), r.sort_key),
        "experience": lambda r: (r.experience_years, r.sort_key),
    }
    return sorted(rows, key=keys.get(flt.sort, keys["priority"]), reverse=flt.descending)
