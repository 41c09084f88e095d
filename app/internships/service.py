"""Internship commands: create, move with conflict warnings, tutor, intern's report, status."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit.service import diff, record
from app.context import CENTRE_OFFICER, COORDINATOR, HR, Actor
from app.errors import (
    DomainError,
    FieldError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from app.internships.dto import Conflict, InternshipDTO, InternshipInput, SaveResult
from app.internships.rules import is_higher_court, rules_for_year
from app.people.vocab import STATUSES
from db.models import (
    BusyPeriod,
    CandidatePlaces,
    Court,
    HostBlackout,
    HostOffer,
    Internship,
    Person,
    PersonStatusPeriod,
)
from i18n import N_, format_date

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
    if not any(actor.has_role(r) for r in (COORDINATOR, CENTRE_OFFICER, HR)):
        raise PermissionDeniedError(N_("You may not change internships."))


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


def _capacity_conflicts(
    session: Session, data: InternshipInput, exclude: uuid.UUID | None
) -> list[Conflict]:
    days = (data.ends_on - data.starts_on).days + 1
    cap = [0] * days
    for o in session.scalars(
        select(HostOffer).where(
            HostOffer.court_id == data.host_court_id,
            HostOffer.kind == data.kind,
            HostOffer.starts_on <= data.ends_on,
            HostOffer.ends_on >= data.starts_on,
        )
    ):
        for d in range(days):
            if o.starts_on <= data.starts_on + timedelta(days=d) <= o.ends_on:
                cap[d] += o.capacity
    out: list[Conflict] = []
    for b in session.scalars(
        select(HostBlackout).where(
            HostBlackout.court_id == data.host_court_id,
            HostBlackout.starts_on <= data.ends_on,
            HostBlackout.ends_on >= data.starts_on,
        )
    ):
        out.append(
            Conflict(
                "I-1",
                "host_closed",
                N_("The host court cannot host from {start} to {end}: {reason}"),
                {
                    "start": format_date(b.starts_on),
                    "end": format_date(b.ends_on),
                    "reason": b.reason,
                },
            )
        )
        for d in range(days):
            if b.starts_on <= data.starts_on + timedelta(days=d) <= b.ends_on:
                cap[d] = 0
    load = [0] * days
    stmt = select(Internship.starts_on, Internship.ends_on).where(
        Internship.host_court_id == data.host_court_id,
        Internship.kind == data.kind,
        Internship.status != "cancelled",
        Internship.starts_on <= data.ends_on,
        Internship.ends_on >= data.starts_on,
    )
    if exclude is not None:
        stmt = stmt.where(Internship.id != exclude)
    for s, e in session.execute(stmt):
        for d in range(days):
            if s <= data.starts_on + timedelta(days=d) <= e:
                load[d] += 1
    over = [d for d in range(days) if load[d] + 1 > cap[d]]
    if over:
        day = data.starts_on + timedelta(days=over[0])
        out.append(
            Conflict(
                "I-1",
                "over_capacity",
                N_("The host court has no free place on {date} ({places} places, {taken} taken)."),
                {"date": format_date(day), "places": cap[over[0]], "taken": load[over[0]]},
            )
        )
    return out


def check_internship(
    session: Session, data: InternshipInput, exclude: uuid.UUID | None = None
) -> list[Conflict]:
    """Every scheduling rule the internship would break (I-1; I-3 for candidates)."""
    out: list[Conflict] = []
    person = session.get(Person, data.person_id)
    rules = rules_for_year(session, data.starts_on.year)
    days = (data.ends_on - data.starts_on).days + 1
    if data.kind == "judge":
        if days < rules.min_days:
            out.append(
                Conflict(
                    "I-1",
                    "too_short",
                    N_("The internship lasts {days} days; at least {min} are required."),
                    {"days": days, "min": rules.min_days},
                )
            )
        if person is None or not is_higher_court(session, person.court_id, data.host_court_id):
            out.append(
                Conflict(
                    "I-1",
                    "not_higher_court",
                    N_("The host court is not a higher court for this judge."),
                )
            )
    else:
        placed = session.scalar(
            select(CandidatePlaces.places).where(
                CandidatePlaces.court_id == data.host_court_id,
                CandidatePlaces.year == data.starts_on.year,
            )
        )
        taken = len(
            session.scalars(
                select(Internship.id).where(
                    Internship.kind == "candidate",
                    Internship.host_court_id == data.host_court_id,
                    Internship.status != "cancelled",
                    Internship.id != (exclude or uuid.uuid4()),
                    Internship.starts_on >= date(data.starts_on.year, 1, 1),
                    Internship.starts_on <= date(data.starts_on.year, 12, 31),
                )
            ).all()
        )
        if taken + 1 > (placed or 0):
            out.append(
                Conflict(
                    "I-3",
                    "no_candidate_place",
                    N_("The court has {places} places for candidates this year, all taken."),
                    {"places": placed or 0},
                )
            )
    if data.kind == "judge":
        out += _capacity_conflicts(session, data, exclude)
    for st in session.scalars(
        select(PersonStatusPeriod).where(
            PersonStatusPeriod.person_id == data.person_id,
            PersonStatusPeriod.starts_on <= data.ends_on,
        )
    ):
        if st.ends_on is None or st.ends_on >= data.starts_on:
            out.append(
                Conflict(
                    "I-1",
                    "on_leave",
                    N_("The judge's status is \u201c{status}\u201d from {start}."),
                    {
                        "status": STATUSES.get(st.status, st.status),
                        "start": format_date(st.starts_on),
                    },
                )
            )
    stmt = select(Internship).where(
        Internship.person_id == data.person_id,
        Internship.status != "cancelled",
        Internship.starts_on <= data.ends_on,
        Internship.ends_on >= data.starts_on,
    )
    if exclude is not None:
        stmt = stmt.where(Internship.id != exclude)
    for other in session.scalars(stmt):
        out.append(
            Conflict(
                "I-1",
                "overlap",
                N_("Overlaps another internship from {start} to {end}."),
                {"start": format_date(other.starts_on), "end": format_date(other.ends_on)},
            )
        )
    for b in session.scalars(
        select(BusyPeriod).where(
            BusyPeriod.person_id == data.person_id,
            BusyPeriod.starts_on <= data.ends_on,
            BusyPeriod.ends_on >= data.starts_on,
        )
    ):
        out.append(
            Conflict(
                "I-1",
                "busy",
                N_("Overlaps {what} from {start} to {end}."),
                {
                    "what": b.note or b.source,
                    "start": format_date(b.starts_on),
                    "end": format_date(b.ends_on),
                },
            )
        )
    return out


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
            from app.errors import ConflictError

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
