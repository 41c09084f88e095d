"""Sums the database keeps by triggers, recounted from the rows they sum (check --full)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Integer, case, cast, func, select
from sqlalchemy.orm import Session

from db.models import CpdActivity, CpdYearPoints
from i18n import _, ngettext


def _cents(*states: str, negate: bool = False) -> Any:
    # The trigger's own expression (migration 0600): hundredths of a point, rounded the same
    cents = cast(func.round(CpdActivity.points * 100), Integer)
    chosen = CpdActivity.state.not_in(states) if negate else CpdActivity.state.in_(states)
    return func.sum(case((chosen, cents), else_=0))


def points_drift(session: Session) -> list[tuple[Any, int, tuple[int, int], tuple[int, int]]]:
    """(person, year, kept, recounted) of every person-year whose confirmed and pending
    points kept in cpd_year_points differ from the ledger's lines (issue 12).
    """
    recount = {
        (pid, year): (int(c or 0), int(p or 0))
        for pid, year, c, p in session.execute(
            select(
                CpdActivity.person_id,
                CpdActivity.year,
                _cents("confirmed"),
                _cents("confirmed", "rejected", negate=True),
            ).group_by(CpdActivity.person_id, CpdActivity.year)
        )
    }
    kept = {
        (pid, year): (c, p)
        for pid, year, c, p in session.execute(
            select(
                CpdYearPoints.person_id,
                CpdYearPoints.year,
                CpdYearPoints.confirmed_cents,
                CpdYearPoints.pending_cents,
            )
        )
    }
    drift = []
    for key in sorted(set(recount) | set(kept), key=str):
        have, want = kept.get(key, (0, 0)), recount.get(key, (0, 0))
        if have != want:
            drift.append((key[0], key[1], have, want))
    return drift


def kept_sums(session: Session) -> int:
    """How many sums the database keeps."""
    return int(session.scalar(select(func.count()).select_from(CpdYearPoints)) or 0)


def aggregate_problems(session: Session) -> tuple[list[str], int]:
    """Sentences on kept sums that drifted from the rows, and how many drifted."""
    drift = points_drift(session)
    if not drift:
        return [], 0
    sample = ", ".join(f"{pid} {year}" for pid, year, _have, _want in drift[:5])
    return [
        ngettext(
            "CPD points kept summed differ from the ledger for {n} person-year ({sample}).",
            "CPD points kept summed differ from the ledger for {n} person-years ({sample}).",
            len(drift),
        ).format(n=len(drift), sample=sample)
        + " "
        + _("Restore a backup or ask for support: the start page counts from these sums.")
    ], len(drift)
