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

from sqlalchemy import String, func, literal_column, select, type_coerce
from sqlalchemy.orm import Session

from app.cpd.compliance_reads import exempt_periods
from app.cpd.dto import RoleRule
from app.cpd.rules import rule_set_for
from app.cpd.year_verdict import covered_days, required_points, verdict
from app.people.experience import add_years
from db.models import Court, CpdActivity, CpdForm, CpdYearPoints, Person
from i18n.collation import sort_key

NAMES_SHOWN = 50
STATUSES = ("compliant", "at_risk", "not_compliant", "exempt")
NAMES_PAGE = 400  # names read per page while looking for the first overdue ones


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
    roles = {
        role: rules.role_rule(role) for role in session.scalars(select(Person.role).distinct())
    }
    # A role with neither a minimum nor the course gets "exempt" verdicts only: not counted.
    bound = {
        r: rule for r, rule in roles.items() if rule.min_points or rule.academy_every_years > 0
    }
    if bound:
        _Plain(session, out, year, _in_region(region_code)).count(bound, rules.partial_exemption)
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


def _raw(column: Any) -> Any:
    # Values as the driver gives them (hex text and ISO dates on SQLite): 50,000 ids and
    # dates converted by SQLAlchemy cost more than the queries (as in compliance.py).
    return type_coerce(column, String())


def _rows(session: Session, stmt: Any) -> list[Any]:
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


