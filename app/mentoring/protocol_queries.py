"""Reading council protocols: their DTOs and their printable content (M-11)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import NotFoundError
from app.core.permissions import PERSONAL_FILES_READ, require
from app.courts import offices
from app.mentoring.access import (
    load_pair,
    names,
)
from app.mentoring.dto import ProtocolDTO
from db.models import (
    Court,
    Pair,
    PairReport,
    Protocol,
    ProtocolCopy,
    ProtocolDecision,
    TrainingCentre,
)
from i18n import N_


def load_protocol(session: Session, protocol_id: uuid.UUID) -> Protocol:
    protocol = session.get(Protocol, protocol_id)
    if protocol is None:
        raise NotFoundError(N_("This protocol was deleted by someone else."))
    return protocol


def protocol_dto(session: Session, p: Protocol) -> ProtocolDTO:
    count = (
        session.scalar(
            select(func.count(ProtocolDecision.id)).where(ProtocolDecision.protocol_id == p.id)
        )
        or 0
    )
    copies = tuple(
        (c.recipient, c.sent_on)
        for c in session.scalars(
            select(ProtocolCopy)
            .where(ProtocolCopy.protocol_id == p.id)
            .order_by(ProtocolCopy.sent_on)
        )
    )
    return ProtocolDTO(
        p.id,
        p.version,
        p.number,
        p.held_on,
        p.region_code,
        p.signed_at,
        p.signed_by,
        p.content_hash,
        int(count),
        p.amends_id,
        copies,
        (p.scan_name or "scan") if p.scan_sha256 else "",
    )


def _region_names(session: Session, region: str) -> dict[str, str]:
    court = session.scalar(
        select(Court).where(Court.level == "regional", Court.region_code == region)
    )
    centre = (
        session.scalar(select(TrainingCentre).where(TrainingCentre.court_id == court.id))
        if court
        else None
    )
    return {
        "court_kk": court.name_kk if court else "",
        "court_ru": court.name_ru if court else "",
        "centre_kk": centre.name_kk if centre else "",
        "centre_ru": centre.name_ru if centre else "",
    }


def content_of(session: Session, protocol_id: uuid.UUID) -> dict[str, Any]:
    """The protocol as printed: the signed snapshot, or the live draft (M-11)."""
    p = load_protocol(session, protocol_id)
    if p.signed_at is not None:
        loaded: dict[str, Any] = json.loads(p.content)
        return loaded
    return build_content(session, p)


def written_reports(session: Session, pair_ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[str, str]]:
    """The dates of the guide's and the protégé's written reports of each pair (M-10)."""
    out: dict[uuid.UUID, dict[str, str]] = {}
    if pair_ids:
        for pair_id, author, on in session.execute(
            select(PairReport.pair_id, PairReport.author, PairReport.submitted_on).where(
                PairReport.pair_id.in_(pair_ids)
            )
        ):
            out.setdefault(pair_id, {})[author] = on.isoformat()
    return out


def _coordinator(session: Session, region_code: str) -> str:
    held = offices.coordinator_of_region(session, region_code)
    return held.initials if held else ""


def build_content(session: Session, p: Protocol) -> dict[str, Any]:
    decisions = list(
        session.scalars(
            select(ProtocolDecision)
            .where(ProtocolDecision.protocol_id == p.id)
            .order_by(ProtocolDecision.created_at)
        )
    )
    pairs = {d.pair_id: load_pair(session, d.pair_id) for d in decisions}
    people = names(
        session,
        {x.protege_id for x in pairs.values()}
        | {x.guide_id for x in pairs.values()}
        | {d.new_guide_id for d in decisions if d.new_guide_id},
    )
    amended = session.get(Protocol, p.amends_id) if p.amends_id else None
    reports = written_reports(session, list(pairs))
    return {
        "id": str(p.id),
        "region": p.region_code,
        **_region_names(session, p.region_code),
        "number": p.number,
        "held_on": p.held_on.isoformat(),
        "place": p.place,
        "chair": p.chair,
        "secretary": p.secretary,
        "members": list(p.members),
        "coordinator": _coordinator(session, p.region_code),
        "agenda": p.agenda,
        "amends": {"number": amended.number, "held_on": amended.held_on.isoformat()}
        if amended
        else None,
        "decisions": [
            {
                "pair_id": str(d.pair_id),
                "kind": pairs[d.pair_id].kind,
                "protege": people.get(pairs[d.pair_id].protege_id, ""),
                "guide": people.get(pairs[d.pair_id].guide_id, ""),
                "starts_on": pairs[d.pair_id].starts_on.isoformat(),
                "decision": d.decision,
                "text": d.text,
                "extend_months": d.extend_months,
                "new_guide": people.get(d.new_guide_id, "") if d.new_guide_id else "",
                # M-10/M-11, cl. 13-14: the decision rests on both written reports (dates only:
                # what they say stays confidential, M-9).
                "reports": reports.get(d.pair_id, {}),
            }
            for d in decisions
        ],
        "signed_by": p.signed_by,
        "signed_on": p.signed_at.date().isoformat() if p.signed_at else None,
    }


def get_protocol(session: Session, protocol_id: uuid.UUID) -> ProtocolDTO:
    """One protocol."""
    return protocol_dto(session, load_protocol(session, protocol_id))


def find_protocol(session: Session, number: str, region_code: str = "") -> ProtocolDTO:
    """The latest protocol with a number (in a region)."""
    stmt = select(Protocol).where(Protocol.number == number)
    if region_code:
        stmt = stmt.where(Protocol.region_code == region_code)
    p = session.scalars(stmt.order_by(Protocol.held_on.desc())).first()
    if p is None:
        raise NotFoundError(N_("There is no protocol No. {number}."), number=number)
    return protocol_dto(session, p)


def signed_content(session: Session, code: str) -> str | None:
    """The stored canonical content of the signed protocol with a code, if any."""
    return session.scalar(
        select(Protocol.content).where(
            Protocol.content_hash == code, Protocol.signed_at.is_not(None)
        )
    )


def list_protocols(session: Session, region_code: str = "") -> list[ProtocolDTO]:
    """Protocols of a region, newest first (no confidential content, M-9)."""
    stmt = select(Protocol)
    if region_code:
        stmt = stmt.where(Protocol.region_code == region_code)
    return [
        protocol_dto(session, p) for p in session.scalars(stmt.order_by(Protocol.held_on.desc()))
    ]


def personal_file_copies(
    session: Session, actor: Actor, person_id: uuid.UUID | None = None
) -> list[ProtocolDTO]:
    """Signed protocols whose copy went to HR for the personal files (M-11), newest first;
    what HR reads of mentoring (M-9). With `person_id`, those deciding on that person's pairs.
    """
    require(actor, PERSONAL_FILES_READ, N_("Only the HR service reads the personal-file copies."))
    sent = select(ProtocolCopy.protocol_id).where(ProtocolCopy.recipient == "hr")
    stmt = select(Protocol).where(Protocol.id.in_(sent), Protocol.signed_at.is_not(None))
    if person_id is not None:
        stmt = stmt.where(
            Protocol.id.in_(
                select(ProtocolDecision.protocol_id)
                .join(Pair, Pair.id == ProtocolDecision.pair_id)
                .where(or_(Pair.protege_id == person_id, Pair.guide_id == person_id))
            )
        )
    return [
        protocol_dto(session, p) for p in session.scalars(stmt.order_by(Protocol.held_on.desc()))
    ]


def latest_for_pair(session: Session, pair_id: uuid.UUID) -> ProtocolDTO | None:
    """The newest protocol deciding on a pair, draft or signed."""
    p = session.scalars(
        select(Protocol)
        .join(ProtocolDecision, ProtocolDecision.protocol_id == Protocol.id)
        .where(ProtocolDecision.pair_id == pair_id)
        .order_by(Protocol.held_on.desc(), Protocol.created_at.desc())
    ).first()
    return protocol_dto(session, p) if p is not None else None


def protocols_for_pair(session: Session, pair_id: uuid.UUID) -> list[ProtocolDTO]:
    """Every protocol deciding on a pair, draft or signed, newest first (M-11)."""
    stmt = (
        select(Protocol)
        .where(
            Protocol.id.in_(
                select(ProtocolDecision.protocol_id).where(ProtocolDecision.pair_id == pair_id)
            )
        )
        .order_by(Protocol.held_on.desc(), Protocol.created_at.desc())
    )
    return [protocol_dto(session, p) for p in session.scalars(stmt)]
