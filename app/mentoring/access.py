"""Who may do what with mentoring records, and the loading helpers every service shares."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.core.context import Actor
from app.core.errors import DomainError, NotFoundError
from app.core.permissions import (
    MENTORING_KEEP,
    MENTORING_MANAGE,
    pair_part,
    require,
    require_pair,
)
from app.courts import offices
from app.mentoring.rules import JudgeFacts, add_months, months_spanned
from app.people.experience import status_on
from db.models import Court, Pair, PairExtension, Person, PersonStatusPeriod, Protocol
from i18n import N_

OPEN_STATES = ("proposed", "active")


class LockedError(DomainError):
    """The record was closed by a signed protocol (M-11) and cannot change."""


def require_staff(actor: Actor) -> None:
    """Rosters, pairs and protocols are kept by the centre and the coordinator (M-6)."""
    require(actor, MENTORING_KEEP, N_("Only the coordinator or the training centre may do this."))


def require_coordinator(actor: Actor) -> None:
    """Approving rosters and overruling their rules belong to the coordinator (M-1, M-6)."""
    require(actor, MENTORING_MANAGE, N_("Only the coordinator may do this."))


def party(actor: Actor, pair: Pair) -> str:
    """The actor's part in a pair: guide, protege, coordinator; or "" for none (M-9)."""
    return pair_part(actor, pair.guide_id, pair.protege_id, pair.region_code)


def require_party(actor: Actor, pair: Pair) -> str:
    """Confidential content is for the pair and the coordinator of its region (M-9, cl. 4)."""
    return require_pair(actor, pair.guide_id, pair.protege_id, pair.region_code)


def load_pair(session: Session, pair_id: uuid.UUID) -> Pair:
    """A pair, or NotFoundError."""
    pair = session.get(Pair, pair_id)
    if pair is None:
        raise NotFoundError(N_("This pair was deleted by someone else."))
    return pair


def full_name(person: Person) -> str:
    """Surname, name and patronymic."""
    return " ".join(p for p in (person.surname, person.first_name, person.patronymic) if p)


def names(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Full names of people by id, in one query."""
    if not ids:
        return {}
    rows = session.execute(
        select(Person.id, Person.surname, Person.first_name, Person.patronymic).where(
            Person.id.in_(ids)
        )
    )
    return {r.id: " ".join(p for p in (r.surname, r.first_name, r.patronymic) if p) for r in rows}


def ensure_editable(session: Session, pair: Pair) -> None:
    """A pair decided on by a signed protocol, or ended, never changes again (M-11)."""
    if pair.locked_by_id is not None:
        protocol = session.get(Protocol, pair.locked_by_id)
        assert protocol is not None
        raise LockedError(
            N_(
                "The pair was closed by signed protocol No. {number} of {date}; it can no "
                "longer be changed — M-11"
            ),
            number=protocol.number,
            date=protocol.held_on.strftime("%d.%m.%Y"),
        )
    if pair.state not in OPEN_STATES:
        raise LockedError(N_("The pair has ended; it can no longer be changed — M-11"))


def judge_facts(session: Session, person: Person, on: date) -> JudgeFacts:
    """What the rules need to know about a person on a date."""
    periods = [
        (p.status, p.starts_on, p.ends_on)
        for p in session.scalars(
            select(PersonStatusPeriod).where(PersonStatusPeriod.person_id == person.id)
        )
    ]
    court = session.get(Court, person.court_id) if person.court_id else None
    return JudgeFacts(
        name=full_name(person),
        role=person.role,
        court_level=court.level if court else "",
        status=status_on(periods, on),
        first_appointed_on=person.first_appointed_on,
        periods=periods,
        small_court=offices.is_small(session, person.court_id),
        chairman=offices.is_chairman(session, person.id, person.court_id),
    )


def region_of(session: Session, person: Person) -> str:
    """The region code of a person's court."""
    if person.court_id is None:
        return ""
    return session.scalar(select(Court.region_code).where(Court.id == person.court_id)) or ""


def extension_months(session: Session, pair_id: uuid.UUID) -> list[int]:
    """Months of every extension of a pair (M-4)."""
    return list(
        session.scalars(select(PairExtension.months).where(PairExtension.pair_id == pair_id))
    )


def months_used_before(session: Session, pair: Pair | None, starts_on: date) -> int:
    """Months the protégé's guidance for this need ran before `starts_on` (M-4).

    Follows the chain of replaced pairs back to the first one: the allowance of 1 to 3 years
    counts from the first pair's start, whoever guides now.
    """
    root, seen = pair, set()
    while root is not None and root.replaces_id is not None and root.id not in seen:
        seen.add(root.id)
        root = session.get(Pair, root.replaces_id)
    if root is None:
        return 0
    return months_spanned(root.starts_on, starts_on)


def pair_end(pair: Pair, extensions: list[int]) -> date:
    """The planned end of a pair: start + term + extensions (M-4)."""
    return add_months(pair.starts_on, pair.term_months + sum(extensions))


def guide_load(session: Session, guide_id: uuid.UUID) -> int:
    """How many open pairs a guide has."""
    return int(
        session.scalar(
            select(func.count(Pair.id)).where(
                Pair.guide_id == guide_id, Pair.state.in_(OPEN_STATES)
            )
        )
        or 0
    )
