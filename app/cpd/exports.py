"""Write the compliance list and the yearly summary as CSV, XLSX or PDF files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.cells import as_cell, neutralise
from app.core.sheet_writer import write_csv, write_xlsx
from app.cpd.compliance import compliance
from app.cpd.dto import ComplianceFilter, ComplianceRow
from app.cpd.printing import centre_name
from app.cpd.summary import CentreSummary, centre_summary
from app.documents.cpd_summary import (
    build_compliance_pdf,
    build_summary_pdf,
    compliance_cells,
    compliance_header,
)
from db.models import Court
from i18n import localized, translator


def court_names(session: Session, lang: str) -> dict[Any, str]:
    """Court id → name in a language."""
    return {c.id: localized(c.name_kk, c.name_ru, lang) for c in session.scalars(select(Court))}


def export_compliance(
    session: Session,
    flt: ComplianceFilter,
    fmt: str,
    path: Path,
    *,
    lang: str,
    as_of: date | None = None,
) -> list[ComplianceRow]:
    """The compliance list of a year as csv, xlsx or pdf; returns its rows."""
    as_of = as_of or date.today()
    rows = compliance(session, flt, as_of)
    names = court_names(session, lang)
    if fmt == "pdf":
        path.write_bytes(
            build_compliance_pdf(
                rows,
                names,
                year=flt.year,
                lang=lang,
                centre_name=centre_name(session, lang),
                today=as_of,
            )
        )
        return rows
    header = compliance_header(lang)
    cells = [compliance_cells(r, lang, names) for r in rows]
    if fmt == "csv":
        write_csv(path, header, cells)
    else:
        write_xlsx(path, str(flt.year), header, cells)
    return rows


def write_summary_xlsx(summary: CentreSummary, path: Path, *, lang: str) -> None:
    """A workbook: totals, points by form, by court, and every person's verdict."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    tr_ = translator(lang)
    wb = Workbook()
    sheets: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            tr_("Summary"),
            [tr_("Indicator"), tr_("Number")],
            [
                [tr_("Year"), summary.year],
                [tr_("People"), summary.people],
                [tr_("Compliant"), summary.totals["compliant"]],
                [tr_("At risk"), summary.totals["at_risk"]],
                [tr_("Not compliant"), summary.totals["not_compliant"]],
                [tr_("Exempt"), summary.totals["exempt"]],
                [tr_("Reports accepted"), summary.reports_accepted],
                [tr_("Reports overdue"), summary.reports_overdue],
            ],
        ),
        (
            tr_("By form"),
            [tr_("Code"), tr_("Form of participation"), tr_("Activities"), tr_("Points")],
            [
                [f.code, localized(f.name_kk, f.name_ru, lang), f.activities, float(f.points)]
                for f in summary.forms
            ],
        ),
        (
            tr_("By court"),
            [
                tr_("Court"),
                tr_("People"),
                tr_("Compliant"),
                tr_("At risk"),
                tr_("Not compliant"),
                tr_("Exempt"),
                tr_("Points"),
            ],
            [
                [
                    localized(c.name_kk, c.name_ru, lang),
                    c.people,
                    c.compliant,
                    c.at_risk,
                    c.not_compliant,
                    c.exempt,
                    float(c.points),
                ]
                for c in summary.courts
            ],
        ),
    ]
    first = True
    for title, header, rows in sheets:
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title[:31]
        ws.append([neutralise(h) for h in header])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append([as_cell(v) for v in row])
        ws.column_dimensions["A"].width = 50
        ws.column_dimensions["B"].width = 40 if title == tr_("By form") else 14
        ws.freeze_panes = "A2"
    tmp = path.with_name(path.name + ".partial")
    wb.save(tmp)
    tmp.replace(path)


def export_summary(
    session: Session,
    year: int,
    fmt: str,
    path: Path,
    *,
    lang: str,
    region_code: str = "",
    as_of: date | None = None,
) -> CentreSummary:
    """The yearly summary (C-7) as pdf or xlsx."""
    summary = centre_summary(session, year, region_code=region_code, as_of=as_of)
    if fmt == "pdf":
        path.write_bytes(
            build_summary_pdf(
                summary, lang=lang, centre_name=centre_name(session, lang), today=summary.as_of
            )
        )
    else:
        write_summary_xlsx(summary, path, lang=lang)
    return summary
