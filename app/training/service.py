"""Training events: sessions, registration with a waiting list (T-2, T-4, T-5)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from app.core.permissions import REFUSED, TRAINING_MANAGE, require
from app.cpd.rules import form_by_code
from app.training.dto import (
    EventDTO,
    EventInput,
    RegistrationOutcome,
    SessionDTO,
    SessionInput,
)
from app.training.vocab import AUDIENCES, KIND_FORMS, KINDS, LEVELS
from db.models import (
    Court,
    CpdForm,
    Person,
    TrainingEvent,
    TrainingRegistration,
    TrainingSession,
)
from i18n import N_


def _event_dto(e: TrainingEvent) -> EventDTO:
    data = EventInput(
        title=e.title,
        kind=e.kind,
        plan_year=e.plan_year,
        form_id=e.form_id,
        level=e.level,
        audience=e.audience,
        organiser=e.organiser,
        points=Decimal(e.points) if e.points is not None else None,
        topic=e.topic,
        court_id=e.court_id,
        description=e.description,
    )
    return EventDTO(e.id, e.version, data, e.status, e.form_id)


def _validate_event(session: Session, data: EventInput) -> list[FieldError]:
    errors: list[FieldError] = []
    title = " ".join(data.title.split())
    if not title:
        errors.append(FieldError("title", N_("This field is required.")))
    elif len(title) > 400:
        errors.append(FieldError("title", N_("At most {limit} characters."), {"limit": 400}))
    if data.kind not in KINDS:
        errors.append(FieldError("kind", N_("Choose a value from the list.")))
    if data.level not in LEVELS:
        errors.append(FieldError("level", N_("Choose a value from the list.")))
    if data.audience not in AUDIENCES:
        errors.append(FieldError("audience", N_("Choose a value from the list.")))
    if not 1992 <= data.plan_year <= 2100:
        errors.append(FieldError("plan_year", N_("Enter a year from 1992 to 2100.")))
    if data.form_id is not None and session.get(CpdForm, data.form_id) is None:
        errors.append(FieldError("form_id", N_("The chosen form no longer exists.")))
    if data.points is not None and not 0 <= data.points <= 100:
        errors.append(FieldError("points", N_("Points must be between 0 and 100.")))
    if data.court_id is not None and session.get(Court, data.court_id) is None:
        errors.append(FieldError("court_id", N_("The chosen court no longer exists.")))
    return errors


def create_event(session: Session, actor: Actor, data: EventInput) -> EventDTO:
    """Add an event to a year's plan (T-2)."""
    require(actor, TRAINING_MANAGE, REFUSED)
    errors = _validate_event(session, data)
    form_id = data.form_id
    if form_id is None and data.kind in KINDS:
        form = form_by_code(session, KIND_FORMS[data.kind])
        form_id = form.id if form else None
        if form_id is None:
            errors.append(FieldError("form_id", N_("Choose the activity form.")))
    if errors:
        raise ValidationError(errors)
    assert form_id is not None
    e = TrainingEvent(
        title=" ".join(data.title.split()),
        kind=data.kind,
        level=data.level,
        audience=data.audience,
        organiser=" ".join(data.organiser.split()),
        form_id=form_id,
        points=data.points,
        plan_year=data.plan_year,
        topic=" ".join(data.topic.split()),
        status="planned",
        court_id=data.court_id,
        description=data.description.strip(),
        updated_by=actor.name,
    )
    session.add(e)
    session.flush()
    record(
        session,
        actor,
        "create",
        "training_event",
        e.id,
        diff(
            {}, {"title": e.title, "kind": e.kind, "plan_year": e.plan_year, "form_id": e.form_id}
        ),
    )
    return _event_dto(e)


def add_session(session: Session, actor: Actor, data: SessionInput) -> SessionDTO:
    """Add a session with dates, place, trainer and seats (0 seats: no limit)."""
    require(actor, TRAINING_MANAGE, REFUSED)
    errors: list[FieldError] = []
    if session.get(TrainingEvent, data.event_id) is None:
        errors.append(FieldError("event_id", N_("This event was deleted by someone else.")))
    if data.ends_on < data.starts_on:
        errors.append(FieldError("ends_on", N_("It ends before it starts.")))
    if data.capacity < 0:
        errors.append(FieldError("capacity", N_("Values cannot be negative.")))
    for field, value in (("place", data.place), ("trainer", data.trainer)):
        if len(value) > 300:
            errors.append(FieldError(field, N_("At most {limit} characters."), {"limit": 300}))
    if errors:
        raise ValidationError(errors)
    s = TrainingSession(
        event_id=data.event_id,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        place=" ".join(data.place.split()),
        trainer=" ".join(data.trainer.split()),
        capacity=data.capacity,
        updated_by=actor.name,
    )
    session.add(s)
    session.flush()
    record(
        session,
        actor,
        "create",
        "training_session",
        s.id,
        diff(
            {},
            {
                "event_id": data.event_id,
                "starts_on": data.starts_on,
                "ends_on": data.ends_on,
                "capacity": data.capacity,
            },
        ),
    )
    return SessionDTO(s.id, data)


