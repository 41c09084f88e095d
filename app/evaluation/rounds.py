"""Evaluation rounds (E-1): the judges subject to evaluation, created in bulk by court,
and the individual dossier collecting everything about one judge.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import COORDINATOR, Actor
from app.core.errors import FieldError, PermissionDeniedError, ValidationError
from app.evaluation.dto import RoundDTO
from app.evaluation.templates import current_template
from app.internships.dto import InternshipDTO
from app.internships.queries import schedule
from app.people.experience import status_on
from db.base import utcnow
from db.models import (
    EvalRound,
    EvalSheet,
    EvalTemplate,
    Person,
    PersonStatusPeriod,
    QualityIndicator,
)
from i18n import N_


def create_round(
    session: Session,
    actor: Actor,
    *,
    template_code: str,
    period: str,
    court_ids: Sequence[uuid.UUID],
    title: str = "",
    on: date | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> RoundDTO:
    """A round with one blank sheet per active judge of the chosen courts (E-1)."""
    if not actor.has_role(COORDINATOR):
        raise PermissionDeniedError(N_("Only the coordinator may form evaluation rounds."))
    errors = []
    if not period.strip():
        errors.append(FieldError("period", N_("This field is required.")))
    if not court_ids:
        errors.append(FieldError("court_ids", N_("Choose at least one court.")))
    if errors:
        raise ValidationError(errors)
    template = current_template(session, template_code)
    on = on or date.today()
    judges = list(
        session.scalars(
            select(Person.id).where(Person.role == "judge", Person.court_id.in_(court_ids))
        )
    )
    periods: dict[uuid.UUID, list[tuple[str, date, date | None]]] = {}
    for pid, st, s, e in session.execute(
        select(
            PersonStatusPeriod.person_id,
            PersonStatusPeriod.status,
            PersonStatusPeriod.starts_on,
            PersonStatusPeriod.ends_on,
        ).where(PersonStatusPeriod.person_id.in_(judges))
    ):
        periods.setdefault(pid, []).append((st, s, e))
    active = [j for j in judges if status_on(periods.get(j, []), on) == "active"]
    rnd = EvalRound(
        template_code=template.code,
        period=period.strip(),
        title=title.strip(),
        updated_by=actor.name,
    )
    session.add(rnd)
    session.flush()
    now = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "template_id": template.id,
            "subject_id": pid,
            "round_id": rnd.id,
            "internship_id": None,
            "period": rnd.period,
            "status": "draft",
            "total": None,
            "signed_at": None,
            "signed_by": "",
            "created_at": now,
            "updated_at": now,
            "updated_by": actor.name,
            "version": 1,
        }
        for pid in active
    ]
    step = 1000
    for i in range(0, len(rows), step):
        session.execute(insert(EvalSheet), rows[i : i + step])
        if progress is not None and not progress(min(i + step, len(rows)), len(rows)):
            raise InterruptedError
    record(
        session,
        actor,
        "create",
        "eval_round",
        rnd.id,
        {"period": [None, rnd.period], "sheets": [None, len(rows)]},
    )
    return RoundDTO(rnd.id, rnd.template_code, rnd.period, rnd.title, len(rows), 0)


def list_rounds(session: Session) -> list[RoundDTO]:
    """Every round with its count of sheets and signed sheets."""
    counts = {
        rid: (n, s)
        for rid, n, s in session.execute(
            select(
                EvalSheet.round_id,
                func.count(),
                func.sum((EvalSheet.status == "signed").cast(EvalSheet.version.type)),
            ).group_by(EvalSheet.round_id)
        )
    }
    return [
        RoundDTO(
            r.id,
            r.template_code,
            r.period,
            r.title,
            *((counts[r.id][0], int(counts[r.id][1] or 0)) if r.id in counts else (0, 0)),
        )
        for r in session.scalars(select(EvalRound).order_by(EvalRound.period.desc()))
    ]


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
    """The individual dossier of a judge (E-1): sheets, internships, quality, other modules."""

    person_id: uuid.UUID
    sheets: tuple[DossierSheet, ...]
    internships: tuple[InternshipDTO, ...]
    quality: tuple[tuple[date, date, int, int, str, int], ...]
    extra: tuple[tuple[str, str], ...]


# Other modules (mentoring, CPD) add a provider returning (heading, text) lines for a person.
DOSSIER_PROVIDERS: list[Callable[[Session, uuid.UUID], list[tuple[str, str]]]] = []


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
    extra = tuple(line for p in DOSSIER_PROVIDERS for line in p(session, person_id))
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
        extra,
    )
