"""Individual programmes (M-7): drawn up by the pair, approved, corrected, every version kept."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import record
from app.core.context import Actor
from app.core.errors import FieldError, NotFoundError, ValidationError
from app.mentoring.access import ensure_editable, load_pair, party, require_staff
from app.mentoring.dto import ProgrammeDTO, ProgrammeItem
from db.models import Programme, ProgrammeVersion
from i18n import N_, parse_date

ITEM_STATUSES = ("planned", "in_progress", "done", "dropped")
STATUS_LABELS = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}


def progress_of(items: tuple[ProgrammeItem, ...]) -> int:
    """Share of done items among those not dropped, in whole percent."""
    counted = [i for i in items if i.status != "dropped"]
    if not counted:
        return 0
    return round(100 * sum(i.status == "done" for i in counted) / len(counted))


def _validate(items: tuple[ProgrammeItem, ...]) -> None:
    errors = []
    if not items:
        errors.append(FieldError("items", N_("A programme needs at least one item — M-7")))
    for n, item in enumerate(items, start=1):
        if not item.goal.strip() or not item.activity.strip():
            errors.append(
                FieldError("items", N_("Item {n}: a goal and an activity are required."), {"n": n})
            )
        if item.status not in ITEM_STATUSES:
            errors.append(FieldError("items", N_("Item {n}: choose a status."), {"n": n}))
    if errors:
        raise ValidationError(errors)


def _to_json(items: tuple[ProgrammeItem, ...]) -> list[dict[str, Any]]:
    return [{**asdict(i), "due_on": i.due_on.isoformat() if i.due_on else None} for i in items]


def _from_json(raw: list[dict[str, Any]]) -> tuple[ProgrammeItem, ...]:
    return tuple(
        ProgrammeItem(
            goal=r["goal"],
            activity=r["activity"],
            due_on=parse_date(r["due_on"]) if r.get("due_on") else None,
            status=r["status"],
            evidence=r.get("evidence", ""),
        )
        for r in raw
    )


def _author(actor: Actor, pair_id: uuid.UUID, session: Session) -> None:
    # M-7: the programme is drawn up by guide and protégé together; the centre enters it too.
    pair = load_pair(session, pair_id)
    ensure_editable(session, pair)
    if not party(actor, pair):
        require_staff(actor)


def _programme(session: Session, pair_id: uuid.UUID) -> Programme:
    prog = session.scalar(select(Programme).where(Programme.pair_id == pair_id))
    if prog is None:
        raise NotFoundError(N_("This pair has no individual programme yet."))
    return prog


def get_programme(session: Session, pair_id: uuid.UUID) -> ProgrammeDTO:
    """The current version of a pair's programme and the list of its versions."""
    prog = _programme(session, pair_id)
    versions = list(
        session.scalars(
            select(ProgrammeVersion)
            .where(ProgrammeVersion.programme_id == prog.id)
            .order_by(ProgrammeVersion.number)
        )
    )
    current = next(v for v in versions if v.number == prog.current_version)
    return ProgrammeDTO(
        pair_id=pair_id,
        version=prog.current_version,
        items=_from_json(current.items),
        approved_by=prog.approved_by,
        approved_on=prog.approved_on,
        progress=prog.progress,
        versions=tuple((v.number, v.reason, v.author, v.created_at) for v in versions),
    )


def version_items(session: Session, pair_id: uuid.UUID, number: int) -> tuple[ProgrammeItem, ...]:
    """The items of one version, for comparing corrections (M-7)."""
    prog = _programme(session, pair_id)
    version = session.scalar(
        select(ProgrammeVersion).where(
            ProgrammeVersion.programme_id == prog.id, ProgrammeVersion.number == number
        )
    )
    if version is None:
        raise NotFoundError(N_("This programme version does not exist."))
    return _from_json(version.items)


def compare(
    old: tuple[ProgrammeItem, ...], new: tuple[ProgrammeItem, ...]
) -> list[tuple[int, str, str, str]]:
    """Changes between two versions: (item number, field, old value, new value)."""
    out: list[tuple[int, str, str, str]] = []
    for n in range(max(len(old), len(new))):
        a = asdict(old[n]) if n < len(old) else {}
        b = asdict(new[n]) if n < len(new) else {}
        for key in ("goal", "activity", "due_on", "status", "evidence"):
            if a.get(key) != b.get(key):
                out.append((n + 1, key, str(a.get(key) or ""), str(b.get(key) or "")))
    return out


def draw_up(
    session: Session, actor: Actor, pair_id: uuid.UUID, items: tuple[ProgrammeItem, ...]
) -> ProgrammeDTO:
    """The first version of the programme (M-7, cl. 15.5, 16.1)."""
    _author(actor, pair_id, session)
    _validate(items)
    if session.scalar(select(Programme.id).where(Programme.pair_id == pair_id)) is not None:
        raise ValidationError(
            [FieldError("items", N_("The pair already has a programme; correct it instead — M-7"))]
        )
    prog = Programme(
        pair_id=pair_id, current_version=1, progress=progress_of(items), updated_by=actor.name
    )
    session.add(prog)
    session.flush()
    _add_version(session, actor, prog, items, "")
    record(
        session,
        actor,
        "create",
        "mentoring_programme",
        prog.id,
        {"pair_id": [None, str(pair_id)], "items": [None, len(items)]},
    )
    return get_programme(session, pair_id)


def _add_version(
    session: Session, actor: Actor, prog: Programme, items: tuple[ProgrammeItem, ...], reason: str
) -> None:
    """Keep the items as the programme's current version (M-7: every version stays)."""
    session.add(
        ProgrammeVersion(
            programme_id=prog.id,
            number=prog.current_version,
            reason=reason,
            author=actor.name,
            items=_to_json(items),
            updated_by=actor.name,
        )
    )
    session.flush()


def approve(
    session: Session, actor: Actor, pair_id: uuid.UUID, chairman: str, approved_on: date
) -> ProgrammeDTO:
    """The court chairman's approval of the programme (M-7, cl. 2)."""
    require_staff(actor)
    ensure_editable(session, load_pair(session, pair_id))
    if not chairman.strip():
        raise ValidationError([FieldError("chairman", N_("This field is required."))])
    prog = _programme(session, pair_id)
    old = [prog.approved_by, prog.approved_on.isoformat() if prog.approved_on else None]
    prog.approved_by, prog.approved_on = chairman.strip(), approved_on
    prog.updated_by = actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "mentoring_programme",
        prog.id,
        {"approval": [old, [prog.approved_by, approved_on.isoformat()]]},
    )
    return get_programme(session, pair_id)


def correct(
    session: Session,
    actor: Actor,
    pair_id: uuid.UUID,
    items: tuple[ProgrammeItem, ...],
    reason: str,
) -> ProgrammeDTO:
    """A correction during execution: a new version, the old ones kept (M-7, cl. 15.5, 16.2)."""
    _author(actor, pair_id, session)
    _validate(items)
    if not reason.strip():
        raise ValidationError(
            [FieldError("reason", N_("Say why the programme is corrected — M-7"))]
        )
    prog = _programme(session, pair_id)
    prog.current_version += 1
    prog.progress = progress_of(items)
    prog.updated_by = actor.name
    _add_version(session, actor, prog, items, reason.strip())
    record(
        session,
        actor,
        "update",
        "mentoring_programme",
        prog.id,
        {
            "version": [prog.current_version - 1, prog.current_version],
            "reason": [None, reason.strip()],
            "progress": [None, prog.progress],
        },
    )
    return get_programme(session, pair_id)
