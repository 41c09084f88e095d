"""The training centre's yearly CPD summary, due 1 March of the next year (C-7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.cpd.compliance import compliance
from app.cpd.compliance_counts import counts_by_court, status_totals
from app.cpd.dto import ComplianceFilter, ComplianceRow, CourtCount
from app.cpd.rules import owes_report, rule_set_for
from app.cpd.workflow import due_date, list_reports
from db.models import Court, CpdActivity, CpdForm, Person


@dataclass(frozen=True)
class FormTotal:
    """Confirmed activities and points of one form in the year."""

    code: str
    name_kk: str
    name_ru: str
    activities: int
    points: Decimal


@dataclass(frozen=True)
class CentreSummary:
    """People, verdicts, points by form and by court, reports handed in (C-7)."""

    year: int
    as_of: date
    due_on: date
    region_code: str
    people: int
    totals: dict[str, int]
    forms: tuple[FormTotal, ...]
    courts: tuple[CourtCount, ...]
    reports_accepted: int
    reports_overdue: int
    rows: tuple[ComplianceRow, ...]


def summary_due(session: Session, year: int) -> date:
    """1 March of the next year by default (C-7)."""
    month, day = (int(x) for x in rule_set_for(session, year).summary_due.split("-"))
    return date(year + 1, month, day)


def centre_summary(
    session: Session, year: int, *, region_code: str = "", as_of: date | None = None
) -> CentreSummary:
    """The summary of a region (or the whole store when region_code is empty)."""
    as_of = as_of or date.today()
    rows = compliance(session, ComplianceFilter(year=year, region_code=region_code), as_of)
    stmt = (
        select(
            CpdForm.code,
            CpdForm.name_kk,
            CpdForm.name_ru,
            CpdForm.sort_order,
            func.count(CpdActivity.id),
            func.sum(CpdActivity.points),
        )
        .join(CpdActivity, CpdActivity.form_id == CpdForm.id)
        .where(CpdActivity.year == year, CpdActivity.state == "confirmed")
        .group_by(CpdForm.code, CpdForm.name_kk, CpdForm.name_ru, CpdForm.sort_order)
        .order_by(CpdForm.sort_order)
    )
    if region_code:
        stmt = stmt.where(
            CpdActivity.person_id.in_(
                select(Person.id)
                .join(Court, Court.id == Person.court_id)
                .where(Court.region_code == region_code)
            )
        )
    forms = tuple(
        FormTotal(code, kk, ru, int(n), Decimal(p or 0))
        for code, kk, ru, _order, n, p in session.execute(stmt)
    )
    ids = {r.person_id for r in rows}
    owing = {r.person_id for r in rows if owes_report(r.required, r.exempt_days, year)}
    reports = [r for r in list_reports(session, year, today=as_of) if r[0] in ids]
    accepted = sum(1 for r in reports if r[1] == "accepted")
    overdue = sum(1 for r in reports if r[2] and r[0] in owing)
    if as_of > due_date(session, year):
        # people who owe a report and never started one are overdue too (C-5, C-7)
        overdue += len(owing - {r[0] for r in reports})
    return CentreSummary(
        year=year,
        as_of=as_of,
        due_on=summary_due(session, year),
        region_code=region_code,
        people=len(rows),
        totals=status_totals(rows),
        forms=forms,
        courts=tuple(counts_by_court(session, rows)),
        reports_accepted=accepted,
        reports_overdue=overdue,
        rows=tuple(rows),
    )
