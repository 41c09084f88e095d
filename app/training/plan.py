"""The training-needs survey per court and the yearly plan built from it (T-2, T-3)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import REFUSED, TRAINING_MANAGE, require
from app.cpd.rules import rule_set_for
from app.training.dto import EventInput, NeedInput
from app.training.service import create_event
from app.training.vocab import AUDIENCES
from db.models import Court, TrainingEvent, TrainingNeed, TrainingPlan
from i18n import N_


@dataclass(frozen=True)
class NeedRow:
    """A topic asked for by courts, with how many people need it."""

    topic: str
    audience: str
    people: int
    courts: int


@dataclass(frozen=True)
class PlanStatus:
    """Where the plan of a year stands against its due date (T-3: by 1 December before)."""

    year: int
    due_on: date
    sent_on: date | None
    events: int

    def overdue(self, today: date) -> bool:
        """Not sent by the due date."""
        if self.sent_on is not None:
            return self.sent_on > self.due_on
        return today > self.due_on


def add_need(session: Session, actor: Actor, data: NeedInput) -> uuid.UUID:
    """Record a court's answer to the needs survey: a topic and how many people need it."""
    require(actor, TRAINING_MANAGE, REFUSED)
    topic = " ".join(data.topic.split())
    errors: list[FieldError] = []
    if session.get(Court, data.court_id) is None:
        errors.append(FieldError("court_id", N_("The chosen court no longer exists.")))
    if not topic:
        errors.append(FieldError("topic", N_("This field is required.")))
    elif len(topic) > 300:
        errors.append(FieldError("topic", N_("At most {limit} characters."), {"limit": 300}))
    if data.people < 0:
        errors.append(FieldError("people", N_("Values cannot be negative.")))
    if data.audience not in AUDIENCES:
        errors.append(FieldError("audience", N_("Choose a value from the list.")))
    if errors:
        raise ValidationError(errors)
    need = TrainingNeed(
        plan_year=data.plan_year,
        court_id=data.court_id,
        topic=topic,
        audience=data.audience,
        people=data.people,
        note=data.note.strip(),
        updated_by=actor.name,
    )
    session.add(need)
    session.flush()
    record(
        session,
        actor,
        "create",
        "training_need",
        need.id,
        diff(
            {},
            {
                "plan_year": data.plan_year,
                "court_id": data.court_id,
                "topic": topic,
                "people": data.people,
            },
        ),
    )
    return need.id


def needs_by_topic(session: Session, year: int) -> list[NeedRow]:
    """The survey summed per topic and audience, most wanted first."""
    rows = session.execute(
        select(
            TrainingNeed.topic,
            TrainingNeed.audience,
            func.sum(TrainingNeed.people),
            func.count(func.distinct(TrainingNeed.court_id)),
        )
        .where(TrainingNeed.plan_year == year)
        .group_by(TrainingNeed.topic, TrainingNeed.audience)
    ).all()
    result = [NeedRow(t, a, int(p or 0), int(c)) for t, a, p, c in rows]
    return sorted(result, key=lambda r: (-r.people, r.topic))


def build_plan(session: Session, actor: Actor, year: int, *, today: date | None = None) -> int:
    """Add a planned seminar for every surveyed topic the plan does not cover yet (T-2).

    Returns how many events were added; the centre then sets dates, places and trainers.
    """
    require(actor, TRAINING_MANAGE, REFUSED)
    planned = set(
        session.scalars(select(TrainingEvent.topic).where(TrainingEvent.plan_year == year))
    )
    added = 0
    for need in needs_by_topic(session, year):
        if need.topic in planned:
            continue
        kind = "course" if need.audience == "staff" else "seminar"
        create_event(
            session,
            actor,
            EventInput(
                title=need.topic,
                kind=kind,
                plan_year=year,
                audience=need.audience,
                topic=need.topic,
            ),
        )
        planned.add(need.topic)
        added += 1
    plan = _plan(session, actor, year)
    plan.approved_on = today or date.today()
    session.flush()
    return added


def _plan(session: Session, actor: Actor, year: int) -> TrainingPlan:
    plan = session.scalars(select(TrainingPlan).where(TrainingPlan.year == year)).first()
    if plan is None:
        plan = TrainingPlan(year=year, updated_by=actor.name)
        session.add(plan)
        session.flush()
    return plan


def plan_due(session: Session, year: int) -> date:
    """The plan of a year goes to the coordinators by 1 December of the year before (T-3)."""
    month, day = (int(x) for x in rule_set_for(session, year).plan_due.split("-"))
    return date(year - 1, month, day)


def mark_plan_sent(session: Session, actor: Actor, year: int, sent_on: date) -> PlanStatus:
    """Record the day the plan went to the regional coordinators (T-3)."""
    require(actor, TRAINING_MANAGE, REFUSED)
    plan = _plan(session, actor, year)
    before = plan.sent_on
    plan.sent_on, plan.updated_by = sent_on, actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "training_plan",
        plan.id,
        diff({"sent_on": before}, {"sent_on": sent_on}),
    )
    return plan_status(session, year)


def plan_status(session: Session, year: int) -> PlanStatus:
    """Due date, sending date and size of a year's plan."""
    plan = session.scalars(select(TrainingPlan).where(TrainingPlan.year == year)).first()
    events = int(
        session.scalar(select(func.count(TrainingEvent.id)).where(TrainingEvent.plan_year == year))
        or 0
    )
    return PlanStatus(year, plan_due(session, year), plan.sent_on if plan else None, events)