def session_record(session: Session, session_id: uuid.UUID) -> TrainingSession:
    s = session.get(TrainingSession, session_id)
    if s is None:
        raise NotFoundError(N_("This session was deleted by someone else."))
    return s


def registration(
    session: Session, session_id: uuid.UUID, person_id: uuid.UUID
) -> TrainingRegistration | None:
    """A person's registration for a session, if any."""
    return session.scalars(
        select(TrainingRegistration).where(
            TrainingRegistration.session_id == session_id,
            TrainingRegistration.person_id == person_id,
        )
    ).first()


def register(
    session: Session, actor: Actor, session_id: uuid.UUID, person_ids: Iterable[uuid.UUID]
) -> RegistrationOutcome:
    """Register people (e.g. a filtered list); once the seats are taken, the rest wait in order."""
    require(actor, TRAINING_MANAGE, REFUSED)
    ts = session_record(session, session_id)
    wanted = list(dict.fromkeys(person_ids))
    known = set(session.scalars(select(Person.id).where(Person.id.in_(wanted))))
    if len(known) != len(wanted):
        raise ValidationError([FieldError("person_ids", N_("The chosen person no longer exists."))])
    existing = {
        r.person_id: r
        for r in session.scalars(
            select(TrainingRegistration).where(TrainingRegistration.session_id == session_id)
        )
    }
    taken = sum(1 for r in existing.values() if r.state == "registered")
    queue = max((r.queue_no for r in existing.values()), default=0)
    registered, waiting, already = [], [], []
    for pid in wanted:
        if pid in existing:
            already.append(pid)
            continue
        seat = ts.capacity == 0 or taken < ts.capacity
        queue += 1
        session.add(
            TrainingRegistration(
                session_id=session_id,
                person_id=pid,
                state="registered" if seat else "waiting",
                queue_no=queue,
                updated_by=actor.name,
            )
        )
        if seat:
            taken += 1
            registered.append(pid)
        else:
            waiting.append(pid)
    session.flush()
    if registered or waiting:
        record(
            session,
            actor,
            "register",
            "training_session",
            session_id,
            {"registered": [None, len(registered)], "waiting": [None, len(waiting)]},
        )
    return RegistrationOutcome(tuple(registered), tuple(waiting), tuple(already))


def cancel_registration(
    session: Session, actor: Actor, session_id: uuid.UUID, person_id: uuid.UUID
) -> uuid.UUID | None:
    """Withdraw a person; the first in the waiting list takes the seat (returned)."""
    require(actor, TRAINING_MANAGE, REFUSED)
    reg = registration(session, session_id, person_id)
    if reg is None:
        raise NotFoundError(N_("This person is not registered."))
    if reg.attended:
        raise ConflictError(N_("The person attended; remove the attendance first."))
    freed = reg.state == "registered"
    session.delete(reg)
    session.flush()
    promoted = None
    if freed:
        nxt = session.scalars(
            select(TrainingRegistration)
            .where(
                TrainingRegistration.session_id == session_id,
                TrainingRegistration.state == "waiting",
            )
            .order_by(TrainingRegistration.queue_no)
            .limit(1)
        ).first()
        if nxt is not None:
            nxt.state, nxt.updated_by = "registered", actor.name
            promoted = nxt.person_id
            session.flush()
    record(
        session,
        actor,
        "unregister",
        "training_session",
        session_id,
        {
            "person_id": [str(person_id), None],
            "promoted": [None, str(promoted) if promoted else None],
        },
    )
    return promoted


def count_registrations(session: Session, session_id: uuid.UUID) -> dict[str, int]:
    """Registered, waiting and attended counts of a session."""
    rows = session.execute(
        select(
            TrainingRegistration.state,
            TrainingRegistration.attended,
            func.count(TrainingRegistration.id),
        )
        .where(TrainingRegistration.session_id == session_id)
        .group_by(TrainingRegistration.state, TrainingRegistration.attended)
    ).all()
    out = {"registered": 0, "waiting": 0, "attended": 0}
    for state, attended, n in rows:
        out[state] += n
        if attended:
            out["attended"] += n
    return out
