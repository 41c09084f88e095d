"""The centre's other deadlines: the plan (T-3), regional events (T-4), internships (I-1),
evaluation sheets (E-1) and the age of the last backup.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.agenda.dto import LATER, OVERDUE, THIS_WEEK, AgendaItem, Target, state_of
from app.core.backup import list_backups
from app.training.plan import plan_status
from app.training.queries import regional_check
from db.models import Court, EvalSheet, HostOffer, Internship, Person

NAMES_SHOWN = 50
BACKUP_OLD_DAYS = 7  # a week without a backup is worth a word; the copies rotate daily


def plan_item(session: Session, on: date) -> AgendaItem | None:
    """T-3: next year's plan, due 1 December (the rule set's date), until it is sent."""
    status = plan_status(session, on.year + 1)
    if status.sent_on is not None:
        return None
    return AgendaItem(
        "training_plan",
        "T-3",
        status.due_on,
        status.events,
        state_of(status.due_on, on),
        Target("cpd", "plan", (("year", on.year + 1),)),
        year=on.year + 1,
    )


def regional_item(session: Session, on: date, court_id: uuid.UUID | None) -> AgendaItem | None:
    """T-4: regional conferences, seminars and round tables held this year against the
    minimum; due by the year's end.
    """
    check = regional_check(session, on.year, court_id)
    if check.ok:
        return None
    due = date(on.year, 12, 31)
    return AgendaItem(
        "regional_events",
        "T-4",
        due,
        check.held,
        state_of(due, on),
        Target("cpd", "training", (("year", on.year),)),
        year=on.year,
        detail={"minimum": check.required},
    )


def internship_items(
    session: Session, on: date, region_code: str, unplanned: Callable[[], tuple[int, list[str]]]
) -> list[AgendaItem]:
    """I-1: judges due this year and not planned (`unplanned()`: how many in the actor's
    region and the first names in the due list's order); host places of the year still free.

    `unplanned` is asked for last: it may still be being read in another thread.
    """
    items = []
    due_end = date(on.year, 12, 31)
    free = _free_places(session, on)
    due, names = unplanned()
    if due:
        items.append(
            AgendaItem(
                "internships_due",
                "I-1",
                due_end,
                due,
                state_of(due_end, on),
                Target(
                    "internships",
                    "due",
                    (("year", on.year), ("region", region_code), ("unscheduled", True)),
                ),
                year=on.year,
                names=tuple(names[:NAMES_SHOWN]),
            )
        )
    if free and due:
        items.append(
            AgendaItem(
                "host_places",
                "I-1",
                None,
                free,
                THIS_WEEK,
                Target("internships", "places", (("year", on.year),)),
                year=on.year,
            )
        )
    return items


def _free_places(session: Session, on: date) -> int:
    """Judges' places offered by host courts for periods of the year not over yet, less the
    internships already placed at each court in those periods.
    """
    # One grouped read instead of a count per offer (42 on the national demo, issue 12)
    taken = (
        select(
            HostOffer.capacity,
            func.count(Internship.id).label("taken"),
        )
        .outerjoin(
            Internship,
            and_(
                Internship.host_court_id == HostOffer.court_id,
                Internship.kind == "judge",
                Internship.status != "cancelled",
                Internship.starts_on <= HostOffer.ends_on,
                Internship.ends_on >= HostOffer.starts_on,
            ),
        )
        .where(
            HostOffer.kind == "judge",
            HostOffer.starts_on <= date(on.year, 12, 31),
            HostOffer.ends_on >= max(on, date(on.year, 1, 1)),
        )
        .group_by(HostOffer.id, HostOffer.capacity)
    )
    return sum(max(capacity - int(n), 0) for capacity, n in session.execute(taken))


def sheets_item(session: Session, on: date, region_code: str) -> AgendaItem | None:
    """E-1: evaluation sheets of rounds still in draft (not signed off)."""
    stmt = select(func.count(EvalSheet.id)).where(
        EvalSheet.round_id.is_not(None), EvalSheet.status != "signed"
    )
    if region_code:
        stmt = stmt.where(
            EvalSheet.subject_id.in_(
                select(Person.id)
                .join(Court, Court.id == Person.court_id)
                .where(Court.region_code == region_code)
            )
        )
    count = int(session.scalar(stmt) or 0)
    if not count:
        return None
    return AgendaItem(
        "sheets_unsigned", "E-1", None, count, THIS_WEEK, Target("evaluation", "rounds")
    )


def backup_item(backup_dir: Path | None, on: date) -> AgendaItem | None:
    """The age of the last backup in days (none at all is overdue); nothing for a server
    database, which is backed up on its server.
    """
    if backup_dir is None:
        return None
    days = [b.taken_at.date() for b in list_backups(backup_dir) if b.taken_at.date() <= on]
    if not days:
        return AgendaItem("backup", "", None, -1, OVERDUE, Target("settings"))
    age = (on - max(days)).days
    state = OVERDUE if age > BACKUP_OLD_DAYS else LATER
    return AgendaItem("backup", "", max(days), age, state, Target("settings"))
