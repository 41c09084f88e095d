"""Figures of the start page's charts: CPD compliance by court, pairs by state, internships."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cpd.compliance_counts import counts_by_court, court_counts
from app.cpd.dto import ComplianceRow, CourtCount
from app.cpd.year_counts import YearCounts
from db.models import Court, Internship, Pair, Person

PAIR_STATES = ("proposed", "active", "completed", "ended_early")
COURTS_SHOWN = 8  # the courts with most people; a bar chart of 100 courts says nothing


@dataclass(frozen=True)
class Charts:
    """Counts behind the three charts; states and verdicts are keys of the features' vocab."""

    year: int
    courts: tuple[CourtCount, ...]
    pairs: tuple[tuple[str, int], ...]
    internships: tuple[tuple[str, int], ...]  # done, planned, due (not planned)


def court_bars(session: Session, rows: Iterable[ComplianceRow]) -> list[CourtCount]:
    """The courts of the compliance chart: those with most people bound by the year's rules."""
    bound = (r for r in rows if r.status != "exempt")
    return sorted(counts_by_court(session, bound), key=lambda c: -c.people)[:COURTS_SHOWN]


def court_bars_of(session: Session, counts: YearCounts) -> list[CourtCount]:
    """court_bars() of the verdicts counted in SQL (year_counts, issue 12)."""
    courts = court_counts(session, counts.courts, counts.points)
    return sorted(courts, key=lambda c: -c.people)[:COURTS_SHOWN]


def charts_of(
    session: Session, on: date, region_code: str, courts: list[CourtCount], due: Callable[[], int]
) -> Charts:
    """The figures for `on`'s year, of a region or of the whole store; `courts` are
    court_bars() of its verdicts and `due` gives the number of judges due for an internship
    and not planned (I-1), asked for last: it may still be being read in another thread.
    """
    pairs = select(Pair.state, func.count(Pair.id)).group_by(Pair.state)
    if region_code:
        pairs = pairs.where(Pair.region_code == region_code)
    by_state = {s: int(n) for s, n in session.execute(pairs)}
    start, end = date(on.year, 1, 1), date(on.year, 12, 31)
    held = (
        select(Internship.status, func.count(Internship.id))
        .where(Internship.kind == "judge", Internship.starts_on <= end, Internship.ends_on >= start)
        .group_by(Internship.status)
    )
    if region_code:
        held = held.where(
            Internship.person_id.in_(
                select(Person.id)
                .join(Court, Court.id == Person.court_id)
                .where(Court.region_code == region_code)
            )
        )
    by_status = {s: int(n) for s, n in session.execute(held)}
    return Charts(
        on.year,
        tuple(courts),
        tuple((s, int(by_state.get(s, 0))) for s in PAIR_STATES),
        (
            ("done", int(by_status.get("done", 0))),
            ("planned", int(by_status.get("planned", 0))),
            ("due", due()),
        ),
    )
