"""Candidate judges' paid internships (I-3): places per court and who is allocated where."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.internships.dto import CandidatePlacesRow
from db.models import CandidatePlaces, Court, Internship, Person
from i18n import current_language
from i18n.collation import bilingual_key


def _name(surname: str, first: str, patr: str) -> str:
    return " ".join(x for x in (surname, first, patr) if x)


def places_rows(session: Session, year: int) -> list[CandidatePlacesRow]:
    """Per court, in the courts' order: places for candidates in a year and places taken (I-3)."""
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
        select(CandidatePlaces, Court.name_kk, Court.name_ru, Court.sort_key)
        .join(Court, Court.id == CandidatePlaces.court_id)
        .where(CandidatePlaces.year == year)
    ).all()
    return [
        CandidatePlacesRow(p.court_id, kk, ru, p.places, int(taken.get(p.court_id, 0)))
        for p, kk, ru, _sk in sorted(rows, key=lambda r: bilingual_key(r[3], r[2]))
    ]


def candidates(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Candidate judges of the register, alphabetically."""
    rows = session.execute(
        select(Person.id, Person.surname, Person.first_name, Person.patronymic)
        .where(Person.role == "candidate")
        .order_by(Person.name_order(current_language()))
    ).all()
    return [(pid, _name(s, f, p)) for pid, s, f, p in rows]
