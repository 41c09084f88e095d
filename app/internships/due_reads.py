"""The due list's reads (I-1): status periods, internships held, latest quality figures."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from db.models import Court, Internship, PersonStatusPeriod, QualityIndicator

Periods = list[tuple[str, date, date | None]]
Held = list[tuple[str, date, date, str]]  # status, start, end, the host court's level


def raw(column: Any) -> Any:
    # Ids as the driver gives them (hex text on SQLite): the national due list reads ~150,000
    # ids, and building a uuid.UUID for each cost more than the queries (issue 12).
    return type_coerce(column, String())


def as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(hex=str(value))


def chunked(result: Any) -> Iterator[Any]:
    # Rows a thousand at a time: iterating a result fetches them one by one, and with 36,000
    # judges the fetch calls cost more than the rows (issue 12). Memory stays bounded.
    while part := result.fetchmany(1000):
        yield from part


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


def raw_periods(
    session: Session, raw_ids: list[Any] | None = None, *, among: Any = None
) -> dict[Any, Periods]:
    """Status periods per raw person id (of all people, of the people given, or of the people
    a subquery of ids selects).
    """
    stmt = select(
        raw(PersonStatusPeriod.person_id),
        PersonStatusPeriod.status,
        PersonStatusPeriod.starts_on,
        PersonStatusPeriod.ends_on,
    )
    if among is not None:
        stmt = stmt.where(PersonStatusPeriod.person_id.in_(among))
    out: dict[Any, Periods] = defaultdict(list)
    for part in _parts(raw_ids):
        where = stmt if part is None else stmt.where(PersonStatusPeriod.person_id.in_(part))
        for pid, status, starts, ends in session.connection().execute(where):
            out[pid].append((status, starts, ends))
    return out


def last_quality(
    session: Session, before: date, raw_ids: list[Any] | None = None, *, among: Any = None
) -> dict[Any, tuple[int, int, Decimal]]:
    """(complaints, overturned, % time limits kept) of each judge's latest period before
    (of all judges, of the people given, or of the people a subquery of ids selects). Of
    periods ending the same day, the one that began last (then the larger id): the due list
    and the start page must agree on it whatever order the database reads them in.
    """
    out = {}
    picked: dict[Any, tuple[Any, ...]] = {}
    for part in _parts(raw_ids):
        latest = select(
            QualityIndicator.person_id, func.max(QualityIndicator.period_end).label("e")
        ).where(QualityIndicator.period_end < before)
        if part is not None:
            latest = latest.where(QualityIndicator.person_id.in_(part))
        if among is not None:
            latest = latest.where(QualityIndicator.person_id.in_(among))
        found = latest.group_by(QualityIndicator.person_id).subquery()
        rows = session.connection().execute(
            select(
                raw(QualityIndicator.person_id),
                QualityIndicator.complaints,
                QualityIndicator.overturned,
                QualityIndicator.time_limits_kept_pct,
                QualityIndicator.period_start,
                raw(QualityIndicator.id),
            ).join(
                found,
                (found.c.person_id == QualityIndicator.person_id)
                & (found.c.e == QualityIndicator.period_end),
            )
        )
        for pid, c, o, k, began, qid in chunked(rows):
            order = (began, qid)
            if pid not in picked or order > picked[pid]:
                picked[pid] = order
                out[pid] = (c, o, k)
    return out


def _parts(raw_ids: list[Any] | None) -> Iterator[list[uuid.UUID] | None]:
    # SQLite limits the number of bound parameters
    if raw_ids is None:
        yield None
        return
    ids = [as_uuid(i) for i in raw_ids]
    for i in range(0, len(ids), 500):
        yield ids[i : i + 500]


def held_internships(session: Session, before: date, among: Any = None) -> dict[Any, Held]:
    """Judges' internships held and ended before a date, with the host court's level, per
    raw person id (of everyone, or of the people a subquery of ids selects): the due loop
    knows each judge's own court, so the people are not joined.
    """
    host = aliased(Court)
    stmt = (
        select(
            raw(Internship.person_id),
            Internship.status,
            Internship.starts_on,
            Internship.ends_on,
            host.level,
        )
        .join(host, host.id == Internship.host_court_id)
        .where(
            Internship.kind == "judge",
            Internship.status == "done",
            Internship.ends_on < before,
        )
    )
    if among is not None:
        stmt = stmt.where(Internship.person_id.in_(among))
    rows = session.connection().execute(stmt)
    out: dict[Any, Held] = defaultdict(list)
    for pid, status, starts, ends, host_level in chunked(rows):
        out[pid].append((status, starts, ends, host_level))
    return out
