"""Compliance per person and year: points vs minimum, exemptions, the Academy rule (C-2, C-4, T-1).

One pass for the whole country: a handful of grouped queries (the activity table is read through
its covering index on year, person, state and points) and a loop in Python over people.
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.cpd.dto import ComplianceFilter, ComplianceRow, CourtCount, RuleSetDTO
from app.cpd.rules import rule_set_for
from app.cpd.vocab import EXEMPT_PERSON_STATUSES
from app.people.experience import add_years
from db.models import (
    Court,
    CpdActivity,
    CpdExemption,
    CpdForm,
    Person,
    PersonStatusPeriod,
)

ZERO = Decimal(0)


def covered_days(periods: Iterable[tuple[date, date | None]], year: int) -> int:
    """Days of a year covered by the union of periods (an open end runs to the year's end)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    spans = sorted(
        (max(s, first), min(e or last, last))
        for s, e in periods
        if s <= last and (e is None or e >= first)
    )
    total, cur_start, cur_end = 0, None, None
    for s, e in spans:
        if e < s:
            continue
        if cur_end is None or s > cur_end + timedelta(days=1):
            if cur_end is not None and cur_start is not None:
                total += (cur_end - cur_start).days + 1
            cur_start, cur_end = s, e
        elif e > cur_end:
            cur_end = e
    if cur_end is not None and cur_start is not None:
        total += (cur_end - cur_start).days + 1
    return total


def required_points(minimum: Decimal, exempt: int, year: int, mode: str) -> Decimal:
    """The minimum of a partly exempt year, per the rule set's setting (C-4).

    "prorata": the minimum times the share of days not exempt, rounded up to a whole point;
    "full": the whole minimum unless every day is exempt; "any": nothing if any day is exempt.
    A year exempt every day always requires nothing.
    """
    days = (date(year, 12, 31) - date(year, 1, 1)).days + 1
    if exempt >= days:
        return ZERO
    if mode == "any" and exempt > 0:
        return ZERO
    if mode == "prorata" and exempt > 0:
        share = Decimal(days - exempt) / Decimal(days)
        return Decimal(math.ceil(minimum * share))
    return minimum


def academy_due(
    last_course: date | None, first_appointed: date | None, every_years: int
) -> date | None:
    """When the next Academy of Justice course falls due (T-1): N years after the last one,
    or after the first appointment when there was none yet.
    """
    if every_years <= 0:
        return None
    start = last_course or first_appointed
    return add_years(start, every_years) if start else None


def verdict(required: Decimal, earned: Decimal, year: int, as_of: date, due: date | None) -> str:
    """compliant / at_risk / not_compliant / exempt for one person and year (C-2, T-1).

    The Academy rule counts when its due date has passed by the end of the year (or by as_of,
    for the year in progress); a due date inside the running year is a risk, not yet a breach.
    """
    year_end = date(year, 12, 31)
    finished = as_of > year_end
    ref = year_end if finished else as_of
    academy_overdue = due is not None and due < ref
    academy_soon = due is not None and not academy_overdue and due <= year_end
    if required == 0 and not academy_overdue and not academy_soon:
        return "exempt"
    if academy_overdue:
        return "not_compliant"
    if earned >= required and not academy_soon:
        return "compliant"
    if finished:
        return "not_compliant"
    return "at_risk"


def _people(
    session: Session, flt: ComplianceFilter
) -> list[tuple[uuid.UUID, str, str, str, uuid.UUID | None, date | None]]:
    stmt = select(
        Person.id,
        Person.iin,
        Person.surname,
        Person.first_name,
        Person.patronymic,
        Person.role,
        Person.court_id,
        Person.first_appointed_on,
    )
    if flt.court_id is not None:
        stmt = stmt.where(Person.court_id == flt.court_id)
    if flt.region_code:
        stmt = stmt.where(
            Person.court_id.in_(select(Court.id).where(Court.region_code == flt.region_code))
        )
    if flt.role:
        stmt = stmt.where(Person.role == flt.role)
    if flt.person_ids:
        stmt = stmt.where(Person.id.in_(flt.person_ids))
    return [
        (
            r.id,
            r.iin,
            " ".join(p for p in (r.surname, r.first_name, r.patronymic) if p),
            r.role,
            r.court_id,
            r.first_appointed_on,
        )
        for r in session.execute(stmt.order_by(Person.sort_key, Person.id))
    ]


def _points(
    session: Session, year: int
) -> tuple[dict[uuid.UUID, Decimal], dict[uuid.UUID, Decimal]]:
    earned: dict[uuid.UUID, Decimal] = {}
    pending: dict[uuid.UUID, Decimal] = {}
    stmt = (
        select(CpdActivity.person_id, CpdActivity.state, func.sum(CpdActivity.points))
        .where(CpdActivity.year == year, CpdActivity.state != "rejected")
        .group_by(CpdActivity.person_id, CpdActivity.state)
    )
    for person_id, state, total in session.execute(stmt):
        (earned if state == "confirmed" else pending)[person_id] = Decimal(total)
    return earned, pending


