"""The individual report: draft → submitted → returned → corrected → accepted (C-5, C-6)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.audit import diff, record
from app.core.context import Actor
from app.core.errors import ConflictError, DomainError, FieldError, NotFoundError, ValidationError
from app.core.permissions import CPD_KEEP, CPD_REVIEW, REFUSED, require
from app.cpd.dto import ReportDTO, ReportLine
from app.cpd.report_lines import report_lines, snapshot_lines
from app.cpd.rules import rule_set_for, undecided_lines
from db.models import CpdActivity, CpdReport, Person
from i18n import N_


class ReportStateError(DomainError):
    """The report is not in a state that allows this step."""


def due_date(session: Session, year: int) -> date:
    """When the report for a year is due: 15 February of the next year by default (C-5)."""
    month, day = (int(x) for x in rule_set_for(session, year).report_due.split("-"))
    return date(year + 1, month, day)


def is_overdue(state: str, submitted_on: date | None, due: date, today: date) -> bool:
    """Not handed in by the due date (a report handed in late stays marked overdue)."""
    if submitted_on is not None:
        return submitted_on > due
    return state == "draft" and today > due


def _lines_of(session: Session, report: CpdReport) -> tuple[ReportLine, ...]:
    if report.state == "accepted" and report.snapshot is not None:
        return snapshot_lines(report.snapshot)
    return tuple(report_lines(session, [report.person_id], report.year)[report.person_id])


def to_dto(session: Session, report: CpdReport, today: date) -> ReportDTO:
    """DTO of a report with its current (or, once accepted, frozen) lines."""
    due = due_date(session, report.year)
    return ReportDTO(
        id=report.id,
        version=report.version,
        person_id=report.person_id,
        year=report.year,
        state=report.state,
        due_on=due,
        overdue=is_overdue(report.state, report.submitted_on, due, today),
        filled_on=report.filled_on,
        submitted_on=report.submitted_on,
        remarks=report.remarks,
        officer_comment=report.officer_comment,
        accepted_on=report.accepted_on,
        accepted_by=report.accepted_by,
        lines=_lines_of(session, report),
    )


def _snapshot(r: CpdReport) -> dict[str, Any]:
    return {
        "state": r.state,
        "filled_on": r.filled_on,
        "submitted_on": r.submitted_on,
        "remarks": r.remarks,
        "officer_comment": r.officer_comment,
        "accepted_on": r.accepted_on,
        "accepted_by": r.accepted_by,
    }


def open_report(
    session: Session, actor: Actor, person_id: uuid.UUID, year: int, today: date | None = None
) -> ReportDTO:
    """The person's report for a year, started as a draft when there is none."""
    today = today or date.today()
    if actor.person_id != person_id:
        require(actor, CPD_KEEP, REFUSED)
    if session.get(Person, person_id) is None:
        raise NotFoundError(N_("This person was deleted by someone else."))
    report = session.scalars(
        select(CpdReport).where(CpdReport.person_id == person_id, CpdReport.year == year)
    ).first()
    if report is None:
        report = CpdReport(person_id=person_id, year=year, state="draft", updated_by=actor.name)
        session.add(report)
        session.flush()
        record(
            session,
            actor,
            "create",
            "cpd_report",
            report.id,
            diff({}, {"person_id": person_id, "year": year, "state": "draft"}),
        )
    return to_dto(session, report, today)


def find_report(
    session: Session, person_id: uuid.UUID, year: int, today: date | None = None
) -> ReportDTO | None:
    """The person's report for a year, if started."""
    report = session.scalars(
        select(CpdReport).where(CpdReport.person_id == person_id, CpdReport.year == year)
    ).first()
    return to_dto(session, report, today or date.today()) if report else None


def _load(session: Session, report_id: uuid.UUID, expected_version: int | None) -> CpdReport:
    report = session.get(CpdReport, report_id)
    if report is None:
        raise NotFoundError(N_("This report was deleted by someone else."))
    if expected_version is not None and report.version != expected_version:
        raise ConflictError(
            N_("Someone else changed this record meanwhile. Reload it and try again.")
        )
    if report.state == "accepted":
        raise ReportStateError(N_("The report is accepted and locked."))
    return report


