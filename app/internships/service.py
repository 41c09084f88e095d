"""Internship commands: create, move with conflict warnings, tutor, intern's report, status."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import (
    DomainError,
    FieldError,
    NotFoundError,
    ValidationError,
)
from app.core.permissions import INTERNSHIPS_EDIT, require
from app.core.store import lock_rows
from app.internships.conflicts import check_internship
from app.internships.dto import Conflict, InternshipDTO, InternshipInput, SaveResult
from db.models import (
    Court,
    Internship,
    Person,
)
from i18n import N_

STATUSES_OF_INTERNSHIP = ("planned", "done", "cancelled")
KINDS = ("judge", "candidate")


class InternshipConflictError(DomainError):
    """The change breaks scheduling rules; nothing was saved unless the user accepts."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        super().__init__(
            N_("This change breaks rules: {rules}"),
            rules=", ".join(sorted({c.rule for c in conflicts})),
        )
        self.conflicts = conflicts

    def message(self) -> str:
        """Every conflict, one per line, each naming its rule."""
        return "\n".join(c.message() for c in self.conflicts)


def _may_edit(actor: Actor) -> None:
    require(actor, INTERNSHIPS_EDIT, N_("You may not change internships."))


def _name(p: Person | None) -> str:
    return " ".join(x for x in (p.surname, p.first_name, p.patronymic) if x) if p else ""


def to_dto(session: Session, i: Internship) -> InternshipDTO:
    """The DTO of an internship."""
    person, host = session.get(Person, i.person_id), session.get(Court, i.host_court_id)
    tutor = session.get(Person, i.tutor_id) if i.tutor_id else None
    return InternshipDTO(
        i.id,
        i.version,
        i.person_id,
        _name(person),
        i.host_court_id,
        host.name_kk if host else "",
        host.name_ru if host else "",
        i.starts_on,
        i.ends_on,
        i.kind,
        i.status,
        i.paid,
        i.tutor_id,
        _name(tutor),
        i.intern_report,
    )


def _validate(session: Session, data: InternshipInput) -> None:
    errors: list[FieldError] = []
    if session.get(Person, data.person_id) is None:
        errors.append(FieldError("person_id", N_("Choose the intern.")))
    if session.get(Court, data.host_court_id) is None:
        errors.append(FieldError("host_court_id", N_("Choose the host court.")))
    if data.ends_on < data.starts_on:
        errors.append(FieldError("ends_on", N_("The end is before the start.")))
    if data.kind not in KINDS:
        errors.append(FieldError("kind", N_("Unknown kind of internship.")))
    if data.tutor_id is not None:
        tutor = session.get(Person, data.tutor_id)
        if tutor is None or tutor.court_id != data.host_court_id:
            errors.append(FieldError("tutor_id", N_("The tutor must work at the host court.")))
    if errors:
        raise ValidationError(errors)


def _fields(i: Internship) -> dict[str, Any]:
    return {
        "person_id": i.person_id,
        "host_court_id": i.host_court_id,
        "starts_on": i.starts_on,
        "ends_on": i.ends_on,
        "kind": i.kind,
        "status": i.status,
        "paid": i.paid,
        "tutor_id": i.tutor_id,
    }


def save_internship(
    session: Session,
    actor: Actor,
    data: InternshipInput,
    *,
    internship_id: uuid.UUID | None = None,
    expected_version: int | None = None,
    accept_conflicts: bool = False,
) -> SaveResult:
    """Create or move/edit an internship. Conflicts raise InternshipConflictError unless
    the user accepted them; then they are saved and returned as warnings.
    """
    _may_edit(actor)
    _validate(session, data)
    # Two PCs placing judges at once: the host's places (I-1) and candidates' places (I-3)
    # are checked under the host court's row lock, each person's commitments under theirs
    # (courts before people, in every caller, so no two PCs wait on each other in a circle).
    lock_rows(session, Court, data.host_court_id)
    lock_rows(session, Person, data.person_id, data.tutor_id)
    conflicts = check_internship(session, data, internship_id)
    if conflicts and not accept_conflicts:
        raise InternshipConflictError(conflicts)
    if internship_id is None:
        row = Internship(status="planned", intern_report="", updated_by=actor.name)
        old: dict[str, Any] = {}
        session.add(row)
    else:
        found = session.get(Internship, internship_id)
        if found is None:
            raise NotFoundError(N_("This internship was deleted by someone else."))
        if expected_version is not None and found.version != expected_version:
            from app.core.errors import ConflictError

            raise ConflictError(
                N_("Someone else changed this record meanwhile. Reload it and try again.")
            )
        row, old = found, _fields(found)
    row.person_id, row.host_court_id = data.person_id, data.host_court_id
    row.starts_on, row.ends_on, row.kind = data.starts_on, data.ends_on, data.kind
    row.tutor_id, row.paid, row.updated_by = data.tutor_id, data.paid, actor.name
    session.flush()
    record(
        session,
        actor,
        "create" if not old else "update",
        "internship",
        row.id,
        diff(old, _fields(row))
        | ({"conflicts": [None, [c.code for c in conflicts]]} if conflicts else {}),
    )
    return SaveResult(to_dto(session, row), tuple(conflicts))


def _get(session: Session, internship_id: uuid.UUID) -> Internship:
    row = session.get(Internship, internship_id)
    if row is None:
        raise NotFoundError(N_("This internship was deleted by someone else."))
    return row


def set_status(
    session: Session, actor: Actor, internship_id: uuid.UUID, status: str
) -> InternshipDTO:
    """Mark an internship done or cancelled (or planned again)."""
    _may_edit(actor)
    if status not in STATUSES_OF_INTERNSHIP:
        raise ValidationError([FieldError("status", N_("Unknown status."))])
    row = _get(session, internship_id)
    old = _fields(row)
    row.status, row.updated_by = status, actor.name
    session.flush()
    record(session, actor, "update", "internship", row.id, diff(old, _fields(row)))
    return to_dto(session, row)


def set_intern_report(
    session: Session, actor: Actor, internship_id: uuid.UUID, text: str
) -> InternshipDTO:
    """Save the intern's report on the internship (I-2)."""
    _may_edit(actor)
    row = _get(session, internship_id)
    old = {"intern_report": row.intern_report}
    row.intern_report, row.updated_by = text.strip(), actor.name
    session.flush()
    record(
        session,
        actor,
        "update",
        "internship",
        row.id,
        diff(old, {"intern_report": row.intern_report}),
    )
    return to_dto(session, row)


def start_result_sheet(session: Session, actor: Actor, internship_id: uuid.UUID) -> uuid.UUID:
    """The host tutor's evaluation sheet of an internship's result (I-2), on the current
    version of the shipped "internship_result" template; returns the sheet id.
    """
    from app.evaluation.sheets import create_sheet

    row = _get(session, internship_id)
    sheet = create_sheet(
        session,
        actor,
        template_code="internship_result",
        subject_id=row.person_id,
        period=str(row.starts_on.year),
        internship_id=row.id,
    )
    return sheet.id
