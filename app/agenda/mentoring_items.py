"""Mentoring to-dos of the agenda: terms ending (M-4), protocols (M-11), programmes (M-7)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session

from app.agenda.dto import AgendaItem, Target, state_of
from app.mentoring.rules import add_months
from db.models import (
    Pair,
    PairExtension,
    Person,
    Programme,
    Protocol,
    ProtocolCopy,
    ProtocolDecision,
)

ENDING_WITHIN_DAYS = 60  # issue 12: pairs whose term ends within 60 days
NAMES_SHOWN = 50
COPY_RECIPIENTS = ("training_centre", "hr")  # M-11: a copy to the centre and to HR


def _target(region_code: str) -> Target:
    return Target("mentoring", "pairs", (("region", region_code),))


def latest_start(horizon: date, months: int) -> date:
    """The latest start whose term of `months` ends by `horizon` (add_months never
    decreases as the start moves later).
    """
    d = add_months(horizon, -months)
    while add_months(d + timedelta(days=1), months) <= horizon:
        d += timedelta(days=1)
    while add_months(d, months) > horizon:
        d -= timedelta(days=1)
    return d


def pair_items(session: Session, on: date, region_code: str) -> list[AgendaItem]:
    """M-4: active pairs ending within 60 days; M-11: pairs past their term (extensions
    counted) that no protocol has decided on yet.
    """
    ext = (
        select(PairExtension.pair_id, func.sum(PairExtension.months).label("months"))
        .group_by(PairExtension.pair_id)
        .subquery()
    )
    stmt = (
        select(
            Pair.id,
            Pair.starts_on,
            Pair.term_months,
            ext.c.months,
            Person.surname,
            Person.first_name,
            Person.patronymic,
        )
        .join(Person, Person.id == Pair.protege_id)
        .outerjoin(ext, ext.c.pair_id == Pair.id)
        .where(Pair.state == "active")
    )
    if region_code:
        stmt = stmt.where(Pair.region_code == region_code)
    horizon = on + timedelta(days=ENDING_WITHIN_DAYS)
    # Extensions only lengthen a term: a pair whose own term ends after the horizon can be
    # neither past its term nor ending soon. Read only the others (a few hundred of the
    # country's 3,700 active pairs, issue 12), by the latest start of each term in use.
    terms = session.scalars(select(Pair.term_months).where(Pair.state == "active").distinct())
    stmt = stmt.where(
        or_(
            *(
                and_(Pair.term_months == t, Pair.starts_on <= latest_start(horizon, t))
                for t in terms
            ),
            false(),
        )
    )
    decided = set(session.scalars(select(ProtocolDecision.pair_id)))
    ending: list[tuple[date, str]] = []
    past: list[tuple[date, str]] = []
    for pid, starts, term, months, surname, first, patr in session.execute(stmt):
        ends = add_months(starts, term + int(months or 0))
        name = " ".join(x for x in (surname, first, patr) if x)
        if ends < on and pid not in decided:
            past.append((ends, name))
        elif on <= ends <= horizon:
            ending.append((ends, name))
    items = []
    for key, rule, rows in (("pairs_ending", "M-4", ending), ("pairs_past_term", "M-11", past)):
        if rows:
            rows.sort()
            items.append(
                AgendaItem(
                    key,
                    rule,
                    rows[0][0],
                    len(rows),
                    state_of(rows[0][0], on),
                    _target(region_code),
                    names=tuple(n for _d, n in rows[:NAMES_SHOWN]),
                )
            )
    return items


def protocol_items(session: Session, on: date, region_code: str) -> list[AgendaItem]:
    """M-11: protocols held but not signed; signed ones whose copies (centre, HR) are not
    recorded as sent.
    """
    region = [Protocol.region_code == region_code] if region_code else []
    unsigned = session.execute(
        select(func.count(Protocol.id), func.min(Protocol.held_on)).where(
            Protocol.signed_at.is_(None), *region
        )
    ).one()
    items = []
    if unsigned[0]:
        items.append(
            AgendaItem(
                "protocols_unsigned",
                "M-11",
                unsigned[1],
                int(unsigned[0]),
                state_of(unsigned[1], on),
                _target(region_code),
            )
        )
    sent = (
        select(ProtocolCopy.protocol_id)
        .where(ProtocolCopy.recipient.in_(COPY_RECIPIENTS))
        .group_by(ProtocolCopy.protocol_id)
        .having(func.count(func.distinct(ProtocolCopy.recipient)) == len(COPY_RECIPIENTS))
    )
    unsent = session.execute(
        select(func.count(Protocol.id), func.min(Protocol.held_on)).where(
            Protocol.signed_at.is_not(None), Protocol.id.not_in(sent), *region
        )
    ).one()
    if unsent[0]:
        items.append(
            AgendaItem(
                "protocol_copies",
                "M-11",
                unsent[1],
                int(unsent[0]),
                state_of(unsent[1], on),
                _target(region_code),
            )
        )
    return items


def programme_item(session: Session, on: date, region_code: str) -> AgendaItem | None:
    """M-7: open pairs whose individual programme is not approved by the chairman yet; due
    from the pair's start.
    """
    stmt = (
        select(func.count(Pair.id), func.min(Pair.starts_on))
        .outerjoin(Programme, Programme.pair_id == Pair.id)
        .where(Pair.state == "active", Programme.approved_on.is_(None))
    )
    if region_code:
        stmt = stmt.where(Pair.region_code == region_code)
    count, first = session.execute(stmt).one()
    if not count:
        return None
    return AgendaItem(
        "programmes_unapproved",
        "M-7",
        first,
        int(count),
        state_of(first, on),
        _target(region_code),
    )
