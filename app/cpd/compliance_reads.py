"""compliance()'s reads: people, points, exempt periods, Academy courses, values as the driver
gives them (C-2, C-4, T-1).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import String, and_, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.cpd.dto import ComplianceFilter
from app.cpd.vocab import EXEMPT_PERSON_STATUSES
from app.cpd.year_verdict import academy_due
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


def as_uuid(value: Any) -> uuid.UUID:
    # From the int: UUID(hex=) cleans the text of prefixes and braces first, which the 32 hex
    # digits SQLAlchemy stores never have (a quarter of the conversion's time).
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(int=int(value, 16))
    except ValueError:  # an id written with dashes by hand, as UUID(hex=) accepted
        return uuid.UUID(hex=str(value))


def people_rows(session: Session, flt: ComplianceFilter) -> list[Any]:
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


def _for_people(stmt: Any, ids: tuple[uuid.UUID, ...], region_code: str = "") -> list[Any]:
    # A few named people (printing, one person's view) need not group the whole year, nor
    # does one region: the country's sums held at once were the CPD page's peak (issue 11).
    if not ids and region_code:
        region = select(Person.id).join(Court, Court.id == Person.court_id)
        return [
            stmt.where(CpdActivity.person_id.in_(region.where(Court.region_code == region_code)))
        ]
    if not ids:
        return [stmt]
    return [
        stmt.where(CpdActivity.person_id.in_(ids[i : i + 500])) for i in range(0, len(ids), 500)
    ]


def points_of(
    session: Session, year: int, ids: tuple[uuid.UUID, ...] = (), region_code: str = ""
) -> tuple[dict[Key, Any], dict[Key, Any]]:
    earned: dict[Key, Any] = {}
    pending: dict[Key, Any] = {}
    stmt = (
        select(_raw(CpdActivity.person_id), CpdActivity.state, _raw(func.sum(CpdActivity.points)))
        .where(CpdActivity.year == year, CpdActivity.state != "rejected")
        .group_by(CpdActivity.person_id, CpdActivity.state)
    )
    for part in _for_people(stmt, ids, region_code):
        for person_id, state, total in _tuples(session, part):
            (earned if state == "confirmed" else pending)[person_id] = total
    return earned, pending


def exempt_periods(session: Session, year: int) -> dict[Key, list[tuple[date, date | None]]]:
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


def academy_last(
    session: Session, year: int, ids: tuple[uuid.UUID, ...] = (), region_code: str = ""
) -> dict[Key, Any]:
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
    for part in _for_people(stmt, ids, region_code):
        result.update(dict(_tuples(session, part)))
    return result


class Decimals(dict[Any, Decimal]):
    """Sums as the driver gives them, each distinct value converted to Decimal once."""

    def __missing__(self, value: Any) -> Decimal:
        found = self[value] = Decimal(str(value))
        return found


class Days(dict[Any, date | None]):
    """Dates as the driver gives them (ISO text on SQLite), each distinct one parsed once."""

    def __missing__(self, value: Any) -> date | None:
        if value is None or isinstance(value, date):
            found = self[value] = value
        else:
            found = self[value] = date.fromisoformat(str(value)[:10])
        return found


class Dues(dict[Any, date | None]):
    """T-1 due dates by the raw date they count from; ~36,000 judges share a few thousand."""

    def __init__(self, days: Days, every_years: int) -> None:
        super().__init__()
        self._days, self._every = days, every_years

    def __missing__(self, start: Any) -> date | None:
        found = self[start] = academy_due(self._days[start], None, self._every)
        return found
