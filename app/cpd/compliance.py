"""Compliance per person and year: points vs minimum, exemptions, the Academy rule (C-2, C-4, T-1).

One pass for the whole country: a handful of grouped queries (the activity table is read through
its covering index on year, person, state and points) and a loop in Python over people.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.core.bulk import collector_paused
from app.cpd.dto import ComplianceFilter, ComplianceRow, RuleSetDTO
from app.cpd.rules import rule_set_for
from app.cpd.vocab import EXEMPT_PERSON_STATUSES
from app.cpd.year_verdict import academy_due, covered_days, required_points, verdict
from db.models import (
    Court,
    CpdActivity,
    CpdExemption,
    CpdForm,
    Person,
    PersonStatusPeriod,
)
from i18n import current_language

Key = object  # a person or court id as the driver returns it: hex text (SQLite) or UUID


def _raw(column: Any) -> Any:
    # The national pass touches 50,000 people and ~250,000 activity rows: converting every id to
    # uuid.UUID and every sum to Decimal inside SQLAlchemy cost more than the queries themselves,
    # so ids stay as the driver returns them and are converted once per output row.
    # String has no result processing on SQLite and psycopg: values arrive as the driver
    # gives them.
    return type_coerce(column, String())


def _uuid(value: Any) -> uuid.UUID:
    # From the int: UUID(hex=) cleans the text of prefixes and braces first, which the 32 hex
    # digits SQLAlchemy stores never have (a quarter of the conversion's time).
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(int=int(value, 16))
    except ValueError:  # an id written with dashes by hand, as UUID(hex=) accepted
        return uuid.UUID(hex=str(value))


def _people(session: Session, flt: ComplianceFilter) -> list[Any]:
    stmt = select(
        _raw(Person.id),
        Person.iin,
        # One concatenated column: fewer values to carry through the driver and the Row.
        func.trim(Person.surname + " " + Person.first_name + " " + Person.patronymic),
        Person.role,
        _raw(Person.court_id),
        _raw(Person.first_appointed_on),
        Person.name_order(current_language()),  # P-2: the alphabet of the language shown
    )
    if flt.court_id is not None:
        stmt = stmt.where(Person.court_id == flt.court_id)
    if flt.region_code:
        stmt = stmt.where(
            Person.court_id.in_(select(Court.id).where(Court.region_code == flt.region_code))
        )
    if flt.role:
        stmt = stmt.where(Person.role == flt.role)
    if not flt.person_ids:
        rows = _tuples(session, stmt)
    else:
        ids = flt.person_ids  # in chunks: SQLite limits the number of bound parameters
        rows = []
        for i in range(0, len(ids), 500):
            rows += _tuples(session, stmt.where(Person.id.in_(ids[i : i + 500])))
    # Ordered here, not by SQL: the sort key is digits only (any collation orders it as
    # Python does) and ids compare as their bytes; SQLite's ORDER BY read the table through an
    # index, one random lookup per person, and took twice as long as a plain scan and this sort.
    rows.sort(key=itemgetter(0))  # id, then (stable) the sort key
    rows.sort(key=itemgetter(6))
    return rows


def _tuples(session: Session, stmt: Any) -> list[Any]:
    # The driver's own tuples: for 50,000 rows the Core Row objects cost more than the query.
    # SQLAlchemy still compiles and binds; no column here has a result processor to skip
    # (ids, dates and sums are taken raw on purpose).
    result = session.connection().execute(stmt)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


def _for_people(stmt: Any, ids: tuple[uuid.UUID, ...]) -> list[Any]:
    # A few named people (printing, one person's view) need not group the whole year.
    if not ids:
        return [stmt]
    return [
        stmt.where(CpdActivity.person_id.in_(ids[i : i + 500])) for i in range(0, len(ids), 500)
    ]


def _points(
    session: Session, year: int, ids: tuple[uuid.UUID, ...] = ()
) -> tuple[dict[Key, Any], dict[Key, Any]]:
    earned: dict[Key, Any] = {}
    pending: dict[Key, Any] = {}
    stmt = (
        select(_raw(CpdActivity.person_id), CpdActivity.state, _raw(func.sum(CpdActivity.points)))
        .where(CpdActivity.year == year, CpdActivity.state != "rejected")
        .group_by(CpdActivity.person_id, CpdActivity.state)
    )
    for part in _for_people(stmt, ids):
        for person_id, state, total in _tuples(session, part):
            (earned if state == "confirmed" else pending)[person_id] = total
    return earned, pending


def _exempt_periods(session: Session, year: int) -> dict[Key, list[tuple[date, date | None]]]:
    first, last = date(year, 1, 1), date(year, 12, 31)
    periods: dict[Key, list[tuple[date, date | None]]] = defaultdict(list)
    for r in session.execute(
        select(
            _raw(PersonStatusPeriod.person_id),
            PersonStatusPeriod.starts_on,
            PersonStatusPeriod.ends_on,
        ).where(
            PersonStatusPeriod.status.in_(EXEMPT_PERSON_STATUSES),
            PersonStatusPeriod.starts_on <= last,
            or_(PersonStatusPeriod.ends_on.is_(None), PersonStatusPeriod.ends_on >= first),
        )
    ):
        periods[r[0]].append((r[1], r[2]))
    for r in session.execute(
        select(_raw(CpdExemption.person_id), CpdExemption.starts_on, CpdExemption.ends_on).where(
            CpdExemption.starts_on <= last, CpdExemption.ends_on >= first
        )
    ):
        periods[r[0]].append((r[1], r[2]))
    return periods


def _academy_last(session: Session, year: int, ids: tuple[uuid.UUID, ...] = ()) -> dict[Key, Any]:
    academy_forms = select(CpdForm.id).where(CpdForm.academy.is_(True))
    stmt = (
        select(_raw(CpdActivity.person_id), _raw(func.max(CpdActivity.ends_on)))
        .where(
            and_(
                CpdActivity.form_id.in_(academy_forms),
                CpdActivity.state == "confirmed",
                CpdActivity.ends_on <= date(year, 12, 31),
            )
        )
        .group_by(CpdActivity.person_id)
    )
    result: dict[Key, Any] = {}
    for part in _for_people(stmt, ids):
        result.update(dict(_tuples(session, part)))
    return result


class _Decimals(dict[Any, Decimal]):
    """Sums as the driver gives them, each distinct value converted to Decimal once."""

    def __missing__(self, value: Any) -> Decimal:
        found = self[value] = Decimal(str(value))
        return found


class _Days(dict[Any, date | None]):
    """Dates as the driver gives them (ISO text on SQLite), each distinct one parsed once."""

    def __missing__(self, value: Any) -> date | None:
        if value is None or isinstance(value, date):
            found = self[value] = value
        else:
            found = self[value] = date.fromisoformat(str(value)[:10])
        return found


class _Dues(dict[Any, date | None]):
    """T-1 due dates by the raw date they count from; ~36,000 judges share a few thousand."""

    def __init__(self, days: _Days, every_years: int) -> None:
        super().__init__()
        self._days, self._every = days, every_years

    def __missing__(self, start: Any) -> date | None:
        found = self[start] = academy_due(self._days[start], None, self._every)
        return found


def compliance(
    session: Session,
    flt: ComplianceFilter,
    as_of: date | None = None,
    rules: RuleSetDTO | None = None,
) -> list[ComplianceRow]:
    """Every matching person's verdict for the year, judged by the rules in force for it (C-9)."""
    with collector_paused():
        return list(_compliance(session, flt, as_of or date.today(), rules))


