"""Busy periods of judges, which internship planning avoids: the list and the edits."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import ConflictError, FieldError, NotFoundError, ValidationError
from app.core.permissions import INTERNSHIPS_PLAN, require
from app.internships.dto import BusyRow
from app.internships.hosts import add_busy_period
from db.models import BusyPeriod, Court, Person
from i18n import N_, current_language

# Where a busy period came from; "manual" is what a coordinator enters on the Busy periods tab.
SOURCES = {
    "manual": N_("Entered by hand"),
    "training": N_("Training event"),
    "mission": N_("Mission"),
}


def busy_rows(session: Session, year: int, *, court_id: uuid.UUID | None = None) -> list[BusyRow]:
    """Busy periods touching a year, by person then start; of one court's people when given."""
    # Columns, not BusyPeriod objects: the national demo's 5,500 periods as ORM objects added
    # 24 MiB to the Internships page (issue 11).
    stmt = (
        select(
            BusyPeriod.id,
            BusyPeriod.version,
            BusyPeriod.person_id,
            Person.surname,
            Person.first_name,
            Person.patronymic,
            Person.name_order(current_language()),
            Court.name_kk,
            Court.name_ru,
            BusyPeriod.starts_on,
            BusyPeriod.ends_on,
            BusyPeriod.source,
            BusyPeriod.note,
        )
        .join(Person, Person.id == BusyPeriod.person_id)
        .outerjoin(Court, Court.id == Person.court_id)
        .where(BusyPeriod.starts_on <= date(year, 12, 31), BusyPeriod.ends_on >= date(year, 1, 1))
    )
    if court_id is not None:
        stmt = stmt.where(Person.court_id == court_id)
    rows = sorted(session.execute(stmt), key=lambda r: (r[6], r[9]))
    return [
        BusyRow(
            bid,
            version,
            pid,
            " ".join(x for x in (s, f, p) if x),
            kk or "",
            ru or "",
            starts,
            ends,
            source,
            note,
        )
        for bid, version, pid, s, f, p, _sk, kk, ru, starts, ends, source, note in rows
    ]


def save_busy_period(
    session: Session,
    actor: Actor,
    person_id: uuid.UUID,
    *,
    starts_on: date,
    ends_on: date,
    note: str = "",
    busy_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> uuid.UUID:
    """Add a period a judge is busy (the planner then avoids it, I-1), or correct one."""
    require(actor, INTERNSHIPS_PLAN, N_("You may not change internship settings."))
    if busy_id is None:
        return add_busy_period(
            session,
            actor,
            person_id,
            starts_on=starts_on,
            ends_on=ends_on,
            source="manual",
            note=note,
        )
    row = session.get(BusyPeriod, busy_id)
    if row is None:
        raise NotFoundError(N_("This record was deleted by someone else."))
    if expected_version is not None and row.version != expected_version:
        raise ConflictError(
            N_("Someone else changed this record meanwhile. Reload it and try again.")
        )
    if ends_on < starts_on:
        raise ValidationError([FieldError("ends_on", N_("The end is before the start."))])
    old = {
        "starts_on": row.starts_on.isoformat(),
        "ends_on": row.ends_on.isoformat(),
        "note": row.note,
    }
    row.starts_on, row.ends_on, row.note = starts_on, ends_on, note.strip()
    row.updated_by = actor.name
    session.flush()
    new = {"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat(), "note": row.note}
    changes = {k: [old[k], new[k]] for k in old if old[k] != new[k]}
    record(session, actor, "update", "person_busy_period", row.id, changes)
    return row.id


def delete_busy_period(session: Session, actor: Actor, busy_id: uuid.UUID) -> None:
    """Remove a busy period (the judge is free again for planning)."""
    require(actor, INTERNSHIPS_PLAN, N_("You may not change internship settings."))
    row = session.get(BusyPeriod, busy_id)
    if row is not None:
        session.delete(row)
        record(
            session,
            actor,
            "delete",
            "person_busy_period",
            busy_id,
            {"starts_on": [row.starts_on.isoformat(), None]},
        )
