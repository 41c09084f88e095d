"""What a signed protocol's decisions do to the pairs (M-11)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.mentoring import rules
from app.mentoring.access import (
    extension_months,
    load_pair,
    months_used_before,
    pair_end,
)
from db.models import (
    Pair,
    Protocol,
    ProtocolDecision,
)


def remaining_months(session: Session, pair: Pair, on: date) -> int:
    """What a replacement guide takes over: the rest of the replaced pair's term (M-4, M-10)."""
    used = months_used_before(session, pair, on)
    left = rules.months_spanned(on, pair_end(pair, extension_months(session, pair.id)))
    return max(1, min(left, rules.MAX_TOTAL_MONTHS - used))


def _apply(session: Session, actor: Actor, p: Protocol, d: ProtocolDecision) -> None:
    pair = load_pair(session, d.pair_id)
    before = {"state": pair.state, "ended_on": pair.ended_on, "locked_by_id": pair.locked_by_id}
    if d.decision == "extend":
        # M-4/M-5, seed 002 cl. 5: the council only proposes an extension; it takes effect
        # when the regional court chairman's order is recorded (service.extend_pair).
        return
    pair.state = "completed" if d.decision == "complete" else "ended_early"
    pair.ended_on = p.held_on
    pair.end_reason = {
        "complete": "goals_reached",
        "end_early": "petition",
        "replace": "replaced",
    }[d.decision]
    pair.locked_by_id = p.id
    if d.decision == "replace" and d.new_guide_id is not None:
        remaining = remaining_months(session, pair, p.held_on)
        new = Pair(
            protege_id=pair.protege_id,
            guide_id=d.new_guide_id,
            kind=pair.kind,
            state="active",
            region_code=pair.region_code,
            starts_on=p.held_on,
            term_months=remaining,
            replaces_id=pair.id,
            updated_by=actor.name,
        )
        session.add(new)
    pair.updated_by = actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "mentoring_pair",
        pair.id,
        diff(
            before,
            {"state": pair.state, "ended_on": pair.ended_on, "locked_by_id": pair.locked_by_id},
        ),
    )
