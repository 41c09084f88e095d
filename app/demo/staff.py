"""Demo staff adaptations (S-1): a few newcomers with tutors, plans and one result."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.staff.dto import AdaptationInput, InternshipInput, PlanItem, ResultInput
from app.staff.internships import record_outcome, schedule_internship
from app.staff.rules import STAFF_ROLE, last_term_day
from app.staff.service import assign_tutor, record_result, set_plan
from db.models import Person

# Items of a typical plan: (days after the start, text). Kazakh, as the demo's people are.
PLAN = (
    (0, "Сот аппаратының ішкі еңбек тәртібі ережелерімен танысу"),
    (7, "Іс жүргізу жөніндегі нұсқаулықты оқу"),
    (21, "Тәлімгермен бірге сот отырыстарын дайындауға қатысу"),
    (45, "«Төрелік» ақпараттық жүйесімен жұмыс"),
    (80, "Бейімделу қорытындысы бойынша әңгімелесу"),
)


def generate_staff(session: Session, actor: Actor, *, today: date, count: int = 4) -> int:
    """Open `count` adaptations at courts with two or more staff; the oldest has a result,
    the newest no plan yet (so the list shows an overdue plan). Returns how many.
    """
    by_court: dict[object, list[Person]] = defaultdict(list)
    for p in session.scalars(
        select(Person).where(Person.role == STAFF_ROLE).order_by(Person.sort_key)
    ):
        by_court[p.court_id].append(p)
    pairs = [(ps[0], ps[1]) for ps in by_court.values() if len(ps) >= 2][:count]
    for n, (newcomer, tutor) in enumerate(pairs):
        starts = today - timedelta(days=(len(pairs) - n) * 25 + (40 if n == 0 else 0))
        a = assign_tutor(
            session,
            actor,
            AdaptationInput(newcomer.id, tutor.id, starts, starts, last_term_day(starts)),
        )
        if n == len(pairs) - 1:
            continue
        items = [
            PlanItem(text, starts + timedelta(days=d), done=starts + timedelta(days=d) < today)
            for d, text in PLAN
        ]
        a = set_plan(session, actor, a.id, a.version, items)
        if n == 0:
            verdict = ResultInput(True, min(a.ends_on, today), "Аппарат басшысы Серікова А.")
            record_result(session, actor, a.id, a.version, verdict, today=today)
    return len(pairs)


def generate_internship_schedule(session: Session, actor: Actor, *, today: date) -> int:
    """S-2: a year's schedule of ten staff members, one a month from February; those over
    before today recorded as held (every fourth not held, with a reason).
    """
    staff = list(
        session.scalars(
            select(Person).where(Person.role == STAFF_ROLE).order_by(Person.sort_key).limit(10)
        )
    )
    for n, person in enumerate(staff):
        starts = date(today.year, 2 + n, 2 + n)
        line = schedule_internship(
            session,
            actor,
            InternshipInput(person.id, today.year, "Облыстық соттың аппараты", starts,
                            starts + timedelta(days=11)),
        )  # fmt: skip
        if line.ends_on <= today:
            held = n % 4 != 3
            reason = "" if held else "Еңбек демалысы"
            status = "held" if held else "not_held"
            record_outcome(session, actor, line.id, line.version, status, reason, today=today)
    return len(staff)
