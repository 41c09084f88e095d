"""Commands of staff adaptation (S-1): assign a tutor, draw up the plan, record the result."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import ConflictError, DomainError, FieldError, NotFoundError, ValidationError
from app.core.permissions import STAFF_KEEP, require
from app.staff import rules
from app.staff.dto import AdaptationDTO, AdaptationInput, PlanItem, ResultInput
from db.models import Person, StaffAdaptation, StaffPlanItem
from i18n import N_

_CHANGED = N_("Someone else changed this record meanwhile. Reload it and try again.")


def full_name(p: Person) -> str:
    """Surname, name and patronymic."""
    return " ".join(x for x in (p.surname, p.first_name, p.patronymic) if x)


def to_dto(a: StaffAdaptation, person: Person, tutor: Person) -> AdaptationDTO:
    """The adaptation as callers see it; `a.items` must be loaded."""
    return AdaptationDTO(
        id=a.id,
        person_id=a.person_id,
        person_name=full_name(person),
        tutor_id=a.tutor_id,
        tutor_name=full_name(tutor),
        court_id=person.court_id,
        hired_on=a.hired_on,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        plan_due_on=rules.plan_due_on(a.starts_on),
        result=a.result,
        decided_on=a.decided_on,
        decided_by=a.decided_by,
        note=a.note,
        version=a.version,
        items=tuple(PlanItem(i.title, i.due_on, i.done) for i in a.items),
    )


def get_adaptation(session: Session, adaptation_id: uuid.UUID) -> AdaptationDTO:
    """One adaptation with its plan."""
    a = session.scalar(
        select(StaffAdaptation)
        .options(selectinload(StaffAdaptation.items))
        .where(StaffAdaptation.id == adaptation_id)
    )
    if a is None:
        raise NotFoundError(N_("The adaptation no longer exists."))
    person, tutor = session.get(Person, a.person_id), session.get(Person, a.tutor_id)
    assert person is not None and tutor is not None
    return to_dto(a, person, tutor)


def _load(session: Session, adaptation_id: uuid.UUID, version: int) -> StaffAdaptation:
    a = session.scalar(
        select(StaffAdaptation)
        .options(selectinload(StaffAdaptation.items))
        .where(StaffAdaptation.id == adaptation_id)
    )
    if a is None:
        raise NotFoundError(N_("The adaptation no longer exists."))
    if a.version != version:
        raise ConflictError(_CHANGED)
    return a


def assign_tutor(session: Session, actor: Actor, data: AdaptationInput) -> AdaptationDTO:
    """Open a newly hired staff member's adaptation with a tutor from the apparatus (S-1)."""
    require(actor, STAFF_KEEP)
    errors = [
        FieldError(f, m, {"months": rules.MAX_TERM_MONTHS})
        for f, m in rules.term_refusals(data.hired_on, data.starts_on, data.ends_on)
    ]
    person = session.get(Person, data.person_id) if data.person_id else None
    tutor = session.get(Person, data.tutor_id) if data.tutor_id else None
    if person is None:
        errors.append(FieldError("person_id", N_("Choose the staff member.")))
    if tutor is None:
        errors.append(FieldError("tutor_id", N_("Choose the tutor.")))
    if person is not None and tutor is not None:
        facts = rules.PersonFacts(person.role, person.court_id)
        tutor_facts = rules.PersonFacts(tutor.role, tutor.court_id)
        for field, message in rules.tutor_refusals(facts, tutor_facts, person.id == tutor.id):
            errors.append(FieldError(field, message))
    if errors:
        raise ValidationError(errors)
    assert person is not None and tutor is not None
    open_one = session.scalar(
        select(StaffAdaptation.id).where(
            StaffAdaptation.person_id == person.id, StaffAdaptation.result == ""
        )
    )
    if open_one is not None:
        raise DomainError(N_("This staff member's adaptation is still open."))
    a = StaffAdaptation(
        person_id=person.id,
        tutor_id=tutor.id,
        hired_on=data.hired_on,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        note=data.note.strip(),
        updated_by=actor.name,
    )
    session.add(a)
    session.flush()
    record(
        session,
        actor,
        "create",
        "staff_adaptation",
        a.id,
        diff({}, {"person": full_name(person), "tutor": full_name(tutor), "ends_on": data.ends_on}),
    )
    return get_adaptation(session, a.id)


def set_plan(
    session: Session, actor: Actor, adaptation_id: uuid.UUID, version: int, items: list[PlanItem]
) -> AdaptationDTO:
    """Replace the adaptation plan: items with their dates, all within the term (S-1)."""
    require(actor, STAFF_KEEP)
    a = _load(session, adaptation_id, version)
    if a.result:
        raise DomainError(N_("The result is recorded; the plan can no longer change."))
    errors: list[FieldError] = []
    clean = [PlanItem(" ".join(i.title.split()), i.due_on, i.done) for i in items]
    for n, item in enumerate(clean):
        if not item.title:
            errors.append(FieldError(f"items.{n}", N_("Each item of the plan needs a title.")))
        elif problem := rules.item_refusal(a.starts_on, a.ends_on, item.due_on):
            errors.append(FieldError(f"items.{n}", problem))
    if not clean:
        errors.append(FieldError("items", N_("The plan needs at least one item.")))
    if errors:
        raise ValidationError(errors)
    a.items = [
        StaffPlanItem(
            position=n, title=i.title, due_on=i.due_on, done=i.done, updated_by=actor.name
        )
        for n, i in enumerate(sorted(clean, key=lambda i: i.due_on))
    ]
    a.updated_by = actor.name
    session.flush()
    record(session, actor, "plan", "staff_adaptation", a.id, {"items": len(clean)})
    return get_adaptation(session, a.id)


def record_result(
    session: Session,
    actor: Actor,
    adaptation_id: uuid.UUID,
    version: int,
    data: ResultInput,
    today: date | None = None,
) -> AdaptationDTO:
    """Record whether the staff member adapted, the date and who decided (S-1)."""
    require(actor, STAFF_KEEP)
    a = _load(session, adaptation_id, version)
    decided_by = " ".join(data.decided_by.split())
    errors: list[FieldError] = []
    problem = rules.result_refusal(
        a.starts_on, bool(a.items), data.decided_on, today or date.today()
    )
    if problem:
        errors.append(FieldError("decided_on", problem))
    if not decided_by:
        errors.append(FieldError("decided_by", N_("Say who decided.")))
    if errors:
        raise ValidationError(errors)
    a.result = rules.RESULTS[0] if data.adapted else rules.RESULTS[1]
    a.decided_on = data.decided_on
    a.decided_by = decided_by
    a.updated_by = actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "staff_adaptation",
        a.id,
        diff({}, {"result": a.result, "decided_on": data.decided_on, "decided_by": decided_by}),
    )
    return get_adaptation(session, a.id)
