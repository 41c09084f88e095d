"""The CPD ledger: activities with points, evidence files and the officer's check (C-3, C-8)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import (
    ConflictError,
    DomainError,
    FieldError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.core.permissions import CPD_KEEP, CPD_REVIEW, REFUSED, require
from app.cpd.activity_checks import normalise, validate
from app.cpd.dto import ActivityDTO, ActivityInput, EvidenceDTO
from db.models import CpdActivity, CpdEvidence, CpdForm, CpdReport
from i18n import N_


class YearLockedError(DomainError):
    """The person's report of that year is accepted: its lines no longer change (C-5)."""


def may_edit(actor: Actor, person_id: uuid.UUID) -> None:
    # C-8: a person keeps their own ledger and answers for it; officers keep everyone's.
    if actor.person_id == person_id:
        return
    require(actor, CPD_KEEP, REFUSED)


def _locked(session: Session, person_id: uuid.UUID, year: int) -> bool:
    return (
        session.scalar(
            select(CpdReport.id).where(
                CpdReport.person_id == person_id,
                CpdReport.year == year,
                CpdReport.state == "accepted",
            )
        )
        is not None
    )


def check_unlocked(session: Session, person_id: uuid.UUID, year: int) -> None:
    """Refuse a change to a year whose report was accepted (C-5: accepted reports are locked)."""
    if _locked(session, person_id, year):
        raise YearLockedError(
            N_("The report for {year} is accepted; its activities can no longer change."), year=year
        )


def _snapshot(a: CpdActivity) -> dict[str, Any]:
    return {
        "person_id": a.person_id,
        "form_id": a.form_id,
        "event": a.event,
        "organiser": a.organiser,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "hours": a.hours,
        "points": a.points,
        "catalogue_points": a.catalogue_points,
        "override_reason": a.override_reason,
        "state": a.state,
        "review_note": a.review_note,
    }


def to_dto(a: CpdActivity, form: CpdForm, evidence: tuple[EvidenceDTO, ...] = ()) -> ActivityDTO:
    """DTO of a loaded activity."""
    data = ActivityInput(
        person_id=a.person_id,
        form_id=a.form_id,
        event=a.event,
        starts_on=a.starts_on,
        ends_on=a.ends_on,
        organiser=a.organiser,
        hours=Decimal(a.hours) if a.hours is not None else None,
        points=Decimal(a.points),
        override_reason=a.override_reason,
    )
    return ActivityDTO(
        id=a.id,
        version=a.version,
        data=data,
        year=a.year,
        points=Decimal(a.points),
        catalogue_points=Decimal(a.catalogue_points) if a.catalogue_points is not None else None,
        state=a.state,
        form_code=form.code,
        form_name_kk=form.name_kk,
        form_name_ru=form.name_ru,
        reviewed_by=a.reviewed_by,
        reviewed_on=a.reviewed_on,
        review_note=a.review_note,
        source=a.source,
        evidence=evidence,
    )


def _evidence_of(session: Session, activity_id: uuid.UUID) -> tuple[EvidenceDTO, ...]:
    rows = session.execute(
        select(
            CpdEvidence.id,
            CpdEvidence.kind,
            CpdEvidence.filename,
            CpdEvidence.size,
            CpdEvidence.sha256,
        )
        .where(CpdEvidence.activity_id == activity_id)
        .order_by(CpdEvidence.created_at)
    ).all()
    return tuple(EvidenceDTO(r.id, activity_id, r.kind, r.filename, r.size, r.sha256) for r in rows)


def add_activity(
    session: Session,
    actor: Actor,
    data: ActivityInput,
    *,
    today: date | None = None,
    source: str = "manual",
    idempotency_key: str | None = None,
) -> ActivityDTO:
    """Add a ledger line, awaiting the officer's check (C-3)."""
    may_edit(actor, data.person_id)
    data = normalise(data)
    points, catalogue = validate(session, data, today or date.today())
    check_unlocked(session, data.person_id, data.ends_on.year)
    a = CpdActivity(
        person_id=data.person_id,
        year=data.ends_on.year,
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        form_id=data.form_id,
        event=data.event,
        organiser=data.organiser,
        hours=data.hours,
        points=points,
        catalogue_points=catalogue,
        override_reason=data.override_reason if points != catalogue else "",
        state="pending",
        source=source,
        idempotency_key=idempotency_key,
        updated_by=actor.name,
    )
    session.add(a)
    session.flush()
    record(session, actor, "create", "cpd_activity", a.id, diff({}, _snapshot(a)))
    form = session.get(CpdForm, a.form_id)
    assert form is not None
    return to_dto(a, form)


