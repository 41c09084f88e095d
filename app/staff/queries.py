"""Lists of staff adaptations (S-1) for the screen, the CLI and documents."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.staff import rules
from db.models import Person, StaffAdaptation, StaffPlanItem
from i18n import current_language


@dataclass(frozen=True)
class AdaptationRow:
    """One line of the adaptations list."""

    id: uuid.UUID
    person_name: str
    tutor_name: str
    starts_on: date
    ends_on: date
    items: int
    plan_overdue: bool
    result: str
    decided_on: date | None


def list_adaptations(
    session: Session, today: date, *, open_only: bool = False
) -> list[AdaptationRow]:
    """Adaptations, newest start first, with the S-1 plan-due flag as of `today`."""
    tutor = aliased(Person)
    items = (
        select(StaffPlanItem.adaptation_id, func.count().label("n"))
        .group_by(StaffPlanItem.adaptation_id)
        .subquery()
    )
    stmt = (
        select(
            StaffAdaptation,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            tutor.surname,
            tutor.first_name,
            tutor.patronymic,
            func.coalesce(items.c.n, 0),
        )
        .join(Person, Person.id == StaffAdaptation.person_id)
        .join(tutor, tutor.id == StaffAdaptation.tutor_id)
        .outerjoin(items, items.c.adaptation_id == StaffAdaptation.id)
        .order_by(StaffAdaptation.starts_on.desc(), Person.name_order(current_language()))
    )
    if open_only:
        stmt = stmt.where(StaffAdaptation.result == "")
    out = []
    for a, ps, pf, pp, ts, tf, tp, n in session.execute(stmt):
        out.append(
            AdaptationRow(
                id=a.id,
                person_name=" ".join(x for x in (ps, pf, pp) if x),
                tutor_name=" ".join(x for x in (ts, tf, tp) if x),
                starts_on=a.starts_on,
                ends_on=a.ends_on,
                items=int(n),
                plan_overdue=not a.result and rules.plan_overdue(a.starts_on, n > 0, today),
                result=a.result,
                decided_on=a.decided_on,
            )
        )
    return out


def open_adaptation_of(session: Session, person_id: uuid.UUID) -> uuid.UUID | None:
    """The staff member's adaptation still without a result, if any."""
    return session.scalar(
        select(StaffAdaptation.id).where(
            StaffAdaptation.person_id == person_id, StaffAdaptation.result == ""
        )
    )


def staff_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Court staff (S-1, S-2) by name in the order of the language shown, for choosing."""
    rows = session.execute(
        select(Person.id, Person.surname, Person.first_name, Person.patronymic)
        .where(Person.role == rules.STAFF_ROLE)
        .order_by(Person.name_order(current_language()), Person.id)
    )
    return [(i, " ".join(x for x in (s, f, p) if x)) for i, s, f, p in rows]
