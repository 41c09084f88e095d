"""A year's verdicts counted per court, and the T-1 lists, in SQL from the summed points.

The start page's figures without building 50,000 verdicts (issue 12): people with no exempt
period in the year are counted by grouped SQL over the points the ledger's triggers keep
summed (cpd_year_points); the few with one are judged by compliance() itself. The SQL
conditions are compliance()'s, its dates turned into thresholds: add_years never decreases,
so "the course falls due before D" is "the course is counted from before first_base(D)".
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, ComplianceRow, RoleRule
from app.cpd.rules import rule_set_for
from app.cpd.vocab import EXEMPT_PERSON_STATUSES
from app.people.experience import add_years
from db.models import Court, CpdActivity, CpdExemption, CpdForm, CpdYearPoints, Person
from db.models import PersonStatusPeriod as Period
from i18n.collation import sort_key

NAMES_SHOWN = 50
STATUSES = ("compliant", "at_risk", "not_compliant", "exempt")


def first_base(target: date, every: int) -> date:
    """The earliest date d with add_years(d, every) >= target."""
    d = date(target.year - every, target.month, min(target.day, 28))
    while add_years(d, every) >= target:
        d -= timedelta(days=1)
    while add_years(d, every) < target:
        d += timedelta(days=1)
    return d


@dataclass
class AcademyList:
    """People whose T-1 course falls due in a span: how many, the earliest, the names shown."""

    count: int = 0
    first: date | None = None
    # Sort keys ending in the name: the list's order, then (sort_key, id), the order in which
    # compliance() lists people (AcademyWatch's arrival number).
    top: list[tuple[Any, ...]] = field(default_factory=list)

    def add(self, count: int, first: date | None, top: list[tuple[Any, ...]]) -> None:
        """Take in a group's count, earliest date and best-placed names."""
        self.count += count
        if first is not None:
            self.first = first if self.first is None else min(self.first, first)
        self.top = sorted(self.top + top)[:NAMES_SHOWN]

    def names(self) -> tuple[str, ...]:
        """The names shown, in order."""
        return tuple(t[-1] for t in self.top)


def _zeros() -> list[int]:
    return [0, 0, 0, 0, 0]


