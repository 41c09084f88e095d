"""The agenda of a day: every deadline and to-do the actor answers for, most urgent first."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.agenda import centre_items, cpd_items, mentoring_items
from app.agenda.charts import Charts, charts_of, court_bars_of
from app.agenda.dto import STATES, AgendaItem
from app.core.bulk import collector_paused, give_back_freed_memory
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
from app.core.store import SideReads
from app.courts.centre import current_centre
from app.cpd.dto import CourtCount
from app.cpd.owing import Owed, owing
from app.cpd.year_counts import year_counts
from app.internships.unplanned import unplanned_due
from db.models import Court, Person


@dataclass(frozen=True)
class StartPage:
    """What the start page shows: the agenda, the charts, or first steps on an empty store."""

    on: date
    items: tuple[AgendaItem, ...]
    charts: Charts | None
    empty: bool


class _Aside:
    """One read run in another thread on a connection of its own, while the caller goes on.

    The I-1 statement spends its time inside SQLite, which lets go of the GIL, and the CPD
    pass its time in Python: side by side on two cores the national start page takes the
    longer of the two instead of their sum (issue 12).
    """

    def __init__(self, side: SideReads, work: Callable[[Session], Any]) -> None:
        self._result: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(
            target=self._run, args=(side, work), name="agenda-aside", daemon=True
        )
        self._thread.start()

    def _run(self, side: SideReads, work: Callable[[Session], Any]) -> None:
        try:
            with side() as session:
                self._result = work(session)
        except BaseException as exc:  # handed to the caller's thread
            self._error = exc

    def join(self) -> None:
        """Wait for the read to end (its session closed)."""
        self._thread.join()

    def result(self) -> Any:
        """What the read returned; what it raised is raised here, in the caller's thread."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


class _Reads:
    """The heavy reads, each done once per computation: the items and the charts share them.

    With `side`, I-1 is read at once on a second connection in another thread (_Aside).
    """

    def __init__(
        self,
        session: Session,
        on: date,
        region: str,
        *,
        charts: bool = False,
        side: SideReads | None = None,
    ) -> None:
        self.session, self.on, self.region, self.charts = session, on, region, charts
        self._year: tuple[list[AgendaItem], list[CourtCount]] | None = None
        self._due: tuple[int, list[str]] | None = None
        self._aside = None if side is None else _Aside(side, self._read_due)

    def _read_due(self, session: Session) -> tuple[int, list[str]]:
        return unplanned_due(session, self.on.year, self.region, centre_items.NAMES_SHOWN)

    def close(self) -> None:
        """Wait for a read left running in another thread (after an error meanwhile), and
        give back the memory that thread freed.
        """
        if self._aside is not None:
            self._aside.join()
            give_back_freed_memory()

    def cpd_year(self) -> tuple[list[AgendaItem], list[CourtCount]]:
        """The running year's T-1 items and (for the charts) its verdicts counted per court,
        counted in SQL from the points the ledger keeps summed (issue 12).
        """
        if self._year is None:
            counts = year_counts(self.session, self.on.year, self.on, self.region)
            courts = court_bars_of(self.session, counts) if self.charts else []
            self._year = (cpd_items.counted_items(self.on, counts), courts)
        return self._year

    def owing(self, year: int) -> list[Owed]:
        """Who owes the year's report (C-5): the roles with a points minimum in the year's
        rule set, less those exempt the whole year; their points are not needed.
        """
        return owing(self.session, year, self.region)

    def due(self) -> tuple[int, list[str]]:
        """How many judges are due for an internship this year and not planned (I-1), and the
        names the start page shows.
        """
        if self._due is None:
            if self._aside is not None:
                self._due = self._aside.result()
            else:
                self._due = self._read_due(self.session)
        return self._due


def agenda(
    session: Session,
    actor: Actor,
    on: date,
    *,
    backup_dir: Path | None = None,
    side: SideReads | None = None,
) -> list[AgendaItem]:
    """Every item due for the actor's role and region on `on` (issue 12).

    `side` (Store.read_apart) lets I-1 be read meanwhile on a second connection; leave it out
    when `session` holds changes not yet committed, which another connection cannot see.
    """
    with collector_paused():  # the national verdicts and due list: ~100,000 objects
        reads = _Reads(session, on, actor.region_code, side=_needed(actor, side))
        try:
            return _items(actor, backup_dir, reads)
        finally:
            reads.close()


def start_page(
    session: Session,
    actor: Actor,
    on: date,
    *,
    backup_dir: Path | None = None,
    side: SideReads | None = None,
) -> StartPage:
    """The agenda and the charts in one read; first steps (no items) on an empty store.

    `side` as for agenda(); the charts always show the I-1 figure.
    """
    if not session.scalar(select(func.count(Person.id))):
        return StartPage(on, (), None, True)
    with collector_paused():  # the national verdicts and due list: ~100,000 objects
        reads = _Reads(session, on, actor.region_code, charts=True, side=side)
        try:
            items = _items(actor, backup_dir, reads)
            courts = reads.cpd_year()[1]
            charts = charts_of(session, on, actor.region_code, courts, lambda: reads.due()[0])
        finally:
            reads.close()
    return StartPage(on, tuple(items), charts, False)


def _needed(actor: Actor, side: SideReads | None) -> SideReads | None:
    # The agenda reads I-1 only for those who plan internships
    return side if can(actor, INTERNSHIPS_PLAN) else None


def _items(actor: Actor, backup_dir: Path | None, reads: _Reads) -> list[AgendaItem]:
    session, on, region = reads.session, reads.on, reads.region
    found: list[AgendaItem | None] = []
    if can(actor, CPD_KEEP) or can(actor, CPD_REVIEW):
        for year in cpd_items.report_years(on):
            found.append(cpd_items.reports_due(session, on, year, reads.owing(year)))
        found.append(cpd_items.summary_item(session, on))
        found += reads.cpd_year()[0]
    if can(actor, CPD_REVIEW):
        found += cpd_items.pending_lines(session, on, region)
    if can(actor, TRAINING_MANAGE):
        found.append(centre_items.plan_item(session, on))
        found.append(centre_items.regional_item(session, on, _regional_court(session, region)))
    if can(actor, MENTORING_KEEP):
        found += mentoring_items.pair_items(session, on, region)
        found += mentoring_items.protocol_items(session, on, region)
        found.append(mentoring_items.programme_item(session, on, region))
    if can(actor, EVALUATION_RATE):
        found.append(centre_items.sheets_item(session, on, region))
    if can(actor, SETTINGS_EDIT):
        found.append(centre_items.backup_item(backup_dir, on))
    if can(actor, INTERNSHIPS_PLAN):  # last: I-1 may still be being read aside
        found += centre_items.internship_items(session, on, region, reads.due)
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
