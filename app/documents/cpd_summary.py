"""The centre's yearly CPD summary (C-7) and the compliance list, as PDF."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.core.progress import Progress
from app.cpd.dto import ComplianceRow, CourtCount
from app.cpd.summary import CentreSummary
from app.cpd.vocab import COMPLIANCE_STATUSES
from app.documents import styles
from app.documents.charts import bar_chart
from app.documents.document import DocumentInfo, render
from app.documents.fonts import SANS_BOLD
from app.documents.layout import approval, fit_widths
from app.documents.spec import Sheet
from app.documents.table_pdf import mm_widths, table_document
from app.people.vocab import ROLES
from i18n import format_date, format_date_long, format_number, localized, translator

CHART_COURTS = 12  # the courts with most people; the table below lists every court


def _n(value: Decimal | int, lang: str) -> str:
    if isinstance(value, Decimal) and value == value.to_integral():
        value = value.quantize(Decimal(1))
    return format_number(value, lang)


TOTAL_NUM = ParagraphStyle("cell_num_bold", parent=styles.CELL_NUM, fontName=SANS_BOLD)


def _table(
    head: list[str],
    rows: list[list[str]],
    widths: list[float],
    numeric_from: int,
    *,
    bold_last: bool = False,
) -> Table:
    data: list[list[Any]] = [[Paragraph(escape(h), styles.CELL_HEAD) for h in head]]
    for n, row in enumerate(rows, start=1):
        total = bold_last and n == len(rows)
        text, num = (styles.CELL_BOLD, TOTAL_NUM) if total else (styles.CELL, styles.CELL_NUM)
        data.append(
            [Paragraph(escape(c), num if i >= numeric_from else text) for i, c in enumerate(row)]
        )
    table = Table(data, colWidths=fit_widths(data, widths), repeatRows=1)
    table.setStyle(styles.GRID)
    return table


def _total_row(summary: CentreSummary, lang: str) -> list[str]:
    """The by-court table's totals: the whole centre (C-7)."""
    tr_ = translator(lang)
    courts = summary.courts
    return [
        tr_("Total"),
        *[
            _n(sum(getattr(c, k) for c in courts), lang)
            for k in ("people", "compliant", "at_risk", "not_compliant", "exempt")
        ],
        _n(sum((c.points for c in courts), Decimal(0)), lang),
    ]


def court_rows(courts: Sequence[CourtCount], lang: str) -> list[list[str]]:
    """Lines of the by-court table."""
    return [
        [
            localized(c.name_kk, c.name_ru, lang) or "—",
            _n(c.people, lang),
            _n(c.compliant, lang),
            _n(c.at_risk, lang),
            _n(c.not_compliant, lang),
            _n(c.exempt, lang),
            _n(c.points, lang),
        ]
        for c in courts
    ]


def verdicts_chart(courts: Sequence[CourtCount], lang: str) -> Drawing:
    """Verdicts of the courts with most people, stacked (issue 12)."""
    tr_ = translator(lang)
    shown = sorted(courts, key=lambda c: -c.people)[:CHART_COURTS]
    return bar_chart(
        tr_("CPD compliance by court"),
        [localized(c.name_kk, c.name_ru, lang) for c in shown],
        [tr_("Compliant"), tr_("At risk"), tr_("Not compliant")],
        [(c.compliant, c.at_risk, c.not_compliant) for c in shown],
        lang=lang,
    )


