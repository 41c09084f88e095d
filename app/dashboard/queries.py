"""Counts shown on the dashboard, in one short read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.people.dto import PersonFilter
from app.people.queries import count_people
from db.models import AuditEntry, Court, Person


@dataclass(frozen=True)
class DashboardFigures:
    """What the start page tells at a glance."""

    people: int
    judges: int
    district_courts: int
    on_leave_or_suspended: int
    changes_today: int


def dashboard_figures(session: Session, today: date | None = None) -> DashboardFigures:
    """Counts over the whole store."""
    today = today or date.today()
    people = int(session.scalar(select(func.count(Person.id))) or 0)
    judges = int(session.scalar(select(func.count(Person.id)).where(Person.role == "judge")) or 0)
    districts = int(
        session.scalar(select(func.count(Court.id)).where(Court.level == "district")) or 0
    )
    away = sum(
        count_people(session, PersonFilter(status=s, on=today))
        for s in ("childcare_leave", "suspended")
    )
    # A range of times, not func.date(...) == 'YYYY-MM-DD': that compared a date with text,
    # which PostgreSQL refuses (issue 16). The day is the UTC day, as before.
    start = datetime.combine(today, time(), tzinfo=UTC)
    on_day = (AuditEntry.at >= start) & (AuditEntry.at < start + timedelta(days=1))
    changes = int(session.scalar(select(func.count(AuditEntry.id)).where(on_day)) or 0)
    return DashboardFigures(people, judges, districts, away, changes)