def load_activity(
    session: Session, activity_id: uuid.UUID, expected_version: int | None
) -> CpdActivity:
    """An activity, refused when deleted or changed since it was read."""
    a = session.get(CpdActivity, activity_id)
    if a is None:
        raise NotFoundError(N_("This activity was deleted by someone else."))
    if expected_version is not None and a.version != expected_version:
        raise ConflictError(
            N_("Someone else changed this record meanwhile. Reload it and try again.")
        )
    return a


def update_activity(
    session: Session,
    actor: Actor,
    activity_id: uuid.UUID,
    data: ActivityInput,
    expected_version: int,
    *,
    today: date | None = None,
) -> ActivityDTO:
    """Change a ledger line; a changed line must be checked again."""
    a = load_activity(session, activity_id, expected_version)
    may_edit(actor, a.person_id)
    if a.source == "training":
        raise PermissionDeniedError(N_("This line comes from attendance; change the attendance."))
    data = normalise(data)
    if data.person_id != a.person_id:
        raise ValidationError(
            [FieldError("person_id", N_("An activity cannot move to another person."))]
        )
    points, catalogue = validate(session, data, today or date.today())
    check_unlocked(session, a.person_id, a.year)
    check_unlocked(session, a.person_id, data.ends_on.year)
    before = _snapshot(a)
    a.year, a.starts_on, a.ends_on = data.ends_on.year, data.starts_on, data.ends_on
    a.form_id, a.event, a.organiser, a.hours = data.form_id, data.event, data.organiser, data.hours
    a.points, a.catalogue_points = points, catalogue
    a.override_reason = data.override_reason if points != catalogue else ""
    if a.source != "training":
        a.state, a.reviewed_by, a.reviewed_on = "pending", "", None
    a.updated_by = actor.name
    session.flush()
    record(session, actor, "update", "cpd_activity", a.id, diff(before, _snapshot(a)))
    form = session.get(CpdForm, a.form_id)
    assert form is not None
    return to_dto(a, form, _evidence_of(session, a.id))


def review_activity(
    session: Session,
    actor: Actor,
    activity_id: uuid.UUID,
    *,
    confirm: bool,
    note: str = "",
    expected_version: int | None = None,
    today: date | None = None,
) -> ActivityDTO:
    """The responsible officer confirms or rejects a line (C-3); a rejection gives a reason."""
    require(actor, CPD_REVIEW, REFUSED)
    a = load_activity(session, activity_id, expected_version)
    check_unlocked(session, a.person_id, a.year)
    note = note.strip()
    if not confirm and not note:
        raise ValidationError([FieldError("note", N_("Give the reason for rejecting."))])
    before = _snapshot(a)
    a.state = "confirmed" if confirm else "rejected"
    a.reviewed_by, a.reviewed_on, a.review_note = actor.name, today or date.today(), note
    a.updated_by = actor.name
    session.flush()
    record(session, actor, "review", "cpd_activity", a.id, diff(before, _snapshot(a)))
    form = session.get(CpdForm, a.form_id)
    assert form is not None
    return to_dto(a, form, _evidence_of(session, a.id))


def person_ledger(
    session: Session, person_id: uuid.UUID, year: int | None = None
) -> list[ActivityDTO]:
    """A person's activities, newest first, with their evidence lists."""
    stmt = (
        select(CpdActivity, CpdForm)
        .join(CpdForm, CpdForm.id == CpdActivity.form_id)
        .where(CpdActivity.person_id == person_id)
    )
    if year is not None:
        stmt = stmt.where(CpdActivity.year == year)
    rows = session.execute(stmt.order_by(CpdActivity.ends_on.desc(), CpdActivity.event)).all()
    ids = [a.id for a, _f in rows]
    evidence: dict[uuid.UUID, list[EvidenceDTO]] = {i: [] for i in ids}
    if ids:
        for r in session.execute(
            select(
                CpdEvidence.id,
                CpdEvidence.activity_id,
                CpdEvidence.kind,
                CpdEvidence.filename,
                CpdEvidence.size,
                CpdEvidence.sha256,
            )
            .where(CpdEvidence.activity_id.in_(ids))
            .order_by(CpdEvidence.created_at)
        ):
            evidence[r.activity_id].append(
                EvidenceDTO(r.id, r.activity_id, r.kind, r.filename, r.size, r.sha256)
            )
    return [to_dto(a, f, tuple(evidence[a.id])) for a, f in rows]