def _exempt_periods(session: Session, year: int) -> dict[uuid.UUID, list[tuple[date, date | None]]]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    periods: dict[uuid.UUID, list[tuple[date, date | None]]] = defaultdict(list)
    for r in session.execute(
        select(
            PersonStatusPeriod.person_id, PersonStatusPeriod.starts_on, PersonStatusPeriod.ends_on
        ).where(
            PersonStatusPeriod.status.in_(EXEMPT_PERSON_STATUSES),
            PersonStatusPeriod.starts_on <= last,
            or_(PersonStatusPeriod.ends_on.is_(None), PersonStatusPeriod.ends_on >= first),
        )
    ):
        periods[r.person_id].append((r.starts_on, r.ends_on))
    for r in session.execute(
        select(CpdExemption.person_id, CpdExemption.starts_on, CpdExemption.ends_on).where(
            CpdExemption.starts_on <= last, CpdExemption.ends_on >= first
        )
    ):
        periods[r.person_id].append((r.starts_on, r.ends_on))
    return periods


def _academy_last(session: Session, year: int) -> dict[uuid.UUID, date]:
    academy_forms = select(CpdForm.id).where(CpdForm.academy.is_(True))
    stmt = (
        select(CpdActivity.person_id, func.max(CpdActivity.ends_on))
        .where(
            and_(
                CpdActivity.form_id.in_(academy_forms),
                CpdActivity.state == "confirmed",
                CpdActivity.ends_on <= date(year, 12, 31),
            )
        )
        .group_by(CpdActivity.person_id)
    )
    return {pid: last for pid, last in session.execute(stmt)}


def compliance(
    session: Session,
    flt: ComplianceFilter,
    as_of: date | None = None,
    rules: RuleSetDTO | None = None,
) -> list[ComplianceRow]:
    """Every matching person's verdict for the year, judged by the rules in force for it (C-9)."""
    as_of = as_of or date.today()
    year = flt.year
    rules = rules or rule_set_for(session, year)
    earned, pending = _points(session, year)
    periods = _exempt_periods(session, year)
    academy = (
        _academy_last(session, year)
        if any(r.academy_every_years for r in rules.roles.values())
        else {}
    )
    rows: list[ComplianceRow] = []
    role_rules = {role: rules.role_rule(role) for role in rules.roles}
    mode = rules.partial_exemption
    for pid, iin, name, role, court_id, appointed in _people(session, flt):
        rule = role_rules.get(role) or rules.role_rule(role)
        exempt = covered_days(periods[pid], year) if pid in periods else 0
        required = required_points(rule.min_points, exempt, year, mode)
        last = academy.get(pid)
        due = academy_due(last, appointed, rule.academy_every_years) if required else None
        got = earned.get(pid, ZERO)
        status = verdict(required, got, year, as_of, due)
        if flt.status and status != flt.status:
            continue
        rows.append(
            ComplianceRow(
                person_id=pid,
                iin=iin,
                full_name=name,
                role=role,
                court_id=court_id,
                year=year,
                required=required,
                earned=got,
                pending=pending.get(pid, ZERO),
                exempt_days=exempt,
                academy_last=last,
                academy_due=due,
                status=status,
                rule_year=rules.effective_year,
            )
        )
    return rows


def person_compliance(
    session: Session, person_id: uuid.UUID, year: int, as_of: date | None = None
) -> ComplianceRow:
    """One person's verdict for a year."""
    rows = compliance(session, ComplianceFilter(year=year, person_ids=(person_id,)), as_of)
    if not rows:
        from app.errors import NotFoundError
        from i18n import N_

        raise NotFoundError(N_("This person was deleted by someone else."))
    return rows[0]


def counts_by_court(session: Session, rows: list[ComplianceRow]) -> list[CourtCount]:
    """Verdicts counted per court, courts in hierarchy order."""
    acc: dict[uuid.UUID | None, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    pts: dict[uuid.UUID | None, Decimal] = defaultdict(Decimal)
    index = {"compliant": 1, "at_risk": 2, "not_compliant": 3, "exempt": 4}
    for r in rows:
        c = acc[r.court_id]
        c[0] += 1
        c[index[r.status]] += 1
        pts[r.court_id] += r.earned
    courts = {
        c.id: c
        for c in session.scalars(
            select(Court).where(Court.id.in_([k for k in acc if k is not None]))
        )
    }
    rank = {"supreme": 0, "regional": 1, "district": 2}
    result = []
    for court_id, c in acc.items():
        court = courts.get(court_id) if court_id else None
        result.append(
            (
                (rank.get(court.level, 3), court.sort_key) if court else (9, ""),
                CourtCount(
                    court_id,
                    court.name_kk if court else "",
                    court.name_ru if court else "",
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    pts[court_id],
                ),
            )
        )
    return [cc for _key, cc in sorted(result, key=lambda x: x[0])]


def status_totals(rows: list[ComplianceRow]) -> dict[str, int]:
    """How many people have each verdict."""
    totals = {"compliant": 0, "at_risk": 0, "not_compliant": 0, "exempt": 0}
    for r in rows:
        totals[r.status] += 1
    return totals
