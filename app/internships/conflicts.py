"""Scheduling rules an internship would break, checked at once on every move or edit (I-1, I-3).

Each conflict names its rule: I-1 for the length, the higher court, the host's places and
closed dates, the judge's leave or suspension and other commitments; I-3 for candidates' places.
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.internships.dto import Conflict, InternshipInput
from app.internships.rules import is_higher_court, rules_for_year
from app.people.vocab import STATUSES
from db.models import (
    BusyPeriod,
    CandidatePlaces,
    HostBlackout,
    HostOffer,
    Internship,
    Person,
    PersonStatusPeriod,
)
from i18n import N_, format_date


def _capacity_conflicts(
    session: Session, data: InternshipInput, exclude: uuid.UUID | None
) -> list[Conflict]:
    days = (data.ends_on - data.starts_on).days + 1
    cap = [0] * days
    for o in session.scalars(
        select(HostOffer).where(
            HostOffer.court_id == data.host_court_id,
            HostOffer.kind == data.kind,
            HostOffer.starts_on <= data.ends_on,
            HostOffer.ends_on >= data.starts_on,
        )
    ):
        for d in range(days):
            if o.starts_on <= data.starts_on + timedelta(days=d) <= o.ends_on:
                cap[d] += o.capacity
    out: list[Conflict] = []
    closed: set[int] = set()
    for b in session.scalars(
        select(HostBlackout).where(
            HostBlackout.court_id == data.host_court_id,
            HostBlackout.starts_on <= data.ends_on,
            HostBlackout.ends_on >= data.starts_on,
        )
    ):
        out.append(
            Conflict(
                "I-1",
                "host_closed",
                N_("The host court cannot host from {start} to {end}: {reason}"),
                {
                    "start": format_date(b.starts_on),
                    "end": format_date(b.ends_on),
                    "reason": b.reason,
                },
            )
        )
        for d in range(days):
            if b.starts_on <= data.starts_on + timedelta(days=d) <= b.ends_on:
                cap[d] = 0
                closed.add(d)
    load = [0] * days
    stmt = select(Internship.starts_on, Internship.ends_on).where(
        Internship.host_court_id == data.host_court_id,
        Internship.kind == data.kind,
        Internship.status != "cancelled",
        Internship.starts_on <= data.ends_on,
        Internship.ends_on >= data.starts_on,
    )
    if exclude is not None:
        stmt = stmt.where(Internship.id != exclude)
    for s, e in session.execute(stmt):
        for d in range(days):
            if s <= data.starts_on + timedelta(days=d) <= e:
                load[d] += 1
    # Closed days are reported once, as closed, not again as full.
    over = [d for d in range(days) if load[d] + 1 > cap[d] and d not in closed]
    if over:
        day = data.starts_on + timedelta(days=over[0])
        out.append(
            Conflict(
                "I-1",
                "over_capacity",
                N_("The host court has no free place on {date} ({places} places, {taken} taken)."),
                {"date": format_date(day), "places": cap[over[0]], "taken": load[over[0]]},
            )
        )
    return out


def check_internship(
    session: Session, data: InternshipInput, exclude: uuid.UUID | None = None
) -> list[Conflict]:
    """Every scheduling rule the internship would break (I-1; I-3 for candidates)."""
    out: list[Conflict] = []
    person = session.get(Person, data.person_id)
    rules = rules_for_year(session, data.starts_on.year)
    days = (data.ends_on - data.starts_on).days + 1
    if data.kind == "judge":
        if days < rules.min_days:
            out.append(
                Conflict(
                    "I-1",
                    "too_short",
                    N_("The internship lasts {days} days; at least {min} are required."),
                    {"days": days, "min": rules.min_days},
                )
            )
        if person is None or not is_higher_court(session, person.court_id, data.host_court_id):
            out.append(
                Conflict(
                    "I-1",
                    "not_higher_court",
                    N_("The host court is not a higher court for this judge."),
                )
            )
    else:
        placed = session.scalar(
            select(CandidatePlaces.places).where(
                CandidatePlaces.court_id == data.host_court_id,
                CandidatePlaces.year == data.starts_on.year,
            )
        )
        taken = len(
            session.scalars(
                select(Internship.id).where(
                    Internship.kind == "candidate",
                    Internship.host_court_id == data.host_court_id,
                    Internship.status != "cancelled",
                    Internship.id != (exclude or uuid.uuid4()),
                    Internship.starts_on >= date(data.starts_on.year, 1, 1),
                    Internship.starts_on <= date(data.starts_on.year, 12, 31),
                )
            ).all()
        )
        if taken + 1 > (placed or 0):
            out.append(
                Conflict(
                    "I-3",
                    "no_candidate_place",
                    N_("The court has {places} places for candidates this year, all taken."),
                    {"places": placed or 0},
                )
            )
    if data.kind == "judge":
        out += _capacity_conflicts(session, data, exclude)
    for st in session.scalars(
        select(PersonStatusPeriod).where(
            PersonStatusPeriod.person_id == data.person_id,
            PersonStatusPeriod.starts_on <= data.ends_on,
        )
    ):
        if st.ends_on is None or st.ends_on >= data.starts_on:
            out.append(
                Conflict(
                    "I-1",
                    "on_leave",
                    N_("The judge's status is \u201c{status}\u201d from {start}."),
                    {
                        "status": STATUSES.get(st.status, st.status),
                        "start": format_date(st.starts_on),
                    },
                )
            )
    stmt = select(Internship).where(
        Internship.person_id == data.person_id,
        Internship.status != "cancelled",
        Internship.starts_on <= data.ends_on,
        Internship.ends_on >= data.starts_on,
    )
    if exclude is not None:
        stmt = stmt.where(Internship.id != exclude)
    for other in session.scalars(stmt):
        out.append(
            Conflict(
                "I-1",
                "overlap",
                N_("Overlaps another internship from {start} to {end}."),
                {"start": format_date(other.starts_on), "end": format_date(other.ends_on)},
            )
        )
    for b in session.scalars(
        select(BusyPeriod).where(
            BusyPeriod.person_id == data.person_id,
            BusyPeriod.starts_on <= data.ends_on,
            BusyPeriod.ends_on >= data.starts_on,
        )
    ):
        out.append(
            Conflict(
                "I-1",
                "busy",
                N_("Overlaps {what} from {start} to {end}."),
                {
                    "what": b.note or b.source,
                    "start": format_date(b.starts_on),
                    "end": format_date(b.ends_on),
                },
            )
        )
    return out
