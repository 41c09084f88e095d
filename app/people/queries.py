"""People lists: filtered, sorted and paged in SQL so 50,000 rows stay fluid."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, case, exists, func, or_, select
from sqlalchemy.orm import Session

from app.people.dto import PersonFilter, PersonRow
from app.people.experience import judicial_experience, status_on
from db.models import Court, Person, PersonStatusPeriod
from i18n import current_language
from i18n.collation import fold
from i18n.search_fold import EXACT_MARK, is_spelled_kazakh, loose

S = TypeVar("S", bound="Select[*tuple[Any, ...]]")


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_matches(word: str) -> ColumnElement[bool]:
    # Russian keyboard or Latin spelling: the skeleton; Kazakh letters typed: that spelling.
    if is_spelled_kazakh(word):
        pattern = f"%{EXACT_MARK}%{_escaped(fold(word))}%"
    else:
        pattern = f"%{_escaped(loose(word))}%"
    return Person.search_text.like(pattern, escape="\\")


def _exact_first(text: str) -> list[ColumnElement[int]]:
    """0 when the words are spelled as stored (after the mark), so Абилов leads Әбілов.

    Only words typed without Kazakh letters can match a different spelling; a word of
    Kazakh letters or digits matches only as spelled, and a prefix of one or two letters
    matches too many names for ranking to help. Without such a word the list keeps the
    covering index's alphabetical order, which stops at the first page.
    """
    words = [
        w for w in text.split() if len(w) >= 3 and not is_spelled_kazakh(w) and not w.isdigit()
    ]
    if not words:
        return []
    exact = and_(
        *(
            Person.search_text.like(f"%{EXACT_MARK}%{_escaped(fold(w))}%", escape="\\")
            for w in words
        )
    )
    return [case((exact, 0), else_=1)]


def _covering(on: date, status: str | None = None) -> Select[tuple[int]]:
    cond = and_(
        PersonStatusPeriod.person_id == Person.id,
        PersonStatusPeriod.starts_on <= on,
        or_(PersonStatusPeriod.ends_on.is_(None), PersonStatusPeriod.ends_on >= on),
    )
    if status:
        cond = and_(cond, PersonStatusPeriod.status == status)
    return select(1).where(cond)


def _filtered(stmt: S, flt: PersonFilter) -> S:
    on = flt.on or date.today()
    for word in flt.text.split():
        stmt = stmt.where(_word_matches(word))
    if flt.court_id is not None:
        stmt = stmt.where(Person.court_id == flt.court_id)
    if flt.region_code:
        region_courts = select(Court.id).where(Court.region_code == flt.region_code)
        stmt = stmt.where(Person.court_id.in_(region_courts))
    if flt.role:
        stmt = stmt.where(Person.role == flt.role)
    if flt.status == "active":
        stmt = stmt.where(~exists(_covering(on)))
    elif flt.status:
        stmt = stmt.where(exists(_covering(on, flt.status)))
    if flt.ids:
        stmt = stmt.where(Person.id.in_(flt.ids))
    return stmt


def count_people(session: Session, flt: PersonFilter) -> int:
    """How many people match the filter."""
    # count(*), not count(id): SQLite then scans the narrowest index with the search text
    # (ix_person_search) instead of a sort index a third larger (issue 10's keystroke).
    stmt = _filtered(select(func.count()).select_from(Person), flt)
    return int(session.scalar(stmt) or 0)


def _name_order() -> Any:
    """The alphabetical order of the language shown: Kazakh in kk, Russian in ru (issue 11)."""
    return Person.name_order(current_language())


def position_of(session: Session, flt: PersonFilter, person_id: uuid.UUID) -> int | None:
    """Where a person stands (from 0) in the list page_people gives for the filter; None when
    the filter leaves them out. One numbered query, so a new person is found among 50,000.
    """
    order = _name_order().desc() if flt.descending else _name_order()
    numbered = _filtered(
        select(
            Person.id,
            func.row_number().over(order_by=(*_exact_first(flt.text), order, Person.id)).label("n"),
        ),
        flt,
    ).subquery()
    n = session.scalar(select(numbered.c.n).where(numbered.c.id == person_id))
    return int(n) - 1 if n is not None else None


def page_people(session: Session, flt: PersonFilter, offset: int, limit: int) -> list[PersonRow]:
    """One page of matching people in alphabetical order."""
    order = _name_order().desc() if flt.descending else _name_order()
    # Search by spelling: exact spellings first, then the rest, each part alphabetical.
    ranks = _exact_first(flt.text)
    keys = (*ranks, order, Person.id)
    # The page's ids first, from the covering index (search text, sort key, id), then only
    # their rows: ranking reads every match, and reading each one's row and court before
    # sorting cost twice the index scan (~1,500 matches of a 3-letter prefix, national).
    page = _filtered(select(Person.id), flt).order_by(*keys).offset(offset).limit(limit)
    stmt = (
        select(
            Person.id,
            Person.iin,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.role,
            Person.position,
            Person.specialisation,
            Person.first_appointed_on,
            Court.name_kk,
            Court.name_ru,
        )
        .outerjoin(Court, Court.id == Person.court_id)
        .where(Person.id.in_(page.scalar_subquery()))
        .order_by(*keys)
    )
    rows = session.execute(stmt).all()
    on = flt.on or date.today()
    periods = status_periods(session, [r.id for r in rows])
    return [
        PersonRow(
            id=r.id,
            iin=r.iin,
            full_name=" ".join(p for p in (r.surname, r.first_name, r.patronymic) if p),
            role=r.role,
            court_name_kk=r.name_kk or "",
            court_name_ru=r.name_ru or "",
            position=r.position,
            specialisation=r.specialisation,
            first_appointed_on=r.first_appointed_on,
            status=status_on(periods[r.id], on),
            experience=judicial_experience(r.first_appointed_on, periods[r.id], on)
            if r.first_appointed_on
            else None,
        )
        for r in rows
    ]


def status_periods(
    session: Session, ids: list[uuid.UUID]
) -> defaultdict[uuid.UUID, list[tuple[str, date, date | None]]]:
    """Status periods of the given people, in one query for a whole page."""
    periods: defaultdict[uuid.UUID, list[tuple[str, date, date | None]]] = defaultdict(list)
    if not ids:
        return periods
    for p in session.execute(
        select(
            PersonStatusPeriod.person_id,
            PersonStatusPeriod.status,
            PersonStatusPeriod.starts_on,
            PersonStatusPeriod.ends_on,
        ).where(PersonStatusPeriod.person_id.in_(ids))
    ):
        periods[p.person_id].append((p.status, p.starts_on, p.ends_on))
    return periods


def all_people(session: Session, flt: PersonFilter) -> list[PersonRow]:
    """Every matching person, for exports and printing."""
    return page_people(session, flt, 0, count_people(session, flt) or 1)


def current_statuses(session: Session, ids: list[uuid.UUID], on: date) -> dict[uuid.UUID, str]:
    """Status on a date of the given people (one query for all of them)."""
    periods = status_periods(session, ids)
    return {pid: status_on(periods[pid], on) for pid in ids}