def streamed(
    session: Session, flt: ComplianceFilter, as_of: date, rules: RuleSetDTO | None = None
) -> Iterator[ComplianceRow]:
    """compliance()'s rows one by one, for a caller that only counts them (the start page:
    50,000 verdicts kept at once were its memory peak, issue 11). The caller does no other
    read while it consumes them.
    """
    with collector_paused():
        yield from _compliance(session, flt, as_of, rules)


def _compliance(
    session: Session, flt: ComplianceFilter, as_of: date, rules: RuleSetDTO | None
) -> Iterator[ComplianceRow]:
    year = flt.year
    rules = rules or rule_set_for(session, year)
    earned, pending = _points(session, year, flt.person_ids)
    periods = _exempt_periods(session, year)
    academy = (
        _academy_last(session, year, flt.person_ids)
        if any(r.academy_every_years for r in rules.roles.values())
        else {}
    )
    role_rules = {role: rules.role_rule(role) for role in rules.roles}
    mode = rules.partial_exemption
    numbers, days = _Decimals(), _Days()
    dues = {
        every: _Dues(days, every)
        for every in {0, *(r.academy_every_years for r in role_rules.values())}
    }
    courts: dict[Any, uuid.UUID | None] = {None: None}
    rule_year, wanted = rules.effective_year, flt.status
    finished = as_of > date(year, 12, 31)
    short = "not_compliant" if finished else "at_risk"
    verdicts: dict[tuple[Decimal, Decimal, date | None], str] = {}
    for pid, iin, name, role, court, appointed, _key in _people(session, flt):
        rule = role_rules.get(role) or rules.role_rule(role)
        every = rule.academy_every_years
        last_raw = academy.get(pid)
        if pid in periods:
            exempt = covered_days(periods[pid], year)
            required = required_points(rule.min_points, exempt, year, mode)
            # T-1 binds unless the exemption frees the person (C-4), whatever the points
            # minimum: judges have the Academy course and no points minimum (C scope).
            bound = required_points(Decimal(1), exempt, year, mode) > 0
        else:
            exempt, required, bound = 0, rule.min_points, True
        # The course counts from the last one, or from the first appointment (T-1).
        due = dues[every][last_raw or appointed] if bound and every else None
        got = numbers[earned.get(pid, 0)]
        if due is None and required:  # the common case, as verdict() decides it
            status = "compliant" if got >= required else short
        else:  # a few hundred distinct inputs among 36,000 judges
            key = (required, got, due)
            status = verdicts.get(key) or verdicts.setdefault(
                key, verdict(required, got, year, as_of, due)
            )
        if wanted and status != wanted:
            continue
        if court not in courts:
            courts[court] = _uuid(court)
        yield (
            _row(
                person_id=_uuid(pid),
                iin=iin,
                full_name=name,
                role=role,
                court_id=courts[court],
                year=year,
                required=required,
                earned=got,
                pending=numbers[pending.get(pid, 0)],
                exempt_days=exempt,
                academy_last=days[last_raw],
                academy_due=due,
                status=status,
                rule_year=rule_year,
            )
        )


def _row(**values: Any) -> ComplianceRow:
    # ComplianceRow without its frozen __init__ (fourteen object.__setattr__ calls, a fifth of
    # the national pass): the keywords are its fields, checked by the test of this module.
    row = _NEW(ComplianceRow)
    row.__dict__.update(values)
    return row


_NEW = object.__new__


def person_compliance(
    session: Session, person_id: uuid.UUID, year: int, as_of: date | None = None
) -> ComplianceRow:
    """One person's verdict for a year."""
    rows = compliance(session, ComplianceFilter(year=year, person_ids=(person_id,)), as_of)
    if not rows:
        from app.core.errors import NotFoundError
        from i18n import N_

        raise NotFoundError(N_("This person was deleted by someone else."))
    return rows[0]
