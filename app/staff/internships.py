"""Civil servants' internships on the year's schedule, held or not (S-2, seed 003 §7.1.6)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import (
    ConflictError,
    DomainError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from app.core.permissions import STAFF_KEEP, require
from app.staff import rules
from app.staff.dto import InternshipDTO, InternshipInput
from db.models import Person, StaffInternship
from i18n import N_, current_language

_CHANGED = N_("Someone else changed this record meanwhile. Reload it and try again.")


def _dto(i: StaffInternship, p: Person) -> InternshipDTO:
    name = " ".join(x for x in (p.surname, p.first_name, p.patronymic) if x)
    return InternshipDTO(
        i.id, i.person_id, name, i.year, i.place, i.starts_on, i.ends_on, i.status, i.reason,
        i.version,
    )  # fmt: skip


def _with_person(session: Session, row: StaffInternship) -> InternshipDTO:
    person = session.get(Person, row.person_id)
    assert person is not None
    return _dto(row, person)


def _checked(
    session: Session, data: InternshipInput, other_than: uuid.UUID | None = None
) -> tuple[Person, str]:
    """The person and the tidied place, or a ValidationError naming each wrong field (S-2)."""
    place = " ".join(data.place.split())
    errors = [
        FieldError(f, m)
        for f, m in rules.internship_refusals(data.year, data.starts_on, data.ends_on)
    ]
    person = session.get(Person, data.person_id) if data.person_id else None
    if person is None:
        errors.append(FieldError("person_id", N_("Choose the staff member.")))
    elif person.role != rules.STAFF_ROLE:
        errors.append(
            FieldError("person_id", N_("Only civil servants of the apparatus are scheduled here."))
        )
    if not place:
        errors.append(FieldError("place", N_("This field is required.")))
    if errors:
        raise ValidationError(errors)
    assert person is not None
    overlap = select(StaffInternship.id).where(
        StaffInternship.person_id == person.id,
        StaffInternship.status.not_in(rules.FREEING_STATUSES),
        StaffInternship.starts_on <= data.ends_on,
        StaffInternship.ends_on >= data.starts_on,
    )
    if other_than is not None:
        overlap = overlap.where(StaffInternship.id != other_than)
    if session.scalar(overlap) is not None:
        raise ValidationError(
            [FieldError("starts_on", N_("The staff member has another internship then."))]
        )
    return person, place


def schedule_internship(session: Session, actor: Actor, data: InternshipInput) -> InternshipDTO:
    """Put a civil servant of the apparatus on the year's schedule (S-2)."""
    require(actor, STAFF_KEEP)
    person, place = _checked(session, data)
    row = StaffInternship(
        person_id=person.id,
        year=data.year,
        place=place,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        updated_by=actor.name,
    )
    session.add(row)
    session.flush()
    record(
        session,
        actor,
        "plan",
        "staff_internship",
        row.id,
        diff({}, {"place": place, "starts_on": data.starts_on, "ends_on": data.ends_on}),
    )
    return _dto(row, person)


def _load(session: Session, internship_id: uuid.UUID, version: int) -> StaffInternship:
    row = session.get(StaffInternship, internship_id)
    if row is None:
        raise NotFoundError(N_("The internship no longer exists."))
    if row.version != version:
        raise ConflictError(_CHANGED)
    return row


def _planned(session: Session, internship_id: uuid.UUID, version: int) -> StaffInternship:
    """The line to change: it exists, nobody changed it meanwhile, it is still only planned."""
    row = _load(session, internship_id, version)
    if row.status != "planned":
        raise DomainError(N_("Only a planned internship can be changed or cancelled."))
    return row


def update_internship(
    session: Session, actor: Actor, internship_id: uuid.UUID, version: int, data: InternshipInput
) -> InternshipDTO:
    """Change who, where or when of a planned line, under the same rules as a new one (S-2)."""
    require(actor, STAFF_KEEP)
    row = _planned(session, internship_id, version)
    person, place = _checked(session, data, other_than=row.id)
    before = {"person_id": row.person_id, "place": row.place, "starts_on": row.starts_on,
              "ends_on": row.ends_on}  # fmt: skip
    row.person_id, row.year, row.place = person.id, data.year, place
    row.starts_on, row.ends_on, row.updated_by = data.starts_on, data.ends_on, actor.name
    session.flush()
    after = {"person_id": person.id, "place": place, "starts_on": data.starts_on,
             "ends_on": data.ends_on}  # fmt: skip
    record(session, actor, "update", "staff_internship", row.id, diff(before, after))
    return _dto(row, person)


def cancel_internship(
    session: Session, actor: Actor, internship_id: uuid.UUID, version: int, reason: str
) -> InternshipDTO:
    """Take a planned line off the schedule, saying why; it stays on record (S-2)."""
    require(actor, STAFF_KEEP)
    row = _planned(session, internship_id, version)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError([FieldError("reason", N_("Say why it is cancelled."))])
    return _set_status(session, actor, row, "cancelled", reason)


def record_outcome(
    session: Session,
    actor: Actor,
    internship_id: uuid.UUID,
    version: int,
    status: str,
    reason: str = "",
    today: date | None = None,
) -> InternshipDTO:
    """Record that a scheduled internship was held or not (S-2); "not held" says why."""
    require(actor, STAFF_KEEP)
    row = _load(session, internship_id, version)
    if row.status == "cancelled":
        raise DomainError(N_("The internship was cancelled."))
    reason = " ".join(reason.split())
    problem = rules.outcome_refusal(row.ends_on, today or date.today(), status)
    errors = [FieldError("status", problem)] if problem else []
    if status == "not_held" and not reason:
        errors.append(FieldError("reason", N_("Say why it was not held.")))
    if errors:
        raise ValidationError(errors)
    return _set_status(session, actor, row, status, reason)


def _set_status(
    session: Session, actor: Actor, row: StaffInternship, status: str, reason: str
) -> InternshipDTO:
    before = {"status": row.status, "reason": row.reason}
    row.status, row.reason, row.updated_by = status, reason, actor.name
    session.flush()
    after = {"status": status, "reason": reason}
    record(session, actor, "update", "staff_internship", row.id, diff(before, after))
    return _with_person(session, row)


def get_internship(session: Session, internship_id: uuid.UUID) -> InternshipDTO:
    """One line of a schedule."""
    row = session.get(StaffInternship, internship_id)
    if row is None:
        raise NotFoundError(N_("The internship no longer exists."))
    return _with_person(session, row)


def schedule_of_year(session: Session, year: int, *, by_name: bool = False) -> list[InternshipDTO]:
    """The year's schedule (S-2): who, where, when, and whether it was held; by start, or
    (the screen's list) by name in the alphabetical order of the language shown, then start.
    """
    stmt = (
        select(StaffInternship, Person)
        .join(Person, Person.id == StaffInternship.person_id)
        .where(StaffInternship.year == year)
    )
    if by_name:
        stmt = stmt.order_by(
            Person.name_order(current_language()), Person.id, StaffInternship.starts_on
        )
    else:
        stmt = stmt.order_by(StaffInternship.starts_on, Person.sort_key, StaffInternship.id)
    return [_dto(i, p) for i, p in session.execute(stmt).all()]
