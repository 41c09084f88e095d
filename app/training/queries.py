"""Training lists: events, sessions, registrations (the sign-in sheet order), the T-4 check."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.cpd.rules import rule_set_for
from app.training.dto import (
    EventDTO,
    PlanRow,
    RegionalCheck,
    RegistrationRow,
    SessionDTO,
    SessionInput,
    SignInSheet,
)
from app.training.service import _event_dto, count_registrations
from app.training.vocab import REGIONAL_KINDS
from db.models import (
    Court,
    Person,
    TrainingEvent,
    TrainingNeed,
    TrainingRegistration,
    TrainingSession,
)
from i18n import N_, current_language


def registrations(session: Session, session_id: uuid.UUID) -> list[RegistrationRow]:
    """Registered people alphabetically in the language shown, then the waiting list in its
    order (P-2). This is also the order of the printed sign-in sheet.

    The row numbers, typed back from the sheet, are those of the Kazakh order in every
    language: a sheet printed in Russian is typed back right in Kazakh (the two orders differ
    only around the Kazakh letters, so a Russian list rarely shows a number out of turn).
    """
    rows = list(
        session.execute(
            select(
                TrainingRegistration,
                Person.surname,
                Person.first_name,
                Person.patronymic,
                Person.iin,
                Person.sort_key,
                Person.sort_key_ru,
                Court.name_kk,
                Court.name_ru,
            )
            .join(Person, Person.id == TrainingRegistration.person_id)
            .outerjoin(Court, Court.id == Person.court_id)
            .where(TrainingRegistration.session_id == session_id)
        ).all()
    )
    rows.sort(
        key=lambda r: (
            r[0].state != "registered",
            r.sort_key if r[0].state == "registered" else "",
            r[0].queue_no,
        )
    )
    numbers = {r[0].id: n for n, r in enumerate(rows, start=1)}
    if current_language() == "ru":
        rows.sort(
            key=lambda r: (
                r[0].state != "registered",
                r.sort_key_ru if r[0].state == "registered" else "",
                r[0].queue_no,
            )
        )
    return [
        RegistrationRow(
            no=numbers[r[0].id],
            id=r[0].id,
            person_id=r[0].person_id,
            full_name=" ".join(p for p in (r.surname, r.first_name, r.patronymic) if p),
            iin=r.iin,
            court_name_kk=r.name_kk or "",
            court_name_ru=r.name_ru or "",
            state=r[0].state,
            queue_no=r[0].queue_no,
            attended=r[0].attended,
            rating=r[0].rating,
            feedback=r[0].feedback,
        )
        for r in rows
    ]


def list_events(session: Session, year: int) -> list[EventDTO]:
    """Events of a year's plan, by title."""
    return [
        _event_dto(e)
        for e in session.scalars(
            select(TrainingEvent)
            .where(TrainingEvent.plan_year == year)
            .order_by(TrainingEvent.title)
        )
    ]


def event_sessions(session: Session, event_id: uuid.UUID) -> list[SessionDTO]:
    """Sessions of an event with their seat counts, by date."""
    result = []
    for s in session.scalars(
        select(TrainingSession)
        .where(TrainingSession.event_id == event_id)
        .order_by(TrainingSession.starts_on)
    ):
        counts = count_registrations(session, s.id)
        result.append(
            SessionDTO(
                s.id,
                SessionInput(s.event_id, s.starts_on, s.ends_on, s.place, s.trainer, s.capacity),
                counts["registered"],
                counts["waiting"],
                counts["attended"],
            )
        )
    return result


def regional_check(session: Session, year: int, court_id: uuid.UUID | None = None) -> RegionalCheck:
    """T-4: regional conferences, seminars and round tables held in a year (at least 2)."""
    stmt = (
        select(func.count(func.distinct(TrainingEvent.id)))
        .join(TrainingSession, TrainingSession.event_id == TrainingEvent.id)
        .where(
            TrainingEvent.level == "regional",
            TrainingEvent.kind.in_(REGIONAL_KINDS),
            TrainingEvent.status != "cancelled",
            TrainingSession.ends_on >= date(year, 1, 1),
            TrainingSession.ends_on <= date(year, 12, 31),
        )
        .where(
            select(TrainingRegistration.id)
            .where(
                TrainingRegistration.session_id == TrainingSession.id,
                TrainingRegistration.attended.is_(True),
            )
            .exists()
        )
    )
    if court_id is not None:
        stmt = stmt.where(TrainingEvent.court_id == court_id)
    held = int(session.scalar(stmt) or 0)
    return RegionalCheck(year, held, rule_set_for(session, year).regional_events_min)


def plan_rows(session: Session, year: int, *, held_only: bool = False) -> list[PlanRow]:
    """The year's events with sessions, seats and attendance (the plan, or the events held)."""
    needs = dict(
        session.execute(
            select(TrainingNeed.topic, func.sum(TrainingNeed.people))
            .where(TrainingNeed.plan_year == year)
            .group_by(TrainingNeed.topic)
        ).all()
    )
    result: list[PlanRow] = []
    events = session.scalars(select(TrainingEvent).where(TrainingEvent.plan_year == year)).all()
    for e in events:
        sessions = session.scalars(
            select(TrainingSession)
            .where(TrainingSession.event_id == e.id)
            .order_by(TrainingSession.starts_on)
        ).all()
        if held_only and (e.status == "cancelled" or not sessions):
            continue
        stats = session.execute(
            select(
                func.count(TrainingRegistration.id),
                func.sum(case((TrainingRegistration.attended.is_(True), 1), else_=0)),
                func.avg(TrainingRegistration.rating),
            )
            .join(TrainingSession, TrainingSession.id == TrainingRegistration.session_id)
            .where(TrainingSession.event_id == e.id, TrainingRegistration.state == "registered")
        ).one()
        attended = int(stats[1] or 0)
        if held_only and attended == 0 and e.status != "held":
            continue
        first = sessions[0] if sessions else None
        result.append(
            PlanRow(
                event_id=e.id,
                title=e.title,
                kind=e.kind,
                level=e.level,
                audience=e.audience,
                topic=e.topic,
                status=e.status,
                starts_on=first.starts_on if first else None,
                ends_on=sessions[-1].ends_on if sessions else None,
                place=first.place if first else "",
                trainer=first.trainer if first else "",
                capacity=sum(s.capacity for s in sessions),
                registered=int(stats[0] or 0),
                attended=attended,
                needed=int(needs.get(e.topic, 0) or 0),
                rating=Decimal(str(round(stats[2], 2))) if stats[2] is not None else None,
            )
        )
    result.sort(key=lambda r: (r.starts_on or date(year, 12, 31), r.title))
    return result


def sign_in_sheet(session: Session, session_id: uuid.UUID) -> SignInSheet:
    """The sign-in sheet of a session: its event, dates, place and the registered people."""
    ts = session.get(TrainingSession, session_id)
    if ts is None:
        raise NotFoundError(N_("This session was deleted by someone else."))
    event = session.get(TrainingEvent, ts.event_id)
    assert event is not None
    rows = tuple(r for r in registrations(session, session_id) if r.state == "registered")
    return SignInSheet(event.title, ts.starts_on, ts.ends_on, ts.place, ts.trainer, rows)
