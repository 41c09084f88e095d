"""The agenda of a day: every deadline and to-do the actor answers for, most urgent first."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.agenda import centre_items, cpd_items, mentoring_items
from app.agenda.charts import Charts, charts_of
from app.agenda.dto import STATES, AgendaItem
from app.core.context import Actor
from app.core.permissions import (
    CPD_KEEP,
    CPD_REVIEW,
    EVALUATION_RATE,
    INTERNSHIPS_PLAN,
    MENTORING_KEEP,
    SETTINGS_EDIT,
    TRAINING_MANAGE,
    can,
)
from app.courts.centre import current_centre
from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, ComplianceRow
from db.models import Court, Person


@dataclass(frozen=True)
class StartPage:
    """What the start page shows: the agenda, the charts, or first steps on an empty store."""

    on: date
    items: tuple[AgendaItem, ...]
    charts: Charts | None
    empty: bool


def agenda(
    session: Session, actor: Actor, on: date, *, backup_dir: Path | None = None
) -> list[AgendaItem]:
    """Every item due for the actor's role and region on `on` (issue 12)."""
    return _items(session, actor, on, backup_dir, {})


def start_page(
    session: Session, actor: Actor, on: date, *, backup_dir: Path | None = None
) -> StartPage:
    """The agenda and the charts in one read; first steps (no items) on an empty store."""
    if not session.scalar(select(func.count(Person.id))):
        return StartPage(on, (), None, True)
    rows: dict[int, list[ComplianceRow]] = {}
    items = _items(session, actor, on, backup_dir, rows)
    region = actor.region_code
    this_year = _compliance(session, on, on.year, region, rows)
    return StartPage(on, tuple(items), charts_of(session, on, region, this_year), False)


def _compliance(
    session: Session, on: date, year: int, region: str, cache: dict[int, list[ComplianceRow]]
) -> list[ComplianceRow]:
    if year not in cache:
        cache[year] = compliance(session, ComplianceFilter(year=year, region_code=region), on)
    return cache[year]


def _items(
    session: Session,
    actor: Actor,
    on: date,
    backup_dir: Path | None,
    rows: dict[int, list[ComplianceRow]],
) -> list[AgendaItem]:
    region = actor.region_code
    found: list[AgendaItem | None] = []
    if can(actor, CPD_KEEP) or can(actor, CPD_REVIEW):
        for year in cpd_items.report_years(on):
            year_rows = _compliance(session, on, year, region, rows)
            found.append(cpd_items.reports_due(session, on, year, year_rows))
        found.append(cpd_items.summary_item(session, on))
        found += cpd_items.academy_items(on, _compliance(session, on, on.year, region, rows))
    if can(actor, CPD_REVIEW):
        found += cpd_items.pending_lines(session, on, region)
    if can(actor, TRAINING_MANAGE):
        found.append(centre_items.plan_item(session, on))
        found.append(centre_items.regional_item(session, on, _regional_court(session, region)))
    if can(actor, MENTORING_KEEP):
        found += mentoring_items.pair_items(session, on, region)
        found += mentoring_items.protocol_items(session, on, region)
        found.append(mentoring_items.programme_item(session, on, region))
    if can(actor, INTERNSHIPS_PLAN):
        found += centre_items.internship_items(session, on, region)
    if can(actor, EVALUATION_RATE):
        found.append(centre_items.sheets_item(session, on, region))
    if can(actor, SETTINGS_EDIT):
        found.append(centre_items.backup_item(backup_dir, on))
    items = [i for i in found if i is not None]
    return sorted(items, key=lambda i: (STATES.index(i.state), i.due_on or on, i.key, i.year))


def _regional_court(session: Session, region: str) -> uuid.UUID | None:
    """The court whose regional events count (T-4): the actor's region's, else the centre's."""
    if region:
        return session.scalar(
            select(Court.id).where(Court.level == "regional", Court.region_code == region)
        )
    centre = current_centre(session)
    return centre.court_id if centre else None
