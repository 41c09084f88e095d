"""Demo small-court tutoring (M-1, seed 002 cl. 11): a pair whose tutor is the court's chairman."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.courts.offices import CHAIRMAN, holders, small_courts
from app.demo.mentoring_rows import ITEMS
from app.mentoring.dto import ProgrammeItem, RosterEntryInput, RosterOrderInput
from app.mentoring.programme import approve, draw_up
from app.mentoring.roster import add_career_event, approve_roster
from app.mentoring.service import propose_pair
from db.models import Court, Pair, Person, PersonStatusPeriod, RosterOrder


def generate_small_court_pair(session: Session, actor: Actor, *, today: date) -> int:
    """Through the mentoring services, in the first small court of each region that has a
    judge free to be guided: the roster amended with the chairman as a tutor (M-1, M-3), the
    judge's change of specialisation recorded a month ago (M-2), and the pair proposed with
    every rule checked. Returns the number of pairs.
    """
    small = small_courts(session)
    chairmen = holders(session, CHAIRMAN)
    courts = session.execute(
        select(Court.id, Court.region_code).where(Court.id.in_(small)).order_by(Court.code)
    ).all()
    done: set[str] = set()
    busy = select(Pair.protege_id).union(select(Pair.guide_id))
    on_leave = select(PersonStatusPeriod.person_id)
    away = set(session.scalars(on_leave))  # a chairman ever on leave is not picked (M-1)
    for court_id, region in courts:
        held = chairmen.get(court_id)
        if region in done or held is None or held.person_id in away:
            continue
        protege = session.scalar(
            select(Person.id)
            .where(
                Person.court_id == court_id,
                Person.role == "judge",
                Person.id != held.person_id,
                Person.id.not_in(busy),
                Person.id.not_in(on_leave),
                # long enough in office that the recorded event, not the appointment, is why
                Person.first_appointed_on <= today - timedelta(days=400),
            )
            .order_by(Person.first_appointed_on.desc(), Person.iin)
            .limit(1)
        )
        order = session.execute(
            select(RosterOrder.id, RosterOrder.signed_on)
            .where(RosterOrder.region_code == region)
            .order_by(RosterOrder.signed_on.desc(), RosterOrder.number)
            .limit(1)
        ).first()
        if protege is None or order is None:
            continue
        signed_on = max(order.signed_on, today - timedelta(days=40))
        approve_roster(
            session,
            actor,
            RosterOrderInput(
                region,
                f"{signed_on.year}-{len(done) + 1}-ө",
                signed_on,
                (RosterEntryInput(held.person_id, "tutor"),),
                amends_id=order.id,
            ),
            today=today,
        )
        add_career_event(session, actor, protege, "specialisation_changed", today - timedelta(30))
        pair = propose_pair(session, actor, protege, held.person_id, kind="tutor", starts_on=today)
        items = tuple(
            ProgrammeItem(goal, activity, today + timedelta(days=60 * (n + 1)))
            for n, (goal, activity) in enumerate(ITEMS[:3])
        )
        draw_up(session, actor, pair.id, items)
        approve(session, actor, pair.id, held.name, today)  # M-7: the court's chairman
        done.add(region)
    return len(done)
