"""Evaluation rounds (E-1): the judges subject to evaluation, created in bulk by court."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, ValidationError
from app.core.permissions import EVALUATION_MANAGE, require
from app.core.progress import Progress
from app.evaluation.dto import RoundDTO
from app.evaluation.templates import current_template
from app.people.experience import status_on
from db.base import utcnow
from db.models import (
    EvalRound,
    EvalSheet,
    Person,
    PersonStatusPeriod,
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
    progress: Progress | None = None,
) -> RoundDTO:
    """A round with one blank sheet per active judge of the chosen courts (E-1)."""
    require(actor, EVALUATION_MANAGE, N_("Only the coordinator may form evaluation rounds."))
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
        if progress is not None:
            progress.step(min(i + step, len(rows)), len(rows))
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
