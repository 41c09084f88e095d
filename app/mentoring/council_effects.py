"""What a signed protocol's decisions do to the pairs (M-11)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.mentoring import rules
from app.mentoring.access import (
    extension_months,
    load_pair,
    pair_end,
)
from db.models import (
    Pair,
    PairExtension,
    Protocol,
    ProtocolDecision,
)


def _apply(session: Session, actor: Actor, p: Protocol, d: ProtocolDecision) -> None:
    pair = load_pair(session, d.pair_id)
    before = {"state": pair.state, "ended_on": pair.ended_on, "locked_by_id": pair.locked_by_id}
    if d.decision == "extend":
        session.add(
            PairExtension(
                pair_id=pair.id,
                order_number=f"№ {p.number}",
                order_date=p.held_on,
                months=d.extend_months,
                updated_by=actor.name,
            )
        )
    else:
        pair.state = "completed" if d.decision == "complete" else "ended_early"
        pair.ended_on = p.held_on
        pair.end_reason = {
            "complete": "goals_reached",
            "end_early": "petition",
            "replace": "replaced",
        }[d.decision]
        pair.locked_by_id = p.id
    if d.decision == "replace" and d.new_guide_id is not None:
        ext = extension_months(session, pair.id)
        remaining = max(1, (pair_end(pair, ext) - p.held_on).days // 30)
        new = Pair(
            protege_id=pair.protege_id,
            guide_id=d.new_guide_id,
            kind=pair.kind,
            state="active",
            region_code=pair.region_code,
            starts_on=p.held_on,
            term_months=min(remaining, rules.MAX_TOTAL_MONTHS),
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