def build_summary_pdf(
    summary: CentreSummary, *, lang: str, centre_name: str = "", today: date | None = None
) -> bytes:
    """PDF of the yearly summary: totals, points by form, verdicts by court (C-7)."""
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("Summary of professional development for {year}").format(year=summary.year)
    totals = summary.totals
    facts = [
        (tr_("People"), _n(summary.people, lang)),
        (tr_("Compliant"), _n(totals["compliant"], lang)),
        (tr_("At risk"), _n(totals["at_risk"], lang)),
        (tr_("Not compliant"), _n(totals["not_compliant"], lang)),
        (tr_("Exempt"), _n(totals["exempt"], lang)),
        (tr_("Reports accepted"), _n(summary.reports_accepted, lang)),
        (tr_("Reports overdue"), _n(summary.reports_overdue, lang)),
    ]
    story: list[Flowable] = [
        # C-7: the summary leaves the centre approved by its head.
        *approval(lang, tr_("Head of the training centre"), landscape=False),
        Paragraph(escape(title), styles.TITLE),
        Paragraph(
            escape(
                tr_("As of {date}; due by {due}").format(
                    date=format_date_long(summary.as_of, lang, locative=True),
                    due=format_date(summary.due_on, lang),
                )
            ),
            styles.SUBTITLE,
        ),
        _table(
            [tr_("Indicator"), tr_("Number")], [[k, v] for k, v in facts], [90 * mm, 30 * mm], 1
        ),
        Spacer(1, 4 * mm),
        verdicts_chart(summary.courts, lang),
        Spacer(1, 5 * mm),
        Paragraph(escape(tr_("Points by form of activity")), styles.HEADING),
        _table(
            [tr_("No."), tr_("Form of participation"), tr_("Activities"), tr_("Points")],
            [
                [
                    str(i),
                    localized(f.name_kk, f.name_ru, lang),
                    _n(f.activities, lang),
                    _n(f.points, lang),
                ]
                for i, f in enumerate(summary.forms, start=1)
            ],
            [10 * mm, 120 * mm, 22 * mm, 22 * mm],
            2,
        ),
        Spacer(1, 5 * mm),
        Paragraph(escape(tr_("By court")), styles.HEADING),
        _table(
            [
                tr_("Court"),
                tr_("People"),
                tr_("Compliant"),
                tr_("At risk"),
                tr_("Not compliant"),
                tr_("Exempt"),
                tr_("Points"),
            ],
            [*court_rows(summary.courts, lang), _total_row(summary, lang)],
            [62 * mm, 16 * mm, 20 * mm, 18 * mm, 22 * mm, 17 * mm, 19 * mm],
            1,
            bold_last=True,
        ),
    ]
    return render(
        DocumentInfo(title=title, lang=lang, centre_name=centre_name, printed_on=today), story
    )


def compliance_cells(r: ComplianceRow, lang: str, courts: dict[Any, str]) -> list[str]:
    """One person's line of the compliance list, as text."""
    tr_ = translator(lang)
    return [
        r.full_name,
        r.iin,
        courts.get(r.court_id, ""),
        tr_(ROLES.get(r.role, r.role)),
        _n(r.earned, lang),
        _n(r.required, lang),
        _n(r.pending, lang),
        format_date(r.academy_due, lang),
        tr_(COMPLIANCE_STATUSES[r.status]),
    ]


def compliance_values(r: ComplianceRow, lang: str, courts: dict[Any, str]) -> list[Any]:
    """One person's line of the compliance list for a workbook: points as numbers, a date."""
    tr_ = translator(lang)
    return [
        r.full_name,
        r.iin,
        courts.get(r.court_id, ""),
        tr_(ROLES.get(r.role, r.role)),
        r.earned,
        r.required,
        r.pending,
        r.academy_due,
        tr_(COMPLIANCE_STATUSES[r.status]),
    ]


def compliance_header(lang: str) -> list[str]:
    """Column titles of the compliance list."""
    tr_ = translator(lang)
    return [
        tr_("Full name"),
        tr_("IIN"),
        tr_("Court"),
        tr_("Role"),
        tr_("Points earned"),
        tr_("Points required"),
        tr_("Awaiting check"),
        tr_("Academy course due"),
        tr_("Status"),
    ]


def build_compliance_pdf(
    rows: Sequence[ComplianceRow],
    courts: dict[Any, str],
    *,
    year: int,
    lang: str,
    centre_name: str = "",
    today: date | None = None,
    progress: Progress | None = None,
    region: str = "",
    status: str = "",
) -> bytes:
    """Landscape list of people with points earned and required and their verdicts; the
    region and the status listed (their code, "" for all) are named under the title.
    """
    tr_ = translator(lang)
    today = today or date.today()
    title = tr_("CPD compliance for {year}").format(year=year)
    lines = [tr_("As of {date}").format(date=format_date_long(today, lang, locative=True))]
    if region:
        lines.append(tr_("Region:") + " " + region)
    if status:
        lines.append(tr_("Only: {status}").format(status=tr_(COMPLIANCE_STATUSES[status])))
    return table_document(
        title=title,
        subtitle="<br/>".join(escape(line) for line in lines),
        subtitle_markup=True,
        empty=tr_("Nobody is listed."),
        header=[tr_("No."), *compliance_header(lang)],
        rows=[[str(i), *compliance_cells(r, lang, courts)] for i, r in enumerate(rows, start=1)],
        widths=mm_widths(11, 48, 24, 50, 22, 20, 20, 20, 22, 24),
        lang=lang,
        centre_name=centre_name,
        today=today,
        numeric=(0, 5, 6, 7),
        progress=progress,
    )


def summary_sheets(summary: CentreSummary, lang: str) -> list[Sheet]:
    """The summary as a workbook: totals, points by form, by court (C-7)."""
    tr_ = translator(lang)
    return [
        Sheet(
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
        Sheet(
            tr_("By form"),
            [tr_("Code"), tr_("Form of participation"), tr_("Activities"), tr_("Points")],
            [
                [f.code, localized(f.name_kk, f.name_ru, lang), f.activities, float(f.points)]
                for f in summary.forms
            ],
        ),
        Sheet(
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
