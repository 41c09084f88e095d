"""Host places (offers, blackout dates), candidates' places (I-3), holidays, busy periods."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import CANDIDATE_PLACES, INTERNSHIPS_PLAN, require
from db.models import BusyPeriod, CandidatePlaces, Court, Holiday, HostBlackout, HostOffer, Person
from i18n import N_


@dataclass(frozen=True)
class HolidayDTO:
    """A holiday row: every year when year is None."""

    id: uuid.UUID
    year: int | None
    month: int
    day: int
    name_kk: str
    name_ru: str


def _may(actor: Actor, permission: str) -> None:
    require(actor, permission, N_("You may not change internship settings."))


def _period_errors(starts_on: date, ends_on: date) -> list[FieldError]:
    if ends_on < starts_on:
        return [FieldError("ends_on", N_("The end is before the start."))]
    return []


def _host_court(session: Session, court_id: uuid.UUID) -> list[FieldError]:
    court = session.get(Court, court_id)
    if court is None or court.level not in ("regional", "supreme"):
        return [
            FieldError("court_id", N_("Host courts are regional courts and the Supreme Court."))
        ]
    return []


def add_offer(
    session: Session,
    actor: Actor,
    court_id: uuid.UUID,
    *,
    starts_on: date,
    ends_on: date,
    capacity: int,
    kind: str = "judge",
    note: str = "",
) -> uuid.UUID:
    """A host court offers `capacity` places a day over a period."""
    _may(actor, INTERNSHIPS_PLAN)
    errors = _period_errors(starts_on, ends_on) + _host_court(session, court_id)
    if capacity < 1:
        errors.append(FieldError("capacity", N_("At least one place.")))
    if errors:
        raise ValidationError(errors)
    row = HostOffer(
        court_id=court_id,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        kind=kind,
        note=note,
        updated_by=actor.name,
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor,
        "create",
        "internship_host_offer",
        row.id,
        {
            "court_id": [None, str(court_id)],
            "capacity": [None, capacity],
            "starts_on": [None, starts_on.isoformat()],
            "ends_on": [None, ends_on.isoformat()],
        },
    )
    return row.id


def add_blackout(
    session: Session,
    actor: Actor,
    court_id: uuid.UUID,
    *,
    starts_on: date,
    ends_on: date,
    reason: str = "",
) -> uuid.UUID:
    """Dates a host court cannot take interns."""
    _may(actor, INTERNSHIPS_PLAN)
    errors = _period_errors(starts_on, ends_on) + _host_court(session, court_id)
    if errors:
        raise ValidationError(errors)
    row = HostBlackout(
        court_id=court_id,
        starts_on=starts_on,
        ends_on=ends_on,
        reason=reason,
        updated_by=actor.name,
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor,
        "create",
        "internship_host_blackout",
        row.id,
        {"starts_on": [None, starts_on.isoformat()], "ends_on": [None, ends_on.isoformat()]},
    )
    return row.id


def set_candidate_places(
    session: Session, actor: Actor, court_id: uuid.UUID, year: int, places: int
) -> None:
    """HR allocates places for candidates' paid internships at a court for a year (I-3)."""
    _may(actor, CANDIDATE_PLACES)
    if places < 0:
        raise ValidationError([FieldError("places", N_("Cannot be negative."))])
    if session.get(Court, court_id) is None:
        raise ValidationError([FieldError("court_id", N_("Choose the court."))])
    row = session.scalar(
        select(CandidatePlaces).where(
            CandidatePlaces.court_id == court_id, CandidatePlaces.year == year
        )
    )
    old = row.places if row else None
    if row is None:
        row = CandidatePlaces(court_id=court_id, year=year, places=places)
        session.add(row)
    row.places, row.updated_by = places, actor.name
    session.flush()
    record(session, actor, "update", "candidate_places", row.id, {"places": [old, places]})


