"""E-3: the evaluation commission's protocol decisions on a round's results (seed 001 §7.1.12)
and the judges' acknowledgement of their results (§7.1.14), as one content for paper.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, NotFoundError, ValidationError
from app.core.permissions import EVALUATION_MANAGE, require
from app.evaluation.queries import round_sheets
from db.base import aware
from db.models import EvalProtocol, EvalProtocolDecision, EvalRound, EvalSheet
from i18n import N_

# What the commission may decide on one judge's results (E-3).
DECISIONS: dict[str, str] = {
    "approved": N_("Take the results of the evaluation into account"),
    "training": N_("Recommend a professional development course"),
    "internship": N_("Recommend an internship at a higher court"),
    "mentoring": N_("Recommend mentoring"),
    "other": N_("Other decision (see the text)"),
}


@dataclass(frozen=True)
class DecisionInput:
    """One decision on one signed sheet."""

    sheet_id: uuid.UUID
    decision: str
    text: str = ""


@dataclass(frozen=True)
class ProtocolInput:
    """A commission protocol on a round's results."""

    round_id: uuid.UUID
    number: str
    held_on: date
    chair: str
    secretary: str
    members: tuple[str, ...]
    decisions: tuple[DecisionInput, ...]


@dataclass(frozen=True)
class ResultLine:
    """One judge of a round: the result, the commission's decision, the acknowledgement."""

    sheet_id: uuid.UUID
    name: str
    court_kk: str
    court_ru: str
    total: Decimal | None
    decision: str
    text: str
    acknowledged_on: date | None


@dataclass(frozen=True)
class ProtocolContent:
    """What the protocol and the acknowledgement sheet print."""

    round_title: str
    period: str
    number: str
    held_on: date | None
    chair: str
    secretary: str
    members: tuple[str, ...]
    lines: tuple[ResultLine, ...]


def signed_day(sheet: EvalSheet) -> date:
    """The day a sheet was signed off, on this PC's clock (as the window's "today" is)."""
    assert sheet.signed_at is not None
    return aware(sheet.signed_at).astimezone().date()


def _clean(text: str) -> str:
    return " ".join(text.split())


def record_protocol(session: Session, actor: Actor, data: ProtocolInput) -> uuid.UUID:
    """Save a commission protocol: decisions only on signed sheets of that round (E-3)."""
    require(actor, EVALUATION_MANAGE, N_("Only the coordinator may record commission protocols."))
    round_ = session.get(EvalRound, data.round_id)
    if round_ is None:
        raise NotFoundError(N_("This round was deleted by someone else."))
    errors: list[FieldError] = []
    for field, value in (
        ("number", data.number),
        ("chair", data.chair),
        ("secretary", data.secretary),
    ):
        if not _clean(value):
            errors.append(FieldError(field, N_("This field is required.")))
    taken = session.scalar(
        select(EvalProtocol.id).where(
            EvalProtocol.round_id == round_.id, EvalProtocol.number == _clean(data.number)
        )
    )
    if taken is not None:
        errors.append(FieldError("number", N_("This round already has a protocol so numbered.")))
    sheets = {
        s.id: s for s in session.scalars(select(EvalSheet).where(EvalSheet.round_id == round_.id))
    }
    seen: set[uuid.UUID] = set()
    for d in data.decisions:
        sheet = sheets.get(d.sheet_id)
        if d.decision not in DECISIONS:
            errors.append(FieldError("decisions", N_("Choose the decision.")))
        elif sheet is None:
            errors.append(FieldError("decisions", N_("The sheet is not of this round — E-3")))
        elif sheet.status != "signed" or sheet.signed_at is None:
            errors.append(
                FieldError("decisions", N_("Decisions are taken on signed-off sheets only — E-3"))
            )
        elif signed_day(sheet) > data.held_on:
            errors.append(
                FieldError(
                    "held_on",
                    N_("The meeting is before a sheet it decides on was signed off — E-3"),
                )
            )
        elif d.sheet_id in seen:
            errors.append(FieldError("decisions", N_("One decision per judge — E-3")))
        seen.add(d.sheet_id)
    if not data.decisions:
        errors.append(
            FieldError("decisions", N_("The protocol decides on at least one judge — E-3"))
        )
    if errors:
        raise ValidationError(errors)
    protocol = EvalProtocol(
        round_id=round_.id,
        number=_clean(data.number),
        held_on=data.held_on,
        chair=_clean(data.chair),
        secretary=_clean(data.secretary),
        members="\n".join(m for m in (_clean(x) for x in data.members) if m),
        updated_by=actor.name,
    )
    session.add(protocol)
    session.flush()
    for d in data.decisions:
        session.add(
            EvalProtocolDecision(
                protocol_id=protocol.id,
                sheet_id=d.sheet_id,
                decision=d.decision,
                text=d.text.strip(),
                updated_by=actor.name,
            )
        )
    session.flush()
    record(
        session,
        actor,
        "create",
        "eval_protocol",
        protocol.id,
        {"number": [None, protocol.number], "decisions": [None, len(data.decisions)]},
    )
    return protocol.id


def protocols_of_round(session: Session, round_id: uuid.UUID) -> list[tuple[uuid.UUID, str, date]]:
    """The commission protocols of a round: (id, number, date), oldest first."""
    rows = session.execute(
        select(EvalProtocol.id, EvalProtocol.number, EvalProtocol.held_on)
        .where(EvalProtocol.round_id == round_id)
        .order_by(EvalProtocol.held_on, EvalProtocol.number)
    ).all()
    return [(i, n, d) for i, n, d in rows]


def content(
    session: Session, round_id: uuid.UUID, protocol_id: uuid.UUID | None
) -> ProtocolContent:
    """A round's results with a protocol's decisions (or none) and the acknowledgements (E-3)."""
    round_ = session.get(EvalRound, round_id)
    if round_ is None:
        raise NotFoundError(N_("This round was deleted by someone else."))
    protocol = session.get(EvalProtocol, protocol_id) if protocol_id else None
    if protocol is not None and protocol.round_id != round_id:
        raise NotFoundError(N_("This protocol is not of the chosen round."))
    decided = (
        {
            d.sheet_id: d
            for d in session.scalars(
                select(EvalProtocolDecision).where(EvalProtocolDecision.protocol_id == protocol.id)
            )
        }
        if protocol is not None
        else {}
    )
    acknowledged = dict(
        session.execute(
            select(EvalSheet.id, EvalSheet.acknowledged_on).where(EvalSheet.round_id == round_id)
        ).all()
    )
    lines = tuple(
        ResultLine(
            row.id,
            row.subject_name,
            row.court_name_kk,
            row.court_name_ru,
            row.total,
            decided[row.id].decision if row.id in decided else "",
            decided[row.id].text if row.id in decided else "",
            acknowledged.get(row.id),
        )
        for row in round_sheets(session, round_id)
        if row.status == "signed" and (protocol is None or row.id in decided)
    )
    return ProtocolContent(
        round_.title,
        round_.period,
        protocol.number if protocol else "",
        protocol.held_on if protocol else None,
        protocol.chair if protocol else "",
        protocol.secretary if protocol else "",
        tuple(protocol.members.splitlines()) if protocol else (),
        lines,
    )
