"""Year in review of a region (M-13): pairs, endings, completion, feedback, best guides.

Aggregates only: no meeting, review or report text ever reaches a summary (M-9).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from app.core.permissions import disclosable
from app.mentoring.access import names
from db.models import Pair, PairReport, Programme

BEST_GUIDES = 5


@dataclass(frozen=True)
class GuideResult:
    """A guide's results in the year, ranked for recognition (M-13, cl. 17)."""

    name: str
    completed: int
    average_progress: float
    average_feedback: float | None  # None also when withheld (M-9: fewer than 3 ratings)
    feedback_withheld: bool = False


@dataclass(frozen=True)
class YearReview:
    """The figures of one region and year."""

    region_code: str
    year: int
    started: int
    active: int
    completed: int
    ended_early: int
    ended_reasons: tuple[tuple[str, int], ...]
    average_progress: float | None
    average_feedback: float | None  # None also when withheld (M-9: fewer than 3 ratings)
    feedback_count: int
    best_guides: tuple[GuideResult, ...]
    feedback_withheld: bool = False

    @property
    def withheld(self) -> bool:
        """Whether any average over confidential ratings is withheld (M-9)."""
        return self.feedback_withheld or any(g.feedback_withheld for g in self.best_guides)


def year_review(session: Session, region_code: str, year: int) -> YearReview:
    """The year in review of a region, computed in SQL (M-13)."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    in_region = Pair.region_code == region_code
    ran = and_(
        in_region,
        Pair.state != "proposed",
        Pair.starts_on <= last,
        or_(Pair.ended_on.is_(None), Pair.ended_on >= first),
    )
    started = (
        session.scalar(
            select(func.count(Pair.id)).where(
                in_region, Pair.state != "proposed", Pair.starts_on.between(first, last)
            )
        )
        or 0
    )
    active = session.scalar(select(func.count(Pair.id)).where(ran)) or 0
    ended = dict(
        session.execute(
            select(Pair.state, func.count(Pair.id))
            .where(in_region, Pair.ended_on.between(first, last))
            .group_by(Pair.state)
        ).all()
    )
    reasons = session.execute(
        select(Pair.end_reason, func.count(Pair.id))
        .where(in_region, Pair.state == "ended_early", Pair.ended_on.between(first, last))
        .group_by(Pair.end_reason)
        .order_by(func.count(Pair.id).desc())
    ).all()
    avg_progress = session.scalar(
        select(func.avg(Programme.progress)).join(Pair, Pair.id == Programme.pair_id).where(ran)
    )
    feedback = session.execute(
        select(
            func.avg(PairReport.feedback_score),
            func.count(PairReport.id),
            func.count(func.distinct(PairReport.pair_id)),
        )
        .join(Pair, Pair.id == PairReport.pair_id)
        .where(
            in_region,
            PairReport.author == "protege",
            PairReport.feedback_score.is_not(None),
            PairReport.submitted_on.between(first, last),
        )
    ).one()
    rows = session.execute(
        select(
            Pair.guide_id,
            func.count(Pair.id),
            func.avg(Programme.progress),
            func.avg(PairReport.feedback_score),
            func.count(func.distinct(PairReport.pair_id)),
        )
        .outerjoin(Programme, Programme.pair_id == Pair.id)
        .outerjoin(
            PairReport,
            and_(
                PairReport.pair_id == Pair.id,
                PairReport.author == "protege",
                PairReport.feedback_score.is_not(None),
            ),
        )
        .where(in_region, Pair.state == "completed", Pair.ended_on.between(first, last))
        .group_by(Pair.guide_id)
    ).all()
    # M-9: a guide's feedback average over fewer than 3 protégé ratings is withheld, and so
    # is its part in the ranking (a place in the list would tell it as well).
    shown = [(r, r[3] if r[3] is not None and disclosable(int(r[4])) else None) for r in rows]
    ranked = sorted(shown, key=lambda x: (-(x[1] or 0), -x[0][1], -(x[0][2] or 0)))[:BEST_GUIDES]
    who = names(session, {r[0] for r, _f in ranked})
    best = tuple(
        GuideResult(
            who.get(r[0], ""),
            int(r[1]),
            round(float(r[2] or 0), 1),
            round(float(feedback_avg), 2) if feedback_avg is not None else None,
            feedback_withheld=r[3] is not None and feedback_avg is None,
        )
        for r, feedback_avg in ranked
    )
    # Counted by pairs: three reports of one protégé are still one person's rating.
    feedback_shown = feedback[0] is not None and disclosable(int(feedback[2]))
    return YearReview(
        region_code=region_code,
        year=year,
        started=int(started),
        active=int(active),
        completed=int(ended.get("completed", 0)),
        ended_early=int(ended.get("ended_early", 0)),
        ended_reasons=tuple((str(k), int(v)) for k, v in reasons),
        average_progress=round(float(avg_progress), 1) if avg_progress is not None else None,
        average_feedback=round(float(feedback[0]), 2) if feedback_shown else None,
        feedback_count=int(feedback[1]),
        best_guides=best,
        feedback_withheld=feedback[0] is not None and not feedback_shown,
    )