def candidate_places(session: Session, year: int) -> dict[uuid.UUID, int]:
    """Places per court for candidates in a year (I-3)."""
    return dict(
        session.execute(
            select(CandidatePlaces.court_id, CandidatePlaces.places).where(
                CandidatePlaces.year == year
            )
        ).all()
    )


def list_holidays(session: Session, year: int | None = None) -> list[HolidayDTO]:
    """Holiday rows: every-year rows plus those of one year."""
    stmt = select(Holiday)
    if year is not None:
        stmt = stmt.where((Holiday.year.is_(None)) | (Holiday.year == year))
    rows = sorted(session.scalars(stmt), key=lambda h: (h.year or 0, h.month, h.day))
    return [HolidayDTO(h.id, h.year, h.month, h.day, h.name_kk, h.name_ru) for h in rows]


def save_holiday(
    session: Session,
    actor: Actor,
    *,
    year: int | None,
    month: int,
    day: int,
    name_kk: str,
    name_ru: str,
    holiday_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add or correct a holiday (e.g. the date of Kurban ait of a year)."""
    _may(actor, INTERNSHIPS_PLAN)
    errors: list[FieldError] = []
    try:
        date(year or 2024, month, day)
    except ValueError:
        errors.append(FieldError("day", N_("Not a valid date.")))
    if not name_kk.strip() or not name_ru.strip():
        errors.append(FieldError("name_kk", N_("This field is required.")))
    if errors:
        raise ValidationError(errors)
    row = session.get(Holiday, holiday_id) if holiday_id else None
    if row is None:
        row = Holiday()
        session.add(row)
    row.year, row.month, row.day = year, month, day
    row.name_kk, row.name_ru, row.updated_by = name_kk.strip(), name_ru.strip(), actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "holiday",
        row.id,
        {"date": [None, f"{year or '*'}-{month:02d}-{day:02d}"]},
    )
    return row.id


def delete_holiday(session: Session, actor: Actor, holiday_id: uuid.UUID) -> None:
    """Remove a holiday row."""
    _may(actor, INTERNSHIPS_PLAN)
    row = session.get(Holiday, holiday_id)
    if row is not None:
        session.delete(row)
        record(session, actor, "delete", "holiday", holiday_id, {})


def add_busy_period(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    *,
    starts_on: date,
    ends_on: date,
    source: str,
    note: str = "",
) -> uuid.UUID:
    """The hook other modules use: the person is busy (e.g. a training event) over a period."""
    errors = _period_errors(starts_on, ends_on)
    if session.get(Person, person_id) is None:
        errors.append(FieldError("person_id", N_("Choose the person.")))
    if errors:
        raise ValidationError(errors)
    row = BusyPeriod(
        person_id=person_id,
        starts_on=starts_on,
        ends_on=ends_on,
        source=source,
        note=note,
        updated_by=actor.name,
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor,
        "create",
        "person_busy_period",
        row.id,
        {"source": [None, source], "starts_on": [None, starts_on.isoformat()]},
    )
    return row.id


def delete_offer(session: Session, actor: Actor, offer_id: uuid.UUID) -> None:
    """Withdraw an offer of places (internships already planned stay; the check warns)."""
    _may(actor, INTERNSHIPS_PLAN)
    row = session.get(HostOffer, offer_id)
    if row is not None:
        session.delete(row)
        record(
            session,
            actor,
            "delete",
            "internship_host_offer",
            offer_id,
            {"capacity": [row.capacity, None]},
        )


def delete_blackout(session: Session, actor: Actor, blackout_id: uuid.UUID) -> None:
    """Open closed dates again."""
    _may(actor, INTERNSHIPS_PLAN)
    row = session.get(HostBlackout, blackout_id)
    if row is not None:
        session.delete(row)
        record(
            session,
            actor,
            "delete",
            "internship_host_blackout",
            blackout_id,
            {"reason": [row.reason, None]},
        )
