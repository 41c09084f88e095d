"""Who is due for an internship at a higher court in a year, and with what priority (I-1)."""

from __future__ import annotations

import heapq
import itertools
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from app.core.bulk import collector_paused
from app.internships.dto import DueFilter, DueRow
from app.internships.rules import InternshipRules, PriorityWeights, resets_clock, rules_for_year
from app.people.experience import add_years, judicial_experience, status_on
from db.models import Court, Internship, Person, PersonStatusPeriod, QualityIndicator
from i18n import current_language
from i18n.collation import collation_key
from i18n.search_fold import matches

Periods = list[tuple[str, date, date | None]]


def _raw(column: Any) -> Any:
    # Ids as the driver gives them (hex text on SQLite): the national due list reads ~150,000
    # ids, and building a uuid.UUID for each cost more than the queries (issue 12).
    return type_coerce(column, String())


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=str(value))


def status_periods(
    session: Session, person_ids: set[uuid.UUID] | None = None
) -> dict[uuid.UUID, Periods]:
    """Status periods per person (all people when ids is None)."""
    stmt = select(
        PersonStatusPeriod.person_id,
        PersonStatusPeriod.status,
        PersonStatusPeriod.starts_on,
        PersonStatusPeriod.ends_on,
    )
    out: dict[uuid.UUID, Periods] = defaultdict(list)
    for pid, status, starts, ends in session.execute(stmt):
        if person_ids is None or pid in person_ids:
            out[pid].append((status, starts, ends))
    return out


def _raw_periods(session: Session) -> dict[Any, Periods]:
    """Status periods per raw person id."""
    stmt = select(
        _raw(PersonStatusPeriod.person_id),
        PersonStatusPeriod.status,
        PersonStatusPeriod.starts_on,
        PersonStatusPeriod.ends_on,
    )
    out: dict[Any, Periods] = defaultdict(list)
    for pid, status, starts, ends in session.connection().execute(stmt):
        out[pid].append((status, starts, ends))
    return out


def _last_quality(session: Session, before: date) -> dict[Any, tuple[int, int, Decimal]]:
    """(complaints, overturned, % time limits kept) of each judge's latest period before."""
    latest = (
        select(QualityIndicator.person_id, func.max(QualityIndicator.period_end).label("e"))
        .where(QualityIndicator.period_end < before)
        .group_by(QualityIndicator.person_id)
        .subquery()
    )
    rows = session.connection().execute(
        select(
            _raw(QualityIndicator.person_id),
            QualityIndicator.complaints,
            QualityIndicator.overturned,
            QualityIndicator.time_limits_kept_pct,
        ).join(
            latest,
            (latest.c.person_id == QualityIndicator.person_id)
            & (latest.c.e == QualityIndicator.period_end),
        )
    )
    return {pid: (c, o, k) for pid, c, o, k in rows}


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


def last_resetting_internships(
    session: Session, before: date, rules: InternshipRules
) -> dict[uuid.UUID, date]:
    """The end of each judge's last internship before a date that restarts the clock (I-1)."""
    return {_uuid(k): v for k, v in _last_resetting(session, before, rules).items()}


def _last_resetting(session: Session, before: date, rules: InternshipRules) -> dict[Any, date]:
    own = aliased(Court)
    host = aliased(Court)
    rows = session.connection().execute(
        select(
            _raw(Internship.person_id),
            Internship.status,
            Internship.starts_on,
            Internship.ends_on,
            own.level,
            host.level,
        )
        .join(Person, Person.id == Internship.person_id)
        .join(own, own.id == Person.court_id)
        .join(host, host.id == Internship.host_court_id)
        .where(
            Internship.kind == "judge",
            Internship.status == "done",
            Internship.ends_on < before,
        )
    )
    out: dict[Any, date] = {}
    for pid, status, starts, ends, own_level, host_level in rows:
        if resets_clock(status, starts, ends, own_level, host_level, rules) and (
            pid not in out or ends > out[pid]
        ):
            out[pid] = ends
    return out


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
            _uuid(pid),
            name,
            ids.get(cid) or ids.setdefault(cid, _uuid(cid)),
            ckk,
            cru,
            level,
            region,
            (ids.get(parent) or ids.setdefault(parent, _uuid(parent))) if parent else None,
            *rest,
        )
        for pid, name, cid, ckk, cru, level, region, parent, *rest in _due(
            session, year, flt, rules, weights
        )
    ]


def unplanned_due(
    session: Session, year: int, region_code: str, shown: int
) -> tuple[int, list[str]]:
    """How many judges are due in `year` and not planned (I-1), and the names of the first
    `shown` of them in the due list's order: due_judges' answer without building its rows
    (the start page, issue 12).
    """
    flt = DueFilter(region_code=region_code, only_unscheduled=True)
    # Streamed: only the first `shown` rows are kept, not the 29,000 due judges (issue 11).
    counted = itertools.count()
    with collector_paused():
        rows = (row for row, _n in zip(_due(session, year, flt, None, None), counted, strict=False))
        # nsmallest is sorted(...)[:n], stable like _sorted: ties keep the same order.
        top = heapq.nsmallest(shown, rows, key=lambda r: (-r[14], r[9], r[16]))
    return next(counted), [r[1] for r in top]


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
            _raw(Person.id),
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.first_appointed_on,
            Person.name_order(current_language()),  # P-2: the alphabet of the language shown
            _raw(Court.id),
            Court.name_kk,
            Court.name_ru,
            Court.level,
            Court.region_code,
            _raw(Court.parent_id),
        )
        .join(Court, Court.id == Person.court_id)
        .where(Person.role == "judge", Court.level.in_(("district", "regional")))
    )
    if flt.region_code:
        stmt = stmt.where(Court.region_code == flt.region_code)
    if flt.court_id is not None:
        stmt = stmt.where(Court.id == flt.court_id)
    periods = _raw_periods(session)
    last_end = _last_resetting(session, start, rules)
    scheduled = set(
        session.connection().scalars(
            select(_raw(Internship.person_id)).where(
                Internship.kind == "judge",
                Internship.status != "cancelled",
                Internship.starts_on <= end,
                Internship.ends_on >= start,
            )
        )
    )
    quality = _last_quality(session, start)
    needle = flt.text.strip()
    # Core execution: the ORM result layer costs more than the rows for 36,000 judges. Read
    # last and row by row, not with all(): the callers do no other reads while they consume
    # this generator, and the start page keeps none of the rows (issue 11).
    people = session.connection().execute(stmt)
    for pid, surname, first, patr, appointed, skey, cid, ckk, cru, level, region, parent in people:
        p = periods.get(pid, [])
        if status_on(p, start) == "retired":
            continue
        last = last_end.get(pid)
        due_on = add_years(last, rules.interval_years) if last else start
        if due_on > end:
            continue
        name = " ".join(x for x in (surname, first, patr) if x)
        if needle and not matches(needle, name):
            continue
        if flt.only_unscheduled and pid in scheduled:
            continue
        exp = judicial_experience(appointed, p, start).years
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
