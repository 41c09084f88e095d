"""The individual dossier of a judge (E-1, E-4): what evaluation and internships hold about them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.evaluation.monitoring import MonitoringInput, lines_of
from app.internships.dto import InternshipDTO
from app.internships.queries import schedule
from db.models import EvalSheet, EvalTemplate, QualityIndicator


@dataclass(frozen=True)
class DossierSheet:
    """A sheet in a dossier."""

    id: uuid.UUID
    template_code: str
    template_version: int
    title_kk: str
    title_ru: str
    period: str
    status: str
    total: str


@dataclass(frozen=True)
class Dossier:
    """The individual dossier of a judge (E-1): sheets, internships, quality indicators."""

    person_id: uuid.UUID
    sheets: tuple[DossierSheet, ...]
    internships: tuple[InternshipDTO, ...]
    quality: tuple[tuple[date, date, int, int, str, int], ...]
    # E-4: workload by specialisation, quality on appeal and cassation by case category
    monitoring: tuple[MonitoringInput, ...] = ()


def dossier(session: Session, person_id: uuid.UUID) -> Dossier:
    """Everything recorded about one judge for evaluation."""
    sheets = session.execute(
        select(
            EvalSheet,
            EvalTemplate.code,
            EvalTemplate.version_no,
            EvalTemplate.title_kk,
            EvalTemplate.title_ru,
        )
        .join(EvalTemplate, EvalTemplate.id == EvalSheet.template_id)
        .where(EvalSheet.subject_id == person_id)
        .order_by(EvalSheet.period)
    ).all()
    internships = schedule(session, None, kind=None, person_id=person_id)
    quality = tuple(
        (
            q.period_start,
            q.period_end,
            q.cases,
            q.overturned,
            str(q.time_limits_kept_pct),
            q.complaints,
        )
        for q in session.scalars(
            select(QualityIndicator)
            .where(QualityIndicator.person_id == person_id)
            .order_by(QualityIndicator.period_start)
        )
    )
    return Dossier(
        person_id,
        tuple(
            DossierSheet(
                s.id, code, v, kk, ru, s.period, s.status, "" if s.total is None else str(s.total)
            )
            for s, code, v, kk, ru in sheets
        ),
        tuple(sorted(internships, key=lambda i: i.starts_on)),
        quality,
        tuple(lines_of(session, person_id)),
    )
