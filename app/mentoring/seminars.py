"""Orientation seminars for potential participants, invited from the needs list (M-12)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import FieldError, NotFoundError, ValidationError
from app.mentoring.access import require_staff
from db.models import Person, Seminar, SeminarInvitation
from i18n import N_


@dataclass(frozen=True)
class SeminarDTO:
    """A seminar with its invitation and attendance counts."""

    id: uuid.UUID
    region_code: str
    held_on: date
    topic: str
    place: str
    invited: int
    attended: int


def _dto(session: Session, s: Seminar) -> SeminarDTO:
    invited, attended = session.execute(
        select(
            func.count(SeminarInvitation.id),
            func.count(SeminarInvitation.id).filter(SeminarInvitation.attended.is_(True)),
        ).where(SeminarInvitation.seminar_id == s.id)
    ).one()
    return SeminarDTO(s.id, s.region_code, s.held_on, s.topic, s.place, int(invited), int(attended))


def plan_seminar(
    session: Session, actor: Actor, region_code: str, held_on: date, topic: str, *, place: str = ""
) -> SeminarDTO:
    """Plan an orientation seminar (M-12, cl. 8)."""
    require_staff(actor)
    errors = [
        FieldError(f, N_("This field is required."))
        for f, v in (("region_code", region_code), ("topic", topic))
        if not v.strip()
    ]
    if errors:
        raise ValidationError(errors)
    seminar = Seminar(
        region_code=region_code,
        held_on=held_on,
        topic=topic.strip()[:300],
        place=place.strip()[:300],
        updated_by=actor.name,
    )
    session.add(seminar)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_seminar",
        seminar.id,
        diff({}, {"region_code": region_code, "held_on": held_on, "topic": seminar.topic}),
    )
    return _dto(session, seminar)


def _seminar(session: Session, seminar_id: uuid.UUID) -> Seminar:
    seminar = session.get(Seminar, seminar_id)
    if seminar is None:
        raise NotFoundError(N_("This seminar was deleted by someone else."))
    return seminar


def invite(
    session: Session,
    actor: Actor,
    seminar_id: uuid.UUID,
    person_ids: list[uuid.UUID],
    invited_on: date,
) -> SeminarDTO:
    """Invite people (from the needs list, or guides); an invitation is never repeated."""
    require_staff(actor)
    seminar = _seminar(session, seminar_id)
    known = set(session.scalars(select(Person.id).where(Person.id.in_(person_ids))))
    already = set(
        session.scalars(
            select(SeminarInvitation.person_id).where(SeminarInvitation.seminar_id == seminar_id)
        )
    )
    new = [pid for pid in dict.fromkeys(person_ids) if pid in known and pid not in already]
    for pid in new:
        session.add(
            SeminarInvitation(
                seminar_id=seminar_id, person_id=pid, invited_on=invited_on, updated_by=actor.name
            )
        )
    session.flush()
    if new:
        record(
            session,
            actor,
            "update",
            "mentoring_seminar",
            seminar_id,
            {"invited": [None, [str(p) for p in new]]},
        )
    return _dto(session, seminar)


def mark_attendance(
    session: Session, actor: Actor, seminar_id: uuid.UUID, person_id: uuid.UUID, attended: bool
) -> SeminarDTO:
    """Record whether an invited person attended (M-12)."""
    require_staff(actor)
    seminar = _seminar(session, seminar_id)
    invitation = session.scalar(
        select(SeminarInvitation).where(
            SeminarInvitation.seminar_id == seminar_id, SeminarInvitation.person_id == person_id
        )
    )
    if invitation is None:
        raise ValidationError([FieldError("person_id", N_("This person was not invited."))])
    old = invitation.attended
    invitation.attended, invitation.updated_by = attended, actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "mentoring_seminar_invitation",
        invitation.id,
        {"attended": [old, attended]},
    )
    return _dto(session, seminar)


def seminars(session: Session, region_code: str = "") -> list[SeminarDTO]:
    """Seminars of a region, newest first."""
    stmt = select(Seminar)
    if region_code:
        stmt = stmt.where(Seminar.region_code == region_code)
    return [_dto(session, s) for s in session.scalars(stmt.order_by(Seminar.held_on.desc()))]