class _Plain:
    """The people with no exempt day in the year: compliance()'s verdicts from narrow reads
    (ids, roles, courts, first appointments; the kept sums; the last Academy courses).
    """

    def __init__(self, session: Session, out: YearCounts, year: int, region: list[Any]) -> None:
        self.session, self.out, self.year, self.region = session, out, year, region
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def day(self, d: date) -> Any:
        """A date as the driver gives them, to compare with raw values."""
        return d.isoformat() if self.sqlite else d

    def count(self, bound: dict[str, RoleRule], mode: str) -> None:
        """Count the verdicts and fill the T-1 lists."""
        out, on, year_end = self.out, self.out.on, date(self.year, 12, 31)
        finished = on > year_end
        short = "not_compliant" if finished else "at_risk"
        ref, end = (year_end if finished else on), date(on.year, 12, 31)
        after = year_end + timedelta(days=1)
        # Per role: (every, minimum in hundredths, breach before, risk before; and for the
        # T-1 lists: due before `on`, due by `on`'s year end), thresholds on the base date.
        rule_of = {}
        for role, rule in bound.items():
            e = rule.academy_every_years
            bases = (
                tuple(self.day(first_base(d, e)) for d in (ref, after, on, end + timedelta(1)))
                if e > 0
                else (None,) * 4
            )
            rule_of[role] = (e, math.ceil(rule.min_points * 100), *bases)
        people = select(
            _raw(Person.id), Person.role, _raw(Person.court_id), _raw(Person.first_appointed_on)
        ).where(Person.role.in_(list(bound)), *self.region)
        earned_of = select(_raw(CpdYearPoints.person_id), CpdYearPoints.confirmed_cents).where(
            CpdYearPoints.year == self.year
        )
        academy_of = _academy_last(self.year)
        if self.region:
            # A region's sums and courses only: the country's 50,000 were most of a region's
            # start page on the national store (issue 12)
            ids = people.with_only_columns(Person.id)
            earned_of = earned_of.where(CpdYearPoints.person_id.in_(ids))
            academy_of = academy_of.where(CpdActivity.person_id.in_(ids))
        earned = dict(_rows(self.session, earned_of))
        academy = dict(_rows(self.session, academy_of))
        periods = exempt_periods(self.session, self.year)
        acc: dict[Any, list[int]] = defaultdict(_zeros)
        pts: dict[Any, int] = defaultdict(int)
        overdue: list[Any] = []
        coming: dict[int, list[tuple[Any, Any]]] = defaultdict(list)  # by the role's interval
        soonest: dict[int, Any] = {}  # the earliest overdue base by the role's interval
        index = {s: 1 + STATUSES.index(s) for s in STATUSES}
        for pid, role, court, appointed in _rows(self.session, people):
            every, minimum, breach, risk, t_on, t_end = rule_of[role]
            base = academy.get(pid) or appointed
            got = earned.get(pid, 0)
            by_points = "compliant" if got >= minimum else short
            if pid in periods:  # a few thousand: judged one by one, as compliance() does (C-4)
                status, freed = self.exempt_verdict(periods[pid], bound[role], mode, base, got)
                if freed:
                    base = None  # the exemption frees them from the course
            elif not every or base is None:
                status = by_points if minimum else "exempt"
            elif base < breach:
                status = "not_compliant"
            elif base < risk:
                status = short
            else:
                status = by_points
            if status != "exempt":
                c = acc[court]
                c[0] += 1
                c[index[status]] += 1
                pts[court] += got
            if every and base is not None:
                if base < t_on:
                    overdue.append(pid)
                    if every not in soonest or base < soonest[every]:
                        soonest[every] = base
                elif base < t_end:
                    coming[every].append((base, pid))
        for court, c in acc.items():
            court_id = _uuid(court) if court is not None else None
            counted = out.courts[court_id]
            for k in range(5):
                counted[k] += c[k]
            out.points[court_id] += Decimal(pts[court]).scaleb(-2)
        if overdue:
            first = min(add_years(_day(b), every) for every, b in soonest.items())
            out.overdue.add(len(overdue), first, self.overdue_names(bound, set(overdue)))
        for every, due in coming.items():
            self.add_coming(every, due)

    def exempt_verdict(
        self,
        periods: list[tuple[date, date | None]],
        rule: RoleRule,
        mode: str,
        base: Any,
        got: int,
    ) -> tuple[str, bool]:
        """compliance()'s verdict of a partly exempt year (`base`: the date the course counts
        from; `got`: confirmed hundredths of a point), and whether it frees from T-1.
        """
        exempt = covered_days(periods, self.year)
        required = required_points(rule.min_points, exempt, self.year, mode)
        freed = required_points(Decimal(1), exempt, self.year, mode) == 0
        every = rule.academy_every_years
        due = None if freed or not every or base is None else add_years(_day(base), every)
        return verdict(required, Decimal(got).scaleb(-2), self.year, self.out.on, due), freed

    def _name(self) -> Any:
        # The spaces as literals, not bound parameters: SQLite then orders by its index of this
        # very expression (migration 0621)
        space = literal_column("' '", String)
        name: Any = func.trim(
            Person.surname + space + Person.first_name + space + Person.patronymic
        )
        # AcademyWatch sorts names as Python's str does: by code point, as "C" on PostgreSQL
        return name if self.sqlite else name.collate("C")

    def overdue_names(self, bound: dict[str, RoleRule], overdue: set[Any]) -> list[Any]:
        """The first names of the overdue, as AcademyWatch orders them (name, then arrival)."""
        stmt = self.names_in_order(list(bound))
        top: list[tuple[Any, ...]] = []
        # Pages with a LIMIT: the database then keeps only a page's rows while it sorts the
        # 50,000 names, instead of sorting them all for the first few hundred (issue 12).
        # The order is total (the id last), so the pages follow each other exactly.
        page, offset = NAMES_PAGE, 0
        while len(top) < NAMES_SHOWN:
            part = _rows(self.session, stmt.limit(page).offset(offset))
            top += [(n, k, _uuid(p).hex, n) for n, k, p in part if p in overdue]
            if len(part) < page:
                break
            offset, page = offset + page, page * 4
        return top[:NAMES_SHOWN]

    def names_in_order(self, roles: list[str]) -> Any:
        """Full name, sort key and id of the people of `roles`, in AcademyWatch's order."""
        name = self._name()
        role: Any = Person.role
        if not self.region:
            # `role || ''` keeps SQLite (no statistics) off the index of roles: it then walks
            # the index of full names in order (migration 0621) and stops at the page's end,
            # where it had sorted all 50,000 names for each page (issue 12). A region's few
            # thousand people are found through its courts and sorted.
            role = Person.role + literal_column("''", String)
        return (
            select(name, Person.sort_key, _raw(Person.id))
            .where(role.in_(roles), *self.region)
            .order_by(name, Person.sort_key, Person.id)
        )

    def add_coming(self, every: int, coming: list[tuple[Any, Any]]) -> None:
        """Courses falling due by the year's end (one interval): the earliest bases' names."""
        coming.sort(key=lambda c: c[0])
        # The 50th base plus a day takes in every base whose course falls due the same day
        # (29 February), so the exact order below has all it needs.
        last = self.day(_day(coming[min(NAMES_SHOWN, len(coming)) - 1][0]) + timedelta(1))
        chosen = {pid: base for base, pid in coming if base <= last}
        name, top, ids = self._name(), [], [_uuid(pid) for pid in chosen]
        for i in range(0, len(ids), 500):
            stmt = select(name, Person.sort_key, _raw(Person.id)).where(
                Person.id.in_(ids[i : i + 500])
            )
            for n, k, pid in _rows(self.session, stmt):
                due = add_years(_day(chosen[pid]), every)
                top.append((due, sort_key(n), k, _uuid(pid).hex, n))
        self.out.coming.add(len(coming), add_years(_day(coming[0][0]), every), top)


def _academy_last(year: int) -> Any:
    """The end of each person's last confirmed Academy course by the year's end (T-1)."""
    return (
        select(_raw(CpdActivity.person_id), _raw(func.max(CpdActivity.ends_on)))
        .where(
            CpdActivity.form_id.in_(select(CpdForm.id).where(CpdForm.academy.is_(True))),
            CpdActivity.state == "confirmed",
            CpdActivity.ends_on <= date(year, 12, 31),
        )
        .group_by(CpdActivity.person_id)
    )
