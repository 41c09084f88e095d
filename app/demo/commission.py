"""Demo evaluation commission (E-3): a protocol on the latest round and the judges' signatures."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.demo.council import council_members
from app.evaluation.commission import DecisionInput, ProtocolInput, record_protocol, signed_day
from app.evaluation.queries import round_sheets
from app.evaluation.sheets import acknowledge
from db.models import Court, EvalRound, EvalSheet, Person

DECIDED = 60  # sheets the demo protocol decides on: enough for pages, cheap at national scale


def generate_commission(session: Session, actor: Actor, *, period: str) -> tuple[int, int]:
    """Through the evaluation services: protocol No. 1 on the first signed sheets of the round
    of `period`, held the day they were signed off (E-3, seed 001 §7.1.12), a decision by the
    result, and two judges in three acquainted with it on the meeting's day (§7.1.14).
    Returns (decisions, acknowledgements).
    """
    round_id = session.scalar(
        select(EvalRound.id).where(EvalRound.period == period).order_by(EvalRound.id).limit(1)
    )
    if round_id is None:
        return 0, 0
    signed = [r for r in round_sheets(session, round_id) if r.status == "signed"][:DECIDED]
    if not signed:
        return 0, 0
    first = session.get(EvalSheet, signed[0].id)
    assert first is not None
    held_on = signed_day(first)
    region = session.scalar(
        select(Court.region_code)
        .join(Person, Person.court_id == Court.id)
        .where(Person.id == signed[0].subject_id)
    )
    chair, secretary, members = council_members(session, region or "")
    # the commission does not decide on its own members' results
    signed = [r for r in signed if r.subject_name not in members]
    totals = sorted(r.total for r in signed if r.total is not None)
    low = totals[len(totals) // 5] if totals else None
    decisions = []
    for n, row in enumerate(signed):
        if low is not None and row.total is not None and row.total <= low:
            kind = ("training", "mentoring", "internship")[n % 3]
        else:
            kind = "approved"
        decisions.append(DecisionInput(row.id, kind))
    decisions[-1] = DecisionInput(signed[-1].id, "other", "Қорытындыны келесі отырыста қайта қарау")
    record_protocol(
        session,
        actor,
        ProtocolInput(round_id, "1", held_on, chair, secretary, members, tuple(decisions)),
    )
    acknowledged = 0
    for n, row in enumerate(signed):
        if n % 3 != 2:
            acknowledge(session, actor, row.id, held_on)
            acknowledged += 1
    return len(decisions), acknowledged
