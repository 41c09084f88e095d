"""The branch council's protocol decisions (M-11): drafted, signed once, then immutable."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.mentoring import rules
from app.mentoring.access import (
    LockedError,
    ensure_editable,
    extension_months,
    load_pair,
    months_used_before,
    require_staff,
)
from app.mentoring.council_effects import _apply, remaining_months
from app.mentoring.dto import DecisionInput, ProtocolDTO, ProtocolInput
from app.mentoring.protocol_queries import build_content, load_protocol, protocol_dto
from app.mentoring.rules import Refusal, RuleError
from app.mentoring.service import pair_refusals
from app.mentoring.signing import canonical, code_of
from db.base import utcnow
from db.models import (
    Person,
    Protocol,
    ProtocolCopy,
    ProtocolDecision,
)
from i18n import N_

DECISIONS = ("complete", "end_early", "extend", "replace")
ENDING = ("complete", "end_early", "replace")
RECIPIENTS = ("training_centre", "hr")


def _ensure_draft(protocol: Protocol) -> None:
    if protocol.signed_at is not None:
        raise LockedError(
            N_(
                "Protocol No. {number} of {date} was signed by {who}; it can no longer be "
                "changed. Draw up a new protocol that amends it — M-11"
            ),
            number=protocol.number,
            date=protocol.held_on.strftime("%d.%m.%Y"),
            who=protocol.signed_by,
        )


def _validate(session: Session, data: ProtocolInput) -> None:
    errors = [
        FieldError(f, N_("This field is required."))
        for f in ("number", "place", "chair", "secretary", "agenda", "region_code")
        if not str(getattr(data, f)).strip()
    ]
    if not [m for m in data.members if m.strip()]:
        errors.append(FieldError("members", N_("Name the members present.")))
    if data.amends_id is not None:
        amended = session.get(Protocol, data.amends_id)
        if amended is None or amended.signed_at is None:
            errors.append(
                FieldError("amends_id", N_("Only a signed protocol can be amended — M-11"))
            )
    if errors:
        raise ValidationError(errors)


def create_protocol(session: Session, actor: Actor, data: ProtocolInput) -> ProtocolDTO:
    """A draft protocol of a council meeting (M-11)."""
    require_staff(actor)
    _validate(session, data)
    p = Protocol(
        region_code=data.region_code,
        number=data.number.strip(),
        held_on=data.held_on,
        place=data.place.strip(),
        chair=data.chair.strip(),
        secretary=data.secretary.strip(),
        members=[m.strip() for m in data.members if m.strip()],
        agenda=data.agenda.strip(),
        amends_id=data.amends_id,
        updated_by=actor.name,
    )
    session.add(p)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_protocol",
        p.id,
        diff({}, {"number": p.number, "held_on": p.held_on, "amends_id": p.amends_id}),
    )
    return protocol_dto(session, p)


def update_protocol(
    session: Session, actor: Actor, protocol_id: uuid.UUID, data: ProtocolInput
) -> ProtocolDTO:
    """Change a draft; a signed protocol refuses and says why (M-11)."""
    require_staff(actor)
    p = load_protocol(session, protocol_id)
    _ensure_draft(p)
    _validate(session, data)
    before = {"number": p.number, "held_on": p.held_on, "place": p.place, "agenda": p.agenda}
    p.number, p.held_on, p.place = data.number.strip(), data.held_on, data.place.strip()
    p.chair, p.secretary, p.agenda = data.chair.strip(), data.secretary.strip(), data.agenda
    p.members = [m.strip() for m in data.members if m.strip()]
    p.updated_by = actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "mentoring_protocol",
        p.id,
        diff(
            before, {"number": p.number, "held_on": p.held_on, "place": p.place, "agenda": p.agenda}
        ),
    )
    return protocol_dto(session, p)


def add_decision(
    session: Session, actor: Actor, protocol_id: uuid.UUID, data: DecisionInput
) -> ProtocolDTO:
    """Add the council's decision on a pair to a draft (M-11; M-4 for extend, M-10 replace)."""
    require_staff(actor)
    p = load_protocol(session, protocol_id)
    _ensure_draft(p)
    pair = load_pair(session, data.pair_id)
    if pair.locked_by_id is None or pair.locked_by_id != p.amends_id:
        ensure_editable(session, pair)  # only an amending protocol revisits a closed pair
    errors = []
    if data.decision not in DECISIONS:
        errors.append(FieldError("decision", N_("Choose a decision from the list.")))
    if not data.text.strip():
        errors.append(FieldError("text", N_("This field is required.")))
    if session.scalar(
        select(ProtocolDecision.id).where(
            ProtocolDecision.protocol_id == p.id, ProtocolDecision.pair_id == pair.id
        )
    ):
        errors.append(FieldError("pair_id", N_("This protocol already decides on the pair.")))
    if errors:
        raise ValidationError(errors)
    refusals: list[Refusal] = []
    if data.decision == "extend":
        refusals += rules.term_refusals(
            pair.term_months,
            [*extension_months(session, pair.id), data.extend_months],
            months_used_before(session, pair, pair.starts_on),
        )
    if data.decision == "replace":
        guide = session.get(Person, data.new_guide_id) if data.new_guide_id else None
        protege = session.get(Person, pair.protege_id)
        assert protege is not None
        if guide is None:
            refusals.append(Refusal("M-10", N_("Name the new guide — M-10")))
        else:
            refusals += pair_refusals(
                session,
                protege,
                guide,
                kind=pair.kind,
                starts_on=p.held_on,
                term_months=remaining_months(session, pair, p.held_on),
                replacing=pair.id,
            )
    if refusals:
        raise RuleError(refusals)
    d = ProtocolDecision(
        protocol_id=p.id,
        pair_id=pair.id,
        decision=data.decision,
        text=data.text.strip(),
        extend_months=data.extend_months,
        new_guide_id=data.new_guide_id,
        updated_by=actor.name,
    )
    session.add(d)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_decision",
        d.id,
        diff({}, {"protocol_id": p.id, "pair_id": pair.id, "decision": data.decision}),
    )
    return protocol_dto(session, p)


