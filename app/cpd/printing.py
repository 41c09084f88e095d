"""Gather what the printed CPD documents show, in bulk queries (C-5, C-7)."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import NotFoundError
from app.courts.centre import current_centre
from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, ReportLine
from app.cpd.workflow import report_lines
from app.documents.cpd_individual import IndividualReportData, Progress, build_individual_reports
from db.models import Court, CpdReport, Person
from i18n import N_, localized


def individual_report_data(
    session: Session, person_ids: list[uuid.UUID], year: int, as_of: date | None = None
) -> list[IndividualReportData]:
    """The printable reports of many people, in alphabetical order; accepted ones as frozen."""
    if not person_ids:
        return []
    verdicts = {
        r.person_id: r
        for r in compliance(
            session, ComplianceFilter(year=year, person_ids=tuple(person_ids)), as_of
        )
    }
    people: list[Any] = []
    for chunk in range(0, len(person_ids), 500):
        people += session.execute(
            select(
                Person.id,
                Person.iin,
                Person.surname,
                Person.first_name,
                Person.patronymic,
                Person.position,
                Person.first_appointed_on,
                Person.sort_key,
                Court.name_kk,
                Court.name_ru,
            )
            .outerjoin(Court, Court.id == Person.court_id)
            .where(Person.id.in_(person_ids[chunk : chunk + 500]))
        ).all()
    people.sort(key=lambda r: (r.sort_key, r.id))
    reports: dict[uuid.UUID, CpdReport] = {}
    for chunk in range(0, len(person_ids), 500):
        for rep in session.scalars(
            select(CpdReport).where(
                CpdReport.year == year, CpdReport.person_id.in_(person_ids[chunk : chunk + 500])
            )
        ):
            reports[rep.person_id] = rep
    lines = report_lines(session, person_ids, year)
    result = []
    for p in people:
        report = reports.get(p.id)
        person_lines = tuple(lines.get(p.id, ()))
        if report is not None and report.state == "accepted" and report.snapshot is not None:
            person_lines = tuple(
                ReportLine(
                    i["no"],
                    i["form_kk"],
                    i["form_ru"],
                    i["event"],
                    i["organiser"],
                    Decimal(i["points"]),
                    tuple(i["attachments"]),
                )
                for i in report.snapshot["lines"]
            )
        verdict = verdicts.get(p.id)
        result.append(
            IndividualReportData(
                full_name=" ".join(x for x in (p.surname, p.first_name, p.patronymic) if x),
                iin=p.iin,
                position=p.position,
                court_kk=p.name_kk or "",
                court_ru=p.name_ru or "",
                since=p.first_appointed_on,
                year=year,
                lines=person_lines,
                required=verdict.required if verdict else Decimal(0),
                state=report.state if report else "draft",
                filled_on=report.filled_on if report else None,
                accepted_on=report.accepted_on if report else None,
                accepted_by=report.accepted_by if report else "",
                officer_comment=report.officer_comment if report else "",
            )
        )
    return result


def centre_name(session: Session, lang: str) -> str:
    """The name of this installation's training centre for page headers."""
    centre = current_centre(session)
    return localized(centre.name_kk, centre.name_ru, lang) if centre else ""


def print_individual_reports(
    session: Session,
    person_ids: list[uuid.UUID],
    year: int,
    *,
    lang: str,
    today: date | None = None,
    progress: Progress | None = None,
) -> bytes:
    """PDF of the individual reports of the given people (one long document)."""
    data = individual_report_data(session, person_ids, year, today)
    if not data:
        raise NotFoundError(N_("Nobody to print."))
    return build_individual_reports(
        data,
        lang=lang,
        centre_name=centre_name(session, lang),
        printed_on=today or date.today(),
        progress=progress,
    )
