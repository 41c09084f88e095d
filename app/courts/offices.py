"""Court offices: the small district court and its chairman (M-1), the coordinator (M-6)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import FieldError, NotFoundError, ValidationError
from app.core.permissions import COORDINATOR_NAME, COURTS_EDIT, require
from db.models import Court, CourtOffice, Person, PersonStatusPeriod
from db.models.courts import CHAIRMAN, COORDINATOR
from i18n import N_

__all__ = ["CHAIRMAN", "COORDINATOR", "OfficeDTO"]


@dataclass(frozen=True)
class OfficeDTO:
    """Who holds an office of a court, since when and on what basis."""

    court_id: uuid.UUID
    office: str
    person_id: uuid.UUID
    name: str  # "Surname First Patronymic"
    initials: str  # "Surname F. P." as documents sign
    since: date
    basis: str


def _names(person: Person) -> tuple[str, str]:
    full = " ".join(p for p in (person.surname, person.first_name, person.patronymic) if p)
    initials = " ".join(f"{p[0]}." for p in (person.first_name, person.patronymic) if p)
    return full, f"{person.surname} {initials}".strip()


def _court(session: Session, court_id: uuid.UUID, level: str) -> Court:
    court = session.get(Court, court_id)
    if court is None or court.level != level:
        raise NotFoundError(N_("This court was deleted by someone else."))
    return court


def set_small(session: Session, actor: Actor, court_id: uuid.UUID, small: bool) -> None:
    """Flag a district court as small, or clear the flag (M-1, seed 002 cl. 11; the centre's)."""
    require(actor, COURTS_EDIT)
    court = _court(session, court_id, "district")
    if bool(court.small) == small:
        return
    record(
        session, actor, "update", "court", court.id, diff({"small": court.small}, {"small": small})
    )
    court.small = small
    court.updated_by = actor.name
    session.flush()


def is_small(session: Session, court_id: uuid.UUID | None) -> bool:
    """Whether a court is a small district court (M-1)."""
    if court_id is None:
        return False
    return bool(session.scalar(select(Court.small).where(Court.id == court_id)))


def small_courts(session: Session) -> frozenset[uuid.UUID]:
    """Every district court flagged small (for lists)."""
    return frozenset(session.scalars(select(Court.id).where(Court.small.is_(True))))


def name_holder(
    session: Session,
    actor: Actor,
    court_id: uuid.UUID,
    office: str,
    person_id: uuid.UUID | None,
    since: date,
    basis: str = "",
) -> OfficeDTO | None:
    """Name the chairman of a district court or the coordinator of a region; None clears it.

    M-6 (seed 002 cl. 9): the branch council names the coordinator from the judges of the
    regional court or retired judges; the coordinator then holds the coordinator's permissions
    for that region, so naming one is the administrator's act.
    """
    if office == COORDINATOR:
        require(actor, COORDINATOR_NAME)
        court = _court(session, court_id, "regional")
    elif office == CHAIRMAN:
        require(actor, COURTS_EDIT)
        court = _court(session, court_id, "district")
    else:
        raise ValueError(office)
    held = session.scalar(
        select(CourtOffice).where(CourtOffice.court_id == court.id, CourtOffice.office == office)
    )
    before = {"person_id": held.person_id if held else None}
    if person_id is None:
        if held is not None:
            session.delete(held)
            record(session, actor, "delete", "court_office", held.id, diff(before, {}))
            session.flush()
        return None
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(N_("This person was deleted by someone else."))
    _check_holder(session, court, office, person, since)
    if held is None:
        held = CourtOffice(court_id=court.id, office=office)
        session.add(held)
    held.person_id, held.since, held.basis = person.id, since, " ".join(basis.split())[:300]
    held.updated_by = actor.name
    session.flush()
    record(
        session, actor, "update", "court_office", held.id, diff(before, {"person_id": person.id})
    )
    return _dto(held, person)


def _check_holder(session: Session, court: Court, office: str, person: Person, on: date) -> None:
    person_court = session.get(Court, person.court_id) if person.court_id else None
    if office == CHAIRMAN:
        if person.role != "judge" or person.court_id != court.id:
            raise ValidationError(
                [FieldError("person_id", N_("The chairman must be a judge of this court — M-1"))]
            )
        return
    # cl. 9: a judge of the regional court, or a retired judge of the region
    in_region = person_court is not None and person_court.region_code == court.region_code
    regional = person_court is not None and person_court.id == court.id
    if person.role != "judge" or not in_region or not (regional or _retired(session, person, on)):
        message = N_(
            "The coordinator is named from the judges of the regional court or the region's "
            "retired judges — M-6"
        )
        raise ValidationError([FieldError("person_id", message)])


def _retired(session: Session, person: Person, on: date) -> bool:
    # the people feature's status_on is out of reach here (a sibling base feature)
    return (
        session.scalar(
            select(PersonStatusPeriod.id).where(
                PersonStatusPeriod.person_id == person.id,
                PersonStatusPeriod.status == "retired",
                PersonStatusPeriod.starts_on <= on,
                (PersonStatusPeriod.ends_on.is_(None)) | (PersonStatusPeriod.ends_on >= on),
            )
        )
        is not None
    )


def _dto(held: CourtOffice, person: Person) -> OfficeDTO:
    full, initials = _names(person)
    return OfficeDTO(
        held.court_id, held.office, held.person_id, full, initials, held.since, held.basis
    )


def holders(session: Session, office: str) -> dict[uuid.UUID, OfficeDTO]:
    """Every holder of an office, by court."""
    rows = session.execute(
        select(CourtOffice, Person)
        .join(Person, Person.id == CourtOffice.person_id)
        .where(CourtOffice.office == office)
    ).all()
    return {held.court_id: _dto(held, person) for held, person in rows}


def coordinator_of_region(session: Session, region_code: str) -> OfficeDTO | None:
    """The coordinator named for a region (M-6), or None."""
    row = session.execute(
        select(CourtOffice, Person)
        .join(Person, Person.id == CourtOffice.person_id)
        .join(Court, Court.id == CourtOffice.court_id)
        .where(
            CourtOffice.office == COORDINATOR,
            Court.region_code == region_code,
            Court.level == "regional",
        )
    ).first()
    return _dto(row[0], row[1]) if row else None


def coordinated_region(session: Session, person_id: uuid.UUID) -> str:
    """The region a person is the named coordinator of (M-6), or ""."""
    region = session.scalar(
        select(Court.region_code)
        .join(CourtOffice, CourtOffice.court_id == Court.id)
        .where(CourtOffice.office == COORDINATOR, CourtOffice.person_id == person_id)
    )
    return region or ""


def is_chairman(session: Session, person_id: uuid.UUID, court_id: uuid.UUID | None) -> bool:
    """Whether a person is the named chairman of a court (M-1)."""
    if court_id is None:
        return False
    return (
        session.scalar(
            select(CourtOffice.id).where(
                CourtOffice.court_id == court_id,
                CourtOffice.office == CHAIRMAN,
                CourtOffice.person_id == person_id,
            )
        )
        is not None
    )


@dataclass(frozen=True)
class CourtOffices:
    """What the courts screen shows beside each court: the flag and the office holders."""

    small: frozenset[uuid.UUID]
    chairmen: dict[uuid.UUID, OfficeDTO]
    coordinators: dict[uuid.UUID, OfficeDTO]


def court_offices(session: Session) -> CourtOffices:
    """Small courts, chairmen and coordinators of every court, for one screen."""
    return CourtOffices(
        small_courts(session), holders(session, CHAIRMAN), holders(session, COORDINATOR)
    )


def candidates(session: Session, court_id: uuid.UUID, office: str) -> list[tuple[uuid.UUID, str]]:
    """People who may hold an office of a court, by surname: a district court's judges for its
    chairman (M-1); the regional court's judges and the region's retired judges for the
    coordinator (M-6, cl. 9).
    """
    court = session.get(Court, court_id)
    if court is None:
        return []
    stmt = select(Person).where(Person.role == "judge")
    if office == CHAIRMAN:
        stmt = stmt.where(Person.court_id == court.id)
    else:
        retired = select(PersonStatusPeriod.person_id).where(
            PersonStatusPeriod.status == "retired", PersonStatusPeriod.ends_on.is_(None)
        )
        in_region = select(Court.id).where(Court.region_code == court.region_code)
        stmt = stmt.where(
            (Person.court_id == court.id)
            | (Person.court_id.in_(in_region) & Person.id.in_(retired))
        )
    people = session.scalars(stmt.order_by(Person.sort_key)).all()
    return [(p.id, _names(p)[0]) for p in people]
