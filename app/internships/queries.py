"""Lists of internships: the schedule of a year per host court and per judge."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.internships.dto import BlackoutRow, InternshipDTO, OfferRow
from db.models import (
    CandidatePlaces,
    Court,
    EvalSheet,
    HostBlackout,
    HostOffer,
    Internship,
    Person,
)
from i18n import current_language
from i18n.collation import bilingual_key


def _name(surname: str, first: str, patr: str) -> str:
    return " ".join(x for x in (surname, first, patr) if x)


def schedule(
    session: Session,
    year: int | None,
    *,
    kind: str | None = "judge",
    region_code: str = "",
    host_court_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
) -> list[InternshipDTO]:
    """Internships touching a year (every year when None), by host court then start date;
    cancelled ones left out.
    """
    tutor = aliased(Person)
    own = aliased(Court)
    stmt = (
        select(
            Internship,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Court.name_kk,
            Court.name_ru,
            Court.sort_key,
            Person.name_order(current_language()),
            tutor.surname,
            tutor.first_name,
            tutor.patronymic,
        )
        .join(Person, Person.id == Internship.person_id)
        .join(Court, Court.id == Internship.host_court_id)
        .outerjoin(tutor, tutor.id == Internship.tutor_id)
        .where(Internship.status != "cancelled")
    )
    if kind is not None:
        stmt = stmt.where(Internship.kind == kind)
    if year is not None:
        stmt = stmt.where(
            Internship.starts_on <= date(year, 12, 31), Internship.ends_on >= date(year, 1, 1)
        )
    if region_code:
        stmt = stmt.join(own, own.id == Person.court_id).where(own.region_code == region_code)
    if host_court_id is not None:
        stmt = stmt.where(Internship.host_court_id == host_court_id)
    if person_id is not None:
        stmt = stmt.where(Internship.person_id == person_id)
    rows = list(session.execute(stmt).all())
    # P-2: host courts and names in the alphabet of the language shown
    rows.sort(key=lambda r: (bilingual_key(r[6], r[5]), r[0].starts_on, r[7]))
    return [
        InternshipDTO(
            i.id,
            i.version,
            i.person_id,
            _name(s, f, p),
            i.host_court_id,
            hk,
            hr,
            i.starts_on,
            i.ends_on,
            i.kind,
            i.status,
            i.paid,
            i.tutor_id,
            _name(ts or "", tf or "", tp or ""),
            i.intern_report,
        )
        for i, s, f, p, hk, hr, _sk, _nk, ts, tf, tp in rows
    ]


def offers(session: Session, year: int) -> list[OfferRow]:
    """Host places touching a year, by court and start."""
    rows = session.execute(
        select(HostOffer, Court.name_kk, Court.name_ru, Court.sort_key)
        .join(Court, Court.id == HostOffer.court_id)
        .where(HostOffer.starts_on <= date(year, 12, 31), HostOffer.ends_on >= date(year, 1, 1))
    ).all()
    rows = sorted(rows, key=lambda r: (bilingual_key(r[3], r[2]), r[0].starts_on))
    return [
        OfferRow(o.id, o.court_id, kk, ru, o.starts_on, o.ends_on, o.capacity, o.kind)
        for o, kk, ru, _sk in rows
    ]


def blackouts(session: Session, year: int) -> list[BlackoutRow]:
    """Closed dates of host courts touching a year."""
    rows = session.execute(
        select(HostBlackout, Court.name_kk, Court.name_ru, Court.sort_key)
        .join(Court, Court.id == HostBlackout.court_id)
        .where(
            HostBlackout.starts_on <= date(year, 12, 31), HostBlackout.ends_on >= date(year, 1, 1)
        )
    ).all()
    rows = sorted(rows, key=lambda r: (bilingual_key(r[3], r[2]), r[0].starts_on))
    return [
        BlackoutRow(b.id, b.court_id, kk, ru, b.starts_on, b.ends_on, b.reason)
        for b, kk, ru, _sk in rows
    ]


def candidate_places_usage(session: Session, year: int) -> list[tuple[str, str, int, int]]:
    """Per court: places allocated to candidates for a year (I-3) and places taken."""
    taken = dict(
        session.execute(
            select(Internship.host_court_id, func.count())
            .where(
                Internship.kind == "candidate",
                Internship.status != "cancelled",
                Internship.starts_on >= date(year, 1, 1),
                Internship.starts_on <= date(year, 12, 31),
            )
            .group_by(Internship.host_court_id)
        ).all()
    )
    rows = session.execute(
        select(
            CandidatePlaces.court_id,
            CandidatePlaces.places,
            Court.name_kk,
            Court.name_ru,
            Court.sort_key,
        )
        .join(Court, Court.id == CandidatePlaces.court_id)
        .where(CandidatePlaces.year == year)
    ).all()
    return [
        (kk, ru, places, int(taken.get(cid, 0)))
        for cid, places, kk, ru, _sk in sorted(rows, key=lambda r: bilingual_key(r[4], r[3]))
    ]


def host_tutors(session: Session, court_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """Judges of a host court who may tutor an intern there, alphabetically."""
    rows = session.execute(
        select(Person.id, Person.surname, Person.first_name, Person.patronymic)
        .where(Person.court_id == court_id, Person.role == "judge")
        .order_by(Person.name_order(current_language()))
    ).all()
    return [(pid, _name(s, f, p)) for pid, s, f, p in rows]


def result_sheet_of(session: Session, internship_id: uuid.UUID) -> uuid.UUID | None:
    """The host tutor's evaluation sheet of an internship (I-2), if started."""
    return session.scalar(
        select(EvalSheet.id)
        .where(EvalSheet.internship_id == internship_id)
        .order_by(EvalSheet.created_at)
        .limit(1)
    )
