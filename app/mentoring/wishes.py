"""A protégé's wishes for a tutor or mentor (M-3, cl. 8): listed, added once, withdrawn."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.mentoring.access import require_staff
from app.mentoring.queries import roster
from app.mentoring.roster import add_wish
from db.models import Court, Person, ProtegeWish
from i18n import N_, current_language


@dataclass(frozen=True)
class WishRow:
    """One wish: the guide the protégé asked for, and why."""

    id: uuid.UUID
    guide_id: uuid.UUID
    guide_name: str
    note: str


def _name(p: Person) -> str:
    return " ".join(x for x in (p.surname, p.first_name, p.patronymic) if x)


def wishes_of(session: Session, protege_id: uuid.UUID) -> list[WishRow]:
    """The protégé's wishes, by the guide's name."""
    rows = session.execute(
        select(ProtegeWish, Person)
        .join(Person, Person.id == ProtegeWish.guide_id)
        .where(ProtegeWish.protege_id == protege_id)
        .order_by(Person.name_order(current_language()))
    ).all()
    return [WishRow(w.id, w.guide_id, _name(p), w.note) for w, p in rows]


def wish_choices(session: Session, protege_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """Guides of the protégé's region's roster (tutors and mentors) the protégé may ask for."""
    protege = session.get(Person, protege_id)
    court = session.get(Court, protege.court_id) if protege and protege.court_id else None
    if court is None:
        return []
    seen: dict[uuid.UUID, str] = {}
    for row in roster(session, court.region_code):
        if row.person_id != protege_id:
            seen.setdefault(row.person_id, row.full_name)
    return list(seen.items())


def wish_for(
    session: Session, actor: Actor, protege_id: uuid.UUID, guide_id: uuid.UUID, note: str = ""
) -> None:
    """Record a wish once: the same guide twice, or oneself, is refused (M-3, cl. 8)."""
    require_staff(actor)
    if guide_id == protege_id:
        raise ValidationError([FieldError("guide_id", N_("A protégé cannot ask for themselves."))])
    if session.scalar(
        select(ProtegeWish.id).where(
            ProtegeWish.protege_id == protege_id, ProtegeWish.guide_id == guide_id
        )
    ):
        raise ValidationError([FieldError("guide_id", N_("This wish is already recorded."))])
    add_wish(session, actor, protege_id, guide_id, note.strip())


def withdraw_wish(session: Session, actor: Actor, wish_id: uuid.UUID) -> None:
    """Remove a wish the protégé no longer holds."""
    require_staff(actor)
    row = session.get(ProtegeWish, wish_id)
    if row is not None:
        session.delete(row)
        record(
            session,
            actor,
            "delete",
            "mentoring_wish",
            wish_id,
            {"guide_id": [str(row.guide_id), None]},
        )
