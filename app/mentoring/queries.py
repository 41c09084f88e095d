"""Mentoring lists: needs analysis, roster, ranked suggestions, pairs (M-2, M-3, M-6).

None of these returns confidential content (M-9): meetings, reviews and reports are read only
through app.mentoring.journal with an actor.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.core.context import Actor
from app.core.permissions import pair_scope
from app.mentoring import rules
from app.mentoring.access import OPEN_STATES, names
from app.mentoring.dto import NeedRow, PairDTO, RosterRow, Suggestion
from app.mentoring.roster import max_proteges
from app.mentoring.service import pair_dto
from app.people.queries import current_statuses
from db.models import (
    CareerEvent,
    Court,
    Pair,
    Person,
    PersonStatusPeriod,
    ProtegeWish,
    RosterEntry,
    RosterOrder,
)
from i18n import N_, current_language
from i18n.collation import collation_key


def needs_analysis(
    session: Session,
    on: date | None = None,
    *,
    region_code: str = "",
    court_id: uuid.UUID | None = None,
) -> list[NeedRow]:
    """Every judge who qualifies as a protégé on a date, why, and their current guides."""
    on = on or date.today()
    window_start = on - timedelta(days=366)
    recent_event = select(CareerEvent.person_id).where(
        CareerEvent.occurred_on > window_start, CareerEvent.occurred_on <= on
    )
    # M-2: a childcare leave of the register that ended within the window is a return too
    recent_return = select(PersonStatusPeriod.person_id).where(
        PersonStatusPeriod.status == "childcare_leave",
        PersonStatusPeriod.ends_on >= window_start,
        PersonStatusPeriod.ends_on < on,
    )
    stmt = (
        select(
            Person.id,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.specialisation,
            Person.first_appointed_on,
            Person.sort_key,
            Court.name_kk,
            Court.name_ru,
            Court.region_code,
        )
        .join(Court, Court.id == Person.court_id)
        .where(
            Person.role == "judge",
            or_(
                Person.first_appointed_on > window_start,
                Person.id.in_(recent_event),
                Person.id.in_(recent_return),
            ),
        )
    )
    if region_code:
        stmt = stmt.where(Court.region_code == region_code)
    if court_id is not None:
        stmt = stmt.where(Person.court_id == court_id)
    rows = session.execute(stmt.order_by(Person.name_order(current_language()), Person.id)).all()
    ids = [r.id for r in rows]
    events: dict[uuid.UUID, list[tuple[str, date]]] = defaultdict(list)
    guides: dict[tuple[uuid.UUID, str], tuple[uuid.UUID, date]] = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        for e in session.execute(
            select(CareerEvent.person_id, CareerEvent.kind, CareerEvent.occurred_on).where(
                CareerEvent.person_id.in_(chunk)
            )
        ):
            events[e.person_id].append((e.kind, e.occurred_on))
        for sp in session.execute(
            select(
                PersonStatusPeriod.person_id,
                PersonStatusPeriod.status,
                PersonStatusPeriod.starts_on,
                PersonStatusPeriod.ends_on,
            ).where(
                PersonStatusPeriod.person_id.in_(chunk),
                PersonStatusPeriod.status == "childcare_leave",
            )
        ):
            events[sp.person_id] += rules.status_events([(sp.status, sp.starts_on, sp.ends_on)])
        for p in session.execute(
            select(Pair.protege_id, Pair.kind, Pair.guide_id, Pair.starts_on).where(
                Pair.protege_id.in_(chunk), Pair.state.in_(OPEN_STATES)
            )
        ):
            guides[(p.protege_id, p.kind)] = (p.guide_id, p.starts_on)
    statuses = current_statuses(session, ids, on)
    guide_names = names(session, {g for g, _ in guides.values()})
    out: list[NeedRow] = []
    for r in rows:
        reasons = rules.protege_reasons(
            r.first_appointed_on, statuses.get(r.id, "active"), events.get(r.id, []), on
        )
        if not reasons:
            continue
        tutor = guides.get((r.id, rules.TUTOR))
        mentor = guides.get((r.id, rules.MENTOR))
        out.append(
            NeedRow(
                person_id=r.id,
                full_name=" ".join(p for p in (r.surname, r.first_name, r.patronymic) if p),
                court_name_kk=r.name_kk,
                court_name_ru=r.name_ru,
                region_code=r.region_code,
                specialisation=r.specialisation,
                reasons=tuple(reasons),
                tutor=guide_names.get(tutor[0], "") if tutor else "",
                tutor_since=tutor[1] if tutor else None,
                mentor=guide_names.get(mentor[0], "") if mentor else "",
                mentor_since=mentor[1] if mentor else None,
            )
        )
    return out


def _loads(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    return dict(
        session.execute(
            select(Pair.guide_id, func.count(Pair.id))
            .where(Pair.guide_id.in_(ids), Pair.state.in_(OPEN_STATES))
            .group_by(Pair.guide_id)
        ).all()
    )


def roster(session: Session, region_code: str, kind: str = "") -> list[RosterRow]:
    """The effective roster of a region: approved entries not removed by an amendment (M-3)."""
    stmt = (
        select(RosterEntry, RosterOrder.number, RosterOrder.signed_on, Person, Court)
        .join(RosterOrder, RosterOrder.id == RosterEntry.order_id)
        .join(Person, Person.id == RosterEntry.person_id)
        .outerjoin(Court, Court.id == Person.court_id)
        .where(RosterOrder.region_code == region_code, RosterEntry.removed_by_id.is_(None))
    )
    if kind:
        stmt = stmt.where(RosterEntry.kind == kind)
    rows = session.execute(
        stmt.order_by(RosterEntry.kind, Person.name_order(current_language()), Person.id)
    ).all()
    loads = _loads(session, [r.Person.id for r in rows])
    return [
        RosterRow(
            entry_id=r.RosterEntry.id,
            person_id=r.Person.id,
            full_name=" ".join(
                p for p in (r.Person.surname, r.Person.first_name, r.Person.patronymic) if p
            ),
            kind=r.RosterEntry.kind,
            court_name_kk=r.Court.name_kk if r.Court else "",
            court_name_ru=r.Court.name_ru if r.Court else "",
            specialisation=r.Person.specialisation,
            order_number=r.number,
            order_date=r.signed_on,
            override_reason=r.RosterEntry.override_reason,
            load=loads.get(r.Person.id, 0),
        )
        for r in rows
    ]


def suggestions(
    session: Session, protege_id: uuid.UUID, kind: str, on: date | None = None
) -> list[Suggestion]:
    """Guides of the region's roster ranked for a protégé (M-3, M-6).

    Points: the protégé's wish 4, same specialisation 3, same court 2 (a tutor's daily
    contact) or same region 1, minus the guide's current load; guides at the limit are left out.
    """
    on = on or date.today()
    protege = session.get(Person, protege_id)
    if protege is None or protege.court_id is None:
        return []
    court = session.get(Court, protege.court_id)
    assert court is not None
    wishes = set(
        session.scalars(select(ProtegeWish.guide_id).where(ProtegeWish.protege_id == protege_id))
    )
    limit = max_proteges(session)
    out: list[Suggestion] = []
    for row in roster(session, court.region_code, kind):
        if row.person_id == protege_id or row.load >= limit:
            continue
        guide = session.get(Person, row.person_id)
        assert guide is not None
        score, why = -row.load, []
        if row.person_id in wishes:
            score += 4
            why.append(N_("The protégé asked for this guide"))
        if guide.specialisation and guide.specialisation == protege.specialisation:
            score += 3
            why.append(N_("Same specialisation"))
        if guide.court_id == protege.court_id:
            score += 2
            why.append(N_("Same court"))
        else:
            score += 1
            why.append(N_("Same region"))
        if row.load:
            why.append(N_("Already guides others"))
        out.append(Suggestion(row.person_id, row.full_name, score, row.load, tuple(why)))
    return sorted(out, key=lambda s: (-s.score, s.load, collation_key(s.full_name)))


def pairs(
    session: Session,
    *,
    region_code: str = "",
    states: tuple[str, ...] = (),
    person_id: uuid.UUID | None = None,
    actor: Actor | None = None,
) -> list[PairDTO]:
    """Pairs of a region or of a person (public fields only, M-9); with `actor`, only the
    pairs that actor may see listed (app.core.permissions.pair_scope).
    """
    stmt = select(Pair)
    if region_code:
        stmt = stmt.where(Pair.region_code == region_code)
    if states:
        stmt = stmt.where(Pair.state.in_(states))
    if person_id is not None:
        stmt = stmt.where(or_(Pair.protege_id == person_id, Pair.guide_id == person_id))
    if actor is not None:
        scope = pair_scope(actor, confidential=False)
        if not scope.all_regions:
            seen: list[ColumnElement[bool]] = [Pair.region_code.in_(scope.regions)]
            if scope.person_id is not None:
                seen += [Pair.guide_id == scope.person_id, Pair.protege_id == scope.person_id]
            stmt = stmt.where(or_(*seen))
    return [pair_dto(session, p) for p in session.scalars(stmt.order_by(Pair.starts_on))]