@dataclass
class YearCounts:
    """Verdicts per court (people, then each status) and the T-1 lists as of `on`."""

    on: date
    courts: dict[uuid.UUID | None, list[int]] = field(default_factory=lambda: defaultdict(_zeros))
    points: dict[uuid.UUID | None, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    overdue: AcademyList = field(default_factory=AcademyList)  # due before `on`
    coming: AcademyList = field(default_factory=AcademyList)  # due from `on` to 31 December


def year_counts(session: Session, year: int, on: date, region_code: str = "") -> YearCounts:
    """compliance()'s verdicts of `year` as of `on` counted per court, "exempt" left out
    (the start page's chart), and AcademyWatch's T-1 lists of `on` (issue 12).
    """
    rules = rule_set_for(session, year)
    out = YearCounts(on)
    region = _in_region(region_code)
    exempt = _partly_exempt(year)
    special = tuple(
        _uuid(pid)
        for pid in session.scalars(select(Person.id).where(Person.id.in_(exempt), *region))
    )
    if special:
        flt = ComplianceFilter(year=year, region_code=region_code, person_ids=special)
        _add_rows(session, out, compliance(session, flt, on, rules))
    plain = [Person.id.not_in(exempt), *region]
    for role in sorted(session.scalars(select(Person.role).where(*plain).distinct())):
        _count_role(session, out, rules.role_rule(role), role, year, plain)
    return out


def _uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _day(value: Any) -> date:
    # A computed date comes back as ISO text on SQLite
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _in_region(region_code: str) -> list[Any]:
    if not region_code:
        return []
    return [Person.court_id.in_(select(Court.id).where(Court.region_code == region_code))]


def _partly_exempt(year: int) -> Any:
    """People with an exempt period in the year (C-4), as compliance()'s _exempt_periods."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    return (
        select(Period.person_id)
        .where(
            Period.status.in_(EXEMPT_PERSON_STATUSES),
            Period.starts_on <= last,
            or_(Period.ends_on.is_(None), Period.ends_on >= first),
        )
        .union(
            select(CpdExemption.person_id).where(
                CpdExemption.starts_on <= last, CpdExemption.ends_on >= first
            )
        )
        .scalar_subquery()
    )


def _add_rows(session: Session, out: YearCounts, rows: list[ComplianceRow]) -> None:
    """Verdicts judged one by one (the partly exempt), counted as the chart and AcademyWatch."""
    keys: dict[uuid.UUID, str] = {}
    ids = [r.person_id for r in rows]
    for i in range(0, len(ids), 500):  # SQLite limits the number of bound parameters
        found = select(Person.id, Person.sort_key).where(Person.id.in_(ids[i : i + 500]))
        keys.update((_uuid(pid), key) for pid, key in session.execute(found))
    end = date(out.on.year, 12, 31)
    for r in rows:
        if r.status != "exempt":
            c = out.courts[r.court_id]
            c[0] += 1
            c[1 + STATUSES.index(r.status)] += 1
            out.points[r.court_id] += r.earned
        due, order = r.academy_due, (keys[r.person_id], r.person_id.hex, r.full_name)
        if due is not None and due < out.on:
            out.overdue.add(1, due, [(r.full_name, *order)])
        elif due is not None and due <= end:
            out.coming.add(1, due, [(due, sort_key(r.full_name), *order)])


def _academy_last(year: int) -> Any:
    """The end of each person's last confirmed Academy course by the year's end (T-1)."""
    return (
        select(CpdActivity.person_id, func.max(CpdActivity.ends_on).label("last"))
        .where(
            CpdActivity.form_id.in_(select(CpdForm.id).where(CpdForm.academy.is_(True))),
            CpdActivity.state == "confirmed",
            CpdActivity.ends_on <= date(year, 12, 31),
        )
        .group_by(CpdActivity.person_id)
        .subquery()
    )


def _count_role(
    session: Session, out: YearCounts, rule: RoleRule, role: str, year: int, plain: list[Any]
) -> None:
    """One role's people with no exempt day: compliance()'s verdicts as grouped SQL."""
    every, on, year_end = rule.academy_every_years, out.on, date(year, 12, 31)
    if rule.min_points == 0 and every <= 0:
        return  # every verdict is "exempt": not on the chart, no course due
    finished = on > year_end
    short = "not_compliant" if finished else "at_risk"
    earned = func.coalesce(CpdYearPoints.confirmed_cents, 0)
    enough = earned >= math.ceil(rule.min_points * 100)  # hundredths of a point
    by_points = case((enough, literal("compliant")), else_=literal(short))
    academy = _academy_last(year)
    base = func.coalesce(academy.c.last, Person.first_appointed_on)
    status: Any = by_points
    if every > 0:
        # verdict(): a course due before the reference day is a breach; one due by the
        # year's end a risk (a breach once the year is over) whatever the points.
        ref = year_end if finished else on
        status = case(
            (base.is_(None), by_points if rule.min_points else literal("exempt")),
            (base < first_base(ref, every), literal("not_compliant")),
            (base < first_base(year_end + timedelta(days=1), every), literal(short)),
            else_=by_points,
        )
    people = (
        select(Person.court_id, status.label("status"), earned.label("earned"))
        .outerjoin(academy, academy.c.person_id == Person.id)
        .outerjoin(
            CpdYearPoints,
            and_(CpdYearPoints.person_id == Person.id, CpdYearPoints.year == year),
        )
        .where(Person.role == role, *plain)
        .subquery()
    )
    counted = select(
        people.c.court_id, people.c.status, func.count(), func.sum(people.c.earned)
    ).group_by(people.c.court_id, people.c.status)
    for court, verdict, n, cents in session.execute(counted):
        if verdict == "exempt":
            continue
        court_id = _uuid(court) if court is not None else None
        c = out.courts[court_id]
        c[0] += n
        c[1 + STATUSES.index(verdict)] += n
        out.points[court_id] += Decimal(int(cents or 0)).scaleb(-2)
    if every > 0:
        _academy_lists(session, out, every, base, academy, role, plain)


def _academy_lists(
    session: Session,
    out: YearCounts,
    every: int,
    base: Any,
    academy: Any,
    role: str,
    plain: list[Any],
) -> None:
    """AcademyWatch's two T-1 lists for one role's people with no exempt day."""
    on, end = out.on, date(out.on.year, 12, 31)
    due_before_on, due_after_end = first_base(on, every), first_base(end + timedelta(1), every)
    name: Any = func.trim(Person.surname + " " + Person.first_name + " " + Person.patronymic)
    if session.get_bind().dialect.name == "postgresql":
        name = name.collate("C")  # the order of Python's str, as AcademyWatch sorts

    def of(*where: Any) -> Any:
        return (
            select(*[])
            .select_from(Person)
            .outerjoin(academy, academy.c.person_id == Person.id)
            .where(Person.role == role, *plain, base.is_not(None), *where)
        )

    overdue = (base < due_before_on,)
    n, first = session.execute(of(*overdue).add_columns(func.count(), func.min(base))).one()
    if n:
        names = of(*overdue).add_columns(name, Person.sort_key, Person.id)
        rows = session.execute(names.order_by(name, Person.sort_key, Person.id).limit(50))
        top: list[tuple[Any, ...]] = [(f, key, _uuid(pid).hex, f) for f, key, pid in rows]
        out.overdue.add(n, add_years(_day(first), every), top)
    coming = (base >= due_before_on, base < due_after_end)
    n, first = session.execute(of(*coming).add_columns(func.count(), func.min(base))).one()
    if n:
        # The names shown are among the earliest bases; the 50th base plus a day takes in
        # every base whose course falls due the same day (29 February).
        bases = of(*coming).add_columns(base).order_by(base).limit(NAMES_SHOWN)
        last = max(_day(b) for (b,) in session.execute(bases)) + timedelta(days=1)
        names = of(*coming, base <= last).add_columns(name, Person.sort_key, Person.id, base)
        top = []
        for full, key, pid, b in session.execute(names):
            due = add_years(_day(b), every)
            top.append((due, sort_key(full), key, _uuid(pid).hex, full))
        out.coming.add(n, add_years(_day(first), every), top)
