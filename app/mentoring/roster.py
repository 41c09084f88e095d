"""Rosters of guides approved by order (M-1, M-3), career events (M-2), wishes, the load limit."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import FieldError, NotFoundError, ValidationError
from app.core.settings import get_setting, set_setting
from app.mentoring import rules
from app.mentoring.access import (
    judge_facts,
    require_coordinator,
    require_staff,
)
from app.mentoring.dto import RosterEntryInput, RosterOrderDTO, RosterOrderInput
from app.mentoring.rules import Refusal, RuleError
from db.models import (
    CareerEvent,
    Person,
    ProtegeWish,
    RosterEntry,
    RosterOrder,
)
from i18n import N_


def load_person(session: Session, person_id: uuid.UUID) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(N_("This person was deleted by someone else."))
    return person


def max_proteges(session: Session) -> int:
    """The configured limit of open pairs per guide."""
    raw = get_setting(session, rules.MAX_PROTEGES_KEY, str(rules.DEFAULT_MAX_PROTEGES))
    return int(raw) if raw.isdigit() else rules.DEFAULT_MAX_PROTEGES


def set_max_proteges(session: Session, actor: Actor, limit: int) -> None:
    """Change the limit of protégés per guide (the coordinator's setting)."""
    require_coordinator(actor)
    if not 1 <= limit <= 20:
        raise ValidationError(
            [FieldError("limit", N_("Between {low} and {high}."), {"low": 1, "high": 20})]
        )
    set_setting(session, actor, rules.MAX_PROTEGES_KEY, str(limit))


def add_career_event(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    kind: str,
    occurred_on: date,
    *,
    note: str = "",
) -> uuid.UUID:
    """Record an event that makes a judge a protégé (M-2)."""
    require_staff(actor)
    person = load_person(session, person_id)
    errors = []
    if kind not in rules.EVENT_KINDS:
        errors.append(FieldError("kind", N_("Choose a reason from the list.")))
    if person.role != "judge":
        errors.append(FieldError("person_id", N_("Only a judge can be a protégé — M-2")))
    if person.first_appointed_on and occurred_on < person.first_appointed_on:
        errors.append(FieldError("occurred_on", N_("The date is before the first appointment.")))
    if errors:
        raise ValidationError(errors)
    event = CareerEvent(
        person_id=person_id, kind=kind, occurred_on=occurred_on, note=note, updated_by=actor.name
    )
    session.add(event)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_career_event",
        event.id,
        diff({}, {"person_id": person_id, "kind": kind, "occurred_on": occurred_on}),
    )
    return event.id


def add_wish(
    session: Session, actor: Actor, protege_id: uuid.UUID, guide_id: uuid.UUID, note: str = ""
) -> None:
    """Record the protégé's wish for a guide (M-3, cl. 8)."""
    require_staff(actor)
    load_person(session, protege_id), load_person(session, guide_id)
    wish = ProtegeWish(protege_id=protege_id, guide_id=guide_id, note=note, updated_by=actor.name)
    session.add(wish)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_wish",
        wish.id,
        diff({}, {"protege_id": protege_id, "guide_id": guide_id}),
    )


def approve_roster(
    session: Session, actor: Actor, data: RosterOrderInput, today: date | None = None
) -> RosterOrderDTO:
    """Save the chairman's order approving or amending a roster (M-3), checking M-1."""
    require_staff(actor)
    on = data.signed_on
    errors: list[FieldError] = []
    if not data.number.strip():
        errors.append(FieldError("number", N_("This field is required.")))
    if data.signed_on > (today or date.today()):
        errors.append(FieldError("signed_on", N_("The order date is in the future.")))
    if data.amends_id is not None and session.get(RosterOrder, data.amends_id) is None:
        errors.append(FieldError("amends_id", N_("The amended order no longer exists.")))
    if errors:
        raise ValidationError(errors)
    refusals: list[Refusal] = []
    checked: list[tuple[RosterEntryInput, list[Refusal]]] = []
    for entry in data.entries:
        person = load_person(session, entry.person_id)
        found = rules.guide_refusals(entry.kind, judge_facts(session, person, on), on)
        if found and entry.override_reason.strip():
            require_coordinator(actor)  # M-1: only the coordinator overrides, with a reason
        elif found:
            refusals += found
        checked.append((entry, found))
    if refusals:
        raise RuleError(refusals)
    digest = hashlib.sha256(data.attachment).hexdigest() if data.attachment else ""
    order = RosterOrder(
        region_code=data.region_code,
        number=data.number.strip(),
        signed_on=data.signed_on,
        amends_id=data.amends_id,
        attachment_name=data.attachment_name,
        attachment=data.attachment,
        attachment_sha256=digest,
        updated_by=actor.name,
    )
    session.add(order)
    session.flush()
    for entry, found in checked:
        session.add(
            RosterEntry(
                order_id=order.id,
                person_id=entry.person_id,
                kind=entry.kind,
                override_reason=entry.override_reason.strip(),
                refusals=[r.as_json() for r in found],
                updated_by=actor.name,
            )
        )
    for entry_id in data.removals:
        removed = session.get(RosterEntry, entry_id)
        if removed is None:
            raise NotFoundError(N_("This roster entry was deleted by someone else."))
        removed.removed_by_id = order.id
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_roster_order",
        order.id,
        diff(
            {},
            {
                "number": order.number,
                "signed_on": order.signed_on,
                "amends_id": order.amends_id,
                "attachment_sha256": digest,
                "entries": [[str(e.person_id), e.kind, e.override_reason] for e, _ in checked],
                "removals": [str(r) for r in data.removals],
            },
        ),
    )
    return RosterOrderDTO(order.id, order.number, order.signed_on, digest, len(checked))


def roster_entry(
    session: Session, person_id: uuid.UUID, kind: str, region: str
) -> RosterEntry | None:
    """A person's entry on the effective roster of a region as tutor or mentor (M-3)."""
    return session.scalars(
        select(RosterEntry)
        .join(RosterOrder, RosterOrder.id == RosterEntry.order_id)
        .where(
            RosterEntry.person_id == person_id,
            RosterEntry.kind == kind,
            RosterEntry.removed_by_id.is_(None),
            RosterOrder.region_code == region,
        )
        .order_by(RosterOrder.signed_on.desc())
    ).first()
