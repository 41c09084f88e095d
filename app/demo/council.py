"""Demo council protocols (M-11): a signed one on the pairs whose term has ended, and a draft."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.mentoring.council import add_decision, create_protocol, sign_protocol
from app.mentoring.dto import DecisionInput, ProtocolInput, ReportInput
from app.mentoring.journal import submit_report
from app.mentoring.rules import add_months
from db.models import Court, Pair, Person

AGENDA = "Тәлімгерлік жұптардың қорытындысы туралы"
PLACE = "Облыстық соттың мәжіліс залы"
COMPLETE = (
    "Жеке бағдарлама толық орындалды; тәлімгер мен тәлімгерленушінің жазбаша есептері қаралды."
)
EARLY = "Тәлімгерленушінің өтініші бойынша: тәлімгерлікке қажеттілік жойылды."
EXTEND = "Тәлімгерленушінің өтініші бойынша мерзімді ұзартуды ұсыну."
WORK = "Бағдарламаның негізгі тармақтары орындалды."
SKILLS = "Процестік құжаттарды дайындау дағдылары."
USEFUL = "Тиімді; әрі қарай тәлімгерлік қажет емес."


def _name(p: Any) -> str:
    return " ".join(x for x in (p.surname, p.first_name, p.patronymic) if x)


def council_members(session: Session, region: str) -> tuple[str, str, tuple[str, ...]]:
    """Chair, secretary and members: senior judges of the regional court and one of its staff."""
    people = session.execute(
        select(Person.surname, Person.first_name, Person.patronymic, Person.role, Court.level)
        .join(Court, Court.id == Person.court_id)
        .where(Court.region_code == region, Person.position != "Төраға")
        .order_by(Person.first_appointed_on, Person.iin)
    ).all()
    judges = [_name(p) for p in people if p.role == "judge" and p.level == "regional"][:3]
    staff = [_name(p) for p in people if p.role == "staff"][:1]
    chair, secretary = judges[0], (staff or judges[1:2])[0]
    return chair, secretary, (chair, *judges[1:], secretary)


def generate_protocols(session: Session, actor: Actor, *, today: date) -> int:
    """In every region with pairs: protocol No. 1, signed, closing the pairs whose term ended
    at least ten days ago (or ending one early on petition), and protocol No. 2, a draft for
    today's meeting on the rest (and proposing one extension, which the chairman's order
    would decide — M-4). Returns how many protocols were written.
    """
    # Ordered by what the demo's seed decides (not by random ids), so every backend agrees.
    pairs = session.execute(
        select(Pair.id, Pair.region_code, Pair.starts_on, Pair.term_months)
        .join(Person, Person.id == Pair.protege_id)
        .where(Pair.state == "active")
        .order_by(Pair.region_code, Pair.starts_on, Person.iin, Pair.kind)
    ).all()
    regions: dict[str, list[Any]] = {}
    for pair in pairs:
        regions.setdefault(pair.region_code, []).append(pair)
    written = 0
    for region, active in regions.items():
        ended = [p for p in active if add_months(p.starts_on, p.term_months) <= today]
        running = [
            p for p in active if p not in ended and p.starts_on <= today - timedelta(days=120)
        ][::-1]
        now = [p for p in ended if add_months(p.starts_on, p.term_months) <= today - timedelta(10)]
        later = [p for p in ended if p not in now]
        signed = [(p, "complete", COMPLETE) for p in now]
        if not signed and running:
            signed = [(running.pop(), "end_early", EARLY)]
        draft = [(p, "complete", COMPLETE) for p in later]
        if running:
            draft.append((running.pop(), "extend", EXTEND))
        chair, secretary, members = council_members(session, region)
        last_end = max((add_months(p.starts_on, p.term_months) for p, *_ in signed), default=None)
        held = min(last_end + timedelta(days=5), today - timedelta(days=2)) if last_end else None
        for number, decisions, on in (
            ("1", signed, held or today - timedelta(days=20)),
            ("2", draft, today),
        ):
            if not decisions:
                continue
            meeting = ProtocolInput(region, number, on, PLACE, chair, secretary, members, AGENDA)
            protocol = create_protocol(session, actor, meeting)
            for pair, decision, text in decisions:
                if decision == "end_early":  # the petition and both reports come first (M-10)
                    for author, score in (("guide", None), ("protege", 4)):
                        report = ReportInput(
                            author, on - timedelta(days=3), WORK, SKILLS, USEFUL, "", score
                        )
                        submit_report(session, actor, pair.id, report)
                months = 6 if decision == "extend" else 0
                add_decision(
                    session, actor, protocol.id, DecisionInput(pair.id, decision, text, months)
                )
            if number == "1":
                at = datetime.combine(on + timedelta(days=1), time(10), tzinfo=UTC)
                sign_protocol(session, actor, protocol.id, chair, at=at)
            written += 1
    return written
