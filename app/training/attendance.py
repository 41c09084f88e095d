"""Attendance into the ledger, the sign-in sheet typed back, participant feedback (T-2).

Attendance is the evidence of participation: marking a person present creates their confirmed
ledger line with the event's points (C-1, C-3); unmarking removes it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import DomainError, FieldError, ValidationError
from app.core.permissions import REFUSED, TRAINING_MANAGE, require
from app.cpd.credits import Attended, credit_attendance, credited, withdraw_attendance
from app.cpd.rules import rule_set_for
from app.training.dto import (
    AttendanceResult,
)
from app.training.service import registration, session_record
from db.base import utcnow
from db.models import (
    TrainingEvent,
    TrainingRegistration,
)
from i18n import N_


class SignInSheetError(DomainError):
    """The typed-back sign-in sheet names rows that are not on the sheet."""


def event_points(session: Session, event: TrainingEvent, on: date) -> Decimal:
    """Points an attendee earns: the event's own, else the form's in the rules of that year."""
    if event.points is not None:
        return Decimal(event.points)
    points = rule_set_for(session, on.year).points.get(event.form_id)
    if points is None:
        raise ValidationError(
            [
                FieldError(
                    "points",
                    N_(
                        "This form has no points in the rules of {year}: enter the points and the "
                        "reason."
                    ),
                    {"year": on.year},
                )
            ]
        )
    return points


def mark_attendance(
    session: Session,
    actor: Actor,
    session_id: uuid.UUID,
    present: Iterable[uuid.UUID],
    *,
    today: date | None = None,
) -> AttendanceResult:
    """Set who attended; each attendee gets one confirmed ledger line, the absent lose theirs.

    The line carries the event's form and points in the rules of the session's year (C-1, C-9),
    is linked to the registration and keyed by it, so marking twice never doubles points.
    """
    require(actor, TRAINING_MANAGE, REFUSED)
    today = today or date.today()
    ts = session_record(session, session_id)
    if ts.starts_on > today:
        raise ValidationError(
            [
                FieldError(
                    "session_id",
                    N_("The session has not started yet; attendance cannot be marked."),
                )
            ]
        )
    event = session.get(TrainingEvent, ts.event_id)
    assert event is not None
    present_set = set(present)
    regs = {
        r.person_id: r
        for r in session.scalars(
            select(TrainingRegistration).where(TrainingRegistration.session_id == session_id)
        )
    }
    unknown = present_set - set(regs)
    if unknown:
        raise ValidationError(
            [
                FieldError(
                    "present",
                    N_("{count} of the people marked present are not registered."),
                    {"count": len(unknown)},
                )
            ]
        )
    points = event_points(session, event, ts.ends_on)
    earned = credited(session, [r.id for r in regs.values()])
    created = removed = 0
    for pid, reg in regs.items():
        came = pid in present_set
        if came and reg.id not in earned:
            attended = Attended(
                pid,
                reg.id,
                event.form_id,
                event.title,
                event.organiser,
                ts.starts_on,
                ts.ends_on,
                points,
            )
            credit_attendance(session, actor, attended, today=today)
            created += 1
        elif not came and reg.id in earned:
            withdraw_attendance(session, actor, pid, reg.id)
            removed += 1
        if came and reg.state == "waiting":
            reg.state = "registered"
        if reg.attended != came:
            reg.attended, reg.updated_by = came, actor.name
    session.flush()
    record(
        session,
        actor,
        "attendance",
        "training_session",
        session_id,
        {
            "present": [None, len(present_set)],
            "lines_created": [None, created],
            "lines_removed": [None, removed],
        },
    )
    return AttendanceResult(created, removed)


def parse_row_numbers(text: str) -> list[int]:
    """Rows typed back from a paper sign-in sheet: "1, 3-5 8" → [1, 3, 4, 5, 8]."""
    numbers: list[int] = []
    for part in text.replace(",", " ").replace(";", " ").split():
        if "-" in part.strip("-"):
            first, _sep, last = part.partition("-")
            if not (first.isdecimal() and last.isdecimal()) or int(last) < int(first):
                raise SignInSheetError(N_("Not a row number: {value}"), value=part)
            if int(last) - int(first) > 10_000:
                raise SignInSheetError(N_("Not a row number: {value}"), value=part)
            numbers += range(int(first), int(last) + 1)
        elif part.isdecimal():
            numbers.append(int(part))
        else:
            raise SignInSheetError(N_("Not a row number: {value}"), value=part)
    return sorted(set(numbers))


def record_sign_in_sheet(
    session: Session, actor: Actor, session_id: uuid.UUID, rows: str, *, today: date | None = None
) -> AttendanceResult:
    """Attendance typed back from the printed sign-in sheet by its row numbers."""
    from app.training.queries import registrations

    sheet = registrations(session, session_id)
    numbers = parse_row_numbers(rows)
    outside = [n for n in numbers if not 1 <= n <= len(sheet)]
    if outside:
        raise SignInSheetError(
            N_("The sheet has rows 1 to {last}; not {rows}."),
            last=len(sheet),
            rows=", ".join(map(str, outside)),
        )
    by_number = {r.no: r.person_id for r in sheet}  # the shown order may differ by language
    present = [by_number[n] for n in numbers]
    return mark_attendance(session, actor, session_id, present, today=today)


def give_feedback(
    session: Session,
    actor: Actor,
    session_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    rating: int,
    comment: str = "",
) -> None:
    """A participant's rating (1–5) and comment on a session."""
    if actor.person_id != person_id:
        require(actor, TRAINING_MANAGE, REFUSED)
    reg = registration(session, session_id, person_id)
    if reg is None or not reg.attended:
        raise ValidationError(
            [FieldError("person_id", N_("Only a participant who attended can give feedback."))]
        )
    if not 1 <= rating <= 5:
        raise ValidationError([FieldError("rating", N_("Rate from 1 to 5."))])
    before: dict[str, Any] = {"rating": reg.rating, "feedback": reg.feedback}
    reg.rating, reg.feedback, reg.updated_by = rating, comment.strip()[:4000], actor.name
    reg.updated_at = utcnow()
    session.flush()
    record(
        session,
        actor,
        "feedback",
        "training_registration",
        reg.id,
        diff(before, {"rating": rating, "feedback": reg.feedback}),
    )
