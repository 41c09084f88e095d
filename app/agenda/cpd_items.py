"""CPD deadlines of the agenda: reports (C-5), the centre's summary (C-7), lines (C-3), T-1."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import exists, func, literal_column, select
from sqlalchemy.orm import Session

from app.agenda.dto import AgendaItem, Target, state_of
from app.cpd.dto import ComplianceRow
from app.cpd.owing import Owed
from app.cpd.summary import summary_due
from app.cpd.workflow import due_date, list_reports
from app.cpd.year_counts import YearCounts
from db.models import Court, CpdActivity, Person
from i18n.collation import sort_key

NAMES_SHOWN = 50  # the start page lists this many names; the count is always complete
SUBMITTED = frozenset({"submitted", "returned", "corrected", "accepted"})


def report_years(on: date) -> tuple[int, ...]:
    """The report years to watch (C-5): last year's (late ones stay listed all year) and, in
    December, the running year's, which fall due in February (the date is the rule set's).
    """
    return (on.year - 1, on.year) if on.month == 12 else (on.year - 1,)


def reports_due(session: Session, on: date, year: int, rows: list[Owed]) -> AgendaItem | None:
    """C-5: who of those owing the individual report of `year` (owing(): a person exempt all
    year owes none, C-7) has not handed it in; namesakes in a fixed order.
    """
    handed_in = {pid for pid, state, _late in list_reports(session, year, on) if state in SUBMITTED}
    owing = sorted(rows, key=lambda r: (sort_key(r.full_name), r.person_id.bytes))
    missing = [r.full_name for r in owing if r.person_id not in handed_in]
    if not missing:
        return None
    due = due_date(session, year)
    return AgendaItem(
        "cpd_reports",
        "C-5",
        due,
        len(missing),
        state_of(due, on),
        Target("cpd", "compliance", (("year", year),)),
        year=year,
        names=tuple(missing[:NAMES_SHOWN]),
        detail={"owing": len(owing)},
    )


def summary_item(session: Session, on: date) -> AgendaItem | None:
    """C-7: the centre's summary of last year, from 1 January until its deadline."""
    year = on.year - 1
    due = summary_due(session, year)
    if on > due:
        return None  # the store keeps no record of the summary's sending: past it, say nothing
    return AgendaItem(
        "cpd_summary",
        "C-7",
        due,
        1,
        state_of(due, on),
        Target("cpd", "compliance", (("year", year),)),
        year=year,
    )


def pending_lines(session: Session, on: date, region_code: str) -> list[AgendaItem]:
    """C-3: lines waiting for the officer's confirmation, per year; a year's lines must be
    decided before its reports can be accepted, so they are due with the reports (C-5).
    """
    items = []
    for year, count in session.execute(pending_per_year(region_code)):
        due = due_date(session, int(year))
        items.append(
            AgendaItem(
                "cpd_lines",
                "C-3",
                due,
                int(count),
                state_of(due, on),
                Target("cpd", "ledger", (("year", int(year)),)),
                year=int(year),
            )
        )
    return items


def pending_per_year(region_code: str) -> Any:
    """(year, lines waiting) of the whole store or of a region's people, read from the
    partial index of waiting lines (migration 0610): a national store's other lines are
    skipped (tests/app/agenda/test_agenda.py checks SQLite's plan).
    """
    # The state as a literal, so the condition matches the index's own; counting the ids
    # (not in the wider year/person index) keeps SQLite, which has no statistics, from
    # scanning that index instead
    stmt = select(CpdActivity.year, func.count(CpdActivity.id)).where(
        CpdActivity.state == literal_column("'pending'")
    )
    if region_code:
        # Looked up for each waiting line (there are few), not a list of the region's people
        # built first
        stmt = stmt.where(
            exists(
                select(Person.id)
                .join(Court, Court.id == Person.court_id)
                .where(Person.id == CpdActivity.person_id, Court.region_code == region_code)
            )
        )
    return stmt.group_by(CpdActivity.year).order_by(CpdActivity.year)


def academy_items(on: date, rows: Iterable[ComplianceRow]) -> list[AgendaItem]:
    """T-1: Academy courses overdue, and those falling due in the rest of the year."""
    watch = AcademyWatch(on)
    for r in rows:
        watch.add(r)
    return watch.items()


class AcademyWatch:
    """academy_items() in one pass over streamed verdicts, keeping counts and only the names
    shown (issue 11: 36,000 judges' rows were kept at once). The lists are cut to the first
    NAMES_SHOWN every so often; with the arrival number in the keys the result is exactly
    sorted(...)[:NAMES_SHOWN].
    """

    def __init__(self, on: date) -> None:
        self.on, self.end = on, date(on.year, 12, 31)
        self.overdue: list[tuple[Any, ...]] = []
        self.coming: list[tuple[Any, ...]] = []
        self.counts = [0, 0]
        self.first: date | None = None  # the earliest overdue course

    def add(self, r: ComplianceRow) -> None:
        """Take one person's verdict into account."""
        due = r.academy_due
        if not due:
            return
        if due < self.on:
            n = self.counts[0] = self.counts[0] + 1
            self.first = due if self.first is None else min(self.first, due)
            self.overdue.append((r.full_name, n))
            if len(self.overdue) > 1000:
                self.overdue = sorted(self.overdue)[:NAMES_SHOWN]
        elif due <= self.end:
            n = self.counts[1] = self.counts[1] + 1
            self.coming.append((due, sort_key(r.full_name), n, r.full_name))
            if len(self.coming) > 1000:
                self.coming = sorted(self.coming)[:NAMES_SHOWN]

    def items(self) -> list[AgendaItem]:
        """The T-1 items of what was added."""
        overdue = sorted(self.overdue)[:NAMES_SHOWN]
        coming = sorted(self.coming)[:NAMES_SHOWN]
        return t1_items(
            self.on,
            (self.counts[0], self.first, tuple(name for name, _n in overdue)),
            (self.counts[1], coming[0][0] if coming else None, tuple(c[3] for c in coming)),
        )


def counted_items(on: date, counts: YearCounts) -> list[AgendaItem]:
    """The T-1 items of the running year's verdicts counted in SQL (issue 12)."""
    lists = (counts.overdue, counts.coming)
    return t1_items(on, *((a.count, a.first, a.names()) for a in lists))


Shown = tuple[int, date | None, tuple[str, ...]]  # how many, the earliest date, names shown


def t1_items(on: date, overdue: Shown, coming: Shown) -> list[AgendaItem]:
    """T-1: Academy courses overdue, and those falling due in the rest of the year."""
    items = []
    if overdue[2] and overdue[1]:
        items.append(
            AgendaItem(
                "academy_overdue",
                "T-1",
                overdue[1],
                overdue[0],
                state_of(overdue[1], on),
                Target("cpd", "compliance", (("year", on.year), ("status", "not_compliant"))),
                year=on.year,
                names=overdue[2],
            )
        )
    if coming[2] and coming[1]:
        items.append(
            AgendaItem(
                "academy_due",
                "T-1",
                coming[1],
                coming[0],
                state_of(coming[1], on),
                Target("cpd", "compliance", (("year", on.year), ("status", "at_risk"))),
                year=on.year,
                names=coming[2],
            )
        )
    return items