def _step(
    session: Session,
    actor: Actor,
    report: CpdReport,
    action: str,
    *,
    before: dict[str, Any],
    today: date,
) -> ReportDTO:
    report.updated_by = actor.name
    session.flush()
    record(session, actor, action, "cpd_report", report.id, diff(before, _snapshot(report)))
    return to_dto(session, report, today)


def submit_report(
    session: Session,
    actor: Actor,
    report_id: uuid.UUID,
    *,
    filled_on: date | None = None,
    expected_version: int | None = None,
    today: date | None = None,
) -> ReportDTO:
    """The person hands the report in (draft → submitted), or again after remarks
    (returned → corrected) (C-5, C-6).
    """
    today = today or date.today()
    report = _load(session, report_id, expected_version)
    if actor.person_id != report.person_id:
        require(actor, CPD_KEEP, REFUSED)
    before = dict(_snapshot(report))
    if report.state == "draft":
        report.state, report.submitted_on = "submitted", today
    elif report.state == "returned":
        report.state = "corrected"
    else:
        raise ReportStateError(N_("Only a draft or a returned report can be handed in."))
    report.filled_on = filled_on or today
    return _step(session, actor, report, "submit", before=before, today=today)


def return_report(
    session: Session,
    actor: Actor,
    report_id: uuid.UUID,
    *,
    remarks: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> ReportDTO:
    """The responsible officer returns the report with remarks for correction (C-6)."""
    require(actor, CPD_REVIEW, REFUSED)
    today = today or date.today()
    report = _load(session, report_id, expected_version)
    if report.state not in ("submitted", "corrected"):
        raise ReportStateError(N_("Only a handed-in report can be returned."))
    if not remarks.strip():
        raise ValidationError([FieldError("remarks", N_("Write the remarks."))])
    before = _snapshot(report)
    report.state, report.remarks = "returned", remarks.strip()
    return _step(session, actor, report, "return", before=before, today=today)


def accept_report(
    session: Session,
    actor: Actor,
    report_id: uuid.UUID,
    *,
    officer_name: str,
    comment: str = "",
    expected_version: int | None = None,
    today: date | None = None,
) -> ReportDTO:
    """The officer signs the report off after checking it and its documents; it is locked.

    `comment` records the officer's remarks the person did not agree with (C-6).
    """
    require(actor, CPD_REVIEW, REFUSED)
    today = today or date.today()
    report = _load(session, report_id, expected_version)
    if report.state not in ("submitted", "corrected"):
        raise ReportStateError(N_("Only a handed-in report can be accepted."))
    if not officer_name.strip():
        raise ValidationError([FieldError("officer_name", N_("This field is required."))])
    # C-5 clarification: accepted only when every line is confirmed or rejected with a reason;
    # an accepted report locks its year, so a waiting line could never be decided afterwards.
    states = session.scalars(
        select(CpdActivity.state).where(
            CpdActivity.person_id == report.person_id, CpdActivity.year == report.year
        )
    )
    if waiting := undecided_lines(list(states)):
        raise ReportStateError(
            N_("Lines still waiting for a check: {count}. Confirm or reject each one first."),
            count=waiting,
        )
    lines = report_lines(session, [report.person_id], report.year)[report.person_id]
    before = _snapshot(report)
    report.state, report.accepted_on = "accepted", today
    report.accepted_by = " ".join(officer_name.split())[:200]
    report.officer_comment = comment.strip()
    report.snapshot = {
        "lines": [
            {
                "no": ln.no,
                "form_kk": ln.form_kk,
                "form_ru": ln.form_ru,
                "event": ln.event,
                "organiser": ln.organiser,
                "points": str(ln.points),
                "attachments": list(ln.attachments),
            }
            for ln in lines
        ]
    }
    return _step(session, actor, report, "accept", before=before, today=today)


def list_reports(
    session: Session, year: int, today: date | None = None, state: str = ""
) -> list[tuple[uuid.UUID, str, bool]]:
    """(person id, state, overdue) of every started report of a year."""
    today = today or date.today()
    due = due_date(session, year)
    stmt = select(CpdReport.person_id, CpdReport.state, CpdReport.submitted_on).where(
        CpdReport.year == year
    )
    if state:
        stmt = stmt.where(CpdReport.state == state)
    return [
        (r.person_id, r.state, is_overdue(r.state, r.submitted_on, due, today))
        for r in session.execute(stmt)
    ]
