"""Verdicts counted per court and in total (C-5, C-7)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cpd.dto import ComplianceRow, CourtCount
from db.models import (
    Court,
)
from i18n.collation import bilingual_key


def counts_by_court(session: Session, rows: Iterable[ComplianceRow]) -> list[CourtCount]:
    """Verdicts counted per court, courts in hierarchy order."""
    acc: dict[uuid.UUID | None, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    pts: dict[uuid.UUID | None, Decimal] = defaultdict(Decimal)
    index = {"compliant": 1, "at_risk": 2, "not_compliant": 3, "exempt": 4}
    for r in rows:
        c = acc[r.court_id]
        c[0] += 1
        c[index[r.status]] += 1
        pts[r.court_id] += r.earned
    return court_counts(session, acc, pts)


def court_counts(
    session: Session,
    acc: Mapping[uuid.UUID | None, list[int]],
    pts: Mapping[uuid.UUID | None, Decimal],
) -> list[CourtCount]:
    """Counts per court (people, compliant, at risk, not compliant, exempt) and points as
    CourtCounts, courts in hierarchy order.
    """
    courts = {
        c.id: c
        for c in session.scalars(
            select(Court).where(Court.id.in_([k for k in acc if k is not None]))
        )
    }
    rank = {"supreme": 0, "regional": 1, "district": 2}
    result = []
    for court_id, c in acc.items():
        court = courts.get(court_id) if court_id else None
        key = (9, "")
        if court is not None:
            key = (rank.get(court.level, 3), bilingual_key(court.sort_key, court.name_ru))
        result.append(
            (
                key,
                CourtCount(
                    court_id,
                    court.name_kk if court else "",
                    court.name_ru if court else "",
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    pts[court_id],
                ),
            )
        )
    return [cc for _key, cc in sorted(result, key=lambda x: x[0])]


def status_totals(rows: list[ComplianceRow]) -> dict[str, int]:
    """How many people have each verdict."""
    totals = {"compliant": 0, "at_risk": 0, "not_compliant": 0, "exempt": 0}
    for r in rows:
        totals[r.status] += 1
    return totals
