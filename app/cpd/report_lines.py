"""The lines of the report form of many people at once (C-5)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.cpd.dto import ReportLine
from db.models import CpdActivity, CpdEvidence, CpdForm


def report_lines(
    session: Session, person_ids: list[uuid.UUID], year: int
) -> dict[uuid.UUID, list[ReportLine]]:
    """The form's lines of many people at once: activities not rejected, with attachments."""
    lines: dict[uuid.UUID, list[ReportLine]] = defaultdict(list)
    if not person_ids:
        return lines
    rows: list[Any] = []
    for chunk in range(0, len(person_ids), 500):
        rows += session.execute(
            select(
                CpdActivity.id,
                CpdActivity.person_id,
                CpdActivity.event,
                CpdActivity.organiser,
                CpdActivity.points,
                CpdForm.name_kk,
                CpdForm.name_ru,
            )
            .join(CpdForm, CpdForm.id == CpdActivity.form_id)
            .where(
                CpdActivity.person_id.in_(person_ids[chunk : chunk + 500]),
                CpdActivity.year == year,
                CpdActivity.state != "rejected",
            )
            .order_by(CpdActivity.person_id, CpdActivity.starts_on, CpdActivity.event)
        ).all()
    files: dict[uuid.UUID, list[str]] = defaultdict(list)
    ids = [r.id for r in rows]
    for chunk in range(0, len(ids), 500):
        for ev in session.execute(
            select(CpdEvidence.activity_id, CpdEvidence.filename)
            .where(CpdEvidence.activity_id.in_(ids[chunk : chunk + 500]))
            .order_by(CpdEvidence.created_at)
        ):
            files[ev.activity_id].append(ev.filename)
    for r in rows:
        person_lines = lines[r.person_id]
        person_lines.append(
            ReportLine(
                len(person_lines) + 1,
                r.name_kk,
                r.name_ru,
                r.event,
                r.organiser,
                Decimal(r.points),
                tuple(files[r.id]),
            )
        )
    return lines


def snapshot_lines(snapshot: dict[str, Any]) -> tuple[ReportLine, ...]:
    """The lines an accepted report froze (C-5), as `workflow.accept_report` stored them."""
    return tuple(
        ReportLine(
            i["no"],
            i["form_kk"],
            i["form_ru"],
            i["event"],
            i["organiser"],
            Decimal(i["points"]),
            tuple(i["attachments"]),
        )
        for i in snapshot["lines"]
    )