def sign_protocol(
    session: Session,
    actor: Actor,
    protocol_id: uuid.UUID,
    signed_by: str,
    *,
    scan: bytes | None = None,
    scan_name: str = "",
    at: datetime | None = None,
) -> ProtocolDTO:
    """Mark a protocol signed: its content and code are fixed, its decisions applied (M-11)."""
    require_staff(actor)
    p = load_protocol(session, protocol_id)
    _ensure_draft(p)
    errors = []
    if not signed_by.strip():
        errors.append(FieldError("signed_by", N_("This field is required.")))
    if not session.scalar(
        select(func.count(ProtocolDecision.id)).where(ProtocolDecision.protocol_id == p.id)
    ):
        errors.append(FieldError("decisions", N_("The protocol decides on no pair — M-11")))
    if errors:
        raise ValidationError(errors)
    p.signed_at = (at or utcnow()).replace(microsecond=0)
    p.signed_by = signed_by.strip()
    p.scan, p.scan_name = scan, scan_name
    p.scan_sha256 = hashlib.sha256(scan).hexdigest() if scan else ""
    content = build_content(session, p)
    p.content = canonical(content).decode("utf-8")
    p.content_hash = code_of(content)
    p.updated_by = actor.name
    for d in session.scalars(
        select(ProtocolDecision)
        .where(ProtocolDecision.protocol_id == p.id)
        .order_by(ProtocolDecision.created_at)
    ):
        _apply(session, actor, p, d)
    session.flush()
    record(
        session,
        actor,
        "sign",
        "mentoring_protocol",
        p.id,
        {
            "signed_by": [None, p.signed_by],
            "content_hash": [None, p.content_hash],
            "scan_sha256": [None, p.scan_sha256],
        },
    )
    return protocol_dto(session, p)


def record_copy(
    session: Session,
    actor: Actor,
    protocol_id: uuid.UUID,
    recipient: str,
    sent_on: date,
    *,
    note: str = "",
) -> ProtocolDTO:
    """Register a copy sent to the training centre or to HR for the personal file (M-11)."""
    require_staff(actor)
    p = load_protocol(session, protocol_id)
    errors = []
    if p.signed_at is None:
        errors.append(FieldError("recipient", N_("Only a signed protocol is sent — M-11")))
    if recipient not in RECIPIENTS:
        errors.append(FieldError("recipient", N_("Choose the training centre or HR.")))
    if errors:
        raise ValidationError(errors)
    copy = ProtocolCopy(
        protocol_id=p.id, recipient=recipient, sent_on=sent_on, note=note, updated_by=actor.name
    )
    session.add(copy)
    session.flush()
    record(
        session,
        actor,
        "create",
        "mentoring_protocol_copy",
        copy.id,
        diff({}, {"protocol_id": p.id, "recipient": recipient, "sent_on": sent_on}),
    )
    return protocol_dto(session, p)
