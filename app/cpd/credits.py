"""Points earned by attending the centre's own training events: the CPD ledger's service for
training (C-1, C-3). Attendance is the evidence, so the line is confirmed at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.permissions import CPD_KEEP, REFUSED, require
from app.cpd.ledger import check_unlocked
from app.cpd.rules import rule_set_for
from db.models import CpdActivity
from i18n import N_

# Stored in override_reason (a code, never a translated sentence) when the event's points differ
# from the catalogue's; shown through REASONS in the reader's language.
EVENT_POINTS = "event_points"
REASONS: dict[str, str] = {EVENT_POINTS: N_("Points set for the event")}
SOURCE = "training"


@dataclass(frozen=True)
class Attended:
    """One person's attendance of a training session, as the ledger records it."""

    person_id: uuid.UUID
    registration_id: uuid.UUID
    form_id: uuid.UUID
    event: str
    organiser: str
    starts_on: date
    ends_on: date
    points: Decimal


def credited(session: Session, registration_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Registrations that already earned a line, with the line's reporting year."""
    ids = list(registration_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(CpdActivity.registration_id, CpdActivity.year).where(
            CpdActivity.registration_id.in_(ids)
        )
    )
    return {r.registration_id: r.year for r in rows if r.registration_id is not None}


def credit_attendance(session: Session, actor: Actor, came: Attended, *, today: date) -> None:
    """A confirmed line with the event's points, keyed by the registration so marking twice
    never doubles points; the form's catalogue points of that year are kept beside (C-9).
    """
    require(actor, CPD_KEEP, REFUSED)
    year = came.ends_on.year
    check_unlocked(session, came.person_id, year)
    catalogue = rule_set_for(session, year).points.get(came.form_id)
    session.add(
        CpdActivity(
            person_id=came.person_id,
            year=year,
            starts_on=came.starts_on,
            ends_on=came.ends_on,
            form_id=came.form_id,
            event=came.event,
            organiser=came.organiser,
            hours=None,
            points=came.points,
            catalogue_points=catalogue,
            override_reason="" if came.points == catalogue else EVENT_POINTS,
            state="confirmed",
            reviewed_by=actor.name,
            reviewed_on=today,
            review_note="",
            source=SOURCE,
            registration_id=came.registration_id,
            idempotency_key=f"training:{came.registration_id}",
            updated_by=actor.name,
        )
    )


def withdraw_attendance(
    session: Session, actor: Actor, person_id: uuid.UUID, registration_id: uuid.UUID
) -> bool:
    """Remove the line a registration earned (the person did not attend after all)."""
    require(actor, CPD_KEEP, REFUSED)
    line = session.scalar(select(CpdActivity).where(CpdActivity.registration_id == registration_id))
    if line is None:
        return False
    check_unlocked(session, person_id, line.year)
    session.delete(line)
    return True
