"""What the printed individual CPD reports show, gathered in bulk queries (C-5)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.errors import DomainError, NotFoundError
from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, IndividualReportData
from app.cpd.report_lines import report_lines, snapshot_lines
from db.models import Court, CpdReport, Person
from i18n import N_, current_language


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
                Person.role,
                Person.first_appointed_on,
                Person.name_order(current_language()).label("sort_key"),  # P-2
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
            person_lines = snapshot_lines(report.snapshot)
        verdict = verdicts.get(p.id)
        result.append(
            IndividualReportData(
                full_name=" ".join(x for x in (p.surname, p.first_name, p.patronymic) if x),
                iin=p.iin,
                position=p.position,
                role=p.role,
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


def people_to_print(
    session: Session, iins: Sequence[str], region_code: str = ""
) -> list[uuid.UUID]:
    """The people named by IIN, then everyone of a region (batch printing), without repeats."""
    ids = []
    for iin in iins:
        pid = session.scalar(select(Person.id).where(Person.iin == iin.strip()))
        if pid is None:
            raise NotFoundError(N_("No person with IIN {iin} in the register."), iin=iin)
        ids.append(pid)
    if region_code:
        ids += list(
            session.scalars(
                select(Person.id)
                .join(Court, Court.id == Person.court_id)
                .where(Court.region_code == region_code)
            )
        )
    if not ids:
        raise DomainError(N_("Name a person (--person IIN) or a region (--region)."))
    return list(dict.fromkeys(ids))
