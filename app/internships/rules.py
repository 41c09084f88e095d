"""Parameters of rule I-1 as data, the working-day calendar, and the higher-court relation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import Court, Holiday, InternshipRuleSet


@dataclass(frozen=True)
class InternshipRules:
    """I-1: an internship at a higher court at least once every `interval_years` years,
    lasting at least `min_days` calendar days (2 weeks). Defaults of the shipped rule set.
    """

    interval_years: int = 3
    min_days: int = 14


@dataclass(frozen=True)
class PriorityWeights:
    """How the inputs named by I-1 (experience, quality, complaints) weigh in the priority.

    Higher priority is planned first. The figures are a default the centre may change.
    """

    per_year_overdue: float = 5.0
    never_interned: float = 5.0
    per_complaint: float = 3.0
    per_overturned: float = 2.0
    per_pct_time_limits_missed: float = 0.2
    junior_years: int = 3
    junior_bonus: float = 4.0


def rules_for_year(session: Session, year: int) -> InternshipRules:
    """The rule set in force on 1 January of the year (a year is judged by one rule set)."""
    row = session.scalars(
        select(InternshipRuleSet)
        .where(InternshipRuleSet.valid_from <= date(year, 1, 1))
        .order_by(InternshipRuleSet.valid_from.desc())
        .limit(1)
    ).first()
    if row is None:
        return InternshipRules()
    return InternshipRules(row.interval_years, row.min_days)


def holidays_of_year(session: Session, year: int) -> set[date]:
    """Public holidays of a year from the editable holidays table."""
    days: set[date] = set()
    rows = session.scalars(select(Holiday).where(or_(Holiday.year.is_(None), Holiday.year == year)))
    for h in rows:
        try:
            days.add(date(year, h.month, h.day))
        except ValueError:
            continue
    return days


def is_working_day(day: date, holidays: set[date]) -> bool:
    """Monday to Friday and not a public holiday."""
    return day.weekday() < 5 and day not in holidays


def host_levels_for(level: str) -> tuple[str, ...]:
    """Court levels higher than a court of `level` (I-1: internship at a higher court)."""
    if level == "district":
        return ("regional", "supreme")
    if level == "regional":
        return ("supreme",)
    return ()


def resets_clock(
    status: str,
    starts_on: date,
    ends_on: date,
    own_level: str,
    host_level: str,
    rules: InternshipRules,
) -> bool:
    """Whether an internship restarts the I-1 interval (I-1 clarification).

    Only one that was held, lasted at least `min_days` calendar days (both ends counted) and
    took place at a court above the judge's own; a planned, cancelled, short or same-level
    one leaves the judge as due as before.
    """
    return (
        status == "done"
        and (ends_on - starts_on).days + 1 >= rules.min_days
        and host_level in host_levels_for(own_level)
    )


def is_higher_court(
    session: Session, own_court_id: uuid.UUID | None, host_court_id: uuid.UUID
) -> bool:
    """Whether the host is above the judge's court: their regional court or the Supreme Court."""
    own = session.get(Court, own_court_id) if own_court_id else None
    host = session.get(Court, host_court_id)
    if own is None or host is None or host.level not in host_levels_for(own.level):
        return False
    # A district judge interns at their own region's court or at the Supreme Court.
    return host.level == "supreme" or own.parent_id == host.id
