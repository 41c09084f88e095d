"""Demo court offices: each region's named coordinator (M-6) and small district courts (M-1)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.courts.offices import CHAIRMAN, COORDINATOR, name_holder, set_small
from app.demo.generator import CHAIRMAN as CHAIRMAN_POSITION
from db.models import Court, Person, PersonStatusPeriod

SMALL_PER_REGION = 2  # the last district courts of each region (by code) are small ones


def coordinator_since(today: date) -> date:
    """The day the demo's coordinators were named: before the roster order (mentoring demo)."""
    return date(today.year - 3, 1, 10)


def generate_offices(session: Session, actor: Actor, *, today: date) -> tuple[int, int]:
    """Through the courts service: name a coordinator in every region with demo judges, a judge
    of the regional court serving since before the naming and never on leave (M-6, seed 002
    cl. 9); flag a region's last district courts small and name their chairman, the court's
    longest-serving judge (M-1, cl. 11). Returns (coordinators, small courts).
    """
    since = coordinator_since(today)
    on_leave = select(PersonStatusPeriod.person_id)
    coordinators = small = 0
    regional = session.scalars(
        select(Court).where(Court.level == "regional").order_by(Court.code)
    ).all()
    for court in regional:
        pick = session.scalar(
            select(Person.id)
            .where(
                Person.court_id == court.id,
                Person.role == "judge",
                Person.position != CHAIRMAN_POSITION,
                Person.first_appointed_on <= since,
                Person.id.not_in(on_leave),
            )
            .order_by(Person.first_appointed_on, Person.iin)
            .limit(1)
        )
        if pick is None:
            continue
        name_holder(session, actor, court.id, COORDINATOR, pick, since, "Филиал кеңесінің шешімі")
        coordinators += 1
        districts = session.scalars(
            select(Court.id)
            .where(Court.parent_id == court.id, Court.level == "district")
            .order_by(Court.code.desc())
            .limit(SMALL_PER_REGION)
        ).all()
        for district in districts:
            small += _small_court(session, actor, district)
    return coordinators, small


def _small_court(session: Session, actor: Actor, court_id: uuid.UUID) -> int:
    chairman = session.execute(
        select(Person.id, Person.first_appointed_on).where(
            Person.court_id == court_id, Person.position == CHAIRMAN_POSITION
        )
    ).first()
    if chairman is None or chairman.first_appointed_on is None:
        return 0
    set_small(session, actor, court_id, True)
    name_holder(session, actor, court_id, CHAIRMAN, chairman.id, chairman.first_appointed_on)
    return 1
